//! 전치와 형상 변환 (Transpose, Reshape): `x.T` and `x.reshape(shape)`. Neither changes a
//! value, only where it sits, so backward moves dout back: transposed again, or reshaped to the
//! input's shape.

use super::error::LayerError;
use crate::engine::value::Floats;
use ndarray::{ArrayD, IxDyn};

/// ```python
/// class Transpose:
///     def forward(self, x):
///         return x.T                  # every axis reversed; nothing to remember
///
///     def backward(self, upstream):
///         return upstream.T           # reversing again restores the order
/// ```
///
/// `x.T` reverses all the axes: a `(2, 3)` matrix becomes `(3, 2)`, a 1-D or 0-d array stays
/// as it is. Reversing twice restores the order, so backward is the same operation.
#[derive(Debug, Clone, Default)]
pub struct Transpose;

impl Transpose {
    pub fn new() -> Transpose {
        Transpose
    }

    /// Like numpy's `x.T`, the result shares `x`'s buffer: no element is copied.
    pub fn forward(&mut self, x: &Floats) -> Floats {
        x.clone().reversed_axes()
    }

    /// `dout` has the shape `forward` returned.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        super::common::map1(&dout.t(), |d: f64| d)
    }
}

/// ```python
/// class Reshape:
///     def __init__(self, target_shape):
///         self.target_shape = target_shape
///
///     def forward(self, x):
///         self.input_shape = x.shape
///         return x.reshape(self.target_shape)
///
///     def backward(self, upstream):
///         return upstream.reshape(self.input_shape)   # the same cells in the input's shape
/// ```
///
/// Elements keep their row-major order (numpy's default, `order='C'`): `arange(6)` reshaped to
/// `(2, 3)` has rows `0 1 2` and `3 4 5`, whatever the memory layout of `x`.
#[derive(Debug, Clone, Default)]
pub struct Reshape {
    /// The shape to give, already resolved by `resolve_shape` (no unknown dimension).
    pub shape: Vec<usize>,
    /// The input's shape, which the gradient takes.
    pub input_shape: Vec<usize>,
}

impl Reshape {
    pub fn new(shape: Vec<usize>) -> Reshape {
        Reshape {
            shape,
            input_shape: vec![],
        }
    }

    /// Shares `x`'s buffer when `x` is laid out row by row, as numpy's `reshape` returns a view;
    /// otherwise (say, after a transpose) copies.
    ///
    /// # Panics
    /// When `x` has a different number of elements than the shape: `resolve_shape` refuses it.
    pub fn forward(&mut self, x: &Floats) -> Floats {
        self.input_shape = x.shape().to_vec();
        // Out of order, the elements are copied into row order first, in blocks that look at
        // Ctrl-C (`map1`), and the copy is then shared.
        let x = if x.is_standard_layout() {
            x.clone()
        } else {
            super::common::map1(x, |v| v).into_shared()
        };
        match x.into_shape_clone(IxDyn(&self.shape)) {
            Ok(reshaped) => reshaped,
            Err(_) => panic!("Reshape::forward needs a shape that resolve_shape accepted"),
        }
    }

    /// `dout` has the shape `forward` returned.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        match dout.to_shape(IxDyn(&self.input_shape)) {
            Ok(reshaped) => reshaped.into_owned(),
            Err(_) => panic!("Reshape::backward needs dout in the shape forward returned"),
        }
    }
}

