//! 덧셈 계층 (AddLayer): `out = x + y`. Addition passes the upstream gradient through unchanged.

use super::common::{map1, zip2};
use crate::engine::value::Floats;
use ndarray::ArrayD;

/// The same layer as a numpy sketch, our own, for reading beside this file:
///
/// ```python
/// class AddLayer:
///     def forward(self, a, b):
///         return a + b                # nothing to keep: the rule needs no inputs
///
///     def backward(self, upstream):
///         return upstream, upstream   # ∂(a+b)/∂a = ∂(a+b)/∂b = 1
/// ```
#[derive(Debug, Clone, Default)]
pub struct AddLayer;

impl AddLayer {
    pub fn new() -> AddLayer {
        AddLayer
    }

    /// Nothing needs caching: the local derivative of `x + y` is 1 for both inputs.
    pub fn forward(&mut self, x: &Floats, y: &Floats) -> Floats {
        zip2(x, y, |a, b| a + b).into_shared()
    }

    pub fn backward(&self, dout: &ArrayD<f64>) -> (ArrayD<f64>, ArrayD<f64>) {
        (map1(dout, |d| d), map1(dout, |d| d))
    }
}
