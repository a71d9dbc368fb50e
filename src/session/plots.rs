//! `plot` and `imshow`: the values to draw, checked here so that a bad one is an error pointing
//! at its expression; `show::plot` draws them.

use super::{Outcome, Session, Source};
use crate::engine::shape;
use crate::engine::value::Value;
use crate::lang::ast::Expr;
use crate::lang::error::{Error, Result};
use crate::msg;

/// The fewest and most rows `plot … height=N` takes.
const MIN_ROWS: usize = 3;
const MAX_ROWS: usize = 100;

/// How many elements a copy for a chart makes between looks at Ctrl-C.
const STOP_EVERY: usize = 1 << 16;

impl Session {
    /// The value of `expr` as a flat list of floats with its shape; nothing stays in the graph.
    fn values_of(
        &mut self,
        expr: &Expr,
        source: &Source,
        pending: usize,
    ) -> Result<(Vec<usize>, Vec<f64>)> {
        let value = self.eval_detached(expr, source)?;
        // The chart copies the series once more while it draws: that copy is asked for too.
        let drawn = value.len().saturating_mul(8);
        let values = self.flat_copy(&value, expr, pending.saturating_add(drawn))?;
        Ok((value.shape().to_vec(), values))
    }

    /// `value`'s elements as a flat list of floats. The list is a copy outside the graph, so it
    /// is asked of the budget first, together with `pending` bytes of lists already made for the
    /// same statement, and then of the system.
    fn flat_copy(&self, value: &Value, expr: &Expr, pending: usize) -> Result<Vec<f64>> {
        let len = value.len();
        self.reserve(len.saturating_mul(8).saturating_add(pending), expr.span)?;
        let mut values: Vec<f64> = Vec::new();
        values
            .try_reserve_exact(len)
            .map_err(|_| super::refused(&[len], expr.span))?;
        match value {
            Value::Scalar(v) => values.push(*v),
            Value::Float(a) | Value::Int(a) => {
                for (i, &v) in a.iter().enumerate() {
                    if i % STOP_EVERY == 0 {
                        super::interrupted(expr.span)?;
                    }
                    values.push(v);
                }
            }
            Value::Bool(b) => values.extend(b.iter().map(|&b| f64::from(u8::from(b)))),
        }
        Ok(values)
    }

    /// `plot y` or `plot xs, y1, y2, …`.
    pub(super) fn plot(
        &mut self,
        series: &[Expr],
        height: Option<&Expr>,
        source: &Source,
    ) -> Result<Outcome> {
        let height = match height {
            None => None,
            Some(expr) => {
                let what = super::calls::Whole::Height {
                    min: MIN_ROWS,
                    max: MAX_ROWS,
                };
                let rows = usize::try_from(self.whole_number_for(expr, what, source)?).unwrap_or(0);
                if !(MIN_ROWS..=MAX_ROWS).contains(&rows) {
                    return Err(Error::new(
                        msg!("plot-height", min = MIN_ROWS, max = MAX_ROWS),
                        expr.span,
                    ));
                }
                Some(rows)
            }
        };
        let mut columns = Vec::with_capacity(series.len());
        // Each series is held twice while the chart is drawn (here, and in the chart's own
        // series), so the budget is asked for both.
        let mut pending = 0usize;
        for expr in series {
            let (dims, values) = self.values_of(expr, source, pending)?;
            pending = pending.saturating_add(values.len().saturating_mul(16));
            if dims.len() != 1 {
                return Err(Error::new(
                    msg!("plot-not-1d", shape = shape::describe(&dims)),
                    expr.span,
                ));
            }
            if !values.iter().any(|v| v.is_finite()) {
                return Err(Error::new(msg!("plot-no-finite"), expr.span));
            }
            if let Some((_, first)) = columns.first() {
                let first: &Vec<f64> = first;
                if first.len() != values.len() {
                    return Err(Error::new(
                        msg!("plot-lengths", expected = first.len(), got = values.len()),
                        expr.span,
                    ));
                }
            }
            columns.push((source.slice(expr.span).into_owned(), values));
        }
        let xs = (columns.len() > 1).then(|| columns.remove(0).1);
        Ok(Outcome::Plot {
            xs,
            series: columns,
            height,
        })
    }

    /// `imshow e`.
    pub(super) fn imshow(&mut self, image: &Expr, source: &Source) -> Result<Outcome> {
        let value = self.eval_detached(image, source)?;
        let dims = value.shape().to_vec();
        let Some((rows, cols)) = shape::image_rows_cols(&dims) else {
            return Err(Error::new(
                msg!("imshow-shape", shape = shape::describe(&dims)),
                image.span,
            ));
        };
        let (max_rows, max_cols) = self.image_limit();
        if rows > max_rows || cols > max_cols {
            return Err(Error::new(
                msg!(
                    "imshow-too-large",
                    rows = rows,
                    cols = cols,
                    max_rows = max_rows,
                    max_cols = max_cols
                ),
                image.span,
            ));
        }
        // Only an image that will be drawn is copied.
        let pixels = self.flat_copy(&value, image, 0)?;
        if rows == 0 || cols == 0 || !pixels.iter().any(|v| v.is_finite()) {
            return Err(Error::new(msg!("plot-no-finite"), image.span));
        }
        Ok(Outcome::Image { pixels, rows, cols })
    }
}
