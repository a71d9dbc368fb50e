//! 행렬의 곱 (dot 노드): `out = dot(a, b)`, the matrix product of section 5.6.1, for 1-D and
//! 2-D arrays as `np.dot` takes them. Backward: dA = dout · Bᵀ, dB = Aᵀ · dout.

use super::common::{dot, matrix};
use super::error::LayerError;
use crate::engine::gemm::product;
use crate::engine::shape::checked_len;
use crate::engine::value::Floats;
use ndarray::{ArrayD, Axis};

/// ```python
/// class MatMul:
///     def forward(self, a, b):
///         self.inputs = (a, b)
///         return a @ b
///
///     def backward(self, upstream):
///         a, b = self.inputs
///         grad_a = upstream @ b.T         # (n, m) @ (m, k): a's shape
///         grad_b = a.T @ upstream         # (k, n) @ (n, m): b's shape
///         return grad_a, grad_b
/// ```
///
/// Taken literally, that backward goes wrong when an operand is 1-D, because `x.T` of a 1-D
/// array is the same 1-D array. So `backward` does what numpy-based autograd code does: it views
/// a 1-D `a` as a row `(1, k)` and a 1-D `b` as a column `(k, 1)`, applies the 2-D rules, and
/// drops the added axes, so each gradient has its input's shape.
#[derive(Debug, Clone, Default)]
pub struct MatMul {
    pub a: Floats,
    pub b: Floats,
}

impl MatMul {
    pub fn new() -> MatMul {
        MatMul::default()
    }

    /// Caches both operands, because each one is in the other's gradient.
    ///
    /// # Panics
    /// When `check_shapes` refuses the shapes of `a` and `b`.
    pub fn forward(&mut self, a: &Floats, b: &Floats) -> Floats {
        self.a = a.clone();
        self.b = b.clone();
        dot(a.view(), b.view()).into_shared()
    }

    /// `dout` has the shape `forward` returned. Returns (dA, dB) in the shapes of `a` and `b`.
    pub fn backward(&self, dout: &ArrayD<f64>) -> (ArrayD<f64>, ArrayD<f64>) {
        let a_is_vector = self.a.ndim() == 1;
        let b_is_vector = self.b.ndim() == 1;
        let a = if a_is_vector {
            self.a.view().insert_axis(Axis(0))
        } else {
            self.a.view()
        };
        let b = if b_is_vector {
            self.b.view().insert_axis(Axis(1))
        } else {
            self.b.view()
        };
        let mut dout = dout.view();
        if a_is_vector {
            dout = dout.insert_axis(Axis(0));
        }
        if b_is_vector {
            dout = dout.insert_axis(Axis(1));
        }
        let (a, b, dout) = (matrix(a), matrix(b), matrix(dout));
        let mut da = product(dout, b.t()).into_dyn();
        let mut db = product(a.t(), dout).into_dyn();
        if a_is_vector {
            da = da.index_axis_move(Axis(0), 0);
        }
        if b_is_vector {
            db = db.index_axis_move(Axis(1), 0);
        }
        (da, db)
    }
}

