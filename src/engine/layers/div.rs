//! Division, `out = x / y`. With `x = 1` this is the book's `/` node, whose rule is "multiply by
//! −out²": d(1/y)/dy = −1/y² = −out².

use super::common::zip2;
use crate::engine::value::Floats;
use ndarray::ArrayD;

#[derive(Debug, Clone, Default)]
pub struct DivLayer<T = Floats> {
    pub x: T,
    pub y: T,
}

impl DivLayer {
    pub fn new() -> DivLayer {
        DivLayer::default()
    }

    pub fn forward(&mut self, x: &Floats, y: &Floats) -> Floats {
        self.x = x.clone();
        self.y = y.clone();
        zip2(x, y, |a, b| a / b).into_shared()
    }

    /// dx = dout / y, and dy = −dout · x / y².
    pub fn backward(&self, dout: &ArrayD<f64>) -> (ArrayD<f64>, ArrayD<f64>) {
        let dx = zip2(dout, &self.y, |d, y| d / y);
        // −(dout·x) / y², element by element in that order: the same numbers as numpy's.
        let dout_x = zip2(dout, &self.x, |d, x| -(d * x));
        let dy = zip2(&dout_x, &self.y, |n, y| n / (y * y));
        (dx, dy)
    }
}

/// The same layer on two 0-d values, its cache inline, computing in the same order.
impl DivLayer<f64> {
    pub fn forward(&mut self, x: f64, y: f64) -> f64 {
        self.x = x;
        self.y = y;
        x / y
    }

    pub fn backward(&self, dout: f64) -> (f64, f64) {
        (dout / self.y, -(dout * self.x) / (self.y * self.y))
    }
}
