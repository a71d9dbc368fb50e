//! ReLU 계층: `out = max(0, x)`, with the mask of blocked cells cached for backward.

use super::common::map1;
use crate::engine::value::Floats;
use ndarray::ArrayD;

/// The same layer as a numpy sketch, our own, for reading beside this file:
///
/// ```python
/// class Relu:
///     def forward(self, x):
///         self.blocked = x <= 0       # the mask: where the signal stops
///         return np.where(self.blocked, 0.0, x)
///
///     def backward(self, upstream):
///         return np.where(self.blocked, 0.0, upstream)   # a new array
/// ```
#[derive(Debug, Clone, Default)]
pub struct Relu<M = ArrayD<bool>> {
    /// True where the input was `<= 0`: the cells where the gradient stops.
    pub mask: M,
}

impl Relu {
    pub fn new() -> Relu {
        Relu::default()
    }

    /// The mask uses `x <= 0`, so an input of exactly 0 is blocked and its gradient is 0, as in
    /// the book. A NaN input is not `<= 0`, so it passes through as NaN, as numpy's does.
    pub fn forward(&mut self, x: &Floats) -> Floats {
        self.mask = map1(x, |v| v <= 0.0);
        // The same test as the mask's, so each element is blocked exactly where its mask is.
        map1(x, |v| if v <= 0.0 { 0.0 } else { v }).into_shared()
    }

    /// The Python original writes zeros into the caller's `dout` (`dout[self.mask] = 0`), so the
    /// caller's array changes under it. This one writes a new array and leaves `dout` untouched.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        super::common::zip2(dout, &self.mask, |d, blocked| if blocked { 0.0 } else { d })
    }
}

/// The same layer on a 0-d value: its mask is one boolean, inline.
impl Relu<bool> {
    pub fn forward(&mut self, x: f64) -> f64 {
        self.mask = x <= 0.0;
        if self.mask { 0.0 } else { x }
    }

    pub fn backward(&self, dout: f64) -> f64 {
        if self.mask { 0.0 } else { dout }
    }
}
