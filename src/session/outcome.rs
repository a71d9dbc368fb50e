//! What a statement did, as data. `show` turns it into text; the session never does.

use crate::engine::gradcheck::Report;
use crate::engine::graph::{NodeId, Step};
use crate::engine::value::Value;

/// Where a printed value came from, which decides how many digits it prints with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A literal, a constructor or a comparison: what the learner typed.
    Typed,
    /// What a layer computed.
    Computed,
    /// A gradient of the last `back`, through `grad(x)` or `dx`.
    Gradient,
}

/// What one statement did. Node ids in it are valid until the next statement runs.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A statement ending in `;`: nothing to show.
    Silent,
    /// `x = …` (with the name) or a bare expression (without).
    Value {
        name: Option<compact_str::CompactString>,
        value: Value,
        origin: Origin,
    },
    /// `print(a, b, …)` of other than one value: each value's `str`, separated by spaces, as
    /// Python's `print` writes them (nothing at all for `print()`: an empty line).
    Printed { values: Vec<Value> },
    /// `back`: the record is the session's `last_back()`.
    Back,
    /// `graph NAME [--dot [FILE]]`.
    Graph {
        target: String,
        node: NodeId,
        /// `None` for the terminal picture, `Some(None)` for DOT on stdout, `Some(Some(file))`
        /// for DOT written to a file.
        dot: Option<Option<String>>,
    },
    /// `step`: each node that sent gradients, in the order `back` visits them. The record is the
    /// session's `last_back()`.
    Step { steps: Vec<Step> },
    /// `check`.
    Check(Report),
    /// `load NAME`: the names bound and their shapes.
    Loaded { arrays: Vec<(String, Vec<usize>)> },
    /// `plot`: the x values (when given) and each series with its source text, all 1-D and of
    /// one length, each with a finite value.
    Plot {
        xs: Option<Vec<f64>>,
        series: Vec<(String, Vec<f64>)>,
        /// Rows of the chart, when `height=N` asked for them.
        height: Option<usize>,
    },
    /// `imshow`: the pixels, row-major, and the image's rows and columns.
    Image {
        pixels: Vec<f64>,
        rows: usize,
        cols: usize,
    },
}
