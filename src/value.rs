//! The values a session holds: float64 arrays and boolean arrays (what comparisons make), of any
//! rank. A scalar is a 0-d array, as a numpy float64 is.

use ndarray::ArrayD;
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Float(ArrayD<f64>),
    Bool(ArrayD<bool>),
}

impl Value {
    pub fn shape(&self) -> &[usize] {
        match self {
            Value::Float(a) => a.shape(),
            Value::Bool(a) => a.shape(),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Value::Float(a) => a.len(),
            Value::Bool(a) => a.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value as floats, borrowed when it already is: booleans become 0.0 and 1.0, as numpy
    /// casts them in arithmetic.
    pub fn as_float(&self) -> Cow<'_, ArrayD<f64>> {
        match self {
            Value::Float(a) => Cow::Borrowed(a),
            Value::Bool(_) => Cow::Owned(self.to_float()),
        }
    }

    /// The value as floats; booleans become 0.0 and 1.0, as numpy casts them in arithmetic.
    pub fn to_float(&self) -> ArrayD<f64> {
        match self {
            Value::Float(a) => a.clone(),
            Value::Bool(a) => a.mapv(|b| if b { 1.0 } else { 0.0 }),
        }
    }
}
