//! Line charts and images drawn as text, for `plot` and `imshow`: the book draws its activation
//! functions, loss curves and digit images with matplotlib, and a terminal lesson needs the same
//! pictures without a window.
//!
//! A chart is a grid of terminal cells. With colour on, each cell holds a 2×4 braille pattern
//! (or, without braille, a half block `▀ ▄ █`), which gives two to eight times the resolution of
//! one mark per cell, and each series gets its own colour from [`Style::series`]. Without colour,
//! colour cannot tell series apart, so two or more series are drawn with one ASCII mark each
//! (`*`, `o`, `+`, `x`, `#`, `@`); a single series keeps the finer braille or half blocks, since
//! there is nothing to tell apart. Consecutive finite points are joined by straight lines, as
//! matplotlib's `plot` joins them; a nan or inf is skipped and breaks the line there, as it does
//! in matplotlib.
//!
//! The numbers on the axes are Python's repr of a rounded value ([`float_repr`]), so they read
//! like the numbers the REPL prints: `-1.0`, `0.25`, `1e-05`. The y range is widened to a round
//! step (1, 2, 2.5 or 5 times a power of ten) so that the top, middle and bottom labels are short.
//!
//! Nothing here is worded: labels are the learner's own source text and numbers, and failures are
//! [`PlotError`] values that the caller words through the message catalogue. The output depends on
//! nothing but the arguments, so snapshot tests can pin it.

use crate::engine::value::Value;
use crate::show::print::float_repr;
use crate::show::style::Style;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Rows of plot area when the caller has no better idea: enough to show a sigmoid's bend, few
/// enough that the prompt stays on screen.
pub const DEFAULT_HEIGHT: usize = 16;
/// How many points a chart draws between looks at Ctrl-C: about a millisecond of work.
const STOP_EVERY: usize = 1 << 16;

/// The fewest plot rows that still have room for a top, a middle and a bottom label.
pub const MIN_HEIGHT: usize = 3;
/// The fewest plot columns that still have room for three x labels.
pub const MIN_PLOT_WIDTH: usize = 8;

/// The marks that tell series apart when colour cannot, in the order series get them.
const MARKS: [char; 6] = ['*', 'o', '+', 'x', '#', '@'];
/// Image shades from the lowest value to the highest; the lowest is blank, like paper.
const SHADES: [char; 5] = [' ', '░', '▒', '▓', '█'];
/// What a nan or inf pixel is drawn as: no shade could be mistaken for it.
const NONFINITE_PIXEL: &str = "xx";
/// Flattened images that `imshow` shows square: the book's 8×8 digits and 28×28 MNIST rows.
/// Spaces between legend entries.
const LEGEND_GAP: usize = 3;

/// One line of a chart: its y values, and the source text that named it, for the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The source text the series came from (`np.sin(x)`), which is the name a learner knows it
    /// by.
    pub label: String,
    /// The values, one a point; nan and inf are gaps.
    pub ys: Vec<f64>,
}

impl Series {
    /// A series from values already flattened.
    pub fn new(label: impl Into<String>, ys: Vec<f64>) -> Series {
        Series {
            label: label.into(),
            ys,
        }
    }

    /// A series from a value, which must be 1-D; booleans plot as 0 and 1, as numpy casts them.
    /// `series` is the position the error names, counting the series `plot` was given.
    pub fn from_value(
        label: impl Into<String>,
        value: &Value,
        series: usize,
    ) -> Result<Series, PlotError> {
        if value.shape().len() != 1 {
            return Err(PlotError::NotOneD {
                series,
                shape: value.shape().to_vec(),
            });
        }
        Ok(Series::new(
            label,
            value.as_float().iter().copied().collect(),
        ))
    }
}

/// The x values of `plot xs, y1, ...` from a value, which must be 1-D.
pub fn xs_from_value(value: &Value) -> Result<Vec<f64>, PlotError> {
    if value.shape().len() != 1 {
        return Err(PlotError::XsNotOneD {
            shape: value.shape().to_vec(),
        });
    }
    Ok(value.as_float().iter().copied().collect())
}

/// The rows and columns `imshow` draws a value of this shape as: a 2-D array as it is, and a
/// flattened 8×8 or 28×28 image (64 or 784 elements) as a square, because the book's data sets
/// keep each image as one such row.
pub fn image_shape(shape: &[usize]) -> Result<(usize, usize), PlotError> {
    crate::engine::shape::image_rows_cols(shape).ok_or_else(|| PlotError::NotImage {
        shape: shape.to_vec(),
    })
}

/// How big a chart is and how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartOptions {
    /// Terminal columns; no line of the chart is wider.
    pub width: usize,
    /// Rows of plot area, not counting the x axis, its labels and the legend.
    pub height: usize,
    /// Braille dots when colour is on, half blocks when it is off (see the module notes).
    pub braille: bool,
}

impl Default for ChartOptions {
    fn default() -> ChartOptions {
        ChartOptions {
            width: 80,
            height: DEFAULT_HEIGHT,
            braille: true,
        }
    }
}

/// How an image is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageOptions {
    /// With colour on, draw pixels as the 24 greys of the 256-colour palette, which shows far
    /// finer differences than five shades; with colour off this is ignored.
    pub grey256: bool,
}

