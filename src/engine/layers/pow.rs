//! 거듭제곱 (** 노드): `out = x ** p`, with `p` an array that broadcasts against `x` (a constant
//! such as 2 is a 0-d array). Backward: dx = dout · p · x^(p−1), dp = dout · out · log(x).

use super::error::LayerError;
use crate::engine::shape::{broadcast, checked_len};
use crate::engine::value::Floats;
use ndarray::{ArrayD, IxDyn, Zip};

/// ```python
/// class Pow:
///     def forward(self, x, p):
///         self.inputs = (x, p)
///         self.saved_out = x ** p
///         return self.saved_out
///
///     def backward(self, upstream):
///         x, p = self.inputs
///         grad_x = upstream * p * x ** (p - 1)              # the power rule
///         grad_p = upstream * self.saved_out * np.log(x)    # d(x^p)/dp = x^p · ln x
///         return grad_x, grad_p
/// ```
///
/// Taken literally, those lines give NaN or ∞ in two places where the gradient is 0, so those
/// cells are set to 0 instead, as PyTorch does: dx where p = 0 (x⁰ is constant, but 0 · 0⁻¹ is
/// NaN), and dp where x = 0 and p ≥ 0 (0 · log 0 is NaN, 1 · log 0 is −∞). For x < 0, dp stays
/// NaN: log x is undefined there, and x^p is not even defined for p near a whole number. When `p`
/// is a constant, such as the 2 of `x ** 2`, the caller should drop dp rather than show it.
#[derive(Debug, Clone, Default)]
pub struct Pow {
    pub x: Floats,
    pub p: Floats,
    pub out: Floats,
}

impl Pow {
    pub fn new() -> Pow {
        Pow::default()
    }

    /// Caches `x`, `p` and the output, all three of which are in the gradients. As numpy's
    /// `x ** p`, a negative `x` to a fractional power is NaN.
    ///
    /// # Panics
    /// When `check_shapes` refuses the shapes of `x` and `p`.
    pub fn forward(&mut self, x: &Floats, p: &Floats) -> Floats {
        let Some(shape) = broadcast(x.shape(), p.shape()) else {
            panic!("Pow::forward needs shapes that broadcast; check_shapes refuses the others");
        };
        let mut out = ArrayD::zeros(IxDyn(&shape));
        Zip::from(&mut out)
            .and_broadcast(x)
            .and_broadcast(p)
            .for_each(|o, &x, &p| *o = x.powf(p));
        self.x = x.clone();
        self.p = p.clone();
        self.out = out.into_shared();
        self.out.clone()
    }

    /// `dout` has the shape `forward` returned. Returns (dx, dp), both in the output's shape,
    /// for the caller to sum back to each input's shape.
    pub fn backward(&self, dout: &ArrayD<f64>) -> (ArrayD<f64>, ArrayD<f64>) {
        let dx = Zip::from(dout)
            .and_broadcast(&self.x)
            .and_broadcast(&self.p)
            .map_collect(|&d, &x, &p| {
                if p == 0.0 {
                    0.0
                } else {
                    d * p * x.powf(p - 1.0)
                }
            });
        let dp = Zip::from(dout)
            .and(&self.out)
            .and_broadcast(&self.x)
            .and_broadcast(&self.p)
            .map_collect(|&d, &out, &x, &p| {
                if x == 0.0 && p >= 0.0 {
                    0.0
                } else {
                    d * out * x.ln()
                }
            });
        (dx, dp)
    }
}

