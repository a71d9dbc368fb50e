//! Subtraction, `out = x - y`: an AddLayer whose second input is negated on the way back.

use super::common::{map1, zip2};
use crate::engine::value::Floats;
use ndarray::ArrayD;

#[derive(Debug, Clone, Default)]
pub struct SubLayer;

impl SubLayer {
    pub fn new() -> SubLayer {
        SubLayer
    }

    pub fn forward(&mut self, x: &Floats, y: &Floats) -> Floats {
        zip2(x, y, |a, b| a - b).into_shared()
    }

    /// d(x - y)/dx = 1 and d(x - y)/dy = -1.
    pub fn backward(&self, dout: &ArrayD<f64>) -> (ArrayD<f64>, ArrayD<f64>) {
        (map1(dout, |d| d), map1(dout, |d| -d))
    }
}