impl Default for ImageOptions {
    /// Greys are on by default: they only take effect where colour is on, and they are the closer
    /// picture of what matplotlib's `imshow(cmap='gray')` shows.
    fn default() -> ImageOptions {
        ImageOptions { grey256: true }
    }
}

/// Why a chart or image cannot be drawn. The data is what a message needs; the words are the
/// catalogue's. A `series` counts the series `plot` was given from 0, not counting the xs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlotError {
    /// Nothing to draw: no series, or all of them (and the xs) are empty; or an image has no
    /// pixels.
    Empty,
    /// A series is not a 1-D array.
    NotOneD { series: usize, shape: Vec<usize> },
    /// The xs are not a 1-D array.
    XsNotOneD { shape: Vec<usize> },
    /// A series is not as long as the xs (or, without xs, as the first series).
    LengthMismatch {
        expected: usize,
        got: usize,
        series: usize,
    },
    /// Every y of a series is nan or infinite.
    NoFiniteValues { series: usize },
    /// Every x is nan or infinite.
    NoFiniteXs,
    /// The terminal is too small for the labels and at least [`MIN_PLOT_WIDTH`] columns and
    /// [`MIN_HEIGHT`] rows of plot area.
    TooSmall { width: usize, height: usize },
    /// `imshow` of a shape that is neither 2-D nor a flattened square image.
    NotImage { shape: Vec<usize> },
    /// The pixel count does not match the rows and columns asked for.
    ShapeMismatch {
        rows: usize,
        cols: usize,
        len: usize,
    },
    /// Every pixel is nan or infinite, so there is no range to shade by.
    NoFinitePixels,
}

/// `plot`: the series as lines against `xs`, or against their index when `xs` is `None`, with y
/// labels on the left, x labels under the axis and a legend, every line at most `opts.width`
/// columns wide and without trailing spaces. The text ends with a newline.
pub fn line_chart(
    series: &[Series],
    xs: Option<&[f64]>,
    opts: &ChartOptions,
    style: &Style,
) -> Result<String, PlotError> {
    let len = check_lengths(series, xs)?;
    let finite_ys = || {
        series
            .iter()
            .flat_map(|s| &s.ys)
            .copied()
            .filter(|y| y.is_finite())
    };
    let y = YScale::new(
        finite_ys().fold(f64::INFINITY, f64::min),
        finite_ys().fold(f64::NEG_INFINITY, f64::max),
    );
    let x = XScale::new(xs, len);

    let y_labels = y.labels();
    let label_width = y_labels
        .iter()
        .map(|(_, text)| text.len())
        .max()
        .unwrap_or(0);
    let needed = label_width + 2 + MIN_PLOT_WIDTH;
    if opts.width < needed || opts.height < MIN_HEIGHT {
        return Err(PlotError::TooSmall {
            width: opts.width,
            height: opts.height,
        });
    }
    let plot_width = opts.width - label_width - 2;
    let mode = Mode::pick(opts.braille, style.is_colored(), series.len());
    let mut canvas = Canvas::new(plot_width, opts.height, mode);

    for (index, s) in series.iter().enumerate() {
        let mut previous: Option<(i64, i64)> = None;
        for (i, &value) in s.ys.iter().enumerate() {
            // Ctrl-C: a chart of millions of points stops part-way; the caller, which sees
            // the same flag, shows none of it.
            if i % STOP_EVERY == 0 && crate::engine::interrupt::requested() {
                break;
            }
            let at = xs.map_or(i as f64, |xs| xs[i]);
            if !value.is_finite() || !at.is_finite() {
                previous = None;
                continue;
            }
            let dot = (
                x.dot(at, canvas.dot_cols()),
                canvas.dot_rows() - 1 - y.dot(value, canvas.dot_rows()),
            );
            canvas.line(previous.unwrap_or(dot), dot, index);
            previous = Some(dot);
        }
    }

    let mut out = String::new();
    let label_rows: Vec<(usize, &str)> = y_labels
        .iter()
        .map(|(value, text)| {
            let dot = canvas.dot_rows() - 1 - y.dot(*value, canvas.dot_rows());
            (dot as usize / mode.dots().1, text.as_str())
        })
        .collect();
    for row in 0..opts.height {
        let label = label_rows
            .iter()
            .find(|(r, _)| *r == row)
            .map(|(_, text)| *text);
        let tick = if label.is_some() { "┤" } else { "│" };
        let line = format!(
            "{:>label_width$} {}{}",
            label.unwrap_or(""),
            style.context(tick),
            canvas.render_row(row, style)
        );
        push_line(&mut out, &line);
    }

    let ticks = x.ticks(plot_width, mode.dots().0);
    let mut axis: Vec<char> = vec!['─'; plot_width];
    for (col, _) in &ticks {
        axis[*col] = '┬';
    }
    let axis: String = axis.into_iter().collect();
    let indent = " ".repeat(label_width + 1);
    push_line(
        &mut out,
        &format!("{indent}{}", style.context(&format!("└{axis}"))),
    );
    push_line(&mut out, &x_label_line(&ticks, label_width + 2, opts.width));
    out.push_str(&legend(series, mode, label_width + 2, opts.width, style));
    Ok(out)
}

