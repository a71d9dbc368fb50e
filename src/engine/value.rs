//! The values a session holds: float64 arrays and boolean arrays (what comparisons make), of any
//! rank. A scalar is a 0-d array, as a numpy float64 is.

use ndarray::{ArcArray, ArrayD, IxDyn};
use std::borrow::Cow;

/// A float array whose buffer is shared: cloning it is a reference count, not a copy. Layers
/// cache their inputs and outputs this way, as the book's Python keeps references
/// (`self.x = x`), so a cached array costs no memory of its own.
pub type Floats = ArcArray<f64, IxDyn>;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Float(Floats),
    Bool(ArrayD<bool>),
}

impl Value {
    /// A float value that owns `array`'s buffer (no copy).
    pub fn float(array: ArrayD<f64>) -> Value {
        Value::Float(array.into_shared())
    }

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
    pub fn as_float(&self) -> Cow<'_, Floats> {
        match self {
            Value::Float(a) => Cow::Borrowed(a),
            Value::Bool(_) => Cow::Owned(self.to_float().into_shared()),
        }
    }

    /// The value as floats; booleans become 0.0 and 1.0, as numpy casts them in arithmetic.
    pub fn to_float(&self) -> ArrayD<f64> {
        match self {
            Value::Float(a) => a.to_owned(),
            Value::Bool(a) => a.mapv(|b| if b { 1.0 } else { 0.0 }),
        }
    }
}