/// The shape `x.reshape(shape)` gives an array of `size` elements, or why numpy refuses it.
/// As in numpy, one entry may be negative (conventionally −1): that dimension is whatever makes
/// the sizes agree. `ReshapeUnknowns` when more than one entry is negative; `ReshapeSize` when
/// the sizes cannot agree, including an unknown dimension beside a zero, which numpy refuses as
/// ambiguous.
pub fn resolve_shape(size: usize, shape: &[isize]) -> Result<Vec<usize>, LayerError> {
    let unknowns = shape.iter().filter(|&&d| d < 0).count();
    if unknowns > 1 {
        return Err(LayerError::ReshapeUnknowns);
    }
    let refused = || LayerError::ReshapeSize {
        size,
        shape: shape.to_vec(),
    };
    let known = shape
        .iter()
        .filter(|&&d| d >= 0)
        .try_fold(1usize, |acc, &d| acc.checked_mul(d as usize))
        .ok_or_else(refused)?;
    let unknown = if unknowns == 0 {
        None
    } else if known != 0 && size.is_multiple_of(known) {
        Some(size / known)
    } else {
        return Err(refused());
    };
    if unknown.is_none() && known != size {
        return Err(refused());
    }
    Ok(shape
        .iter()
        .map(|&d| {
            if d < 0 {
                unknown.unwrap_or(0)
            } else {
                d as usize
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::layers::common::testing::*;
    use crate::engine::layers::error::numpy;

    type Arr = (&'static [usize], &'static [f64]);

    struct TransposeCase {
        name: &'static str,
        x: Arr,
        dout: &'static [f64],
        out: Arr,
        dx: &'static [f64],
    }

    struct ReshapeCase {
        name: &'static str,
        x: Arr,
        shape: &'static [isize],
        dout: &'static [f64],
        out: Arr,
        dx: &'static [f64],
    }

    struct Refusal {
        size: usize,
        shape: &'static [isize],
        numpy: &'static str,
    }

    // BEGIN CASES (written by layer_cases.py from numpy; do not edit)
    const TRANSPOSES: &[TransposeCase] = &[
        TransposeCase {
            name: "2-D",
            x: (&[2, 3], &[-1.54, -1.64, -0.88, 1.98, 1.79, 0.32]),
            dout: &[0.79, 1.07, 1.39, -0.29, 1.0, 0.78],
            out: (&[3, 2], &[-1.54, 1.98, -1.64, 1.79, -0.88, 0.32]),
            dx: &[0.79, 1.39, 1.0, 1.07, -0.29, 0.78],
        },
        TransposeCase {
            name: "3-D",
            x: (
                &[2, 3, 4],
                &[
                    1.11, -1.09, 1.83, -1.55, 1.85, -1.7, -0.87, 1.68, 0.83, 0.82, -1.88, -0.4,
                    0.24, 1.43, -0.64, 1.72, -1.42, -1.67, 0.13, -0.47, -0.86, -1.52, -0.91, -1.45,
                ],
            ),
            dout: &[
                0.81, -0.19, 1.58, 0.58, 1.79, -1.53, 1.68, -0.93, -0.34, 1.47, 0.82, 1.65, -0.6,
                -1.75, -0.8, -1.1, 1.28, 1.1, -0.5, -1.78, 0.28, -0.05, 1.97, 1.63,
            ],
            out: (
                &[4, 3, 2],
                &[
                    1.11, 0.24, 1.85, -1.42, 0.83, -0.86, -1.09, 1.43, -1.7, -1.67, 0.82, -1.52,
                    1.83, -0.64, -0.87, 0.13, -1.88, -0.91, -1.55, 1.72, 1.68, -0.47, -0.4, -1.45,
                ],
            ),
            dx: &[
                0.81, 1.68, -0.6, -0.5, 1.58, -0.34, -0.8, 0.28, 1.79, 0.82, 1.28, 1.97, -0.19,
                -0.93, -1.75, -1.78, 0.58, 1.47, -1.1, -0.05, -1.53, 1.65, 1.1, 1.63,
            ],
        },
        TransposeCase {
            name: "1-D",
            x: (&[3], &[-0.92, -1.23, 0.31]),
            dout: &[0.61, -0.98, -1.3],
            out: (&[3], &[-0.92, -1.23, 0.31]),
            dx: &[0.61, -0.98, -1.3],
        },
        TransposeCase {
            name: "0-d",
            x: (&[], &[2.0]),
            dout: &[1.83],
            out: (&[], &[2.0]),
            dx: &[1.83],
        },
    ];
    const RESHAPES: &[ReshapeCase] = &[
        ReshapeCase {
            name: "(2, 3) to (3, 2)",
            x: (&[2, 3], &[-0.06, -1.89, -1.51, 0.98, 0.87, 0.61]),
            shape: &[3, 2],
            dout: &[1.55, -1.98, -1.74, -1.11, -0.84, -1.15],
            out: (&[3, 2], &[-0.06, -1.89, -1.51, 0.98, 0.87, 0.61]),
            dx: &[1.55, -1.98, -1.74, -1.11, -0.84, -1.15],
        },
        ReshapeCase {
            name: "flatten with -1",
            x: (&[2, 3], &[0.9, -1.35, -0.3, -0.61, 1.23, 1.98]),
            shape: &[-1],
            dout: &[-1.57, 0.11, -0.74, -1.58, 1.23, -0.0],
            out: (&[6], &[0.9, -1.35, -0.3, -0.61, 1.23, 1.98]),
            dx: &[-1.57, 0.11, -0.74, -1.58, 1.23, -0.0],
        },
        ReshapeCase {
            name: "(6,) to (2, -1)",
            x: (&[6], &[0.34, 1.29, -0.7, 1.86, -0.21, -1.05]),
            shape: &[2, -1],
            dout: &[1.04, 0.47, 0.01, -1.26, 1.61, -0.83],
            out: (&[2, 3], &[0.34, 1.29, -0.7, 1.86, -0.21, -1.05]),
            dx: &[1.04, 0.47, 0.01, -1.26, 1.61, -0.83],
        },
        ReshapeCase {
            name: "to (2, 3, 1, -1)",
            x: (&[6], &[-0.03, 1.81, 1.82, 0.53, -1.01, -1.19]),
            shape: &[2, 3, 1, -1],
            dout: &[0.43, -0.22, -0.14, -1.91, 1.6, -1.21],
            out: (&[2, 3, 1, 1], &[-0.03, 1.81, 1.82, 0.53, -1.01, -1.19]),
            dx: &[0.43, -0.22, -0.14, -1.91, 1.6, -1.21],
        },
        ReshapeCase {
            name: "a negative other than -1 is unknown too",
            x: (&[2, 3], &[-0.37, -0.36, 0.54, 2.0, 1.54, 0.37]),
            shape: &[-5, 2],
            dout: &[-1.38, -0.65, 1.02, -0.19, 1.6, 0.68],
            out: (&[3, 2], &[-0.37, -0.36, 0.54, 2.0, 1.54, 0.37]),
            dx: &[-1.38, -0.65, 1.02, -0.19, 1.6, 0.68],
        },
        ReshapeCase {
            name: "(1,) to 0-d",
            x: (&[1], &[-0.17]),
            shape: &[],
            dout: &[-1.33],
            out: (&[], &[-0.17]),
            dx: &[-1.33],
        },
        ReshapeCase {
            name: "0-d to (1, 1)",
            x: (&[], &[3.5]),
            shape: &[1, 1],
            dout: &[-0.66],
            out: (&[1, 1], &[3.5]),
            dx: &[-0.66],
        },
        ReshapeCase {
            name: "empty",
            x: (&[0, 3], &[]),
            shape: &[3, -1],
            dout: &[],
            out: (&[3, 0], &[]),
            dx: &[],
        },
    ];
    const REFUSALS: &[Refusal] = &[
        Refusal {
            size: 6,
            shape: &[4],
            numpy: "cannot reshape array of size 6 into shape (4,)",
        },
        Refusal {
            size: 6,
            shape: &[4, -1],
            numpy: "cannot reshape array of size 6 into shape (4,newaxis)",
        },
        Refusal {
            size: 6,
            shape: &[-1, -1],
            numpy: "can only specify one unknown dimension",
        },
        Refusal {
            size: 0,
            shape: &[0, -1],
            numpy: "cannot reshape array of size 0 into shape (0,newaxis)",
        },
        Refusal {
            size: 6,
            shape: &[],
            numpy: "cannot reshape array of size 6 into shape ()",
        },
        Refusal {
            size: 6,
            shape: &[-1, 0],
            numpy: "cannot reshape array of size 6 into shape (0)",
        },
        Refusal {
            size: 6,
            shape: &[7, -1],
            numpy: "cannot reshape array of size 6 into shape (7,newaxis)",
        },
    ];
    // END CASES

    #[test]
    fn transpose_matches_numpy() {
        for case in TRANSPOSES {
            let x = arr(case.x.0, case.x.1);
            let mut layer = Transpose::new();
            let out = layer.forward(&x);
            assert_close(case.name, &out.to_owned(), case.out.0, case.out.1);
            let dout = arr(case.out.0, case.dout).to_owned();
            let dx = layer.backward(&dout);
            assert_close(case.name, &dx, case.x.0, case.dx);
            let mut f = |x: &Floats| weighted_sum(&Transpose::new().forward(x), &dout);
            assert_gradient(case.name, &dx, &numerical_gradient(&mut f, &x));
        }
    }

    #[test]
    fn reshape_matches_numpy() {
        for case in RESHAPES {
            let x = arr(case.x.0, case.x.1);
            let shape = resolve_shape(x.len(), case.shape).unwrap();
            assert_eq!(shape, case.out.0, "{}", case.name);
            let mut layer = Reshape::new(shape.clone());
            let out = layer.forward(&x);
            assert_close(case.name, &out.to_owned(), case.out.0, case.out.1);
            let dout = arr(case.out.0, case.dout).to_owned();
            let dx = layer.backward(&dout);
            assert_close(case.name, &dx, case.x.0, case.dx);
            let mut f = |x: &Floats| weighted_sum(&Reshape::new(shape.clone()).forward(x), &dout);
            assert_gradient(case.name, &dx, &numerical_gradient(&mut f, &x));
        }
    }

    #[test]
    fn reshape_keeps_row_major_order_after_a_transpose() {
        let x = arr(&[2, 3], &[0., 1., 2., 3., 4., 5.]);
        let t = Transpose::new().forward(&x);
        let mut layer = Reshape::new(vec![6]);
        let flat = layer.forward(&t);
        assert_eq!(
            flat.iter().copied().collect::<Vec<_>>(),
            [0., 3., 1., 4., 2., 5.]
        );
        assert_eq!(layer.backward(&flat.to_owned()), t.to_owned());
    }

    #[test]
    fn refuses_what_numpy_refuses() {
        for refusal in REFUSALS {
            let error = resolve_shape(refusal.size, refusal.shape).unwrap_err();
            assert_eq!(numpy::message(&error), refusal.numpy);
        }
    }
}