/// `imshow`: one pixel per value, two characters wide so that it looks square, inside a frame
/// that shows where blank pixels end; under it the range `min … max`. Pixels are shaded between
/// the smallest and the largest finite value (a constant image is all middle shade). A nan or inf
/// pixel is drawn `xx`, and the line under the image says which of `nan`, `inf`, `-inf` occur,
/// because a diverged network is exactly when a learner looks at its weights.
pub fn image(
    values: &[f64],
    rows: usize,
    cols: usize,
    opts: &ImageOptions,
    style: &Style,
) -> Result<String, PlotError> {
    if rows.checked_mul(cols) != Some(values.len()) {
        return Err(PlotError::ShapeMismatch {
            rows,
            cols,
            len: values.len(),
        });
    }
    if values.is_empty() {
        return Err(PlotError::Empty);
    }
    let finite = || values.iter().copied().filter(|v| v.is_finite());
    let lo = finite().fold(f64::INFINITY, f64::min);
    let hi = finite().fold(f64::NEG_INFINITY, f64::max);
    if lo > hi {
        return Err(PlotError::NoFinitePixels);
    }
    let grey = opts.grey256 && style.is_colored();
    let border = "─".repeat(2 * cols);
    let mut out = String::new();
    push_line(&mut out, &style.context(&format!("┌{border}┐")));
    for row in values.chunks(cols) {
        let mut line = style.context("│");
        for &v in row {
            if !v.is_finite() {
                line.push_str(&style.error(NONFINITE_PIXEL));
                continue;
            }
            let t = if hi > lo { unit(v, lo, hi) } else { 0.5 };
            if grey {
                line.push_str(&style.grey((t * 23.0).round() as u8, "  "));
            } else {
                let shade = SHADES[((t * SHADES.len() as f64) as usize).min(SHADES.len() - 1)];
                line.push(shade);
                line.push(shade);
            }
        }
        line.push_str(&style.context("│"));
        push_line(&mut out, &line);
    }
    push_line(&mut out, &style.context(&format!("└{border}┘")));
    let mut range = format!("{} … {}", float_repr(lo), float_repr(hi));
    let kinds: Vec<&str> = [
        (f64::is_nan as fn(f64) -> bool, "nan"),
        (|v: f64| v == f64::INFINITY, "inf"),
        (|v: f64| v == f64::NEG_INFINITY, "-inf"),
    ]
    .into_iter()
    .filter(|(test, _)| values.iter().any(|&v| test(v)))
    .map(|(_, name)| name)
    .collect();
    if !kinds.is_empty() {
        range.push_str(&format!(
            "   {} {}",
            style.error(NONFINITE_PIXEL),
            kinds.join(", ")
        ));
    }
    push_line(&mut out, &range);
    Ok(out)
}

/// The common length of the series, after the checks `line_chart` promises.
fn check_lengths(series: &[Series], xs: Option<&[f64]>) -> Result<usize, PlotError> {
    let first = series.first().ok_or(PlotError::Empty)?;
    let expected = xs.map_or(first.ys.len(), <[f64]>::len);
    for (index, s) in series.iter().enumerate() {
        if s.ys.len() != expected {
            return Err(PlotError::LengthMismatch {
                expected,
                got: s.ys.len(),
                series: index,
            });
        }
    }
    if expected == 0 {
        return Err(PlotError::Empty);
    }
    if let Some(xs) = xs
        && !xs.iter().any(|x| x.is_finite())
    {
        return Err(PlotError::NoFiniteXs);
    }
    if let Some(index) = series
        .iter()
        .position(|s| !s.ys.iter().any(|y| y.is_finite()))
    {
        return Err(PlotError::NoFiniteValues { series: index });
    }
    Ok(expected)
}

/// Where `v` lies between `lo` and `hi`, from 0 to 1. Halving first keeps `hi - lo` finite for
/// ranges as wide as all of f64.
fn unit(v: f64, lo: f64, hi: f64) -> f64 {
    ((v / 2.0 - lo / 2.0) / (hi / 2.0 - lo / 2.0)).clamp(0.0, 1.0)
}

/// The dot a value falls on, of `dots` dots from `lo` (dot 0) to `hi`.
fn dot_of(v: f64, lo: f64, hi: f64, dots: i64) -> i64 {
    (unit(v, lo, hi) * (dots - 1) as f64).round() as i64
}

/// A margin around a single value, so that a constant still has a range to be drawn in.
fn margin(v: f64) -> f64 {
    if v == 0.0 {
        1.0
    } else {
        nice_step(v.abs() / 10.0)
    }
}

/// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `raw`: steps a reader
/// can add up in their head.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let base = 10f64.powi(raw.log10().floor() as i32);
    let factor = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|f| f * base >= raw * (1.0 - 1e-12))
        .unwrap_or(10.0);
    factor * base
}

/// Python's repr of `v` rounded to `decimals` places, so that `0.30000000000000004` from the
/// step arithmetic prints `0.3` and a tiny value still prints in scientific notation.
fn tidy(v: f64, decimals: f64) -> String {
    let places = if decimals.is_finite() {
        decimals.clamp(0.0, 340.0) as usize
    } else {
        0
    };
    let rounded: f64 = format!("{v:.places$}").parse().unwrap_or(v);
    // Rounding a small negative number to zero must not print `-0.0`.
    float_repr(if rounded == 0.0 { 0.0 } else { rounded })
}

