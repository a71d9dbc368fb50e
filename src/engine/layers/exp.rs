//! The `exp` node: `out = exp(x)`. Its derivative is itself, so backward multiplies by `out`.

use super::common::{map1, zip2};
use crate::engine::value::Floats;
use ndarray::ArrayD;

#[derive(Debug, Clone, Default)]
pub struct ExpLayer<T = Floats> {
    pub out: T,
}

impl ExpLayer {
    pub fn new() -> ExpLayer {
        ExpLayer::default()
    }

    /// Caches the output, which backward needs: d exp(x)/dx = exp(x).
    pub fn forward(&mut self, x: &Floats) -> Floats {
        self.out = map1(x, f64::exp).into_shared();
        self.out.clone()
    }

    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        zip2(dout, &self.out, |d, o| d * o)
    }
}

/// The same layer on a 0-d value, its cache inline.
impl ExpLayer<f64> {
    pub fn forward(&mut self, x: f64) -> f64 {
        self.out = x.exp();
        self.out
    }

    pub fn backward(&self, dout: f64) -> f64 {
        dout * self.out
    }
}
