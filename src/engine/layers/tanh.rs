//! tanh 계층 (쌍곡탄젠트): `out = tanh(x)`. Like the Sigmoid 계층, backward needs only the
//! output: dx = dout · (1 − out²).

use crate::engine::value::Floats;
use ndarray::ArrayD;

/// ```python
/// class Tanh:
///     def forward(self, x):
///         self.saved_out = np.tanh(x)     # the derivative is written with the output
///         return self.saved_out
///
///     def backward(self, upstream):
///         return upstream * (1 - self.saved_out ** 2)
/// ```
#[derive(Debug, Clone, Default)]
pub struct Tanh {
    pub out: Floats,
}

impl Tanh {
    pub fn new() -> Tanh {
        Tanh::default()
    }

    pub fn forward(&mut self, x: &Floats) -> Floats {
        self.out = x.mapv(f64::tanh).into_shared();
        self.out.clone()
    }

    /// `dout` has the shape `forward` returned.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        super::common::zip2(dout, &self.out, |d, y| d * (1.0 - y * y))
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
            x: (&[2, 3], &[0.59, 1.25, 2.82, 1.97, 0.11, 2.29]),
            dout: &[1.89, -0.71, 1.04, 1.08, -1.84, -1.92],
            out: &[
                0.5298956075275294,
                0.8482836399575129,
                0.992919419558107,
                0.9618456053694837,
                0.10955847021442953,
                0.9796983982280146,
            ],
            dx: &[
                1.3593081192825276,
                -0.1990945549881072,
                0.014675467314967543,
                0.08084127394592434,
                -1.8179143725518643,
                -0.07716681313816785,
            ],
        },
        Case {
            name: "0-d",
            x: (&[], &[0.25]),
            dout: &[-1.3],
            out: &[0.24491866240370913],
            dx: &[-1.2220193034482913],
        },
        Case {
            name: "1-D with negatives",
            x: (&[4], &[0.44, 1.7, -1.74, 0.79]),
            dout: &[0.83, -1.58, -0.9, 1.71],
            out: &[
                0.41364444218713514,
                0.935409070603099,
                -0.9402266403927275,
                0.658409035955251,
            ],
            dx: &[
                0.6879855686215858,
                -0.19751559560084564,
                -0.10437647822622416,
                0.9687107957469356,
            ],
        },
    ];
    // END CASES

    #[test]
    fn forward_and_backward_match_numpy() {
        for case in CASES {
            let x = arr(case.x.0, case.x.1);
            let mut layer = Tanh::new();
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
            let dout = arr(case.x.0, case.dout).to_owned();
            let mut layer = Tanh::new();
            layer.forward(&x);
            let dx = layer.backward(&dout);
            let mut f = |x: &Floats| weighted_sum(&Tanh::new().forward(x), &dout);
            assert_gradient(case.name, &dx, &numerical_gradient(&mut f, &x));
        }
    }
}
