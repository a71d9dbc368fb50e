//! Division, `out = x / y`. With `x = 1` this is the book's `/` node, whose rule is "multiply by
//! −out²": d(1/y)/dy = −1/y² = −out².

use ndarray::ArrayD;

#[derive(Debug, Clone, Default)]
pub struct DivLayer {
    pub x: ArrayD<f64>,
    pub y: ArrayD<f64>,
}

impl DivLayer {
    pub fn new() -> DivLayer {
        DivLayer::default()
    }

    pub fn forward(&mut self, x: &ArrayD<f64>, y: &ArrayD<f64>) -> ArrayD<f64> {
        self.x = x.clone();
        self.y = y.clone();
        x / y
    }

    /// dx = dout / y, and dy = −dout · x / y².
    pub fn backward(&self, dout: &ArrayD<f64>) -> (ArrayD<f64>, ArrayD<f64>) {
        let dx = dout / &self.y;
        let dy = -(dout * &self.x) / (&self.y * &self.y);
        (dx, dy)
    }
}
