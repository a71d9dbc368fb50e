//! Negation, `out = -x`: the book's "×(−1)" node, which flips the sign of the gradient.

use crate::engine::value::Floats;
use ndarray::ArrayD;

#[derive(Debug, Clone, Default)]
pub struct NegLayer;

impl NegLayer {
    pub fn new() -> NegLayer {
        NegLayer
    }

    pub fn forward(&mut self, x: &Floats) -> Floats {
        x.mapv(|v| -v).into_shared()
    }

    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        -dout
    }
}
