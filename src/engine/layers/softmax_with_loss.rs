//! Softmax-with-Loss 계층: softmax, then the cross entropy error against `t`, as one layer.
//! Backward is just dx = (y − t) / batch · dout, far simpler than the two layers' separately.

use super::cross_entropy::{batch_size, cross_entropy_error, one_hot};
use super::softmax::softmax;
use crate::engine::value::Floats;
use ndarray::{ArrayD, IxDyn, Zip};

/// ```python
/// class SoftmaxWithLoss:
///     def forward(self, x, t):
///         self.probs = softmax(x)
///         self.target = one_hot(x.shape, t)       # labels become one-hot rows here
///         return cross_entropy_error(self.probs, t)
///
///     def backward(self, upstream=1.0):
///         n = self.probs.shape[0] if self.probs.ndim == 2 else 1   # 1 for a single sample
///         return (self.probs - self.target) / n * upstream         # the tidy y − t
/// ```
///
/// Two differences from the book. Its backward ignores `dout` (it is only ever the last layer,
/// so `dout` is 1); this one multiplies by `dout`, so the loss can be scaled or added to before
/// `back`. And for one 1-D sample the book's `self.t.shape[0]` is the number of classes, not 1;
/// this one divides by the batch size, 1. Labels are kept as their one-hot rows, which is what
/// the book's `dx[np.arange(batch_size), self.t] -= 1` subtracts.
#[derive(Debug, Clone, Default)]
pub struct SoftmaxWithLoss {
    /// softmax(x), the probabilities.
    pub y: Floats,
    /// The target as one-hot rows, whichever way it was given.
    pub t: ArrayD<f64>,
}

impl SoftmaxWithLoss {
    pub fn new() -> SoftmaxWithLoss {
        SoftmaxWithLoss::default()
    }

    /// Returns the loss as a 0-d array. `x` is one sample (1-D) or a batch of rows (2-D).
    ///
    /// Needs `cross_entropy::check_shapes(x, t)` and, for labels, `cross_entropy::check_labels`
    /// to pass first.
    pub fn forward(&mut self, x: &Floats, t: &Floats) -> Floats {
        let y = softmax(&x.view());
        self.t = one_hot(x.shape(), &t.view());
        let loss = cross_entropy_error(&y.view(), &t.view());
        self.y = y.into_shared();
        ArrayD::from_elem(IxDyn(&[]), loss).into_shared()
    }

    /// The gradient with respect to `x`; `dout` is the 0-d gradient of the loss.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        let batch = batch_size(self.y.shape()) as f64;
        // The loss is 0-d, so `dout` is one number: one pass, no temporaries, the same
        // arithmetic in the same order as `(y - t) / batch * dout`.
        if let Some(&d) = dout.first().filter(|_| dout.ndim() == 0) {
            return Zip::from(&self.y)
                .and(&self.t)
                .map_collect(|&y, &t| (y - t) / batch * d);
        }
        (&self.y - &self.t) / batch * dout
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::layers::common::testing::*;
    use crate::engine::layers::cross_entropy::{Target, check_labels, check_shapes};

    type Arr = (&'static [usize], &'static [f64]);

    struct Case {
        name: &'static str,
        x: Arr,
        t: Arr,
        dout: f64,
        loss: f64,
        dx: &'static [f64],
    }