/// The shape of `dot(a, b)`, or why numpy would refuse it: `Rank` for an operand that is not
/// 1-D or 2-D, `NotAligned` when `a`'s last size differs from `b`'s first, `TooLarge` for a
/// result past the element cap.
///
/// `np.dot` takes other ranks too (a 0-d operand multiplies, and 3-D ones contract the last axis
/// of `a` with the second-to-last of `b`), but `a @ b` refuses a 0-d operand; this layer takes
/// neither, and the caller chooses which message to give.
pub fn check_shapes(a: &[usize], b: &[usize]) -> Result<Vec<usize>, LayerError> {
    for (operand, shape) in [a, b].into_iter().enumerate() {
        if !(1..=2).contains(&shape.len()) {
            return Err(LayerError::Rank {
                operand,
                shape: shape.to_vec(),
                ranks: &[1, 2],
            });
        }
    }
    let a_axis = a.len() - 1;
    if a[a_axis] != b[0] {
        return Err(LayerError::NotAligned {
            a: a.to_vec(),
            b: b.to_vec(),
            a_axis,
            b_axis: 0,
        });
    }
    let shape: Vec<usize> = a[..a_axis].iter().chain(&b[1..]).copied().collect();
    match checked_len(&shape) {
        Some(_) => Ok(shape),
        None => Err(LayerError::TooLarge { shape }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::layers::common::testing::*;
    use crate::engine::layers::error::numpy;
    use ndarray::IxDyn;

    struct Case {
        name: &'static str,
        a: (&'static [usize], &'static [f64]),
        b: (&'static [usize], &'static [f64]),
        dout: (&'static [usize], &'static [f64]),
        out: (&'static [usize], &'static [f64]),
        da: &'static [f64],
        db: &'static [f64],
    }

    struct Refusal {
        a: &'static [usize],
        b: &'static [usize],
        numpy: &'static str,
    }

    // BEGIN CASES (written by layer_cases.py from numpy; do not edit)
    const CASES: &[Case] = &[
        Case {
            name: "1-D . 1-D",
            a: (&[3], &[0.27, -1.43, -0.61]),
            b: (&[3], &[-1.89, -0.08, -0.76]),
            dout: (&[], &[-0.91]),
            out: (&[], &[0.06770000000000004]),
            da: &[1.7199, 0.0728, 0.6916],
            db: &[-0.24570000000000003, 1.3013, 0.5551],
        },
        Case {
            name: "2-D . 1-D",
            a: (&[2, 3], &[-1.66, 0.81, 0.27, -0.18, -1.01, -1.59]),
            b: (&[3], &[1.04, 1.93, 1.91]),
            dout: (&[2], &[-0.22, 1.34]),
            out: (&[2], &[0.3526000000000002, -5.1734]),
            da: &[
                -0.2288,
                -0.4246,
                -0.42019999999999996,
                1.3936000000000002,
                2.5862000000000003,
                2.5594,
            ],
            db: &[0.12399999999999997, -1.5316, -2.1900000000000004],
        },
        Case {
            name: "1-D . 2-D",
            a: (&[3], &[0.77, -0.42, -1.42]),
            b: (
                &[3, 4],
                &[
                    1.81, -1.94, -0.17, 1.45, 0.02, -0.94, 0.98, -0.88, 1.51, -2.0, -1.0, -1.62,
                ],
            ),
            dout: (&[4], &[1.24, 1.42, 1.44, 0.85]),
            out: (
                &[4],
                &[-0.7588999999999999, 1.7409999999999999, 0.8775, 3.7865],
            ),
            da: &[
                0.47730000000000006,
                -0.6467999999999998,
                -3.7845999999999993,
            ],
            db: &[
                0.9548,
                1.0934,
                1.1088,
                0.6545,
                -0.5207999999999999,
                -0.5963999999999999,
                -0.6048,
                -0.357,
                -1.7608,
                -2.0164,
                -2.0448,
                -1.2069999999999999,
            ],
        },
        Case {
            name: "2-D . 2-D",
            a: (&[2, 3], &[-1.3, 0.02, -0.04, -0.23, -0.38, -1.9]),
            b: (
                &[3, 4],
                &[
                    -0.8, -1.22, -1.18, -1.35, 1.21, -1.71, -1.15, -1.55, 1.95, 1.91, -0.31, -0.52,
                ],
            ),
            dout: (&[2, 4], &[0.05, 0.74, -0.75, -0.73, 1.44, 1.65, 0.88, 1.7]),
            out: (
                &[2, 4],
                &[
                    0.9862000000000001,
                    1.4754,
                    1.5234,
                    1.7448000000000001,
                    -3.9808,
                    -2.6986,
                    1.2973999999999999,
                    1.8875,
                ],
            ),
            da: &[
                0.9277,
                0.7891,
                2.1229999999999998,
                -6.498399999999999,
                -4.7261,
                4.802699999999999,
            ],
            db: &[
                -0.3962,
                -1.3415,
                0.7726000000000001,
                0.5579999999999999,
                -0.5462,
                -0.6122,
                -0.3494,
                -0.6606,
                -2.738,
                -3.1645999999999996,
                -1.642,
                -3.2007999999999996,
            ],
        },
        Case {
            name: "row . column",
            a: (&[1, 3], &[0.14, 1.67, -0.14]),
            b: (&[3, 1], &[2.0, 1.74, 0.43]),
            dout: (&[1, 1], &[-0.79]),
            out: (&[1, 1], &[3.1255999999999995]),
            da: &[-1.58, -1.3746, -0.3397],
            db: &[-0.11060000000000002, -1.3193, 0.11060000000000002],
        },
        Case {
            name: "column . row",
            a: (&[3, 1], &[-0.22, -0.83, -1.33]),
            b: (&[1, 2], &[-1.17, -1.81]),
            dout: (&[3, 2], &[-0.57, 1.58, 0.31, -1.08, -0.12, -0.3]),
            out: (
                &[3, 2],
                &[
                    0.25739999999999996,
                    0.3982,
                    0.9710999999999999,
                    1.5023,
                    1.5561,
                    2.4073,
                ],
            ),
            da: &[-2.1929000000000003, 1.5921, 0.6834],
            db: &[0.027700000000000002, 0.9478],
        },
    ];
    const REFUSALS: &[Refusal] = &[
        Refusal {
            a: &[2, 3],
            b: &[2, 3],
            numpy: "shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)",
        },
        Refusal {
            a: &[2, 3],
            b: &[2],
            numpy: "shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)",
        },
        Refusal {
            a: &[3],
            b: &[2, 4],
            numpy: "shapes (3,) and (2,4) not aligned: 3 (dim 0) != 2 (dim 0)",
        },
        Refusal {
            a: &[3],
            b: &[2],
            numpy: "shapes (3,) and (2,) not aligned: 3 (dim 0) != 2 (dim 0)",
        },
        Refusal {
            a: &[12, 3],
            b: &[2],
            numpy: "shapes (12,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)",
        },
    ];
    // END CASES

    #[test]
    fn forward_and_backward_match_numpy() {
        for case in CASES {
            let (a, b) = (arr(case.a.0, case.a.1), arr(case.b.0, case.b.1));
            assert_eq!(check_shapes(a.shape(), b.shape()), Ok(case.out.0.to_vec()));
            let mut layer = MatMul::new();
            let out = layer.forward(&a, &b);
            assert_close(case.name, &out.to_owned(), case.out.0, case.out.1);
            let (da, db) = layer.backward(&arr(case.dout.0, case.dout.1).to_owned());
            assert_close(case.name, &da, case.a.0, case.da);
            assert_close(case.name, &db, case.b.0, case.db);
        }
    }

    #[test]
    fn backward_matches_central_difference() {
        for case in CASES {
            let (a, b) = (arr(case.a.0, case.a.1), arr(case.b.0, case.b.1));
            let dout = arr(case.dout.0, case.dout.1).to_owned();
            let mut layer = MatMul::new();
            layer.forward(&a, &b);
            let (da, db) = layer.backward(&dout);
            let mut by_a = |a: &Floats| weighted_sum(&MatMul::new().forward(a, &b), &dout);
            assert_gradient(case.name, &da, &numerical_gradient(&mut by_a, &a));
            let mut by_b = |b: &Floats| weighted_sum(&MatMul::new().forward(&a, b), &dout);
            assert_gradient(case.name, &db, &numerical_gradient(&mut by_b, &b));
        }
    }

    #[test]
    fn refuses_what_numpy_refuses() {
        for refusal in REFUSALS {
            let error = check_shapes(refusal.a, refusal.b).unwrap_err();
            assert_eq!(numpy::message(&error), refusal.numpy);
        }
    }

    #[test]
    fn refuses_other_ranks_and_huge_results() {
        assert_eq!(
            check_shapes(&[], &[3]),
            Err(LayerError::Rank {
                operand: 0,
                shape: vec![],
                ranks: &[1, 2]
            })
        );
        assert!(matches!(
            check_shapes(&[2, 3], &[2, 3, 4]),
            Err(LayerError::Rank { operand: 1, .. })
        ));
        assert!(matches!(
            check_shapes(&[100_000, 1], &[1, 100_000]),
            Err(LayerError::TooLarge { .. })
        ));
    }

    #[test]
    fn accepted_shapes_never_panic() {
        let shapes: [&[usize]; 9] = [
            &[],
            &[0],
            &[2],
            &[3],
            &[0, 2],
            &[2, 0],
            &[2, 3],
            &[3, 2],
            &[1, 2, 3],
        ];
        for a in shapes {
            for b in shapes {
                let Ok(out_shape) = check_shapes(a, b) else {
                    continue;
                };
                let mut layer = MatMul::new();
                let out = layer.forward(
                    &ArrayD::ones(IxDyn(a)).into_shared(),
                    &ArrayD::ones(IxDyn(b)).into_shared(),
                );
                assert_eq!(out.shape(), out_shape);
                let (da, db) = layer.backward(&ArrayD::ones(out.raw_dim()));
                assert_eq!((da.shape(), db.shape()), (a, b));
            }
        }
    }

    #[test]
    fn empty_inner_axis_gives_zeros() {
        let a = arr(&[2, 0], &[]);
        let b = arr(&[0, 3], &[]);
        assert_eq!(check_shapes(a.shape(), b.shape()), Ok(vec![2, 3]));
        let mut layer = MatMul::new();
        let out = layer.forward(&a, &b);
        assert!(out.iter().all(|&v| v == 0.0));
        let (da, db) = layer.backward(&ArrayD::ones(out.raw_dim()));
        assert_eq!((da.shape(), db.shape()), (&[2, 0][..], &[0, 3][..]));
    }
}
