//! Softmax 계층 (소프트맥스 함수): `y = exp(x) / sum(exp(x))` over the last axis, each row of
//! a batch on its own. Backward: dx = y · (dout − sum(dout · y)), the sum over the last axis.

use super::common::{nan_max, sum_keepdims, zip2};
use super::error::LayerError;
use crate::engine::value::Floats;
use ndarray::{ArrayD, ArrayViewD, Axis};

/// The book's `softmax` (`common/functions.py`), the maximum of each row subtracted first so
/// that `exp` cannot overflow:
///
/// ```python
/// def softmax(x):
///     shifted = x - x.max(axis=-1, keepdims=True)   # the largest is now 0: exp cannot overflow
///     e = np.exp(shifted)
///     return e / e.sum(axis=-1, keepdims=True)      # each row sums to 1
/// ```
///
/// A 0-d `x` is one row of one element, so its softmax is 1. A row holding NaN becomes all NaN,
/// as numpy's does; so does a row whose maximum is ±∞ (∞ − ∞ is NaN).
pub fn softmax(x: &ArrayViewD<'_, f64>) -> ArrayD<f64> {
    let scalar = x.ndim() == 0;
    // A copy in standard layout, whatever `x`'s strides (a transpose's are not), so the rows are
    // consecutive runs of one slice: walking them as slices is the same arithmetic without the
    // n-dimensional lane machinery.
    let standard = x.as_standard_layout().into_owned();
    let mut y = if scalar {
        standard.insert_axis(Axis(0))
    } else {
        standard
    };
    let columns = y.shape().last().copied().unwrap_or(0);
    if columns > 0 {
        let flat = y
            .as_slice_mut()
            .expect("an array just made in standard layout is one slice");
        flat.chunks_exact_mut(columns).for_each(softmax_row);
    }
    if scalar {
        y.index_axis_move(Axis(0), 0)
    } else {
        y
    }
}

/// One row in place: its maximum subtracted, `exp`, then divided by the row's sum (ndarray's
/// `sum`, as before, so the bits do not change).
fn softmax_row(row: &mut [f64]) {
    let max = row.iter().fold(f64::NEG_INFINITY, |m, &v| nan_max(m, v));
    row.iter_mut().for_each(|v| *v = (*v - max).exp());
    let total = ndarray::ArrayView1::from(&*row).sum();
    row.iter_mut().for_each(|v| *v /= total);
}

/// Softmax as a layer of its own. The book only uses it inside `SoftmaxWithLoss`, whose
/// backward is simpler; this one's backward is the general rule, for any `dout`:
///
/// ```python
/// class Softmax:
///     def forward(self, x):
///         self.saved_out = softmax(x)     # backward needs only the output
///         return self.saved_out
///
///     def backward(self, upstream):
///         y = self.saved_out
///         weighted = (upstream * y).sum(axis=-1, keepdims=True)   # one number per row
///         return y * (upstream - weighted)
/// ```
#[derive(Debug, Clone, Default)]
pub struct Softmax {
    pub out: Floats,
}

impl Softmax {
    pub fn new() -> Softmax {
        Softmax::default()
    }

    /// Caches the output, which is all backward needs. Any shape is taken; only numpy's
    /// refusal of an empty last axis needs `check_shape` first (without it, the result is an
    /// empty array).
    pub fn forward(&mut self, x: &Floats) -> Floats {
        self.out = softmax(&x.view()).into_shared();
        self.out.clone()
    }

    /// `dout` has the shape `forward` returned.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        let y = &self.out;
        let weighted = zip2(dout, y, |d, y| d * y);
        let row_sums = if y.ndim() == 0 {
            weighted
        } else {
            sum_keepdims(&weighted.view(), y.ndim() - 1)
        };
        let centred = zip2(dout, &row_sums, |d, s| d - s);
        zip2(&centred, y, |c, y| c * y)
    }
}

