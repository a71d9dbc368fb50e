//! 교차 엔트로피 오차 (cross entropy error): `loss = −Σ t·log(y + 1e-7) / batch`, the book's
//! `cross_entropy_error(y, t)`. Backward with respect to `y`: dy = −t / (y + 1e-7) / batch · dout.

use super::error::LayerError;
use crate::engine::value::Floats;
use ndarray::{ArrayD, ArrayViewD, Axis, IxDyn, Zip};

/// The small number added inside the log, so that a probability of 0 gives a large loss
/// instead of `log(0) = −∞`.
pub const DELTA: f64 = 1e-7;

/// How a target `t` gives the right answers, as `check_shapes` tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `t` has `y`'s shape: one row per sample, 1 at the right class and 0 elsewhere (or any
    /// weights: the formulas take `t` as it is).
    OneHot,
    /// `t` has the batch's shape: one class number per sample, as whole floats.
    Labels,
}

/// The book's `cross_entropy_error`, for a one-hot `t` (section 4.2.4) or class labels:
///
/// ```python
/// def cross_entropy_error(y, t):
///     n = y.shape[0] if y.ndim == 2 else 1        # samples in the batch
///     if t.shape == y.shape:                      # t given as one-hot rows
///         return -np.sum(t * np.log(y + 1e-7)) / n
///     rows = y.reshape(n, -1)
///     labels = t.reshape(n).astype(int)           # t given as class numbers
///     picked = rows[np.arange(n), labels]         # each sample's right-answer probability
///     return -np.sum(np.log(picked + 1e-7)) / n
/// ```
///
/// The book's `common/functions.py` turns a one-hot `t` into labels with `t.argmax(axis=1)`;
/// that is the same loss when `t` is one-hot, and this form is the one whose gradient is
/// `−t / (y + 1e-7) / batch` for any `t`.
///
/// Needs `check_shapes` and, for labels, `check_labels` to pass first; without them a label
/// outside the classes gives a NaN loss, and other shapes a meaningless number.
pub fn cross_entropy_error(y: &ArrayViewD<'_, f64>, t: &ArrayViewD<'_, f64>) -> f64 {
    let batch = batch_size(y.shape()) as f64;
    if t.shape() == y.shape() {
        // A one-hot row's zeros add 0 · ln(y + δ) = ±0, which leaves the sum as it is, so their
        // logarithms are not taken. Only where ln would not be finite (a NaN or a negative y)
        // does a zero weight still matter, and there it is computed as written.
        let total = Zip::from(y).and(t).fold(0.0, |acc, &y, &t| {
            if t == 0.0 && y.is_finite() && y + DELTA > 0.0 {
                acc
            } else {
                acc + t * (y + DELTA).ln()
            }
        });
        return -total / batch;
    }
    let rows = as_rows(y);
    let total: f64 = rows
        .outer_iter()
        .zip(t.iter())
        .map(|(row, &label)| {
            let picked = class(label, row.len()).and_then(|c| row.get(c));
            picked.map_or(f64::NAN, |&p| (p + DELTA).ln())
        })
        .sum();
    -total / batch
}

/// The number of samples: the first axis of a 2-D `y`, and 1 for a 1-D `y`.
pub fn batch_size(y: &[usize]) -> usize {
    if y.len() == 2 { y[0] } else { 1 }
}

/// `t` as one-hot rows of `y`'s shape: itself when it already has that shape, otherwise the
/// rows that its labels pick out.
///
/// Needs `check_shapes` and, for labels, `check_labels` to pass first; without them a label
/// outside the classes gives a row of zeros.
pub fn one_hot(y: &[usize], t: &ArrayViewD<'_, f64>) -> ArrayD<f64> {
    if t.shape() == y {
        return t.to_owned();
    }
    let mut rows = ArrayD::zeros(IxDyn(y));
    let mut as_matrix = as_rows_mut(&mut rows);
    for (mut row, &label) in as_matrix.outer_iter_mut().zip(t.iter()) {
        let classes = row.len();
        if let Some(cell) = class(label, classes).and_then(|c| row.get_mut(c)) {
            *cell = 1.0;
        }
    }
    rows
}

/// A 1-D `y` viewed as one row, as the book's `y.reshape(1, y.size)`.
fn as_rows<'a>(y: &ArrayViewD<'a, f64>) -> ArrayViewD<'a, f64> {
    if y.ndim() == 1 {
        y.clone().insert_axis(Axis(0))
    } else {
        y.clone()
    }
}

