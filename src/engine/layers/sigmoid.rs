//! Sigmoid 계층: `out = 1 / (1 + exp(-x))`. Backward needs only the output:
//! dx = dout · (1 − out) · out.

use super::common::{map1, zip2};
use crate::engine::value::Floats;
use ndarray::ArrayD;

/// The same layer as a numpy sketch, our own, for reading beside this file:
///
/// ```python
/// class Sigmoid:
///     def forward(self, x):
///         self.y = 1 / (1 + np.exp(-x))   # backward needs only the output
///         return self.y
///
///     def backward(self, upstream):
///         return upstream * self.y * (1 - self.y)
/// ```
#[derive(Debug, Clone, Default)]
pub struct Sigmoid<T = Floats> {
    pub out: T,
}

impl Sigmoid {
    pub fn new() -> Sigmoid {
        Sigmoid::default()
    }

    pub fn forward(&mut self, x: &Floats) -> Floats {
        self.out = map1(x, |v| 1.0 / (1.0 + (-v).exp())).into_shared();
        self.out.clone()
    }

    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        zip2(dout, &self.out, |d, o| d * (1.0 - o) * o)
    }
}

/// The same layer on a 0-d value, its cache inline, computing in the same order.
impl Sigmoid<f64> {
    pub fn forward(&mut self, x: f64) -> f64 {
        self.out = 1.0 / (1.0 + (-x).exp());
        self.out
    }

    pub fn backward(&self, dout: f64) -> f64 {
        dout * (1.0 - self.out) * self.out
    }
}