/// Refuses what numpy's `np.max(x, axis=-1)` refuses: a last axis of length 0 (`EmptyMax`).
pub fn check_shape(x: &[usize]) -> Result<(), LayerError> {
    match x.last() {
        Some(0) => Err(LayerError::EmptyMax),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::layers::common::testing::*;

    type Arr = (&'static [usize], &'static [f64]);

    #[test]
    fn a_transposed_view_is_taken_row_by_row_as_it_reads() {
        // x.T has strides that are not C order; its rows are (1, 4), (2, 5) and (3, 6), each a
        // difference of 3, so each softmax row is [1, e³] / (1 + e³).
        let x = ndarray::Array2::from_shape_vec((2, 3), vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
            .expect("six values")
            .into_dyn();
        let y = softmax(&x.t());
        let low = 1.0 / (1.0 + 3f64.exp());
        assert_eq!(y.shape(), &[3, 2]);
        for row in y.outer_iter() {
            assert!((row[0] - low).abs() < 1e-15 && (row[1] - (1.0 - low)).abs() < 1e-15);
        }
    }

    struct Case {
        name: &'static str,
        x: Arr,
        dout: &'static [f64],
        out: &'static [f64],
        dx: &'static [f64],
    }

    // BEGIN CASES (written by layer_cases.py from numpy; do not edit)
    const CASES: &[Case] = &[
        Case {
            name: "1-D",
            x: (&[4], &[-0.96, 1.12, 0.29, -0.63]),
            dout: &[-1.52, 0.87, -0.12, 0.52],
            out: &[
                0.07201612008716934,
                0.5764507945659801,
                0.2513609575699777,
                0.1001721277768728,
            ],
            dx: &[
                -0.13927729520736798,
                0.2628766190580392,
                -0.13422018586340176,
                0.01062086201273044,
            ],
        },
        Case {
            name: "2-D batch",
            x: (
                &[3, 4],
                &[
                    1.3, 0.8, 0.26, 1.96, -1.21, 0.79, -0.69, 1.41, 0.07, -0.98, -1.48, -0.8,
                ],
            ),
            dout: &[
                -0.59, -1.34, -1.39, 0.61, -0.51, 1.62, -0.7, -1.52, -0.31, -1.56, 1.92, 1.89,
            ],
            out: &[
                0.25675406484514895,
                0.15572921233442846,
                0.09075092633146614,
                0.4967657964889563,
                0.04200479241011561,
                0.3103757675422807,
                0.0706532222536764,
                0.5769662177939272,
                0.5047605807228224,
                0.17663478145818406,
                0.10713441052602922,
                0.21147022729296433,
            ],
            dx: &[
                -0.10442734843874145,
                -0.18013529779141227,
                -0.10951107629538698,
                0.3940737225255406,
                -0.002727807712924426,
                0.6409444606471636,
                -0.018012360224399282,
                -0.62020429270984,
                -0.24397640965162248,
                -0.30617003245244,
                0.18712623686296484,
                0.3630202052410976,
            ],
        },
        Case {
            name: "3-D over the last axis",
            x: (
                &[2, 2, 3],
                &[
                    -1.95, 1.8, -1.59, 0.63, 0.32, -1.95, 1.54, -1.23, -1.71, 1.91, -1.32, -0.22,
                ],
            ),
            dout: &[
                -1.96, -1.01, -1.57, -0.81, -1.74, -1.67, -0.73, -0.3, -1.74, 1.17, -1.72, -0.9,
            ],
            out: &[
                0.02224475793436174,
                0.9458711761985429,
                0.0318840658670952,
                0.5527240851020224,
                0.40539379784993335,
                0.04188211704804423,
                0.9079055042717042,
                0.05689117901410048,
                0.03520331671419543,
                0.863263549139656,
                0.034148546799160726,
                0.10258790406118339,
            ],
            dx: &[
                -0.02026525038164423,
                0.03687724415891771,
                -0.016611993777273713,
                0.22829431105271772,
                -0.20957446443550107,
                -0.018719846617216665,
                0.010070617597866843,
                0.02509425206373715,
                -0.0351648696616039,
                0.26851489978397397,
                -0.08806752242670293,
                -0.18044737735727115,
            ],
        },
        Case {
            name: "large values, no overflow",
            x: (&[2, 3], &[1000.0, 1001.0, 999.0, -1000.0, -1001.0, -1002.0]),
            dout: &[1.41, 0.58, 1.24, -0.22, -1.02, 0.06],
            out: &[
                0.24472847105479764,
                0.6652409557748218,
                0.09003057317038046,
                0.6652409557748218,
                0.24472847105479764,
                0.09003057317038046,
            ],
            dx: &[
                0.1388724412199673,
                -0.1746555598511181,
                0.03578311863115087,
                0.11347295471929418,
                -0.15403840967363178,
                0.04056545495433754,
            ],
        },
        Case {
            name: "one class",
            x: (&[2, 1], &[-1.73, -0.91]),
            dout: &[-1.96, -0.97],
            out: &[1.0, 1.0],
            dx: &[0.0, 0.0],
        },
        Case {
            name: "0-d",
            x: (&[], &[0.7]),
            dout: &[1.6],
            out: &[1.0],
            dx: &[0.0],
        },
    ];
    // END CASES

    #[test]
    fn forward_and_backward_match_numpy() {
        for case in CASES {
            let x = arr(case.x.0, case.x.1);
            assert_eq!(check_shape(x.shape()), Ok(()));
            let mut layer = Softmax::new();
            let out = layer.forward(&x);
            assert_close(case.name, &out.to_owned(), case.x.0, case.out);
            let dx = layer.backward(&arr(case.x.0, case.dout).to_owned());
            assert_close(case.name, &dx, case.x.0, case.dx);
        }
    }

    #[test]
    fn backward_matches_central_difference() {
        for case in CASES {
            let x = arr(case.x.0, case.x.1);
            if x.iter().any(|v| v.abs() > 100.0) {
                continue; // h = 1e-5 is lost in the rounding of such large inputs
            }
            let dout = arr(case.x.0, case.dout).to_owned();
            let mut layer = Softmax::new();
            layer.forward(&x);
            let dx = layer.backward(&dout);
            let mut f = |x: &Floats| weighted_sum(&Softmax::new().forward(x), &dout);
            assert_gradient(case.name, &dx, &numerical_gradient(&mut f, &x));
        }
    }

    #[test]
    fn refuses_an_empty_last_axis_only() {
        assert_eq!(check_shape(&[2, 0]), Err(LayerError::EmptyMax));
        assert_eq!(check_shape(&[0, 2]), Ok(()));
        assert_eq!(check_shape(&[]), Ok(()));
        let out = Softmax::new().forward(&arr(&[2, 0], &[]));
        assert_eq!(out.shape(), &[2, 0]);
    }

    #[test]
    fn large_inputs_do_not_overflow() {
        let out = Softmax::new().forward(&arr(&[3], &[1000.0, 1000.0, f64::NEG_INFINITY]));
        assert_eq!(out.as_slice(), Some(&[0.5, 0.5, 0.0][..]));
        let nan_row = Softmax::new().forward(&arr(&[2], &[f64::NAN, 1.0]));
        assert!(nan_row.iter().all(|v| v.is_nan()));
    }
}
