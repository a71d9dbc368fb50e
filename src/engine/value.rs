//! The values a session holds: float64 arrays and boolean arrays (what comparisons make), of any
//! rank. A scalar is a 0-d array, as a numpy float64 is; it is kept as a plain `f64`, so that a
//! chain of scalars costs no heap allocation per value. Arrays are boxed, so that a value is 16
//! bytes wherever it sits (a graph node, a gradient slot).

use crate::engine::layers::common::map1;
use ndarray::{ArcArray, ArrayD, IxDyn};
use std::borrow::Cow;

/// A float array whose buffer is shared: cloning it is a reference count, not a copy. Layers
/// cache their inputs and outputs this way, as the book's Python keeps references
/// (`self.x = x`), so a cached array costs no memory of its own.
pub type Floats = ArcArray<f64, IxDyn>;

/// The largest int kept as an int: 2^53 − 1. Every whole number up to it is a float64 of its
/// own; from 2^53 on, neighbours share one (2^53 + 1 rounds to 2^53), so a result there may
/// already be rounded and is kept as the float it is.
pub const MAX_EXACT_INT: f64 = 9_007_199_254_740_991.0;

/// One float64 array of any rank. The three cases differ only in how they are stored: every
/// float value of shape `()` is a `Scalar` (the constructors see to it), every other one a `Float`.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A 0-d float value.
    Scalar(f64),
    Float(Box<Floats>),
    Bool(Box<ArrayD<bool>>),
    /// An int64 array (of any rank, 0-d included), as numpy makes from whole numbers: `100`,
    /// `array([1, 2])`, `choice(10, 3)`, `argmax(y, axis=1)`. Its elements are kept as float64s
    /// holding whole numbers, so that every layer reads it as it reads floats; whole numbers up
    /// to 2^53 are exact that way, and anything made larger is refused (`Value::int`).
    Int(Box<Floats>),
}

impl Value {
    /// A float value that owns `array`'s buffer (no copy).
    pub fn float(array: ArrayD<f64>) -> Value {
        Value::shared(array.into_shared())
    }

    /// A float value holding this shared buffer (no copy).
    pub fn shared(array: Floats) -> Value {
        if array.ndim() == 0 {
            Value::Scalar(array.first().copied().unwrap_or(0.0))
        } else {
            Value::Float(Box::new(array))
        }
    }

    /// An int64 value holding this buffer of whole numbers, or `None` when one is not whole or
    /// beyond ±2^53, where a float64 stops holding every integer.
    pub fn int(array: Floats) -> Option<Value> {
        array
            .iter()
            .all(|&v| v.fract() == 0.0 && v.abs() <= MAX_EXACT_INT)
            .then(|| Value::Int(Box::new(array)))
    }

    /// The number a 0-d float or int value holds.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Scalar(v) => Some(*v),
            Value::Int(a) if a.ndim() == 0 => a.first().copied(),
            _ => None,
        }
    }

    /// This value as int64 when every element is a whole number within ±2^53 (what an int64
    /// layer makes from int64 inputs, unless it overflowed); otherwise unchanged.
    pub fn into_int(self) -> Value {
        match self {
            Value::Scalar(v) if v.fract() == 0.0 && v.abs() <= MAX_EXACT_INT => {
                Value::int_scalar(v)
            }
            Value::Float(a) => Value::int((*a).clone()).unwrap_or(Value::Float(a)),
            other => other,
        }
    }

    /// `into_int` when `int` says the value is of that kind (numpy's `ones_like` of an int64,
    /// a gradient the book's layers compute on ints); otherwise the value as it is.
    pub fn into_int_if(self, int: bool) -> Value {
        if int { self.into_int() } else { self }
    }

    /// A 0-d int64 holding the whole number `v` (Python's int, as a literal writes it).
    pub fn int_scalar(v: f64) -> Value {
        Value::Int(Box::new(ndarray::arr0(v).into_dyn().into_shared()))
    }

    /// True for int64 values.
    pub fn is_int(&self) -> bool {
        matches!(self, Value::Int(_))
    }

    pub fn bools(array: ArrayD<bool>) -> Value {
        Value::Bool(Box::new(array))
    }

    pub fn shape(&self) -> &[usize] {
        match self {
            Value::Scalar(_) => &[],
            Value::Float(a) | Value::Int(a) => a.shape(),
            Value::Bool(a) => a.shape(),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Value::Scalar(_) => 1,
            Value::Float(a) | Value::Int(a) => a.len(),
            Value::Bool(a) => a.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True for float values (of any rank), false for booleans.
    pub fn is_float(&self) -> bool {
        !matches!(self, Value::Bool(_))
    }

    /// The bytes the elements take: 8 for each float64 and 1 for each boolean. A scalar is
    /// counted too, though it lives inside its node.
    pub fn bytes(&self) -> usize {
        match self {
            Value::Scalar(_) => std::mem::size_of::<f64>(),
            Value::Float(a) | Value::Int(a) => a.len() * std::mem::size_of::<f64>(),
            Value::Bool(a) => a.len(),
        }
    }

    /// The value as floats, borrowed when it already is an array of floats: booleans become 0.0
    /// and 1.0, as numpy casts them in arithmetic, and a scalar becomes a 0-d array.
    pub fn as_float(&self) -> Cow<'_, Floats> {
        match self {
            Value::Float(a) | Value::Int(a) => Cow::Borrowed(a),
            _ => Cow::Owned(self.to_float().into_shared()),
        }
    }

    /// A copy that shares no buffer with this value, as numpy's `np.array(x)` makes (in blocks
    /// that look at Ctrl-C).
    pub fn copied(&self) -> Value {
        match self {
            Value::Scalar(v) => Value::Scalar(*v),
            Value::Float(a) => Value::float(map1(&**a, |v: f64| v)),
            Value::Int(a) => Value::Int(Box::new(map1(&**a, |v: f64| v).into_shared())),
            Value::Bool(a) => Value::Bool(Box::new(map1(&**a, |b: bool| b))),
        }
    }

    /// The value as floats; booleans become 0.0 and 1.0, as numpy casts them in arithmetic.
    pub fn to_float(&self) -> ArrayD<f64> {
        match self {
            Value::Scalar(v) => ArrayD::from_elem(IxDyn(&[]), *v),
            // In blocks that look at Ctrl-C, as the layers' element-wise work is.
            Value::Float(a) | Value::Int(a) => map1(&**a, |v: f64| v),
            Value::Bool(a) => map1(&**a, |b| if b { 1.0 } else { 0.0 }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_d_float_is_stored_as_a_scalar_and_reads_as_one() {
        let v = Value::float(ArrayD::from_elem(IxDyn(&[]), 2.5));
        assert_eq!(v, Value::Scalar(2.5));
        assert_eq!(v.shape(), &[] as &[usize]);
        assert_eq!(v.len(), 1);
        assert_eq!(v.as_float().shape(), &[] as &[usize]);
        assert_eq!(v.as_float().first(), Some(&2.5));
        let one = Value::float(ArrayD::from_elem(IxDyn(&[1]), 2.5));
        assert!(matches!(one, Value::Float(_)), "shape (1,) stays an array");
    }

    #[test]
    fn a_value_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}