/// The y axis: the finite range widened to whole steps, top at `hi`.
struct YScale {
    lo: f64,
    hi: f64,
    step: f64,
}

impl YScale {
    fn new(min: f64, max: f64) -> YScale {
        if min == max {
            let step = margin(min);
            // Clamped, so that a constant near f64::MAX keeps a finite top label.
            return YScale {
                lo: (min - step).max(f64::MIN),
                hi: (max + step).min(f64::MAX),
                step,
            };
        }
        // About eight steps across the data: the widening is under a step at each end, so the
        // data keeps most of the height while the labels stay round.
        let step = nice_step(max / 8.0 - min / 8.0);
        // A hair of slack, so that 3e-5 / 5e-6 = 6.000000000000001 does not add a whole step.
        let lo = (min / step + 1e-9).floor() * step;
        let hi = (max / step - 1e-9).ceil() * step;
        if lo.is_finite() && hi.is_finite() {
            YScale { lo, hi, step }
        } else {
            YScale {
                lo: min,
                hi: max,
                step,
            }
        }
    }

    /// The dot `v` falls on, counting from the low end of the axis.
    fn dot(&self, v: f64, dots: i64) -> i64 {
        dot_of(v, self.lo, self.hi, dots)
    }

    /// Top, middle and bottom: each a multiple of half a step, so two more digits than the
    /// step's leading one always print it exactly.
    fn labels(&self) -> Vec<(f64, String)> {
        let decimals = 2.0 - self.step.log10().floor();
        let mid = self.lo / 2.0 + self.hi / 2.0;
        [self.hi, mid, self.lo]
            .into_iter()
            .map(|v| (v, tidy(v, decimals)))
            .collect()
    }
}

/// The x axis: the finite xs' range, or the index range `0..len`, which is labelled in whole
/// numbers as numpy prints `arange`.
struct XScale {
    lo: f64,
    hi: f64,
    index: bool,
    /// All xs are equal: only the middle tick has a value to show.
    single: bool,
}

impl XScale {
    fn new(xs: Option<&[f64]>, len: usize) -> XScale {
        let (min, max, index) = match xs {
            Some(xs) => {
                let finite = || xs.iter().copied().filter(|x| x.is_finite());
                let min = finite().fold(f64::INFINITY, f64::min);
                (min, finite().fold(f64::NEG_INFINITY, f64::max), false)
            }
            None => (0.0, (len - 1) as f64, true),
        };
        if min == max {
            let pad = margin(min);
            XScale {
                lo: min - pad,
                hi: max + pad,
                index,
                single: true,
            }
        } else {
            XScale {
                lo: min,
                hi: max,
                index,
                single: false,
            }
        }
    }

    /// The dot `v` falls on, counting from the low end of the axis.
    fn dot(&self, v: f64, dots: i64) -> i64 {
        dot_of(v, self.lo, self.hi, dots)
    }

    /// Plot columns and labels of the left, middle and right ticks (only the middle one when
    /// every x is the same).
    fn ticks(&self, plot_width: usize, dots_per_col: usize) -> Vec<(usize, String)> {
        let dots = (plot_width * dots_per_col) as i64;
        let mid = if self.index {
            ((self.lo / 2.0 + self.hi / 2.0) as i64) as f64
        } else {
            self.lo / 2.0 + self.hi / 2.0
        };
        let values = if self.single {
            vec![mid]
        } else {
            vec![self.lo, mid, self.hi]
        };
        let decimals = 2.0 - (self.hi / 2.0 - self.lo / 2.0).log10().floor();
        values
            .into_iter()
            .map(|v| {
                let col = self.dot(v, dots) as usize / dots_per_col;
                let text = if self.index {
                    format!("{}", v as i64)
                } else {
                    tidy(v, decimals)
                };
                (col, text)
            })
            .collect()
    }
}

/// How cells are filled, which decides how many dots a cell has across and down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Braille,
    HalfBlocks,
    Marks,
}

impl Mode {
    /// Marks only where nothing else tells the series apart: no colour and more than one series.
    fn pick(braille: bool, colored: bool, series: usize) -> Mode {
        match (braille, colored || series <= 1) {
            (_, false) => Mode::Marks,
            (true, true) => Mode::Braille,
            (false, true) => Mode::HalfBlocks,
        }
    }

    /// Dots per cell across and down.
    fn dots(self) -> (usize, usize) {
        match self {
            Mode::Braille => (2, 4),
            Mode::HalfBlocks => (1, 2),
            Mode::Marks => (1, 1),
        }
    }

    /// What stands for series `index` in the legend.
    fn legend_mark(self, index: usize) -> String {
        match self {
            Mode::Marks => MARKS[index % MARKS.len()].to_string(),
            Mode::Braille => "⠤⠤".to_string(),
            Mode::HalfBlocks => "▄▄".to_string(),
        }
    }
}

/// The plot area: which dots of each cell are set, and by which series (the last one drawn wins
/// a cell, as a later line is drawn over an earlier one in matplotlib).
struct Canvas {
    cols: usize,
    mode: Mode,
    dots: Vec<u8>,
    owner: Vec<usize>,
}

