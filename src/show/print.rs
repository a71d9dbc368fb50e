//! numpy's array formatting, and nothing else: how numpy 2.x prints a float64 or bool array with
//! its default print options (`str(a)` and `prefix + np.array2string(a, prefix=prefix)`), byte
//! for byte, plus the same layout with every element passed through a styling callback for the
//! coloured REPL, and the body of `repr(a)` (separator `', '`).
//!
//! The rules mirror `numpy/_core/arrayprint.py`: `FloatingFormat` chooses positional or scientific
//! notation and the paddings from the data, `_formatArray` wraps rows at 75 columns and separates
//! blocks of higher-rank arrays with blank lines, and arrays of more than 1000 elements are
//! summarised to 3 edge items per axis. A 0-d value prints as Python's repr of the float (or
//! `True` / `False`), with the prefix in front when one is given.

use ndarray::{ArrayD, ArrayRef, IxDyn};

use crate::engine::value::Value;

/// Prints a value the way Python's `print(a)` shows a numpy array, without the trailing newline.
pub fn to_string(value: &Value) -> String {
    to_string_prefixed(value, "")
}

/// Prints `prefix` followed by the value laid out as `np.array2string(a, prefix=prefix)` does:
/// continuation lines are indented by the prefix's width, and line wrapping counts the prefix.
/// A 0-d value prints as `prefix` followed by Python's repr of the scalar.
pub fn to_string_prefixed(value: &Value, prefix: &str) -> String {
    to_string_styled(value, prefix, &mut |_, text| text.to_string())
}

/// Prints like [`to_string_prefixed`], but hands every element's padded text to
/// `style(index, text)` and inserts what it returns instead. Widths and wrapping are decided on the
/// unstyled text, so escape codes never move anything. An element's trailing padding is left out
/// of the text handed to `style` when numpy strips it at the end of a wrapped line.
pub fn to_string_styled(
    value: &Value,
    prefix: &str,
    style: &mut dyn FnMut(&[usize], &str) -> String,
) -> String {
    to_string_with(value, prefix, Digits::Numpy, style)
}

/// How many digits floats get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Digits {
    /// numpy's default: `floatmode='maxprec'`, `precision=8`.
    Numpy,
    /// numpy's `floatmode='unique'`: every digit needed to tell each value apart from its
    /// neighbouring floats, and no more (`:digits full`).
    Unique,
}

/// The general form: [`to_string_styled`] with a choice of [`Digits`].
pub fn to_string_with(
    value: &Value,
    prefix: &str,
    digits: Digits,
    style: &mut dyn FnMut(&[usize], &str) -> String,
) -> String {
    join_pieces(pieces_of(value, prefix, digits, &Join::STR), prefix, style)
}

fn pieces_of(value: &Value, prefix: &str, digits: Digits, join: &Join) -> Vec<Piece> {
    match value {
        Value::Scalar(_) => float_pieces(&value.as_float(), prefix, digits, join),
        Value::Float(a) => float_pieces(a, prefix, digits, join),
        Value::Int(a) => int_pieces(a, prefix, join),
        Value::Bool(a) => bool_pieces(a, prefix, join),
    }
}

/// `prefix` followed by `np.array2string(a, separator=', ', prefix=prefix, suffix=suffix)`: the
/// body of numpy's `repr(a)` (`array([1, 2]` for the prefix `array(`, without the closing
/// parenthesis). Rows wrap at 75 columns less the suffix's width; a 0-d float goes through the
/// array's float format as numpy's does (`array(220.)`), not through Python's repr. An empty
/// array prints as `[]`.
pub fn to_repr_string(value: &Value, prefix: &str, suffix: &str) -> String {
    let join = Join {
        sep: ", ",
        width: LINE_WIDTH - suffix.chars().count() as isize,
        scalar_as_array: true,
    };
    let pieces = pieces_of(value, prefix, Digits::Numpy, &join);
    join_pieces(pieces, prefix, &mut |_, text| text.to_string())
}

/// How a layout joins elements: the separator (`' '` for `str`, `', '` for `repr`), the line
/// width, and whether a 0-d float is formatted as an array element rather than as Python's repr.
struct Join {
    sep: &'static str,
    width: isize,
    scalar_as_array: bool,
}

impl Join {
    const STR: Join = Join {
        sep: " ",
        width: LINE_WIDTH,
        scalar_as_array: false,
    };
}

/// [`to_string_with`] of a float array that is not a value (a gradient), read where it is:
/// printing a summarised array never copies it.
pub fn floats_to_string_with(
    a: &ArrayRef<f64, IxDyn>,
    prefix: &str,
    digits: Digits,
    style: &mut dyn FnMut(&[usize], &str) -> String,
) -> String {
    join_pieces(float_pieces(a, prefix, digits, &Join::STR), prefix, style)
}

/// [`floats_to_string_with`] of an int64 gradient: whole numbers, printed as numpy prints an
/// int64 array.
pub fn ints_to_string_with(
    a: &ArrayRef<f64, IxDyn>,
    prefix: &str,
    style: &mut dyn FnMut(&[usize], &str) -> String,
) -> String {
    join_pieces(int_pieces(a, prefix, &Join::STR), prefix, style)
}

fn join_pieces(
    pieces: Vec<Piece>,
    prefix: &str,
    style: &mut dyn FnMut(&[usize], &str) -> String,
) -> String {
    let mut out = String::from(prefix);
    for piece in pieces {
        match piece {
            Piece::Raw(text) => out.push_str(&text),
            Piece::Elem(index, text) => out.push_str(&style(&index, &text)),
        }
    }
    out
}

/// Python's repr of a float: shortest round-trip digits, scientific when exponent < -4 or >= 16.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    // With no cutoffs, Dragon4 gives the shortest round-trip digits, the same that Python picks.
    let d = dragon4(x, Cutoff::Total, None, None);
    let digits = d.digit_str();
    if d.exp < -4 || d.exp >= 16 {
        let (first, rest) = digits.split_at(1);
        let point = if rest.is_empty() { "" } else { "." };
        format!("{sign}{first}{point}{rest}e{}", exponent_text(d.exp, 2))
    } else {
        let (int, frac) = d.positional_parts();
        let frac = if frac.is_empty() {
            "0".to_string()
        } else {
            frac
        };
        format!("{sign}{int}.{frac}")
    }
}

