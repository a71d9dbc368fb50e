//! 로그 (log 노드): `out = log(x)`, the natural logarithm, as in the cross entropy's
//! computational graph in the book's appendix A. Backward: dx = dout / x.

use crate::engine::value::Floats;
use ndarray::ArrayD;

/// ```python
/// class Log:
///     def forward(self, x):
///         self.saved_x = x                # d log(x)/dx = 1/x
///         return np.log(x)
///
///     def backward(self, upstream):
///         return upstream / self.saved_x
/// ```
#[derive(Debug, Clone, Default)]
pub struct Log {
    pub x: Floats,
}

impl Log {
    pub fn new() -> Log {
        Log::default()
    }

    /// Caches the input, which backward divides by. As numpy's `np.log`, log(0) is −∞ and the
    /// log of a negative number is NaN (numpy also warns).
    pub fn forward(&mut self, x: &Floats) -> Floats {
        self.x = x.clone();
        super::common::map1(x, f64::ln).into_shared()
    }

    /// `dout` has the shape `forward` returned. At x = 0 the gradient is ±∞ (or NaN for a zero
    /// `dout`), as numpy's division gives.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        super::common::zip2(dout, &self.x, |d, x| d / x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::layers::common::testing::*;

    type Arr = (&'static [usize], &'static [f64]);

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
            name: "2-D",
            x: (&[2, 3], &[1.26, 2.65, 2.86, 0.98, 2.43, 2.5]),
            dout: &[1.48, -0.92, 1.1, 1.22, -0.13, -1.76],
            out: &[
                0.23111172096338664,
                0.9745596399981308,
                1.0508216248317612,
                -0.020202707317519466,
                0.8878912573524571,
                0.9162907318741551,
            ],
            dx: &[
                1.1746031746031744,
                -0.34716981132075475,
                0.3846153846153847,
                1.2448979591836735,
                -0.053497942386831275,
                -0.7040000000000001,
            ],
        },
        Case {
            name: "0-d",
            x: (&[], &[0.25]),
            dout: &[0.39],
            out: &[-1.3862943611198906],
            dx: &[1.56],
        },
        Case {
            name: "1-D with negatives",
            x: (&[4], &[1.01, -1.42, 0.02, -0.59]),
            dout: &[1.44, 1.32, 0.9, 1.19],
            out: &[0.009950330853168092, f64::NAN, -3.912023005428146, f64::NAN],
            dx: &[
                1.4257425742574257,
                -0.9295774647887325,
                45.0,
                -2.016949152542373,
            ],
        },
        Case {
            name: "zero and a negative",
            x: (&[3], &[0.0, -1.0, 4.0]),
            dout: &[-1.05, 0.7, -1.34],
            out: &[f64::NEG_INFINITY, f64::NAN, 1.3862943611198906],
            dx: &[f64::NEG_INFINITY, -0.7, -0.335],
        },
    ];
    // END CASES

    #[test]
    fn forward_and_backward_match_numpy() {
        for case in CASES {
            let x = arr(case.x.0, case.x.1);
            let mut layer = Log::new();
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
            if x.iter().any(|&v| v <= 1e-3) {
                continue; // no derivative to compare with at or below 0
            }
            let dout = arr(case.x.0, case.dout).to_owned();
            let mut layer = Log::new();
            layer.forward(&x);
            let dx = layer.backward(&dout);
            let mut f = |x: &Floats| weighted_sum(&Log::new().forward(x), &dout);
            assert_gradient(case.name, &dx, &numerical_gradient(&mut f, &x));
        }
    }
}
