//! Affine 계층: `out = x · W + b`, the fully connected layer of section 5.6. Backward:
//! dx = dout · Wᵀ, dW = xᵀ · dout, db = the sum of dout over the batch axis.

use super::common::{dot, outer};
use super::error::LayerError;
use crate::engine::layers::matmul;
use crate::engine::value::Floats;
use ndarray::{ArrayD, IxDyn};

/// ```python
/// class Affine:
///     def forward(self, x, W, b):
///         self.inputs = (x, W)               # b is not needed again
///         return x @ W + b
///
///     def backward(self, upstream):
///         x, W = self.inputs
///         grad_x = upstream @ W.T            # back through the product
///         grad_W = x.T @ upstream
///         grad_b = upstream.sum(axis=0)      # b was shared by every row
///         return grad_x, grad_W, grad_b
/// ```
///
/// The book's class keeps `W` and `b` as its own parameters; here they are inputs like `x`, so
/// the graph can hold them as variables, and `backward` returns all three gradients.
#[derive(Debug, Clone, Default)]
pub struct Affine {
    pub x: Floats,
    pub w: Floats,
}

impl Affine {
    pub fn new() -> Affine {
        Affine::default()
    }

    /// Caches `x` (for dW) and `W` (for dx); `b` is not needed for any gradient. A 2-D `x` is a
    /// batch, one sample a row; a 1-D `x` is one sample. `b` is added to every row.
    ///
    /// # Panics
    /// When `check_shapes` refuses the shapes of `x`, `W` and `b`.
    pub fn forward(&mut self, x: &Floats, w: &Floats, b: &Floats) -> Floats {
        self.x = x.clone();
        self.w = w.clone();
        let mut out = dot(x.view(), w.view());
        // The batch's rows in one slice and `b` in another: each row adds `b` in a plain loop
        // (the same sums as numpy's broadcast `+`).
        let columns = out.shape().last().copied().unwrap_or(0);
        match (out.as_slice_mut(), b.as_slice()) {
            (Some(rows), Some(bias)) if columns > 0 && bias.len() == columns => {
                super::common::add_to_rows(rows, bias);
            }
            _ => out += b,
        }
        out.into_shared()
    }

    /// `dout` has the shape `forward` returned. Returns (dx, dW, db) in the shapes of `x`, `W`
    /// and `b`.
    ///
    /// For a 1-D `x` (one sample) the book's lines go wrong, a known pitfall: `self.x.T` is the
    /// same 1-D array, so `np.dot(self.x.T, dout)` is a dot product, not a `W`-shaped matrix (an
    /// error when `x` and `dout` differ in length, a silent single number when they agree), and
    /// `np.sum(dout, axis=0)` adds the columns into one number. One sample's dW is the outer
    /// product of `x` and `dout`, and its db is `dout` itself.
    pub fn backward(&self, dout: &ArrayD<f64>) -> (ArrayD<f64>, ArrayD<f64>, ArrayD<f64>) {
        match self.backward_for(dout, [true; 3]) {
            [Some(dx), Some(dw), Some(db)] => (dx, dw, db),
            _ => unreachable!("all three gradients were asked for"),
        }
    }

    /// `backward`, computing only the gradients `wants` asks for, in the order (dx, dW, db).
    /// The first layer of a net reads data, which takes no gradient: its dx, a product as large
    /// as dW's, is not computed (the book computes it and throws it away).
    pub fn backward_for(&self, dout: &ArrayD<f64>, wants: [bool; 3]) -> [Option<ArrayD<f64>>; 3] {
        let [want_dx, want_dw, want_db] = wants;
        let dx = want_dx.then(|| dot(dout.view(), self.w.t()));
        if self.x.ndim() == 1 {
            let dw = want_dw.then(|| outer(self.x.view(), dout.view()));
            [dx, dw, want_db.then(|| dout.clone())]
        } else {
            let dw = want_dw.then(|| dot(self.x.t(), dout.view()));
            [dx, dw, want_db.then(|| column_sums(dout))]
        }
    }
}

/// `np.sum(dout, axis=0)` of a 2-D `dout`: the rows added in order, one after another, as numpy
/// adds them, over the rows' contiguous memory.
fn column_sums(dout: &ArrayD<f64>) -> ArrayD<f64> {
    let columns = dout.shape()[1];
    let mut sums = vec![0.0; columns];
    if columns > 0 {
        let dout = dout.as_standard_layout();
        let flat = dout
            .as_slice()
            .expect("a standard-layout array is one slice");
        for row in flat.chunks_exact(columns) {
            for (sum, &g) in sums.iter_mut().zip(row) {
                *sum += g;
            }
        }
    }
    ArrayD::from_shape_vec(IxDyn(&[columns]), sums).expect("one sum per column")
}