    // BEGIN CASES (written by layer_cases.py from numpy; do not edit)
    const CASES: &[Case] = &[
        Case {
            name: "batch, one-hot",
            x: (
                &[4, 3],
                &[
                    -1.17, -0.34, -1.14, 0.99, 1.06, -1.73, -0.88, -0.15, 0.38, 0.95, 1.51, -1.58,
                ],
            ),
            t: (
                &[4, 3],
                &[0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0],
            ),
            dout: 1.0,
            loss: 1.3979284495907083,
            dx: &[
                0.057819868005274284,
                -0.11740061314390307,
                0.05958074513862877,
                -0.13308922792613465,
                0.1253877595259676,
                0.00770146840016705,
                0.037875906468976546,
                0.07859555901185207,
                -0.11647146548082862,
                0.08832887532150038,
                0.15463493300743367,
                -0.24296380832893405,
            ],
        },
        Case {
            name: "batch, labels",
            x: (
                &[4, 3],
                &[
                    -1.17, -0.34, -1.14, 0.99, 1.06, -1.73, -0.88, -0.15, 0.38, 0.95, 1.51, -1.58,
                ],
            ),
            t: (&[4], &[1.0, 0.0, 2.0, 2.0]),
            dout: 1.0,
            loss: 1.3979284495907083,
            dx: &[
                0.057819868005274284,
                -0.11740061314390307,
                0.05958074513862877,
                -0.13308922792613465,
                0.1253877595259676,
                0.00770146840016705,
                0.037875906468976546,
                0.07859555901185207,
                -0.11647146548082862,
                0.08832887532150038,
                0.15463493300743367,
                -0.24296380832893405,
            ],
        },
        Case {
            name: "batch, labels, dout 0.5",
            x: (
                &[4, 3],
                &[
                    -1.17, -0.34, -1.14, 0.99, 1.06, -1.73, -0.88, -0.15, 0.38, 0.95, 1.51, -1.58,
                ],
            ),
            t: (&[4], &[1.0, 0.0, 2.0, 2.0]),
            dout: 0.5,
            loss: 1.3979284495907083,
            dx: &[
                0.028909934002637142,
                -0.058700306571951535,
                0.029790372569314386,
                -0.06654461396306732,
                0.0626938797629838,
                0.003850734200083525,
                0.018937953234488273,
                0.039297779505926035,
                -0.05823573274041431,
                0.04416443766075019,
                0.07731746650371683,
                -0.12148190416446702,
            ],
        },
        Case {
            name: "one sample, one-hot",
            x: (&[3], &[-1.68, 1.58, 0.68]),
            t: (&[3], &[0.0, 0.0, 1.0]),
            dout: 1.0,
            loss: 1.2680799399679636,
            dx: &[
                0.026567136541742656,
                0.6920616101144814,
                -0.7186287466562241,
            ],
        },
        Case {
            name: "one sample, label",
            x: (&[3], &[-1.68, 1.58, 0.68]),
            t: (&[], &[2.0]),
            dout: 3.0,
            loss: 1.2680799399679636,
            dx: &[0.07970140962522797, 2.0761848303434443, -2.1558862399686722],
        },
    ];
    // END CASES

    #[test]
    fn forward_and_backward_match_numpy() {
        for case in CASES {
            let (x, t) = (arr(case.x.0, case.x.1), arr(case.t.0, case.t.1));
            if check_shapes(x.shape(), t.shape()).unwrap() == Target::Labels {
                check_labels(&t.view(), x.shape()[x.ndim() - 1]).unwrap();
            }
            let mut layer = SoftmaxWithLoss::new();
            let loss = layer.forward(&x, &t);
            assert_close(case.name, &loss.to_owned(), &[], &[case.loss]);
            let dx = layer.backward(&arr(&[], &[case.dout]).to_owned());
            assert_close(case.name, &dx, case.x.0, case.dx);
        }
    }

    #[test]
    fn backward_matches_central_difference() {
        for case in CASES {
            let (x, t) = (arr(case.x.0, case.x.1), arr(case.t.0, case.t.1));
            let dout = arr(&[], &[case.dout]).to_owned();
            let mut layer = SoftmaxWithLoss::new();
            layer.forward(&x, &t);
            let dx = layer.backward(&dout);
            let mut f = |x: &Floats| weighted_sum(&SoftmaxWithLoss::new().forward(x, &t), &dout);
            // The 1e-7 inside the log makes the loss differ from the exact softmax cross entropy
            // whose gradient (y − t) / batch is; the difference is about 1e-7 relative.
            let numerical = numerical_gradient(&mut f, &x);
            for (a, n) in dx.iter().zip(&numerical) {
                assert!((a - n).abs() <= 1e-5, "{}: {a:e} vs {n:e}", case.name);
            }
        }
    }
}