/// numpy's default `linewidth`.
const LINE_WIDTH: isize = 75;
/// numpy's default `threshold`: arrays with more elements than this are summarised.
const THRESHOLD: usize = 1000;
/// numpy's default `edgeitems`: how many items a summarised axis shows at each end.
const EDGE_ITEMS: usize = 3;
/// numpy's default `precision`, the most fractional digits a float is printed with.
const PRECISION: usize = 8;

/// A stretch of output: either layout text or one element's text, which may still be styled.
#[derive(Debug)]
enum Piece {
    Raw(String),
    Elem(Vec<usize>, String),
}

impl Piece {
    fn char_len(&self) -> usize {
        match self {
            Piece::Raw(text) | Piece::Elem(_, text) => text.chars().count(),
        }
    }
}

/// Lays out a float array. The formatter is built from the shown elements only, as numpy builds
/// it from `_leading_trailing` of a summarised array, so huge arrays cost only their edges.
fn float_pieces(a: &ArrayRef<f64, IxDyn>, prefix: &str, digits: Digits, join: &Join) -> Vec<Piece> {
    if a.ndim() == 0 && join.scalar_as_array {
        let x = a.iter().next().copied().unwrap_or(f64::NAN);
        let cap = match digits {
            Digits::Numpy => Some(PRECISION),
            Digits::Unique => None,
        };
        return vec![Piece::Elem(
            Vec::new(),
            FloatFormat::new(&[x], cap).format(x),
        )];
    }
    if a.ndim() == 0 {
        // A scalar prints as `str(np.float64(x))`, Python's repr, prefix or not. (numpy's own
        // `array2string` of a 0-d array would go through `FloatingFormat` and print `220.` for
        // 220.00000000000003; the language shows every digit of a scalar instead.)
        let x = a.iter().next().copied().unwrap_or(f64::NAN);
        return vec![Piece::Elem(Vec::new(), float_repr(x))];
    }
    if a.is_empty() {
        return vec![Piece::Raw("[]".to_string())];
    }
    let summarise = a.len() > THRESHOLD;
    let mut shown = Vec::new();
    for_each_shown(a.shape(), summarise, &mut Vec::new(), &mut |index| {
        shown.push(a.get(index).copied().unwrap_or(f64::NAN));
    });
    let cap = match digits {
        Digits::Numpy => Some(PRECISION),
        Digits::Unique => None,
    };
    let format = FloatFormat::new(&shown, cap);
    let text_at = |index: &[usize]| format.format(a.get(index).copied().unwrap_or(f64::NAN));
    Layout {
        shape: a.shape(),
        summarise,
        text_at: &text_at,
        join,
    }
    .render(prefix)
}

/// Lays out a bool array: `True` gets a leading space so that it lines up with `False`, except in
/// a 0-d array.
/// The text of a whole number held as a float64, as Python's `str` of an int writes it.
pub fn int_text(v: f64) -> String {
    // Whole numbers up to 2^53 only (`Value::int`), so the conversion is exact.
    format!("{}", v as i64)
}

/// Lays out an int64 array as numpy's `IntegerFormat` does: every element right-aligned to the
/// width of the longest of the largest and the smallest shown, with no decimal point.
fn int_pieces(a: &ArrayRef<f64, IxDyn>, prefix: &str, join: &Join) -> Vec<Piece> {
    if a.ndim() == 0 {
        let v = a.iter().next().copied().unwrap_or(0.0);
        return vec![Piece::Elem(Vec::new(), int_text(v))];
    }
    if a.is_empty() {
        return vec![Piece::Raw("[]".to_string())];
    }
    let summarise = a.len() > THRESHOLD;
    let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
    for_each_shown(a.shape(), summarise, &mut Vec::new(), &mut |index| {
        let v = a.get(index).copied().unwrap_or(0.0);
        low = low.min(v);
        high = high.max(v);
    });
    let mut width = int_text(high).len();
    if low < 0.0 {
        width = width.max(int_text(low).len());
    }
    let text_at = |index: &[usize]| {
        let v = a.get(index).copied().unwrap_or(0.0);
        format!("{:>width$}", int_text(v))
    };
    Layout {
        shape: a.shape(),
        summarise,
        text_at: &text_at,
        join,
    }
    .render(prefix)
}

fn bool_pieces(a: &ArrayD<bool>, prefix: &str, join: &Join) -> Vec<Piece> {
    if a.ndim() == 0 {
        let b = a.iter().next().copied().unwrap_or(false);
        let text = if b { "True" } else { "False" };
        return vec![Piece::Elem(Vec::new(), text.to_string())];
    }
    if a.is_empty() {
        return vec![Piece::Raw("[]".to_string())];
    }
    let text_at = |index: &[usize]| {
        let b = a.get(index).copied().unwrap_or(false);
        if b { " True" } else { "False" }.to_string()
    };
    Layout {
        shape: a.shape(),
        summarise: a.len() > THRESHOLD,
        text_at: &text_at,
        join,
    }
    .render(prefix)
}

/// Calls `visit` with every index that a (possibly summarised) print shows, in order.
fn for_each_shown(
    shape: &[usize],
    summarise: bool,
    index: &mut Vec<usize>,
    visit: &mut dyn FnMut(&[usize]),
) {
    let axis = index.len();
    if axis == shape.len() {
        visit(index);
        return;
    }
    for i in shown_positions(shape[axis], summarise) {
        index.push(i);
        for_each_shown(shape, summarise, index, visit);
        index.pop();
    }
}

/// The positions along an axis of length `len` that a print shows: all of them, or the edge items
/// at both ends when the array is summarised and the axis is longer than both edges together.
fn shown_positions(len: usize, summarise: bool) -> Vec<usize> {
    if summarise && len > 2 * EDGE_ITEMS {
        (0..EDGE_ITEMS).chain(len - EDGE_ITEMS..len).collect()
    } else {
        (0..len).collect()
    }
}

/// numpy's `_formatArray` with `legacy=False` and the separator and width of `join`.
struct Layout<'a> {
    shape: &'a [usize],
    summarise: bool,
    text_at: &'a dyn Fn(&[usize]) -> String,
    join: &'a Join,
}