impl Canvas {
    fn new(cols: usize, rows: usize, mode: Mode) -> Canvas {
        Canvas {
            cols,
            mode,
            dots: vec![0; cols * rows],
            owner: vec![0; cols * rows],
        }
    }

    /// Dots across the plot area, which is what x values are spread over.
    fn dot_cols(&self) -> i64 {
        (self.cols * self.mode.dots().0) as i64
    }

    /// Dots down the plot area, which is what y values are spread over.
    fn dot_rows(&self) -> i64 {
        (self.dots.len() / self.cols.max(1) * self.mode.dots().1) as i64
    }

    /// Sets one dot for `series`; dots outside the area are ignored, so no rounding at an edge
    /// can index past it.
    fn set(&mut self, x: i64, y: i64, series: usize) {
        if x < 0 || y < 0 || x >= self.dot_cols() || y >= self.dot_rows() {
            return;
        }
        let (across, down) = self.mode.dots();
        let (x, y) = (x as usize, y as usize);
        let cell = y / down * self.cols + x / across;
        let bit = match self.mode {
            // Braille numbers its dots down the left column 1-2-3, the right 4-5-6, then 7 and 8.
            Mode::Braille => [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]][y % 4][x % 2],
            Mode::HalfBlocks => 1 << (y % 2),
            Mode::Marks => 1,
        };
        self.dots[cell] |= bit;
        self.owner[cell] = series;
    }

    /// Bresenham's line from `a` to `b` in dots, both ends included.
    fn line(&mut self, a: (i64, i64), b: (i64, i64), series: usize) {
        let (mut x, mut y) = a;
        let (dx, dy) = ((b.0 - x).abs(), -(b.1 - y).abs());
        let (sx, sy) = ((b.0 - x).signum(), (b.1 - y).signum());
        let mut err = dx + dy;
        loop {
            self.set(x, y, series);
            if (x, y) == b {
                return;
            }
            let e2 = 2 * err;
            if e2 >= dy {
                err += dy;
                x += sx;
            }
            if e2 <= dx {
                err += dx;
                y += sy;
            }
        }
    }

    /// One row of cells, each run of one series' cells painted in one piece.
    fn render_row(&self, row: usize, style: &Style) -> String {
        let mut out = String::new();
        let mut run = String::new();
        let mut run_owner = None;
        for col in 0..self.cols {
            let cell = row * self.cols + col;
            let (dots, owner) = (self.dots[cell], self.owner[cell]);
            let (glyph, who) = if dots == 0 {
                (' ', None)
            } else {
                let glyph = match self.mode {
                    Mode::Braille => char::from_u32(0x2800 + u32::from(dots)).unwrap_or('?'),
                    Mode::HalfBlocks => ['▀', '▄', '█'][usize::from(dots) - 1],
                    Mode::Marks => MARKS[owner % MARKS.len()],
                };
                (glyph, Some(owner))
            };
            if who != run_owner {
                flush(&mut out, &mut run, run_owner, style);
                run_owner = who;
            }
            run.push(glyph);
        }
        flush(&mut out, &mut run, run_owner, style);
        out
    }
}

/// Appends a run of cells, in its series' colour when it has one.
fn flush(out: &mut String, run: &mut String, owner: Option<usize>, style: &Style) {
    match owner {
        Some(index) => out.push_str(&style.series(index, run)),
        None => out.push_str(run),
    }
    run.clear();
}

/// Appends a line without its trailing spaces, which a terminal would not show anyway and which
/// make snapshots fragile.
fn push_line(out: &mut String, line: &str) {
    out.push_str(line.trim_end());
    out.push('\n');
}

/// The x labels, each centred under its tick (`offset` is the plot's first column) but kept
/// inside `width`; the middle one gives way when it would touch another.
fn x_label_line(ticks: &[(usize, String)], offset: usize, width: usize) -> String {
    let mut line = vec![' '; width];
    let mut taken: Vec<(usize, usize)> = Vec::new();
    // Ends first, so that they win over the middle.
    let order: Vec<usize> = match ticks.len() {
        3 => vec![0, 2, 1],
        n => (0..n).collect(),
    };
    for i in order {
        let (col, text) = &ticks[i];
        let len = text.len();
        if len > width {
            continue;
        }
        let start = (offset + col)
            .saturating_sub((len - 1) / 2)
            .min(width - len);
        let clear = taken.iter().all(|&(s, e)| start + len < s || start > e);
        if clear {
            line.splice(start..start + len, text.chars());
            taken.push((start, start + len));
        }
    }
    line.into_iter().collect()
}

/// Legend entries `mark label` after one another from the plot's first column, wrapped at
/// `width`; a label too long for a line of its own is cut, with `...` to say so.
fn legend(series: &[Series], mode: Mode, indent: usize, width: usize, style: &Style) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut used = 0;
    let room = width.saturating_sub(indent);
    for (index, s) in series.iter().enumerate() {
        let mark = mode.legend_mark(index);
        let mark_width = mark.width();
        let label = cut(&s.label, room.saturating_sub(mark_width + 1));
        let entry_width = mark_width + 1 + label.width();
        if used > 0 && used + LEGEND_GAP + entry_width > room {
            push_line(&mut out, &line);
            line.clear();
            used = 0;
        }
        if used == 0 {
            line.push_str(&" ".repeat(indent));
        } else {
            line.push_str(&" ".repeat(LEGEND_GAP));
            used += LEGEND_GAP;
        }
        line.push_str(&style.series(index, &mark));
        line.push(' ');
        line.push_str(&label);
        used += entry_width;
    }
    if used > 0 {
        push_line(&mut out, &line);
    }
    out
}