fn as_rows_mut(y: &mut ArrayD<f64>) -> ndarray::ArrayViewMutD<'_, f64> {
    if y.ndim() == 1 {
        y.view_mut().insert_axis(Axis(0))
    } else {
        y.view_mut()
    }
}

/// A label as a class number, if it is a whole number in `0..classes`.
fn class(label: f64, classes: usize) -> Option<usize> {
    let whole = label.fract() == 0.0 && label >= 0.0 && label < classes as f64;
    whole.then_some(label as usize)
}

/// The kind of target, or why it is refused: `Rank` for a `y` that is not 1-D or 2-D, `Target`
/// for a `t` with neither `y`'s shape nor the batch's. The batch's shape is `(N,)` for a 2-D `y`
/// of N rows; for a 1-D `y` (one sample) it is `()` or `(1,)`, as the book's
/// `t.reshape(1, t.size)` takes either. When `y` has one class, `t` of `y`'s shape is one-hot.
pub fn check_shapes(y: &[usize], t: &[usize]) -> Result<Target, LayerError> {
    if !(1..=2).contains(&y.len()) {
        return Err(LayerError::Rank {
            operand: 0,
            shape: y.to_vec(),
            ranks: &[1, 2],
        });
    }
    if t == y {
        return Ok(Target::OneHot);
    }
    let labels = match y {
        [_] => t.is_empty() || t == [1],
        _ => t == [y[0]],
    };
    if labels {
        Ok(Target::Labels)
    } else {
        Err(LayerError::Target {
            y: y.to_vec(),
            t: t.to_vec(),
        })
    }
}

/// Refuses labels that are not class numbers: `LabelNotWhole` for a fraction, NaN or ±∞, and
/// `LabelRange` for a whole number outside `0..classes` (`classes` is `y`'s last size). The
/// first bad label is reported, with its position in the batch.
pub fn check_labels(t: &ArrayViewD<'_, f64>, classes: usize) -> Result<(), LayerError> {
    for (sample, &value) in t.iter().enumerate() {
        if !value.is_finite() || value.fract() != 0.0 {
            return Err(LayerError::LabelNotWhole { sample, value });
        }
        if class(value, classes).is_none() {
            return Err(LayerError::LabelRange {
                sample,
                label: value,
                classes,
            });
        }
    }
    Ok(())
}

/// The loss as a layer whose input is `y` (already probabilities) and whose target is `t`.
///
/// ```python
/// class CrossEntropy:
///     def forward(self, y, t):
///         self.saved_y = y
///         self.target = one_hot(y.shape, t)       # labels become one-hot rows here
///         return cross_entropy_error(y, t)
///
///     def backward(self, upstream=1.0):
///         y = self.saved_y
///         n = y.shape[0] if y.ndim == 2 else 1
///         # d/dy of −t·log(y + 1e-7), averaged over the batch
///         return upstream * -self.target / (y + 1e-7) / n
/// ```
#[derive(Debug, Clone, Default)]
pub struct CrossEntropy {
    pub y: Floats,
    /// The target as one-hot rows, whichever way it was given.
    pub t: ArrayD<f64>,
}

impl CrossEntropy {
    pub fn new() -> CrossEntropy {
        CrossEntropy::default()
    }

    /// Returns the loss as a 0-d array.
    ///
    /// Needs `check_shapes` and, for labels, `check_labels` to pass first.
    pub fn forward(&mut self, y: &Floats, t: &Floats) -> Floats {
        self.y = y.clone();
        self.t = one_hot(y.shape(), &t.view());
        let loss = cross_entropy_error(&y.view(), &t.view());
        ArrayD::from_elem(IxDyn(&[]), loss).into_shared()
    }

    /// The gradient with respect to `y`; `dout` is the 0-d gradient of the loss. The target has
    /// no gradient: labels are not something to learn.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        let batch = batch_size(self.y.shape()) as f64;
        let dy = Zip::from(&self.t)
            .and(&self.y)
            .map_collect(|&t, &y| -t / (y + DELTA) / batch);
        dy * dout
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::layers::common::testing::*;
    use crate::engine::layers::error::numpy;

    type Arr = (&'static [usize], &'static [f64]);

    struct Case {
        name: &'static str,
        y: Arr,
        t: Arr,
        dout: f64,
        loss: f64,
        dy: &'static [f64],
    }