impl Layout<'_> {
    /// Lays out the whole (non-empty, at least 1-d) array. The first line is laid out as if it
    /// were indented by the prefix, which the caller prints in front of it.
    fn render(&self, prefix: &str) -> Vec<Piece> {
        let hanging = " ".repeat(1 + prefix.chars().count());
        self.recurse(&mut Vec::new(), &hanging, self.join.width)
    }

    fn recurse(&self, index: &mut Vec<usize>, hanging: &str, width: isize) -> Vec<Piece> {
        let axis = index.len();
        let axes_left = self.shape.len() - axis;
        if axes_left == 0 {
            return vec![Piece::Elem(index.clone(), (self.text_at)(index))];
        }
        // Nested rows sit one column further right, after their own `[`, and must leave room
        // for their own `]`.
        let next_hanging = format!("{hanging} ");
        let next_width = width - 1;
        let len = self.shape[axis];
        let show_summary = self.summarise && 2 * EDGE_ITEMS < len;
        let (leading, trailing) = if show_summary {
            (EDGE_ITEMS, EDGE_ITEMS)
        } else {
            (0, len)
        };
        let last = len.saturating_sub(1);
        let mut s = Vec::new();
        if axes_left == 1 {
            // Elements must leave room for the closing bracket.
            let elem_width = width - 1;
            let mut line = Line::new(hanging);
            let positions = (0..leading).map(Some).chain(show_summary.then_some(None));
            for position in positions.chain((len - trailing..last).map(Some)) {
                let word = match position {
                    Some(i) => self.child(index, i, &next_hanging, next_width),
                    None => vec![Piece::Raw("...".to_string())],
                };
                line.extend(&mut s, word, elem_width, hanging);
                line.push(Piece::Raw(self.join.sep.to_string()));
            }
            let word = self.child(index, last, &next_hanging, next_width);
            line.extend(&mut s, word, elem_width, hanging);
            s.extend(line.pieces);
        } else {
            // Blocks of a 3-d array are separated by one blank line, of a 4-d array by two, ...
            let line_sep = format!("{}{}", self.join.sep.trim_end(), "\n".repeat(axes_left - 1));
            let positions = (0..leading).map(Some).chain(show_summary.then_some(None));
            for position in positions.chain((len - trailing..last).map(Some)) {
                s.push(Piece::Raw(hanging.to_string()));
                match position {
                    Some(i) => s.extend(self.child(index, i, &next_hanging, next_width)),
                    None => s.push(Piece::Raw("...".to_string())),
                }
                s.push(Piece::Raw(line_sep.clone()));
            }
            s.push(Piece::Raw(hanging.to_string()));
            s.extend(self.child(index, last, &next_hanging, next_width));
        }
        // The first line was built with the hanging indent too; numpy drops it and puts the
        // opening bracket there instead.
        strip_front(&mut s, hanging.chars().count());
        s.insert(0, Piece::Raw("[".to_string()));
        s.push(Piece::Raw("]".to_string()));
        s
    }

    fn child(&self, index: &mut Vec<usize>, i: usize, hanging: &str, width: isize) -> Vec<Piece> {
        index.push(i);
        let pieces = self.recurse(index, hanging, width);
        index.pop();
        pieces
    }
}

/// The line being filled in `_formatArray`, with its width counted on the unstyled text.
struct Line {
    pieces: Vec<Piece>,
    width: usize,
}

impl Line {
    fn new(indent: &str) -> Self {
        Line {
            pieces: vec![Piece::Raw(indent.to_string())],
            width: indent.chars().count(),
        }
    }

    fn push(&mut self, piece: Piece) {
        self.width += piece.char_len();
        self.pieces.push(piece);
    }

    /// numpy's `_extendLine`: moves to a new line when the word would pass `line_width`, unless
    /// the line holds nothing but its indent (wrapping would not help then).
    fn extend(&mut self, s: &mut Vec<Piece>, word: Vec<Piece>, line_width: isize, indent: &str) {
        let word_len: usize = word.iter().map(Piece::char_len).sum();
        let needs_wrap =
            (self.width + word_len) as isize > line_width && self.width > indent.chars().count();
        if needs_wrap {
            let mut finished = std::mem::replace(self, Line::new(indent));
            rstrip(&mut finished.pieces);
            s.extend(finished.pieces);
            s.push(Piece::Raw("\n".to_string()));
        }
        for piece in word {
            self.push(piece);
        }
    }
}

/// Python's `str.rstrip()` over a run of pieces: trailing whitespace goes, even when it is an
/// element's own padding.
fn rstrip(pieces: &mut Vec<Piece>) {
    while let Some(piece) = pieces.last_mut() {
        let text = match piece {
            Piece::Raw(text) | Piece::Elem(_, text) => text,
        };
        let kept = text.trim_end().len();
        if kept > 0 {
            text.truncate(kept);
            return;
        }
        pieces.pop();
    }
}

/// Removes the first `n` characters, which are always layout text (the hanging indent).
fn strip_front(pieces: &mut Vec<Piece>, mut n: usize) {
    while n > 0 {
        let Some(Piece::Raw(text)) = pieces.first_mut() else {
            return;
        };
        let len = text.chars().count();
        if len <= n {
            n -= len;
            pieces.remove(0);
        } else {
            let cut = text.char_indices().nth(n).map_or(text.len(), |(at, _)| at);
            text.drain(..cut);
            return;
        }
    }
}

/// numpy's `FloatingFormat` with `floatmode='maxprec'`, `precision=8`, `sign='-'` and
/// `suppress=False`: one notation and one set of paddings for the whole array.
struct FloatFormat {
    /// Scientific notation, chosen when the finite nonzero magnitudes are huge, tiny or spread.
    exp_format: bool,
    /// In scientific notation, the fractional digits every mantissa is printed with.
    precision: usize,
    /// Characters before the decimal point, sign included.
    pad_left: usize,
    /// Characters after the decimal point (in scientific notation, with the exponent).
    pad_right: usize,
    /// Digits every exponent is zero-padded to.
    exp_size: usize,
    /// The most fractional digits any value may get (`None`: as many as it needs to be unique).
    cap: Option<usize>,
}