/// `text` in at most `room` columns, counting Korean as two; control characters (a label is
/// source text, but may hold a tab) become spaces so they cannot move the cursor.
fn cut(text: &str, room: usize) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.width() <= room {
        return clean;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in clean.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 3 > room {
            break;
        }
        out.push(c);
        used += w;
    }
    if room >= 3 {
        out.push_str("...");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{ArrayD, IxDyn};
    use std::f64::consts::TAU;

    /// The expected text: the lines, each ended by a newline as the chart ends them.
    fn lines(rows: &[&str]) -> String {
        rows.iter().map(|row| format!("{row}\n")).collect()
    }

    fn sine(n: usize) -> Vec<f64> {
        (0..n)
            .map(|i| (i as f64 * TAU / (n - 1) as f64).sin())
            .collect()
    }

    fn opts(width: usize, height: usize, braille: bool) -> ChartOptions {
        ChartOptions {
            width,
            height,
            braille,
        }
    }

    /// The columns a line takes on screen once its escape codes are gone.
    fn visible_width(line: &str) -> usize {
        let mut text = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                chars.by_ref().find(|&c| c == 'm');
            } else {
                text.push(c);
            }
        }
        text.width()
    }

    /// The book's 8×8 digit 0, values 0 to 16 as in scikit-learn's `load_digits`.
    const DIGIT: [f64; 64] = [
        0., 0., 5., 13., 9., 1., 0., 0., 0., 0., 13., 15., 10., 15., 5., 0., 0., 3., 15., 2., 0.,
        11., 8., 0., 0., 4., 12., 0., 0., 8., 8., 0., 0., 5., 8., 0., 0., 9., 8., 0., 0., 4., 11.,
        0., 1., 12., 7., 0., 0., 2., 14., 5., 10., 12., 0., 0., 0., 0., 6., 13., 10., 0., 0., 0.,
    ];

    /// `plot y` of one series without colour keeps braille: nothing needs telling apart.
    #[test]
    fn sine_wave_plain_braille() {
        let chart = line_chart(
            &[Series::new("np.sin(x)", sine(20))],
            None,
            &opts(36, 6, true),
            &Style::plain(),
        );
        assert_eq!(
            chart.unwrap(),
            lines(&[
                " 1.0 ┤   ⢀⡠⠒⠉⠉⠉⠒⠤⡀",
                "     │  ⡰⠁       ⠈⠢⡀",
                " 0.0 ┤⡠⠊           ⠘⢄",
                "     │               ⠑⢄           ⡠⠊",
                "     │                ⠈⠢⡀       ⢀⠜",
                "-1.0 ┤                  ⠈⠒⠤⣀⣀⣀⠤⠊⠁",
                "     └┬─────────────┬──────────────┬",
                "      0             9             19",
                "      ⠤⠤ np.sin(x)",
            ])
        );
    }

    /// Without braille, half blocks give two dots a row.
    #[test]
    fn sine_wave_plain_half_blocks() {
        let chart = line_chart(
            &[Series::new("np.sin(x)", sine(20))],
            None,
            &opts(36, 6, false),
            &Style::plain(),
        );
        assert_eq!(
            chart.unwrap(),
            lines(&[
                " 1.0 ┤    ▄▄▀▀▀▀▄▄",
                "     │   █        █",
                " 0.0 ┤▄▀▀          ▀▄",
                "     │               ▀▄          ▄▀▀",
                "     │                 ▀▄      ▄▄▀",
                "-1.0 ┤                  ▀▄▄▄▄▄▀",
                "     └┬─────────────┬──────────────┬",
                "      0             9             19",
                "      ▄▄ np.sin(x)",
            ])
        );
    }

    /// `plot x, relu(x), sigmoid(x)` without colour: one mark a series, named in the legend, and
    /// the later series drawn over the earlier where they meet.
    #[test]
    fn two_series_with_marks() {
        let xs: Vec<f64> = (0..9).map(|i| -2.0 + 0.5 * f64::from(i)).collect();
        let relu = xs.iter().map(|x| x.max(0.0)).collect();
        let sigmoid = xs.iter().map(|x| 1.0 / (1.0 + (-x).exp())).collect();
        let chart = line_chart(
            &[
                Series::new("relu(x)", relu),
                Series::new("sigmoid(x)", sigmoid),
            ],
            Some(&xs),
            &opts(30, 6, true),
            &Style::plain(),
        );
        assert_eq!(
            chart.unwrap(),
            lines(&[
                "2.0 ┤                       **",
                "    │                    ***",
                "1.0 ┤                  **",
                "    │              ooooooooooo",
                "    │     ooooooooo**",
                "0.0 ┤ooooo*********",
                "    └┬───────────┬───────────┬",
                "    -2.0        0.0        2.0",
                "     * relu(x)   o sigmoid(x)",
            ])
        );
    }

    /// A constant has no range of its own; a margin of a round step gives it one, and it is
    /// drawn on the middle row, at its label.
    #[test]
    fn constant_series() {
        let chart = line_chart(
            &[Series::new("c", vec![-3.0; 4])],
            None,
            &opts(24, 3, true),
            &Style::plain(),
        );
        assert_eq!(
            chart.unwrap(),
            lines(&[
                "-2.5 ┤",
                "-3.0 ┤⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒",
                "-3.5 ┤",
                "     └┬─────┬──────────┬",
                "      0     1          3",
                "      ⠤⠤ c",
            ])
        );
    }

    /// Tiny values get numpy's scientific labels, and a nan breaks the line.
    #[test]
    fn tiny_values_and_a_gap() {
        let chart = line_chart(
            &[Series::new("dw", vec![1e-5, 3e-5, f64::NAN, 2e-5, 0.0])],
            None,
            &opts(30, 4, false),
            &Style::plain(),
        );
        assert_eq!(
            chart.unwrap(),
            lines(&[
                "  3e-05 ┤    ▄▀",
                "1.5e-05 ┤  ▄▀           ▀▄",
                "        │▄▀               ▀▄",
                "    0.0 ┤                   ▀▄",
                "        └┬─────────┬─────────┬",
                "         0         2         4",
                "         ▄▄ dw",
            ])
        );
    }

    /// With colour, every series has its own colour, in braille, and the legend shows it.
    #[test]
    fn colour_tells_series_apart() {
        let chart = line_chart(
            &[Series::new("a", sine(30)), Series::new("b", vec![0.5; 30])],
            None,
            &opts(40, 8, true),
            &Style::new(true),
        )
        .unwrap();
        assert!(chart.contains("\x1b[94m⠤⠤\x1b[0m a"));
        assert!(chart.contains("\x1b[33m⠤⠤\x1b[0m b"));
        assert!(!chart.contains('*'));
    }

    /// Long labels wrap the legend and the longest is cut; Korean counts two columns a letter.
    #[test]
    fn legend_wraps_and_cuts() {
        let long = "가중치".repeat(20);
        let chart = line_chart(
            &[
                Series::new("loss", vec![1.0, 0.5]),
                Series::new("acc", vec![0.0, 0.9]),
                Series::new(long, vec![0.2, 0.2]),
            ],
            None,
            &opts(30, 3, false),
            &Style::plain(),
        )
        .unwrap();
        let legend: Vec<&str> = chart.lines().skip(5).collect();
        assert_eq!(
            legend,
            ["     * loss   o acc", "     + 가중치가중치가중치가..."]
        );
    }

    /// The 8×8 digit from a 64-element row, shaded from blank (0) to full (16).
    #[test]
    fn digit_image() {
        let (rows, cols) = image_shape(&[64]).unwrap();
        let picture = image(
            &DIGIT,
            rows,
            cols,
            &ImageOptions::default(),
            &Style::plain(),
        );
        assert_eq!(
            picture.unwrap(),
            lines(&[
                "┌────────────────┐",
                "│    ░░██▓▓      │",
                "│    ████▓▓██░░  │",
                "│  ░░██    ▓▓▒▒  │",
                "│  ░░██    ▒▒▒▒  │",
                "│  ░░▒▒    ▓▓▒▒  │",
                "│  ░░▓▓    ██▒▒  │",
                "│    ██░░▓▓██    │",
                "│    ▒▒██▓▓      │",
                "└────────────────┘",
                "0.0 … 15.0",
            ])
        );
    }

    /// With colour, pixels are grey backgrounds from black (232) to white (255).
    #[test]
    fn digit_image_in_greys() {
        let picture = image(&DIGIT, 8, 8, &ImageOptions::default(), &Style::new(true)).unwrap();
        assert!(picture.contains("\x1b[48;5;232m  \x1b[0m"));
        assert!(picture.contains("\x1b[48;5;255m  \x1b[0m"));
        assert!(picture.lines().all(|line| visible_width(line) <= 18));
        let shaded = ImageOptions { grey256: false };
        let picture = image(&DIGIT, 8, 8, &shaded, &Style::new(true)).unwrap();
        assert!(!picture.contains("48;5;") && picture.contains('▓'));
    }

    /// nan and inf pixels are `xx`, and the range line says which occur.
    #[test]
    fn nonfinite_pixels() {
        let values = [0.0, f64::NAN, 1.0, f64::NEG_INFINITY];
        let picture = image(&values, 2, 2, &ImageOptions::default(), &Style::plain());
        assert_eq!(
            picture.unwrap(),
            lines(&[
                "┌────┐",
                "│  xx│",
                "│██xx│",
                "└────┘",
                "0.0 … 1.0   xx nan, -inf"
            ])
        );
    }

    /// A constant image is all middle shade, not blank, so it is seen to be there.
    #[test]
    fn constant_image() {
        let picture = image(&[2.0; 2], 1, 2, &ImageOptions::default(), &Style::plain());
        assert_eq!(
            picture.unwrap(),
            lines(&["┌────┐", "│▒▒▒▒│", "└────┘", "2.0 … 2.0"])
        );
    }

    #[test]
    fn chart_errors() {
        let plain = Style::plain();
        let o = ChartOptions::default();
        let chart = |series: &[Series], xs: Option<&[f64]>| line_chart(series, xs, &o, &plain);
        assert_eq!(chart(&[], None), Err(PlotError::Empty));
        assert_eq!(
            chart(&[Series::new("y", vec![])], None),
            Err(PlotError::Empty)
        );
        let two = Series::new("y", vec![1.0, 2.0]);
        assert_eq!(
            chart(&[two.clone(), Series::new("z", vec![1.0])], None),
            Err(PlotError::LengthMismatch {
                expected: 2,
                got: 1,
                series: 1
            })
        );
        assert_eq!(
            chart(std::slice::from_ref(&two), Some(&[1.0, 2.0, 3.0])),
            Err(PlotError::LengthMismatch {
                expected: 3,
                got: 2,
                series: 0
            })
        );
        let nan = Series::new("n", vec![f64::NAN, f64::INFINITY]);
        assert_eq!(
            chart(&[two.clone(), nan], None),
            Err(PlotError::NoFiniteValues { series: 1 })
        );
        assert_eq!(
            chart(std::slice::from_ref(&two), Some(&[f64::NAN, f64::NAN])),
            Err(PlotError::NoFiniteXs)
        );
        let tiny = |width, height| {
            line_chart(
                std::slice::from_ref(&two),
                None,
                &opts(width, height, true),
                &plain,
            )
        };
        assert_eq!(
            tiny(10, 16),
            Err(PlotError::TooSmall {
                width: 10,
                height: 16
            })
        );
        assert_eq!(
            tiny(80, 2),
            Err(PlotError::TooSmall {
                width: 80,
                height: 2
            })
        );
    }

    #[test]
    fn value_errors() {
        let matrix = Value::float(ArrayD::zeros(IxDyn(&[2, 3])));
        assert_eq!(
            Series::from_value("w", &matrix, 2),
            Err(PlotError::NotOneD {
                series: 2,
                shape: vec![2, 3]
            })
        );
        assert_eq!(
            xs_from_value(&matrix),
            Err(PlotError::XsNotOneD { shape: vec![2, 3] })
        );
        let mask = Value::bools(ArrayD::from_elem(IxDyn(&[2]), true));
        assert_eq!(
            Series::from_value("mask", &mask, 0),
            Ok(Series::new("mask", vec![1.0, 1.0]))
        );
        assert_eq!(image_shape(&[2, 3]), Ok((2, 3)));
        assert_eq!(image_shape(&[784]), Ok((28, 28)));
        assert_eq!(
            image_shape(&[10]),
            Err(PlotError::NotImage { shape: vec![10] })
        );
        assert_eq!(image_shape(&[]), Err(PlotError::NotImage { shape: vec![] }));
    }

    #[test]
    fn image_errors() {
        let plain = Style::plain();
        let o = ImageOptions::default();
        assert_eq!(
            image(&[1.0; 5], 2, 3, &o, &plain),
            Err(PlotError::ShapeMismatch {
                rows: 2,
                cols: 3,
                len: 5
            })
        );
        assert_eq!(image(&[], 0, 3, &o, &plain), Err(PlotError::Empty));
        assert_eq!(
            image(&[f64::NAN; 4], 2, 2, &o, &plain),
            Err(PlotError::NoFinitePixels)
        );
    }

    /// No line is ever wider than the terminal, whatever the data, mode, colour or labels; a
    /// terminal too narrow for the labels is an error, never an overflow.
    #[test]
    fn never_wider_than_width() {
        // A small linear congruential generator: varied data, the same on every run.
        let mut seed: u64 = 42;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let data: Vec<Vec<f64>> = vec![
            sine(100),
            (0..50).map(|_| next() * 2e-7 - 1e-7).collect(),
            (0..50).map(|_| (next() - 0.5) * 1e300).collect(),
            vec![f64::MAX, f64::MIN, f64::NAN, 0.0],
            vec![f64::MAX; 3],
            vec![123456.789; 7],
            vec![-0.0001234],
        ];
        for ys in &data {
            let xs: Vec<f64> = (0..ys.len()).map(|i| 1e6 + i as f64 * 0.37).collect();
            let series = [
                Series::new("y", ys.clone()),
                Series::new("그래디언트 ".repeat(9), ys.iter().map(|y| -y).collect()),
            ];
            for width in 20..200 {
                for (braille, color, xs) in [
                    (true, false, None),
                    (false, true, Some(xs.as_slice())),
                    (true, true, Some(xs.as_slice())),
                ] {
                    let style = if color {
                        Style::new(true)
                    } else {
                        Style::plain()
                    };
                    match line_chart(&series, xs, &opts(width, 5, braille), &style) {
                        Ok(chart) => {
                            for line in chart.lines() {
                                assert!(
                                    visible_width(line) <= width,
                                    "{line:?} is wider than {width}"
                                );
                            }
                        }
                        Err(PlotError::TooSmall { .. }) => assert!(width < 40),
                        Err(other) => panic!("{other:?}"),
                    }
                }
            }
        }
    }
}
