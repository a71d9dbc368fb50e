//! Negation, `out = -x`: the book's "×(−1)" node, which flips the sign of the gradient.

use super::common::map1;
use crate::engine::value::Floats;
use ndarray::ArrayD;

#[derive(Debug, Clone, Default)]
pub struct NegLayer;

impl NegLayer {
    pub fn new() -> NegLayer {
        NegLayer
    }

    pub fn forward(&mut self, x: &Floats) -> Floats {
        map1(x, |v| -v).into_shared()
    }

    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        map1(dout, |d| -d)
    }
}