/// The output's shape, or why it is refused: `Broadcast` when numpy would not broadcast `x` and
/// `p` together, `TooLarge` when the broadcast result passes the element cap.
pub fn check_shapes(x: &[usize], p: &[usize]) -> Result<Vec<usize>, LayerError> {
    let Some(shape) = broadcast(x, p) else {
        return Err(LayerError::Broadcast {
            a: x.to_vec(),
            b: p.to_vec(),
        });
    };
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

    type Arr = (&'static [usize], &'static [f64]);

    struct Case {
        name: &'static str,
        x: Arr,
        p: Arr,
        dout: Arr,
        out: Arr,
        dx: &'static [f64],
        dp: &'static [f64],
    }

    // BEGIN CASES (written by layer_cases.py from numpy; do not edit)
    const CASES: &[Case] = &[
        Case {
            name: "square",
            x: (&[2, 3], &[1.41, 2.76, 1.93, 1.03, 1.59, 1.17]),
            p: (&[], &[2.0]),
            dout: (&[2, 3], &[1.95, 0.77, -1.49, -0.41, -1.36, 1.89]),
            out: (
                &[2, 3],
                &[
                    1.9880999999999998,
                    7.617599999999999,
                    3.7249,
                    1.0609,
                    2.5281000000000002,
                    1.3688999999999998,
                ],
            ),
            dx: &[
                5.499,
                4.2504,
                -5.751399999999999,
                -0.8446,
                -4.324800000000001,
                4.422599999999999,
            ],
            dp: &[
                1.3320268480309279,
                5.954888343946138,
                -3.649302425708502,
                -0.012857162652202337,
                -1.5944177143536045,
                0.40620339599908944,
            ],
        },
        Case {
            name: "square root as a power",
            x: (&[3], &[1.35, 2.01, 2.03]),
            p: (&[], &[0.5]),
            dout: (&[3], &[-0.41, -0.15, -1.33]),
            out: (
                &[3],
                &[1.161895003862225, 1.4177446878757824, 1.4247806848775006],
            ),
            dx: &[
                -0.17643590799389341,
                -0.05290092118939487,
                -0.46673850021849167,
            ],
            dp: &[
                -0.14296291090770444,
                -0.14846651904566607,
                -1.341698310452623,
            ],
        },
        Case {
            name: "reciprocal",
            x: (&[2, 2], &[1.28, 2.83, 2.2, 2.26]),
            p: (&[], &[-1.0]),
            dout: (&[2, 2], &[-0.45, -0.47, 1.45, 0.65]),
            out: (
                &[2, 2],
                &[
                    0.78125,
                    0.35335689045936397,
                    0.45454545454545453,
                    0.4424778761061947,
                ],
            ),
            dx: &[
                0.274658203125,
                0.05868471325650214,
                -0.2995867768595041,
                -0.12726133604824186,
            ],
            dp: &[
                -0.08678674614780205,
                -0.1727668037024448,
                0.5196650784219053,
                0.23450757904191433,
            ],
        },
        Case {
            name: "exponent array, broadcast",
            x: (&[2, 3], &[0.72, 2.35, 2.55, 2.49, 1.57, 1.68]),
            p: (&[3], &[-1.19, -0.62, 1.47]),
            dout: (&[2, 3], &[0.22, -1.73, -1.88, 0.24, -1.94, 1.84]),
            out: (
                &[2, 3],
                &[
                    1.4783400044802488,
                    0.5887594967287495,
                    3.959260391424341,
                    0.33769355881331564,
                    0.7560355470479311,
                    2.143900591696217,
                ],
            ),
            dx: &[
                -0.5375408516290683,
                0.26872486646436455,
                -4.290906673623651,
                -0.03873304433617788,
                0.5792099082734085,
                3.451679952630909,
            ],
            dp: &[
                -0.10684095484462837,
                -0.8702680897823175,
                -6.967726236120315,
                0.07393727883472949,
                -0.6615966531273924,
                2.0465258700348286,
            ],
        },
        Case {
            name: "0-d base, exponent array",
            x: (&[], &[1.7]),
            p: (&[2], &[-0.93, 1.59]),
            dout: (&[2], &[-0.31, 0.86]),
            out: (&[2], &[0.6104955506577564, 2.3249508968661874]),
            dx: &[0.10353286309095952, 1.8700810919851911],
            dp: &[-0.10042331776129619, 1.0609687802601953],
        },
        Case {
            name: "zero base",
            x: (&[3], &[0.0, 0.0, 2.0]),
            p: (&[3], &[2.0, 0.0, 0.0]),
            dout: (&[3], &[1.7, -0.05, -1.54]),
            out: (&[3], &[0.0, 1.0, 1.0]),
            dx: &[0.0, 0.0, 0.0],
            dp: &[0.0, 0.0, -1.0674466580623159],
        },
        Case {
            name: "negative base, whole exponent",
            x: (&[2], &[-2.0, -0.5]),
            p: (&[], &[3.0]),
            dout: (&[2], &[-1.47, -1.38]),
            out: (&[2], &[-8.0, -0.125]),
            dx: &[-17.64, -1.035],
            dp: &[f64::NAN, f64::NAN],
        },
    ];
    // END CASES

    #[test]
    fn forward_and_backward_match_numpy() {
        for case in CASES {
            let (x, p) = (arr(case.x.0, case.x.1), arr(case.p.0, case.p.1));
            assert_eq!(check_shapes(x.shape(), p.shape()), Ok(case.out.0.to_vec()));
            let mut layer = Pow::new();
            let out = layer.forward(&x, &p);
            assert_close(case.name, &out.to_owned(), case.out.0, case.out.1);
            let (dx, dp) = layer.backward(&arr(case.dout.0, case.dout.1).to_owned());
            assert_close(case.name, &dx, case.out.0, case.dx);
            assert_close(case.name, &dp, case.out.0, case.dp);
        }
    }

    #[test]
    fn backward_matches_central_difference() {
        use crate::engine::layers::common::sum_to_shape;
        for case in CASES {
            let (x, p) = (arr(case.x.0, case.x.1), arr(case.p.0, case.p.1));
            if x.iter().any(|&v| v <= 1e-3) {
                continue; // log x has no derivative to compare with at or below 0
            }
            let dout = arr(case.dout.0, case.dout.1).to_owned();
            let mut layer = Pow::new();
            layer.forward(&x, &p);
            let (dx, dp) = layer.backward(&dout);
            let (dx, dp) = (sum_to_shape(dx, x.shape()), sum_to_shape(dp, p.shape()));
            let mut by_x = |x: &Floats| weighted_sum(&Pow::new().forward(x, &p), &dout);
            assert_gradient(case.name, &dx, &numerical_gradient(&mut by_x, &x));
            let mut by_p = |p: &Floats| weighted_sum(&Pow::new().forward(&x, p), &dout);
            assert_gradient(case.name, &dp, &numerical_gradient(&mut by_p, &p));
        }
    }

    #[test]
    fn refuses_what_numpy_refuses() {
        let error = check_shapes(&[2, 4], &[3]).unwrap_err();
        assert_eq!(
            numpy::message(&error),
            "operands could not be broadcast together with shapes (2,4) (3,) "
        );
        assert!(matches!(
            check_shapes(&[100_000, 1], &[100_000]),
            Err(LayerError::TooLarge { .. })
        ));
    }
}
