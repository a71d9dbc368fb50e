//! 곱셈 계층 (MulLayer): `out = x * y`. Backward swaps the inputs: dx = dout * y, dy = dout * x.

use crate::engine::value::Floats;
use ndarray::ArrayD;

/// ```python
/// class MulLayer:
///     def forward(self, x, y):
///         self.x = x
///         self.y = y
///         return x * y
///     def backward(self, dout):
///         dx = dout * self.y
///         dy = dout * self.x
///         return dx, dy
/// ```
#[derive(Debug, Clone, Default)]
pub struct MulLayer {
    pub x: Floats,
    pub y: Floats,
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