impl FloatFormat {
    /// numpy's `fillFormat`: the widths come from formatting every shown finite value once.
    fn new(data: &[f64], cap: Option<usize>) -> Self {
        let finite: Vec<f64> = data.iter().copied().filter(|x| x.is_finite()).collect();
        let magnitudes = finite.iter().filter(|x| **x != 0.0).map(|x| x.abs());
        let range = magnitudes.fold(None, |acc: Option<(f64, f64)>, x| match acc {
            None => Some((x, x)),
            Some((lo, hi)) => Some((lo.min(x), hi.max(x))),
        });
        let exp_format = range.is_some_and(|(min, max)| {
            // The division may overflow to infinity, which still means "spread out".
            max >= 1e8 || min < 1e-4 || max / min > 1000.0
        });
        let mut format = FloatFormat {
            exp_format,
            precision: cap.unwrap_or(0),
            cap,
            pad_left: 0,
            pad_right: 0,
            exp_size: 0,
        };
        if finite.is_empty() {
            // Only nan and inf to print: they set the paddings below.
        } else if exp_format {
            let parts: Vec<Scientific> = finite
                .iter()
                .map(|&x| Scientific::new(x, cap, None))
                .collect();
            format.exp_size = parts
                .iter()
                .map(|p| exponent_digits(p.exp))
                .max()
                .unwrap_or(2);
            format.precision = parts.iter().map(|p| p.frac.len()).max().unwrap_or(0);
            format.pad_left = parts.iter().map(|p| p.int.len()).max().unwrap_or(0);
            format.pad_right = format.exp_size + 2 + format.precision;
        } else {
            let parts: Vec<Positional> = finite
                .iter()
                .map(|&x| Positional::new(x, cap, None))
                .collect();
            format.pad_left = parts.iter().map(|p| p.int.len()).max().unwrap_or(0);
            format.pad_right = parts.iter().map(|p| p.frac.len()).max().unwrap_or(0);
        }
        if finite.len() != data.len() {
            // `nan` and `inf` are right-aligned in the full width, which they may widen.
            let neginf = data.iter().any(|x| x.is_infinite() && *x < 0.0);
            let offset = format.pad_right + 1;
            let nan_left = 3usize.saturating_sub(offset);
            let inf_left = (3 + usize::from(neginf)).saturating_sub(offset);
            format.pad_left = format.pad_left.max(nan_left).max(inf_left);
        }
        format
    }

    /// numpy's `FloatingFormat.__call__`.
    fn format(&self, x: f64) -> String {
        if !x.is_finite() {
            let text = if x.is_nan() {
                "nan"
            } else if x < 0.0 {
                "-inf"
            } else {
                "inf"
            };
            let width = self.pad_left + self.pad_right + 1;
            return format!("{text:>width$}");
        }
        let pad_left = self.pad_left;
        if self.exp_format {
            // Every mantissa gets exactly `precision` digits: more digits of the exact value
            // are generated for the ones whose unique digits are fewer.
            let p = Scientific::new(x, Some(self.precision), Some(self.precision));
            let frac = format!("{:0<width$}", p.frac, width = self.precision);
            let exp = exponent_text(p.exp, self.exp_size);
            format!("{:>pad_left$}.{frac}e{exp}", p.int)
        } else {
            // 'maxprec' asks for at least zero fractional digits, which makes Dragon4 produce
            // every digit down to the units one before stopping.
            let p = Positional::new(x, self.cap, Some(0));
            let pad_right = self.pad_right;
            format!("{:>pad_left$}.{:<pad_right$}", p.int, p.frac)
        }
    }
}

/// `dragon4_positional(x, precision=8, unique=True, fractional=True, trim='.')`, split at the
/// decimal point: the integer part with its sign, and the fractional digits.
struct Positional {
    int: String,
    frac: String,
}

impl Positional {
    fn new(x: f64, cap: Option<usize>, min_digits: Option<usize>) -> Self {
        let d = dragon4(x, Cutoff::Fraction, cap, min_digits);
        let (int, mut frac) = d.positional_parts();
        // The '.' trim mode drops trailing zeros but keeps the point.
        let kept = frac.trim_end_matches('0').len();
        frac.truncate(kept);
        Positional {
            int: format!("{}{int}", sign_of(x)),
            frac,
        }
    }
}

/// `dragon4_scientific(x, precision=max_frac, unique=True, min_digits=min_frac)`: the leading
/// digit with its sign, the fractional digits with trailing zeros trimmed, and the exponent.
struct Scientific {
    int: String,
    frac: String,
    exp: i32,
}

impl Scientific {
    fn new(x: f64, max_frac: Option<usize>, min_frac: Option<usize>) -> Self {
        let d = dragon4(
            x,
            Cutoff::Total,
            max_frac.map(|m| m + 1),
            min_frac.map(|m| m + 1),
        );
        let digits = d.digit_str();
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let frac = rest.trim_end_matches('0').to_string();
        Scientific {
            int: format!("{}{first}", sign_of(x)),
            frac,
            exp: d.exp,
        }
    }
}

/// The sign numpy prints: `-` for every negative value, `-0.0` included.
fn sign_of(x: f64) -> &'static str {
    if x.is_sign_negative() { "-" } else { "" }
}

/// How many digits an exponent takes when padded to at least two, as `e+05` or `e-100`.
fn exponent_digits(exp: i32) -> usize {
    exp.unsigned_abs().to_string().len().max(2)
}

/// The signed exponent, zero-padded to `digits` digits: `+05`, `-100`.
fn exponent_text(exp: i32, digits: usize) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{sign}{:0>digits$}", exp.unsigned_abs())
}

/// Digits of a non-negative decimal `0.d1d2d3… × 10^(exp+1)`: ASCII digits (zero is the single
/// digit `0`) and the power of ten of the first digit.
struct Decimal {
    digits: Vec<u8>,
    exp: i32,
}

impl Decimal {
    fn digit_str(&self) -> String {
        String::from_utf8_lossy(&self.digits).into_owned()
    }

    /// The integer digits (at least `0`) and the fractional digits in positional notation, as
    /// numpy's `FormatPositional` lays them out.
    fn positional_parts(&self) -> (String, String) {
        let digits = self.digit_str();
        if self.exp >= 0 {
            let int_len = self.exp as usize + 1;
            if digits.len() <= int_len {
                (format!("{digits:0<int_len$}"), String::new())
            } else {
                let (int, frac) = digits.split_at(int_len);
                (int.to_string(), frac.to_string())
            }
        } else {
            let zeros = "0".repeat((-self.exp - 1) as usize);
            ("0".to_string(), format!("{zeros}{digits}"))
        }
    }
}