/// The shape of `x · W + b`, or why it is refused: `Rank` for an `x` that is not 1-D or 2-D
/// (operand 0), a `W` that is not 2-D (operand 1) or a `b` that is not 1-D (operand 2);
/// `NotAligned` when `x`'s last size is not `W`'s row count; `Bias` when `b`'s length is not
/// `W`'s column count; `TooLarge` for a result past the element cap.
pub fn check_shapes(x: &[usize], w: &[usize], b: &[usize]) -> Result<Vec<usize>, LayerError> {
    let ranks: [&'static [usize]; 3] = [&[1, 2], &[2], &[1]];
    for (operand, (shape, allowed)) in [x, w, b].into_iter().zip(ranks).enumerate() {
        if !allowed.contains(&shape.len()) {
            return Err(LayerError::Rank {
                operand,
                shape: shape.to_vec(),
                ranks: allowed,
            });
        }
    }
    let shape = matmul::check_shapes(x, w)?;
    if b != [w[1]] {
        return Err(LayerError::Bias {
            b: b.to_vec(),
            columns: w[1],
        });
    }
    Ok(shape)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::layers::common::testing::*;
    use crate::engine::layers::error::numpy;
    use ndarray::IxDyn;

    type Arr = (&'static [usize], &'static [f64]);

    struct Case {
        name: &'static str,
        x: Arr,
        w: Arr,
        b: Arr,
        dout: Arr,
        out: Arr,
        dx: &'static [f64],
        dw: &'static [f64],
        db: &'static [f64],
    }

    struct Refusal {
        x: &'static [usize],
        w: &'static [usize],
        b: &'static [usize],
        numpy: &'static str,
    }

    // BEGIN CASES (written by layer_cases.py from numpy; do not edit)
    const CASES: &[Case] = &[
        Case {
            name: "batch of 4",
            x: (
                &[4, 3],
                &[
                    -1.28, 1.68, -1.11, -1.82, 0.78, -1.22, -1.91, 0.47, 1.67, -1.59, 1.9, -1.33,
                ],
            ),
            w: (&[3, 2], &[-1.16, 0.25, -0.21, 0.83, -1.04, 1.07]),
            b: (&[2], &[-0.79, -0.49]),
            dout: (
                &[4, 2],
                &[0.15, 1.82, -0.21, 0.16, 1.55, -1.83, 1.73, -0.17],
            ),
            out: (
                &[4, 2],
                &[
                    1.4964,
                    -0.6033000000000004,
                    2.4261999999999997,
                    -1.603,
                    -0.40990000000000026,
                    1.2095,
                    2.0386,
                    -0.7336000000000004,
                ],
            ),
            dx: &[
                0.281,
                1.4791,
                1.7914,
                0.28359999999999996,
                0.1769,
                0.3896,
                -2.2554999999999996,
                -1.8444,
                -3.5701000000000005,
                -2.0492999999999997,
                -0.5044,
                -1.9811,
            ],
            dw: &[
                -5.521,
                1.1448,
                4.1037,
                1.9992999999999999,
                0.3772999999999998,
                -5.045400000000001,
            ],
            db: &[3.2199999999999998, -0.0200000000000001],
        },
        Case {
            name: "batch of 1",
            x: (&[1, 3], &[0.55, -0.6, -0.56]),
            w: (&[3, 2], &[-0.61, -1.29, 1.76, -0.76, 1.39, 1.38]),
            b: (&[2], &[-1.25, -1.4]),
            dout: (&[1, 2], &[-0.79, 0.29]),
            out: (&[1, 2], &[-3.4199, -2.4263000000000003]),
            dx: &[0.10780000000000002, -1.6108, -0.6979000000000001],
            dw: &[
                -0.43450000000000005,
                0.1595,
                0.474,
                -0.174,
                0.44240000000000007,
                -0.16240000000000002,
            ],
            db: &[-0.79, 0.29],
        },
        Case {
            name: "one 1-D sample",
            x: (&[3], &[-1.44, -0.62, 1.66]),
            w: (&[3, 2], &[1.13, -0.24, -1.71, -0.23, 1.62, -1.51]),
            b: (&[2], &[1.13, 0.39]),
            dout: (&[2], &[-1.85, 0.73]),
            out: (&[2], &[3.2522, -1.6283999999999996]),
            dx: &[-2.2657, 2.9956, -4.0993],
            dw: &[2.664, -1.0512, 1.147, -0.4526, -3.071, 1.2118],
            db: &[-1.85, 0.73],
        },
        Case {
            name: "one 1-D sample, square W",
            x: (&[2], &[0.86, 0.85]),
            w: (&[2, 2], &[1.0, -1.47, -1.57, 0.03]),
            b: (&[2], &[-0.99, 1.95]),
            dout: (&[2], &[-0.01, 1.0]),
            out: (&[2], &[-1.4645000000000001, 0.7113]),
            dx: &[-1.48, 0.0457],
            dw: &[-0.0086, 0.86, -0.0085, 0.85],
            db: &[-0.01, 1.0],
        },
        Case {
            name: "one input",
            x: (&[2, 1], &[-0.94, -0.47]),
            w: (&[1, 3], &[1.43, 1.15, -1.17]),
            b: (&[3], &[-0.65, -0.06, 0.97]),
            dout: (&[2, 3], &[0.07, -1.66, 0.16, -1.07, 1.85, 1.11]),
            out: (
                &[2, 3],
                &[
                    -1.9941999999999998,
                    -1.141,
                    2.0698,
                    -1.3220999999999998,
                    -0.6005,
                    1.5198999999999998,
                ],
            ),
            dx: &[-1.9960999999999998, -0.7013000000000001],
            dw: &[0.43710000000000004, 0.6908999999999998, -0.6721],
            db: &[-1.0, 0.19000000000000017, 1.27],
        },
    ];
    const REFUSALS: &[Refusal] = &[
        Refusal {
            x: &[2, 3],
            w: &[4, 2],
            b: &[2],
            numpy: "shapes (2,3) and (4,2) not aligned: 3 (dim 1) != 4 (dim 0)",
        },
        Refusal {
            x: &[3],
            w: &[2, 2],
            b: &[2],
            numpy: "shapes (3,) and (2,2) not aligned: 3 (dim 0) != 2 (dim 0)",
        },
    ];
    // END CASES

    #[test]
    fn forward_and_backward_match_numpy() {
        for case in CASES {
            let (x, w, b) = (
                arr(case.x.0, case.x.1),
                arr(case.w.0, case.w.1),
                arr(case.b.0, case.b.1),
            );
            assert_eq!(
                check_shapes(x.shape(), w.shape(), b.shape()),
                Ok(case.out.0.to_vec())
            );
            let mut layer = Affine::new();
            let out = layer.forward(&x, &w, &b);
            assert_close(case.name, &out.to_owned(), case.out.0, case.out.1);
            let (dx, dw, db) = layer.backward(&arr(case.dout.0, case.dout.1).to_owned());
            assert_close(case.name, &dx, case.x.0, case.dx);
            assert_close(case.name, &dw, case.w.0, case.dw);
            assert_close(case.name, &db, case.b.0, case.db);
        }
    }

    #[test]
    fn backward_matches_central_difference() {
        for case in CASES {
            let (x, w, b) = (
                arr(case.x.0, case.x.1),
                arr(case.w.0, case.w.1),
                arr(case.b.0, case.b.1),
            );
            let dout = arr(case.dout.0, case.dout.1).to_owned();
            let mut layer = Affine::new();
            layer.forward(&x, &w, &b);
            let (dx, dw, db) = layer.backward(&dout);
            let mut by_x = |x: &Floats| weighted_sum(&Affine::new().forward(x, &w, &b), &dout);
            assert_gradient(case.name, &dx, &numerical_gradient(&mut by_x, &x));
            let mut by_w = |w: &Floats| weighted_sum(&Affine::new().forward(&x, w, &b), &dout);
            assert_gradient(case.name, &dw, &numerical_gradient(&mut by_w, &w));
            let mut by_b = |b: &Floats| weighted_sum(&Affine::new().forward(&x, &w, b), &dout);
            assert_gradient(case.name, &db, &numerical_gradient(&mut by_b, &b));
        }
    }

    #[test]
    fn refuses_what_numpy_refuses() {
        for refusal in REFUSALS {
            let error = check_shapes(refusal.x, refusal.w, refusal.b).unwrap_err();
            assert_eq!(numpy::message(&error), refusal.numpy);
        }
    }

    #[test]
    fn accepted_shapes_never_panic() {
        let shapes: [&[usize]; 8] = [&[], &[0], &[2], &[3], &[0, 2], &[2, 0], &[2, 3], &[3, 2]];
        for x in shapes {
            for w in shapes {
                for b in shapes {
                    let Ok(out_shape) = check_shapes(x, w, b) else {
                        continue;
                    };
                    let ones = |s: &[usize]| ArrayD::ones(IxDyn(s)).into_shared();
                    let mut layer = Affine::new();
                    let out = layer.forward(&ones(x), &ones(w), &ones(b));
                    assert_eq!(out.shape(), out_shape);
                    let (dx, dw, db) = layer.backward(&ArrayD::ones(out.raw_dim()));
                    assert_eq!((dx.shape(), dw.shape(), db.shape()), (x, w, b));
                }
            }
        }
    }

    #[test]
    fn refuses_ranks_and_biases_the_book_does_not_use() {
        assert!(matches!(
            check_shapes(&[2, 3, 4], &[4, 2], &[2]),
            Err(LayerError::Rank { operand: 0, .. })
        ));
        assert!(matches!(
            check_shapes(&[3], &[3], &[1]),
            Err(LayerError::Rank { operand: 1, .. })
        ));
        assert!(matches!(
            check_shapes(&[2, 3], &[3, 4], &[1, 4]),
            Err(LayerError::Rank { operand: 2, .. })
        ));
        assert_eq!(
            check_shapes(&[2, 3], &[3, 4], &[1]),
            Err(LayerError::Bias {
                b: vec![1],
                columns: 4
            })
        );
    }
}
