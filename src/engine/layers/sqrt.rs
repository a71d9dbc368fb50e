//! 제곱근 (sqrt 노드): `out = sqrt(x)`. Backward needs only the output:
//! dx = dout / (2 · out).

use crate::engine::value::Floats;
use ndarray::ArrayD;

/// ```python
/// class Sqrt:
///     def forward(self, x):
///         self.saved_out = np.sqrt(x)     # d sqrt(x)/dx = 1 / (2 sqrt(x))
///         return self.saved_out
///
///     def backward(self, upstream):
///         return upstream / (2 * self.saved_out)
/// ```
#[derive(Debug, Clone, Default)]
pub struct Sqrt {
    pub out: Floats,
}

impl Sqrt {
    pub fn new() -> Sqrt {
        Sqrt::default()
    }

    /// Caches the output: d sqrt(x)/dx = 1 / (2 sqrt(x)). As numpy's `np.sqrt`, the square root
    /// of a negative number is NaN (numpy also warns).
    pub fn forward(&mut self, x: &Floats) -> Floats {
        self.out = super::common::map1(x, f64::sqrt).into_shared();
        self.out.clone()
    }

    /// `dout` has the shape `forward` returned. At x = 0 the gradient is ∞ (or NaN for a zero
    /// `dout`), as numpy's division gives.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        super::common::zip2(dout, &self.out, |d, out| d / (out * 2.0))
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
            x: (&[2, 3], &[2.92, 1.14, 2.67, 2.48, 1.61, 2.98]),
            dout: &[-1.68, 1.09, 1.41, -0.16, -0.73, 1.34],
            out: &[
                1.7088007490635062,
                1.0677078252031311,
                1.6340134638368191,
                1.5748015748023623,
                1.2688577540449522,
                1.7262676501632068,
            ],
            dx: &[
                -0.4915728182237484,
                0.5104392673120233,
                0.4314529932602837,
                -0.0508000508000762,
                -0.2876602982772717,
                0.38812057906353986,
            ],
        },
        Case {
            name: "0-d",
            x: (&[], &[0.25]),
            dout: &[-1.92],
            out: &[0.5],
            dx: &[-1.92],
        },
        Case {
            name: "1-D with negatives",
            x: (&[4], &[-0.38, 1.8, 1.25, -1.77]),
            dout: &[1.94, -1.05, -1.18, 1.59],
            out: &[f64::NAN, 1.3416407864998738, 1.118033988749895, f64::NAN],
            dx: &[f64::NAN, -0.3913118960624632, -0.5277120426899503, f64::NAN],
        },
        Case {
            name: "zero and a negative",
            x: (&[3], &[0.0, -1.0, 4.0]),
            dout: &[0.43, 0.06, -0.35],
            out: &[0.0, f64::NAN, 2.0],
            dx: &[f64::INFINITY, f64::NAN, -0.0875],
        },
    ];
    // END CASES

    #[test]
    fn forward_and_backward_match_numpy() {
        for case in CASES {
            let x = arr(case.x.0, case.x.1);
            let mut layer = Sqrt::new();
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
            let mut layer = Sqrt::new();
            layer.forward(&x);
            let dx = layer.backward(&dout);
            let mut f = |x: &Floats| weighted_sum(&Sqrt::new().forward(x), &dout);
            assert_gradient(case.name, &dx, &numerical_gradient(&mut f, &x));
        }
    }
}