/// Whether Dragon4's digit limits count all digits or only those after the decimal point.
#[derive(Clone, Copy, PartialEq)]
enum Cutoff {
    Total,
    Fraction,
}

/// numpy's Dragon4 in unique mode (`numpy/_core/src/multiarray/dragon4.c`), for the magnitude of
/// a finite `x`: the shortest digits that identify the value, but stopping at the digit
/// `cutoff_max` allows and going on at least to the digit `cutoff_min` asks for. Digits past the
/// unique ones are digits of the exact binary value, and the last digit is rounded as numpy
/// rounds it, so subnormals padded to 8 digits come out as numpy prints them.
fn dragon4(x: f64, mode: Cutoff, cutoff_max: Option<usize>, cutoff_min: Option<usize>) -> Decimal {
    let bits = x.abs().to_bits();
    let float_mantissa = bits & ((1 << 52) - 1);
    let float_exponent = (bits >> 52) as i32;
    let (mantissa, exponent, mantissa_bit, unequal_margins) = if float_exponent != 0 {
        let unequal = float_exponent != 1 && float_mantissa == 0;
        (
            (1u64 << 52) | float_mantissa,
            float_exponent - 1075,
            52,
            unequal,
        )
    } else {
        (
            float_mantissa,
            -1074,
            63 - float_mantissa.leading_zeros() as i32,
            false,
        )
    };
    if mantissa == 0 {
        return Decimal {
            digits: vec![b'0'],
            exp: 0,
        };
    }
    let is_even = mantissa % 2 == 0;

    // The value is `value / scale`, and the distances to its neighbours are `margin_low / scale`
    // and `margin_high / scale`. Everything is doubled (or quadrupled) so that the half-way
    // margins are integers.
    let mut value = Big::from_u64(mantissa);
    let mut scale;
    let mut margin_low;
    let high_factor = if unequal_margins { 2 } else { 1 };
    if unequal_margins {
        if exponent > 0 {
            value.shl(exponent as u32 + 2);
            scale = Big::from_u64(4);
            margin_low = Big::pow2(exponent as u32);
        } else {
            value.shl(2);
            scale = Big::pow2((-exponent + 2) as u32);
            margin_low = Big::from_u64(1);
        }
    } else if exponent > 0 {
        value.shl(exponent as u32 + 1);
        scale = Big::from_u64(2);
        margin_low = Big::pow2(exponent as u32);
    } else {
        value.shl(1);
        scale = Big::pow2((-exponent + 1) as u32);
        margin_low = Big::from_u64(1);
    }

    // numpy's estimate of the first digit's exponent, which is right or one too low.
    let log10_2 = std::f64::consts::LOG10_2;
    let mut digit_exponent = ((mantissa_bit + exponent) as f64 * log10_2 - 0.69).ceil() as i32;
    if let (Some(max), Cutoff::Fraction) = (cutoff_max, mode) {
        // Values too small for the fractional cutoff start at the cutoff digit and round there.
        let max = max as i32;
        if digit_exponent <= -max {
            digit_exponent = -max + 1;
        }
    }
    if digit_exponent > 0 {
        scale.mul_pow10(digit_exponent as u32);
    } else if digit_exponent < 0 {
        value.mul_pow10((-digit_exponent) as u32);
        margin_low.mul_pow10((-digit_exponent) as u32);
    }
    if value >= scale {
        digit_exponent += 1;
    } else {
        value.mul_small(10);
        margin_low.mul_small(10);
    }

    let desired = |digits: usize| match mode {
        Cutoff::Total => digit_exponent - digits as i32,
        Cutoff::Fraction => -(digits as i32),
    };
    // numpy's output buffer holds 16384 digits; only that ever limits an unbounded print.
    let mut cutoff_max_exponent = digit_exponent - 16384;
    if let Some(max) = cutoff_max {
        cutoff_max_exponent = cutoff_max_exponent.max(desired(max));
    }
    let mut cutoff_min_exponent = digit_exponent;
    if let Some(min) = cutoff_min {
        cutoff_min_exponent = cutoff_min_exponent.min(desired(min));
    }
    let mut out_exponent = digit_exponent - 1;

    let mut digits = Vec::new();
    let (mut low, mut high, mut digit);
    loop {
        digit_exponent -= 1;
        digit = value.div_rem_small_quotient(&scale);
        let mut margin_high = margin_low.clone();
        margin_high.mul_small(high_factor);
        let value_high = value.add(&margin_high);
        // The ends of the rounding interval belong to the value when its mantissa is even, as
        // round-half-even parsing would map them back to it.
        low = if is_even {
            value <= margin_low
        } else {
            value < margin_low
        };
        high = if is_even {
            value_high >= scale
        } else {
            value_high > scale
        };
        if ((low || high) && digit_exponent <= cutoff_min_exponent)
            || digit_exponent == cutoff_max_exponent
        {
            break;
        }
        digits.push(b'0' + digit);
        value.mul_small(10);
        margin_low.mul_small(10);
    }

    // Round the last digit down if only that stays within the interval, up if only that does,
    // and otherwise to the nearer one, ties to even.
    let mut round_down = low;
    if low == high {
        value.mul_small(2);
        round_down = match value.cmp(&scale) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Equal => digit % 2 == 0,
            std::cmp::Ordering::Greater => false,
        };
    }
    if round_down {
        digits.push(b'0' + digit);
    } else if digit < 9 {
        digits.push(b'0' + digit + 1);
    } else {
        // Carry through the trailing nines; all nines become a 1 one place higher.
        loop {
            match digits.pop() {
                None => {
                    digits.push(b'1');
                    out_exponent += 1;
                    break;
                }
                Some(b'9') => {}
                Some(d) => {
                    digits.push(d + 1);
                    break;
                }
            }
        }
    }
    Decimal {
        digits,
        exp: out_exponent,
    }
}

