//! 곱셈 계층 (MulLayer): `out = x * y`. Backward swaps the inputs: dx = dout * y, dy = dout * x.

use super::common::{map1, zip2};
use crate::engine::value::Floats;
use ndarray::{ArrayBase, ArrayD, Data, IxDyn};

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
        times(x, y).into_shared()
    }

    pub fn backward(&self, dout: &ArrayD<f64>) -> (ArrayD<f64>, ArrayD<f64>) {
        let dx = times(dout, &self.y);
        let dy = times(dout, &self.x);
        (dx, dy)
    }
}

/// `a * b` with numpy's broadcasting. A 0-d side, as in `0.1 * grad(W)`, is one number, and
/// multiplying by it is one pass over the other side rather than ndarray's general broadcast.
fn times<S, T>(a: &ArrayBase<S, IxDyn>, b: &ArrayBase<T, IxDyn>) -> ArrayD<f64>
where
    S: Data<Elem = f64>,
    T: Data<Elem = f64>,
{
    match (a.ndim(), b.ndim(), a.first(), b.first()) {
        (0, _, Some(&a), _) => map1(b, |v| a * v),
        (_, 0, _, Some(&b)) => map1(a, |v| v * b),
        _ => zip2(a, b, |x, y| x * y),
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