    // BEGIN CASES (written by layer_cases.py from numpy; do not edit)
    const CASES: &[Case] = &[
        Case {
            name: "batch, one-hot",
            y: (
                &[3, 4],
                &[
                    0.633087393965375,
                    0.22376770348614455,
                    0.05573500891254025,
                    0.08740989363594005,
                    0.506308075363739,
                    0.3228362822453584,
                    0.11641312988196402,
                    0.05444251250893861,
                    0.7141275770145782,
                    0.024314226353132958,
                    0.139918712036748,
                    0.12163948459554086,
                ],
            ),
            t: (
                &[3, 4],
                &[0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
            ),
            dout: 1.0,
            loss: 1.8914825310346135,
            dy: &[
                -0.0,
                -0.0,
                -5.980670708949386,
                -0.0,
                -0.6583605589498174,
                -0.0,
                -0.0,
                -0.0,
                -0.0,
                -0.0,
                -0.0,
                -2.7403360052707124,
            ],
        },
        Case {
            name: "batch, labels",
            y: (
                &[3, 4],
                &[
                    0.633087393965375,
                    0.22376770348614455,
                    0.05573500891254025,
                    0.08740989363594005,
                    0.506308075363739,
                    0.3228362822453584,
                    0.11641312988196402,
                    0.05444251250893861,
                    0.7141275770145782,
                    0.024314226353132958,
                    0.139918712036748,
                    0.12163948459554086,
                ],
            ),
            t: (&[3], &[2.0, 0.0, 3.0]),
            dout: 1.0,
            loss: 1.8914825310346135,
            dy: &[
                -0.0,
                -0.0,
                -5.980670708949386,
                -0.0,
                -0.6583605589498174,
                -0.0,
                -0.0,
                -0.0,
                -0.0,
                -0.0,
                -0.0,
                -2.7403360052707124,
            ],
        },
        Case {
            name: "batch, labels, dout 2.5",
            y: (
                &[3, 4],
                &[
                    0.633087393965375,
                    0.22376770348614455,
                    0.05573500891254025,
                    0.08740989363594005,
                    0.506308075363739,
                    0.3228362822453584,
                    0.11641312988196402,
                    0.05444251250893861,
                    0.7141275770145782,
                    0.024314226353132958,
                    0.139918712036748,
                    0.12163948459554086,
                ],
            ),
            t: (&[3], &[2.0, 0.0, 3.0]),
            dout: 2.5,
            loss: 1.8914825310346135,
            dy: &[
                -0.0,
                -0.0,
                -14.951676772373466,
                -0.0,
                -1.6459013973745433,
                -0.0,
                -0.0,
                -0.0,
                -0.0,
                -0.0,
                -0.0,
                -6.850840013176781,
            ],
        },
        Case {
            name: "one sample, one-hot",
            y: (
                &[4],
                &[
                    0.09697390779154083,
                    0.5636547679289005,
                    0.15361384455583352,
                    0.18575747972372525,
                ],
            ),
            t: (&[4], &[0.0, 1.0, 0.0, 0.0]),
            dout: 1.0,
            loss: 0.5733131510897875,
            dy: &[-0.0, -1.7741353031765892, -0.0, -0.0],
        },
        Case {
            name: "one sample, 0-d label",
            y: (
                &[4],
                &[
                    0.09697390779154083,
                    0.5636547679289005,
                    0.15361384455583352,
                    0.18575747972372525,
                ],
            ),
            t: (&[], &[1.0]),
            dout: -0.5,
            loss: 0.5733131510897875,
            dy: &[0.0, 0.8870676515882946, 0.0, 0.0],
        },
        Case {
            name: "one sample, label of shape (1,)",
            y: (
                &[4],
                &[
                    0.09697390779154083,
                    0.5636547679289005,
                    0.15361384455583352,
                    0.18575747972372525,
                ],
            ),
            t: (&[1], &[3.0]),
            dout: 1.0,
            loss: 1.6833127901671479,
            dy: &[-0.0, -0.0, -0.0, -5.3833604070815655],
        },
        Case {
            name: "a probability of 0",
            y: (&[2, 2], &[0.0, 1.0, 0.5, 0.5]),
            t: (&[2], &[0.0, 1.0]),
            dout: 1.0,
            loss: 8.405621315759143,
            dy: &[-5000000.0, -0.0, -0.0, -0.9999998000000401],
        },
        Case {
            name: "soft targets",
            y: (
                &[3, 4],
                &[
                    0.633087393965375,
                    0.22376770348614455,
                    0.05573500891254025,
                    0.08740989363594005,
                    0.506308075363739,
                    0.3228362822453584,
                    0.11641312988196402,
                    0.05444251250893861,
                    0.7141275770145782,
                    0.024314226353132958,
                    0.139918712036748,
                    0.12163948459554086,
                ],
            ),
            t: (
                &[3, 4],
                &[
                    0.22916257624828212,
                    0.31558614629826504,
                    0.10296938300007442,
                    0.35228189445337843,
                    0.03351907115968676,
                    0.030634124434163166,
                    0.14578232218349232,
                    0.7900644822226577,
                    0.12291506215978043,
                    0.07021019758920707,
                    0.4984451559950527,
                    0.3084295842559597,
                ],
            ),
            dout: 1.0,
            loss: 2.112005359563972,
            dy: &[
                -0.12065871801958523,
                -0.4701095531195812,
                -0.6158259728271359,
                -1.3434081535368512,
                -0.02206763442417008,
                -0.03163018597955602,
                -0.4174277051136622,
                -4.837292247213777,
                -0.05737305625497705,
                -0.9625353734460661,
                -1.1874628072746025,
                -0.8452006948272831,
            ],
        },
    ];
    // END CASES

    #[test]
    fn forward_and_backward_match_numpy() {
        for case in CASES {
            let (y, t) = (arr(case.y.0, case.y.1), arr(case.t.0, case.t.1));
            let target = check_shapes(y.shape(), t.shape()).unwrap();
            if target == Target::Labels {
                check_labels(&t.view(), y.shape()[y.ndim() - 1]).unwrap();
            }
            let mut layer = CrossEntropy::new();
            let loss = layer.forward(&y, &t);
            assert_close(case.name, &loss.to_owned(), &[], &[case.loss]);
            let dy = layer.backward(&arr(&[], &[case.dout]).to_owned());
            assert_close(case.name, &dy, case.y.0, case.dy);
        }
    }

    #[test]
    fn backward_matches_central_difference() {
        for case in CASES {
            let (y, t) = (arr(case.y.0, case.y.1), arr(case.t.0, case.t.1));
            if y.iter().any(|&v| v < 1e-4) {
                continue; // y − h would be below 0, where the log is NaN
            }
            let dout = arr(&[], &[case.dout]).to_owned();
            let mut layer = CrossEntropy::new();
            layer.forward(&y, &t);
            let dy = layer.backward(&dout);
            let mut f = |y: &Floats| weighted_sum(&CrossEntropy::new().forward(y, &t), &dout);
            assert_gradient(case.name, &dy, &numerical_gradient(&mut f, &y));
        }
    }

    #[test]
    fn label_refusals_carry_numpys_numbers() {
        let t = arr(&[3], &[0.0, 5.0, 1.0]);
        let error = check_labels(&t.view(), 3).unwrap_err();
        assert_eq!(
            error,
            LayerError::LabelRange {
                sample: 1,
                label: 5.0,
                classes: 3
            }
        );
        assert_eq!(
            numpy::message(&error),
            "index 5 is out of bounds for axis 1 with size 3"
        );
        let t = arr(&[2], &[0.0, 1.5]);
        let error = check_labels(&t.view(), 3).unwrap_err();
        assert_eq!(
            error,
            LayerError::LabelNotWhole {
                sample: 1,
                value: 1.5
            }
        );
        assert_eq!(
            numpy::message(&error),
            "arrays used as indices must be of integer (or boolean) type"
        );
        assert!(matches!(
            check_labels(&arr(&[1], &[-1.0]).view(), 3),
            Err(LayerError::LabelRange { .. })
        ));
        assert!(matches!(
            check_labels(&arr(&[1], &[f64::NAN]).view(), 3),
            Err(LayerError::LabelNotWhole { .. })
        ));
    }

    #[test]
    fn tells_one_hot_from_labels() {
        assert_eq!(check_shapes(&[2, 3], &[2, 3]), Ok(Target::OneHot));
        assert_eq!(check_shapes(&[2, 3], &[2]), Ok(Target::Labels));
        assert_eq!(check_shapes(&[3], &[3]), Ok(Target::OneHot));
        assert_eq!(check_shapes(&[3], &[]), Ok(Target::Labels));
        assert_eq!(check_shapes(&[3], &[1]), Ok(Target::Labels));
        assert_eq!(check_shapes(&[1], &[1]), Ok(Target::OneHot));
        assert_eq!(
            check_shapes(&[2, 3], &[3]),
            Err(LayerError::Target {
                y: vec![2, 3],
                t: vec![3]
            })
        );
        assert!(matches!(
            check_shapes(&[], &[]),
            Err(LayerError::Rank { operand: 0, .. })
        ));
    }

    #[test]
    fn unchecked_labels_do_not_panic() {
        let y = arr(&[2], &[0.5, 0.5]);
        let loss = CrossEntropy::new().forward(&y, &arr(&[], &[7.0]));
        assert!(loss.iter().all(|v| v.is_nan()));
    }
}
