//! 곱셈 계층 (MulLayer): `out = x * y`. Backward swaps the inputs: dx = dout * y, dy = dout * x.

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
    pub x: ArrayD<f64>,
    pub y: ArrayD<f64>,
}

impl MulLayer {
    pub fn new() -> MulLayer {
        MulLayer::default()
    }

    /// Caches both inputs, because each one is the other's local derivative.
    pub fn forward(&mut self, x: &ArrayD<f64>, y: &ArrayD<f64>) -> ArrayD<f64> {
        self.x = x.clone();
        self.y = y.clone();
        x * y
    }

    pub fn backward(&self, dout: &ArrayD<f64>) -> (ArrayD<f64>, ArrayD<f64>) {
        let dx = dout * &self.y;
        let dy = dout * &self.x;
        (dx, dy)
    }
}
