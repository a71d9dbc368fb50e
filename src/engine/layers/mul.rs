//! 곱셈 계층 (MulLayer): `out = x * y`. Backward swaps the inputs: dx = dout * y, dy = dout * x.

use crate::engine::value::Floats;
use ndarray::ArrayD;

/// The same layer as a numpy sketch, our own, for reading beside this file:
///
/// ```python
/// class MulLayer:
///     def forward(self, a, b):
///         self.saved = (a, b)         # each input is the other's derivative
///         return a * b
///
///     def backward(self, upstream):
///         a, b = self.saved
///         return upstream * b, upstream * a   # the inputs swap
/// ```
#[derive(Debug, Clone, Default)]
pub struct MulLayer<T = Floats> {
    pub x: T,
    pub y: T,
}

impl MulLayer {
    pub fn new() -> MulLayer {
        MulLayer::default()
    }

    /// Caches both inputs, because each one is the other's local derivative. Like the book's
    /// `self.x = x`, this keeps a reference to the array, not a copy.
    pub fn forward(&mut self, x: &Floats, y: &Floats) -> Floats {
        self.x = x.clone();
        self.y = y.clone();
        (x * y).into_shared()
    }

    pub fn backward(&self, dout: &ArrayD<f64>) -> (ArrayD<f64>, ArrayD<f64>) {
        let dx = dout * &self.y;
        let dy = dout * &self.x;
        (dx, dy)
    }
}

/// The same layer on two 0-d values, its cache inline: what a chain of scalars is made of.
impl MulLayer<f64> {
    pub fn forward(&mut self, x: f64, y: f64) -> f64 {
        self.x = x;
        self.y = y;
        x * y
    }

    pub fn backward(&self, dout: f64) -> (f64, f64) {
        (dout * self.y, dout * self.x)
    }
}