/// Just enough of an unsigned big integer for Dragon4: little-endian 32-bit limbs, without
/// high zero limbs.
#[derive(Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Self {
        let mut big = Big(vec![v as u32, (v >> 32) as u32]);
        big.trim();
        big
    }

    fn pow2(n: u32) -> Self {
        let mut big = Big::from_u64(1);
        big.shl(n);
        big
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn shl(&mut self, n: u32) {
        let (words, bits) = ((n / 32) as usize, n % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let next = *limb >> (32 - bits);
                *limb = (*limb << bits) | carry;
                carry = next;
            }
            self.0.push(carry);
        }
        self.0.splice(0..0, std::iter::repeat_n(0, words));
        self.trim();
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(m) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        self.0.push(carry as u32);
        self.trim();
    }

    fn mul_pow10(&mut self, mut n: u32) {
        while n >= 9 {
            self.mul_small(1_000_000_000);
            n -= 9;
        }
        self.mul_small(10u32.pow(n));
    }

    fn add(&self, other: &Big) -> Big {
        let len = self.0.len().max(other.0.len());
        let mut sum = Vec::with_capacity(len + 1);
        let mut carry = 0u64;
        for i in 0..len {
            let a = u64::from(self.0.get(i).copied().unwrap_or(0));
            let b = u64::from(other.0.get(i).copied().unwrap_or(0));
            let s = a + b + carry;
            sum.push(s as u32);
            carry = s >> 32;
        }
        sum.push(carry as u32);
        let mut big = Big(sum);
        big.trim();
        big
    }

    /// Subtracts `other`, which must not be larger.
    fn sub_assign(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.0.len() {
            let b = i64::from(other.0.get(i).copied().unwrap_or(0));
            let mut d = i64::from(self.0[i]) - b - borrow;
            borrow = i64::from(d < 0);
            if d < 0 {
                d += 1 << 32;
            }
            self.0[i] = d as u32;
        }
        self.trim();
    }

    /// Replaces the value by its remainder modulo `divisor` and returns the quotient, which
    /// Dragon4 guarantees is a single digit.
    fn div_rem_small_quotient(&mut self, divisor: &Big) -> u8 {
        let mut quotient = 0;
        while *self >= *divisor && quotient < 9 {
            self.sub_assign(divisor);
            quotient += 1;
        }
        quotient
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    //! Expected strings were produced by numpy 2.x with default print options (`str(a)`, or
    //! `prefix + np.array2string(a, prefix=prefix)`).

    use super::*;
    use ndarray::IxDyn;

    fn floats(shape: &[usize], values: &[f64]) -> Value {
        Value::float(ArrayD::from_shape_vec(IxDyn(shape), values.to_vec()).expect("shape fits"))
    }

    fn bools(shape: &[usize], values: &[bool]) -> Value {
        Value::bools(ArrayD::from_shape_vec(IxDyn(shape), values.to_vec()).expect("shape fits"))
    }

    /// Python's repr: shortest digits, scientific below 1e-4 and from 1e16.
    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (220.00000000000003, "220.00000000000003"),
            (2.2, "2.2"),
            (110.0, "110.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (0.00012345, "0.00012345"),
            (-0.0, "-0.0"),
            (f64::NAN, "nan"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (1e16, "1e+16"),
            (9999999999999998.0, "9999999999999998.0"),
            (5e-324, "5e-324"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.5e300, "1.5e+300"),
            (123456789012345680.0, "1.2345678901234568e+17"),
        ];
        for (x, repr) in cases {
            assert_eq!(float_repr(x), repr);
        }
    }

    /// The style sees each element's index and padded text; layout ignores what it returns.
    #[test]
    fn styled_wraps_each_element() {
        let value = bools(&[2, 2], &[false, true, true, false]);
        let mut seen = Vec::new();
        let styled = to_string_styled(&value, "", &mut |index, text| {
            seen.push(index.to_vec());
            format!("<{text}>")
        });
        assert_eq!(styled, "[[<False> < True>]\n [< True> <False>]]");
        assert_eq!(seen, [vec![0, 0], vec![0, 1], vec![1, 0], vec![1, 1]]);
    }

    /// Escape codes do not change where lines break.
    #[test]
    fn styled_layout_equals_plain_layout() {
        let value = floats(
            &[40],
            &(0..40).map(|i| f64::from(i) * 1.5).collect::<Vec<_>>(),
        );
        let plain = to_string_prefixed(&value, "x = ");
        assert_eq!(
            plain,
            "x = [ 0.   1.5  3.   4.5  6.   7.5  9.  10.5 12.  13.5 15.  16.5 18.  19.5\n     \
             21.  22.5 24.  25.5 27.  28.5 30.  31.5 33.  34.5 36.  37.5 39.  40.5\n     \
             42.  43.5 45.  46.5 48.  49.5 51.  52.5 54.  55.5 57.  58.5]"
        );
        let styled = to_string_styled(&value, "x = ", &mut |_, text| {
            format!("\x1b[32m{text}\x1b[0m")
        });
        assert_eq!(styled.replace("\x1b[32m", "").replace("\x1b[0m", ""), plain);
    }

    /// A million elements are summarised without formatting the hidden ones.
    #[test]
    fn huge_array_formats_only_edges() {
        let value = floats(
            &[1000, 1000],
            &(0..1_000_000).map(f64::from).collect::<Vec<_>>(),
        );
        let mut calls = 0;
        let text = to_string_styled(&value, "", &mut |_, text| {
            calls += 1;
            text.to_string()
        });
        assert_eq!(calls, 36);
        assert_eq!(
            text,
            "[[0.00000e+00 1.00000e+00 2.00000e+00 ... 9.97000e+02 9.98000e+02\n  9.99000e+02]\n \
             [1.00000e+03 1.00100e+03 1.00200e+03 ... 1.99700e+03 1.99800e+03\n  1.99900e+03]\n \
             [2.00000e+03 2.00100e+03 2.00200e+03 ... 2.99700e+03 2.99800e+03\n  2.99900e+03]\n \
             ...\n \
             [9.97000e+05 9.97001e+05 9.97002e+05 ... 9.97997e+05 9.97998e+05\n  9.97999e+05]\n \
             [9.98000e+05 9.98001e+05 9.98002e+05 ... 9.98997e+05 9.98998e+05\n  9.98999e+05]\n \
             [9.99000e+05 9.99001e+05 9.99002e+05 ... 9.99997e+05 9.99998e+05\n  9.99999e+05]]"
        );
    }

    /// Zero-length axes anywhere, and prefixes wider than the line, never panic.
    #[test]
    fn odd_shapes_do_not_panic() {
        for shape in [vec![0], vec![0, 3], vec![3, 0, 2], vec![1, 1, 1, 1, 0]] {
            assert_eq!(to_string(&floats(&shape, &[])), "[]");
            assert_eq!(to_string(&bools(&shape, &[])), "[]");
        }
        let wide = "w".repeat(100);
        let text = to_string_prefixed(&floats(&[3], &[1.0, 2.0, 3.0]), &wide);
        // numpy puts every element on its own line then, as nothing fits.
        let pad = " ".repeat(101);
        assert_eq!(text, format!("{wide}[1.\n{pad}2.\n{pad}3.]"));
    }

    /// The book's matrix: decimal points line up and `1.` keeps its point.
    #[test]
    fn blog_matrix() {
        assert_eq!(
            to_string(&floats(&[2, 2], &[1.0, -0.5, -2.0, 3.3])),
            "[[ 1.  -0.5]\n [-2.   3.3]]"
        );
    }

    /// Continuation lines are indented by the width of the prefix.
    #[test]
    fn blog_matrix_prefixed() {
        assert_eq!(
            to_string_prefixed(&floats(&[2, 2], &[1.0, -0.5, -2.0, 3.3]), "x = "),
            "x = [[ 1.  -0.5]\n     [-2.   3.3]]"
        );
    }

    /// Bools are padded to the width of `False`.
    #[test]
    fn blog_bool_matrix() {
        assert_eq!(
            to_string(&bools(&[2, 2], &[false, true, true, false])),
            "[[False  True]\n [ True False]]"
        );
    }

    /// A prefixed bool column, as `x < 0` prints after an assignment.
    #[test]
    fn bool_column_prefixed() {
        assert_eq!(
            to_string_prefixed(&bools(&[3, 1], &[false, true, false]), "x = "),
            "x = [[False]\n     [ True]\n     [False]]"
        );
    }

    /// A 0-d float prints as Python would, with every digit.
    #[test]
    fn scalar_is_python_repr() {
        assert_eq!(
            to_string(&floats(&[], &[220.00000000000003])),
            "220.00000000000003"
        );
    }

    /// A prefixed 0-d float is the prefix and the repr.
    #[test]
    fn scalar_prefixed() {
        assert_eq!(
            to_string_prefixed(&floats(&[], &[220.00000000000003]), "price = "),
            "price = 220.00000000000003"
        );
    }

    /// A 0-d bool has no padding.
    #[test]
    fn scalar_bool_prefixed() {
        assert_eq!(
            to_string_prefixed(&bools(&[], &[false]), "x = "),
            "x = False"
        );
    }

    /// A single element needs no padding.
    #[test]
    fn one_element_row() {
        assert_eq!(to_string(&floats(&[1], &[0.5])), "[0.5]");
    }

    /// Whole numbers keep the point and pad to the widest integer part.
    #[test]
    fn integers_align() {
        assert_eq!(
            to_string(&floats(&[1, 2], &[-28.0, 286.0])),
            "[[-28. 286.]]"
        );
    }

    /// Shorter fractions are padded on the right.
    #[test]
    fn column_pads_right() {
        assert_eq!(
            to_string(&floats(&[3, 1], &[2.9, 2.0, 2.7])),
            "[[2.9]\n [2. ]\n [2.7]]"
        );
    }

    /// Points line up across integer parts of different widths.
    #[test]
    fn maxprec_alignment() {
        assert_eq!(
            to_string(&floats(&[3], &[1.0, 0.25, -100.5])),
            "[   1.      0.25 -100.5 ]"
        );
    }

    /// The 8-digit cut rounds the exact binary value, ties to even.
    #[test]
    fn rounds_exact_value_half_even() {
        assert_eq!(
            to_string(&floats(&[2], &[0.001953125, 1.0])),
            "[0.00195312 1.        ]"
        );
    }

    /// Rounding at the cut can carry into the integer part.
    #[test]
    fn rounding_carries() {
        assert_eq!(to_string(&floats(&[2], &[0.999999999, 2.5])), "[1.  2.5]");
    }

    /// Negative zero keeps its sign.
    #[test]
    fn negative_zero() {
        assert_eq!(
            to_string(&floats(&[3], &[-0.0, 0.0, 1.5])),
            "[-0.   0.   1.5]"
        );
    }

    /// A value below 1e-4 switches the whole array to scientific.
    #[test]
    fn scientific_small() {
        assert_eq!(to_string(&floats(&[2], &[1e-05, 1.0])), "[1.e-05 1.e+00]");
    }

    /// A value of 1e8 or more switches to scientific, mantissas padded.
    #[test]
    fn scientific_large() {
        assert_eq!(
            to_string(&floats(&[2], &[123456789.0, 2.0])),
            "[1.23456789e+08 2.00000000e+00]"
        );
    }

    /// A spread of more than 1000 switches to scientific.
    #[test]
    fn scientific_ratio() {
        assert_eq!(to_string(&floats(&[2], &[0.001, 1.5])), "[1.0e-03 1.5e+00]");
    }

    /// One three-digit exponent pads all exponents to three digits.
    #[test]
    fn scientific_three_digit_exponent() {
        assert_eq!(
            to_string(&floats(&[2], &[1.5e-10, 2.25e+100])),
            "[1.50e-010 2.25e+100]"
        );
    }

    /// Zero in scientific notation gets a zero exponent and padded digits.
    #[test]
    fn scientific_zero() {
        assert_eq!(
            to_string(&floats(&[3], &[0.0, 1e-05, 1.25])),
            "[0.00e+00 1.00e-05 1.25e+00]"
        );
    }

    /// Padding digits of a subnormal are digits of its exact value.
    #[test]
    fn subnormal_extra_digits() {
        assert_eq!(
            to_string(&floats(&[2], &[5e-324, 1.5])),
            "[4.9e-324 1.5e+000]"
        );
    }

    /// nan and inf are right-aligned in the column width.
    #[test]
    fn nan_inf() {
        assert_eq!(
            to_string(&floats(&[3], &[f64::NAN, 1.5, f64::NEG_INFINITY])),
            "[ nan  1.5 -inf]"
        );
    }

    /// Without finite values the width comes from nan and -inf.
    #[test]
    fn only_nonfinite() {
        assert_eq!(
            to_string(&floats(&[2], &[f64::NAN, f64::NEG_INFINITY])),
            "[ nan -inf]"
        );
    }

    /// inf takes the width of the scientific column.
    #[test]
    fn nonfinite_in_scientific() {
        assert_eq!(
            to_string(&floats(&[3], &[f64::INFINITY, 1e-07, -1.5])),
            "[     inf  1.0e-07 -1.5e+00]"
        );
    }

    /// A long row wraps at 75 columns, counting the prefix.
    #[test]
    fn wrapped_row_prefixed() {
        assert_eq!(
            to_string_prefixed(
                &floats(
                    &[30],
                    &(0..30).map(|i| f64::from(i) * 1.5).collect::<Vec<_>>()
                ),
                "dapple_num = "
            ),
            "dapple_num = [ 0.   1.5  3.   4.5  6.   7.5  9.  10.5 12.  13.5 15.  16.5\n              18.  19.5 21.  22.5 24.  25.5 27.  28.5 30.  31.5 33.  34.5\n              36.  37.5 39.  40.5 42.  43.5]"
        );
    }

    /// Each row of a matrix wraps on its own, inside its bracket.
    #[test]
    fn wrapped_rows() {
        assert_eq!(
            to_string(&floats(
                &[2, 20],
                &(0..40).map(|i| f64::from(i) / 3.0).collect::<Vec<_>>()
            )),
            "[[ 0.          0.33333333  0.66666667  1.          1.33333333  1.66666667\n   2.          2.33333333  2.66666667  3.          3.33333333  3.66666667\n   4.          4.33333333  4.66666667  5.          5.33333333  5.66666667\n   6.          6.33333333]\n [ 6.66666667  7.          7.33333333  7.66666667  8.          8.33333333\n   8.66666667  9.          9.33333333  9.66666667 10.         10.33333333\n  10.66666667 11.         11.33333333 11.66666667 12.         12.33333333\n  12.66666667 13.        ]]"
        );
    }

    /// Blocks of a 3-d array are separated by a blank line.
    #[test]
    fn three_d_blank_line() {
        assert_eq!(
            to_string_prefixed(
                &floats(&[2, 2, 2], &(0..8).map(f64::from).collect::<Vec<_>>()),
                "w1 = "
            ),
            "w1 = [[[0. 1.]\n       [2. 3.]]\n\n      [[4. 5.]\n       [6. 7.]]]"
        );
    }

    /// Blocks of a 4-d array are separated by two blank lines.
    #[test]
    fn four_d_two_blank_lines() {
        assert_eq!(
            to_string(&floats(
                &[2, 2, 2, 2],
                &(0..16).map(|i| f64::from(i) - 8.0).collect::<Vec<_>>()
            )),
            "[[[[-8. -7.]\n   [-6. -5.]]\n\n  [[-4. -3.]\n   [-2. -1.]]]\n\n\n [[[ 0.  1.]\n   [ 2.  3.]]\n\n  [[ 4.  5.]\n   [ 6.  7.]]]]"
        );
    }

    /// More than 1000 elements show three at each end; the format comes from those.
    #[test]
    fn summarised_row() {
        assert_eq!(
            to_string(&floats(
                &[2000],
                &(0..2000).map(f64::from).collect::<Vec<_>>()
            )),
            "[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]"
        );
    }

    /// A summarised matrix elides rows with a `...` row.
    #[test]
    fn summarised_matrix_prefixed() {
        assert_eq!(
            to_string_prefixed(
                &floats(
                    &[40, 50],
                    &(0..2000).map(|i| f64::from(i) / 7.0).collect::<Vec<_>>()
                ),
                "out = "
            ),
            "out = [[0.00000000e+00 1.42857143e-01 2.85714286e-01 ... 6.71428571e+00\n        6.85714286e+00 7.00000000e+00]\n       [7.14285714e+00 7.28571429e+00 7.42857143e+00 ... 1.38571429e+01\n        1.40000000e+01 1.41428571e+01]\n       [1.42857143e+01 1.44285714e+01 1.45714286e+01 ... 2.10000000e+01\n        2.11428571e+01 2.12857143e+01]\n       ...\n       [2.64285714e+02 2.64428571e+02 2.64571429e+02 ... 2.71000000e+02\n        2.71142857e+02 2.71285714e+02]\n       [2.71428571e+02 2.71571429e+02 2.71714286e+02 ... 2.78142857e+02\n        2.78285714e+02 2.78428571e+02]\n       [2.78571429e+02 2.78714286e+02 2.78857143e+02 ... 2.85285714e+02\n        2.85428571e+02 2.85571429e+02]]"
        );
    }

    /// A hidden huge value does not force scientific notation.
    #[test]
    fn summarised_format_ignores_hidden() {
        assert_eq!(
            to_string(&floats(
                &[1011],
                &(0..1011)
                    .map(|i| if i == 10 { 1e10 } else { 1.0 })
                    .collect::<Vec<_>>()
            )),
            "[1. 1. 1. ... 1. 1. 1.]"
        );
    }

    /// Summarised blocks of a 3-d array are elided by a `...` line between blank lines.
    #[test]
    fn summarised_blocks() {
        assert_eq!(
            to_string(&floats(
                &[1001, 1, 1],
                &(0..1001).map(f64::from).collect::<Vec<_>>()
            )),
            "[[[   0.]]\n\n [[   1.]]\n\n [[   2.]]\n\n ...\n\n [[ 998.]]\n\n [[ 999.]]\n\n [[1000.]]]"
        );
    }

    /// Bool arrays are summarised the same way.
    #[test]
    fn summarised_bools() {
        assert_eq!(
            to_string(&bools(
                &[2000],
                &(0..2000).map(|i| i % 3 == 0).collect::<Vec<_>>()
            )),
            "[ True False False ... False  True False]"
        );
    }

    /// An empty array prints as `[]`.
    #[test]
    fn empty() {
        assert_eq!(to_string(&floats(&[0], &[])), "[]");
    }

    /// Any zero-length axis makes the whole array `[]`.
    #[test]
    fn empty_with_rows() {
        assert_eq!(to_string_prefixed(&floats(&[2, 0], &[]), "x = "), "x = []");
    }
}
