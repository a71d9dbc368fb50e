//! 합계·평균·최댓값 (Sum, Mean, Max): `np.sum`, `np.mean` and `np.max` over all elements or
//! one axis. Backward spreads dout back over the reduced elements: copied to each for sum (the
//! mirror of the batch Affine 계층's bias, copied to every row going forward and summed going
//! back), divided by the count for mean, and sent to the largest element for max.

use super::common::{fold_axis, map1, nan_max, normalize_axis, reduce_all, sum_keepdims};
use super::error::LayerError;
use crate::engine::value::Floats;
use ndarray::{ArrayD, ArrayViewD, Axis, IxDyn, Zip};

/// Which elements a reduction adds up, and the shape it gives back.
#[derive(Debug, Clone, Default, PartialEq)]
struct Reduction {
    /// The axis as the caller wrote it, negative counting from the end; `None` is every element.
    axis: Option<isize>,
    keepdims: bool,
}

impl Reduction {
    /// The axis as the caller wrote it, for `step`'s rule; `None` is every element.
    fn axis(&self) -> Option<isize> {
        self.axis
    }

    /// The axis as an index into the shape, or `None` for all elements. numpy lets `sum` and
    /// `max` of a 0-d array take `axis=0` or `axis=-1`, as all of its one element.
    fn resolve(&self, ndim: usize) -> Result<Option<usize>, LayerError> {
        match self.axis {
            None => Ok(None),
            Some(0 | -1) if ndim == 0 => Ok(None),
            Some(axis) => normalize_axis(axis, ndim).map(Some),
        }
    }

    /// The output's shape for an input of shape `x`.
    fn shape(&self, x: &[usize]) -> Result<Vec<usize>, LayerError> {
        Ok(match (self.resolve(x.len())?, self.keepdims) {
            (None, false) => vec![],
            (None, true) => vec![1; x.len()],
            (Some(a), false) => [&x[..a], &x[a + 1..]].concat(),
            (Some(a), true) => [&x[..a], &[1], &x[a + 1..]].concat(),
        })
    }

    /// How many elements go into each output element.
    fn count(&self, x: &[usize]) -> usize {
        match self.resolve(x.len()) {
            Ok(Some(a)) => x[a],
            _ => x.iter().product(),
        }
    }

    /// Reduces `x` with `lane`, which is given each group of elements that one output element
    /// stands for.
    /// `combine` joins the results of two parts of one group (see `common::reduce_all`).
    fn apply(
        &self,
        x: &Floats,
        lane: impl Fn(ArrayViewD<'_, f64>) -> f64,
        combine: impl Fn(f64, f64) -> f64 + Copy,
        init: f64,
    ) -> ArrayD<f64> {
        let ndim = x.ndim();
        match self.resolve(ndim) {
            Ok(Some(a)) => {
                let out = fold_axis(&x.view(), a, init, |so_far, _, v| combine(so_far, v), lane);
                if self.keepdims {
                    out.insert_axis(Axis(a))
                } else {
                    out
                }
            }
            _ => {
                let shape = if self.keepdims { vec![1; ndim] } else { vec![] };
                ArrayD::from_elem(IxDyn(&shape), reduce_all(&x.view(), lane, combine))
            }
        }
    }

    /// `dout` with the reduced axis put back (length 1), so that it broadcasts against the
    /// input.
    fn kept<'a>(&self, dout: &'a ArrayD<f64>, ndim: usize) -> ArrayViewD<'a, f64> {
        match (self.resolve(ndim), self.keepdims) {
            (Ok(Some(a)), false) => dout.view().insert_axis(Axis(a)),
            _ => dout.view(),
        }
    }
}

/// `f` of `kept` broadcast to `shape`: each input cell's share of the gradient of the
/// reduction it went into, in blocks that look at Ctrl-C (`map1`).
fn spread(kept: &ArrayViewD<'_, f64>, shape: &[usize], f: impl Fn(f64) -> f64) -> ArrayD<f64> {
    match kept.broadcast(IxDyn(shape)) {
        Some(wide) => map1(&wide, f),
        None => ArrayD::zeros(IxDyn(shape)),
    }
}

/// ```python
/// class Sum:
///     def forward(self, x):
///         self.input_shape = x.shape
///         return x.sum(axis=self.axis, keepdims=self.keepdims)
///
///     def backward(self, upstream):
///         if self.axis is not None and not self.keepdims:
///             upstream = np.expand_dims(upstream, self.axis)   # the summed axis, back as length 1
///         # each cell went into its total with weight 1: hand every cell the total's gradient
///         return np.broadcast_to(upstream, self.input_shape).copy()
/// ```
#[derive(Debug, Clone, Default)]
pub struct Sum {
    reduction: Reduction,
    /// The input's shape, which the gradient takes.
    pub shape: Vec<usize>,
}

impl Sum {
    /// The axis the reduction runs along, as written (`None`: every element), for `step`.
    pub fn axis(&self) -> Option<isize> {
        self.reduction.axis()
    }

    pub fn new(axis: Option<isize>, keepdims: bool) -> Sum {
        Sum {
            reduction: Reduction { axis, keepdims },
            shape: vec![],
        }
    }

    /// The output's shape for an input of shape `x`, or `Axis` for an axis `x` lacks.
    pub fn check(&self, x: &[usize]) -> Result<Vec<usize>, LayerError> {
        self.reduction.shape(x)
    }

    /// Needs `check` to pass first: given an axis `x` lacks, it sums every element.
    pub fn forward(&mut self, x: &Floats) -> Floats {
        self.shape = x.shape().to_vec();
        self.reduction
            .apply(x, |lane| lane.sum(), |a, b| a + b, 0.0)
            .into_shared()
    }

    /// `dout` has the shape `forward` returned. Every input element gets the gradient of the
    /// sum it went into.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        spread(
            &self.reduction.kept(dout, self.shape.len()),
            &self.shape,
            |d| d,
        )
    }
}

/// ```python
/// class Mean:
///     def forward(self, x):
///         self.input_shape = x.shape
///         return x.mean(axis=self.axis, keepdims=self.keepdims)
///
///     def backward(self, upstream):
///         if self.axis is not None and not self.keepdims:
///             upstream = np.expand_dims(upstream, self.axis)
///         n = np.prod(self.input_shape) if self.axis is None else self.input_shape[self.axis]
///         return np.broadcast_to(upstream / n, self.input_shape).copy()   # each cell weighs 1/n
/// ```
#[derive(Debug, Clone, Default)]
pub struct Mean {
    reduction: Reduction,
    /// The input's shape, which the gradient takes.
    pub shape: Vec<usize>,
}

impl Mean {
    /// The axis the reduction runs along, as written (`None`: every element), for `step`.
    pub fn axis(&self) -> Option<isize> {
        self.reduction.axis()
    }

    pub fn new(axis: Option<isize>, keepdims: bool) -> Mean {
        Mean {
            reduction: Reduction { axis, keepdims },
            shape: vec![],
        }
    }

    /// The output's shape for an input of shape `x`, or `Axis` for an axis `x` lacks. Unlike
    /// `sum` and `max`, numpy's `mean` refuses any axis of a 0-d array.
    pub fn check(&self, x: &[usize]) -> Result<Vec<usize>, LayerError> {
        if let (Some(axis), 0) = (self.reduction.axis, x.len()) {
            return Err(LayerError::Axis { axis, ndim: 0 });
        }
        self.reduction.shape(x)
    }

    /// Needs `check` to pass first: given an axis `x` lacks, it averages every element. The
    /// mean of no elements is NaN, as numpy's is (numpy also warns).
    pub fn forward(&mut self, x: &Floats) -> Floats {
        self.shape = x.shape().to_vec();
        let count = self.reduction.count(x.shape()) as f64;
        let mut out = self
            .reduction
            .apply(x, |lane| lane.sum(), |a, b| a + b, 0.0);
        out.mapv_inplace(|total| total / count);
        out.into_shared()
    }

    /// How many elements went into each mean, the `n` of `dout / n`.
    pub fn count(&self) -> usize {
        self.reduction.count(&self.shape)
    }

    /// `dout` has the shape `forward` returned. Every input element gets 1/count of the
    /// gradient of the mean it went into.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        let count = self.reduction.count(&self.shape) as f64;
        spread(
            &self.reduction.kept(dout, self.shape.len()),
            &self.shape,
            |d| d / count,
        )
    }
}

/// ```python
/// class Max:
///     def forward(self, x):
///         self.saved_x = x
///         self.peak = x.max(axis=self.axis, keepdims=True)    # kept, to compare with x later
///         return self.peak if self.keepdims else np.squeeze(self.peak, self.axis)
///
///     def backward(self, upstream):
///         if self.axis is not None and not self.keepdims:
///             upstream = np.expand_dims(upstream, self.axis)
///         winners = (self.saved_x == self.peak) | np.isnan(self.saved_x)
///         ties = winners.sum(axis=self.axis, keepdims=True)   # winners split the gradient
///         return winners * upstream / ties
/// ```
///
/// The gradient goes to the element that was the maximum, like the book's max pooling. When
/// several elements tie for it, they share the gradient equally. A NaN is the maximum of its
/// group (numpy's `max` propagates NaN), so a group with NaN sends its gradient to the NaNs.
#[derive(Debug, Clone, Default)]
pub struct Max {
    reduction: Reduction,
    pub x: Floats,
    /// The maximum with the reduced axis kept (length 1), to compare with `x` in backward.
    pub out: ArrayD<f64>,
}

impl Max {
    /// The axis the reduction runs along, as written (`None`: every element), for `step`.
    pub fn axis(&self) -> Option<isize> {
        self.reduction.axis()
    }

    pub fn new(axis: Option<isize>, keepdims: bool) -> Max {
        Max {
            reduction: Reduction { axis, keepdims },
            ..Max::default()
        }
    }

    /// The output's shape for an input of shape `x`, or why numpy refuses: `Axis` for an axis
    /// `x` lacks, `EmptyMax` when a maximum would be over no elements.
    pub fn check(&self, x: &[usize]) -> Result<Vec<usize>, LayerError> {
        let shape = self.reduction.shape(x)?;
        if self.reduction.count(x) == 0 {
            return Err(LayerError::EmptyMax);
        }
        Ok(shape)
    }

    /// Needs `check` to pass first: given an axis `x` lacks, it takes the maximum of every
    /// element, and a maximum over no elements is −∞ (numpy refuses it).
    pub fn forward(&mut self, x: &Floats) -> Floats {
        self.x = x.clone();
        let max = |lane: ArrayViewD<'_, f64>| lane.fold(f64::NEG_INFINITY, |m, &v| nan_max(m, v));
        let kept = Reduction {
            keepdims: true,
            ..self.reduction.clone()
        };
        self.out = kept.apply(x, max, nan_max, f64::NEG_INFINITY);
        // The same maximum, without the kept axis unless asked for: computed once.
        let out = match (self.reduction.resolve(x.ndim()), self.reduction.keepdims) {
            (_, true) => self.out.clone(),
            (Ok(Some(a)), false) => self.out.index_axis(Axis(a), 0).to_owned(),
            (_, false) => {
                ArrayD::from_elem(IxDyn(&[]), self.out.first().copied().unwrap_or(f64::NAN))
            }
        };
        out.into_shared()
    }

    /// `dout` has the shape `forward` returned.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        let mut mask = ArrayD::zeros(self.x.raw_dim());
        Zip::from(&mut mask)
            .and(&self.x)
            .and_broadcast(&self.out)
            .for_each(|m, &x, &max| {
                if x == max || (x.is_nan() && max.is_nan()) {
                    *m = 1.0;
                }
            });
        let count = match self.reduction.resolve(self.x.ndim()) {
            Ok(Some(a)) => sum_keepdims(&mask.view(), a),
            _ => ArrayD::from_elem(IxDyn(&[]), mask.sum()),
        };
        let share = &self.reduction.kept(dout, self.x.ndim()) / &count;
        mask * &share
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
        op: &'static str,
        axis: Option<isize>,
        keepdims: bool,
        x: Arr,
        dout: Arr,
        out: Arr,
        dx: &'static [f64],
    }

    struct Refusal {
        op: &'static str,
        axis: Option<isize>,
        x: &'static [usize],
        numpy: &'static str,
    }

    // BEGIN CASES (written by layer_cases.py from numpy; do not edit)
    const CASES: &[Case] = &[
        Case {
            name: "sum of all",
            op: "sum",
            axis: None,
            keepdims: false,
            x: (&[2, 3], &[0.79, 1.36, 1.94, -1.75, -1.44, -0.96]),
            dout: (&[], &[1.87]),
            out: (&[], &[-0.06000000000000005]),
            dx: &[1.87, 1.87, 1.87, 1.87, 1.87, 1.87],
        },
        Case {
            name: "sum of all, keepdims",
            op: "sum",
            axis: None,
            keepdims: true,
            x: (&[2, 3], &[0.79, 1.36, 1.94, -1.75, -1.44, -0.96]),
            dout: (&[1, 1], &[0.48]),
            out: (&[1, 1], &[-0.06000000000000005]),
            dx: &[0.48, 0.48, 0.48, 0.48, 0.48, 0.48],
        },
        Case {
            name: "sum axis 0",
            op: "sum",
            axis: Some(0),
            keepdims: false,
            x: (&[2, 3], &[0.79, 1.36, 1.94, -1.75, -1.44, -0.96]),
            dout: (&[3], &[0.52, 0.5, 0.48]),
            out: (&[3], &[-0.96, -0.07999999999999985, 0.98]),
            dx: &[0.52, 0.5, 0.48, 0.52, 0.5, 0.48],
        },
        Case {
            name: "sum axis -1, keepdims",
            op: "sum",
            axis: Some(-1),
            keepdims: true,
            x: (&[2, 3], &[0.79, 1.36, 1.94, -1.75, -1.44, -0.96]),
            dout: (&[2, 1], &[-0.55, 1.13]),
            out: (&[2, 1], &[4.09, -4.15]),
            dx: &[-0.55, -0.55, -0.55, 1.13, 1.13, 1.13],
        },
        Case {
            name: "sum axis 1 of 3-D",
            op: "sum",
            axis: Some(1),
            keepdims: false,
            x: (
                &[2, 3, 4],
                &[
                    0.08, 0.06, -1.55, 1.17, -1.54, 0.94, 0.25, 0.86, 0.4, 1.08, -0.04, -1.91,
                    -1.21, -1.77, -0.1, -1.31, 0.88, -1.39, -1.7, 1.33, 1.51, -0.98, -1.24, 0.47,
                ],
            ),
            dout: (&[2, 4], &[-1.63, 1.75, 0.25, 1.54, -0.45, 1.95, -1.0, 1.55]),
            out: (
                &[2, 4],
                &[
                    -1.06,
                    2.08,
                    -1.34,
                    0.11999999999999988,
                    1.1800000000000002,
                    -4.140000000000001,
                    -3.04,
                    0.49,
                ],
            ),
            dx: &[
                -1.63, 1.75, 0.25, 1.54, -1.63, 1.75, 0.25, 1.54, -1.63, 1.75, 0.25, 1.54, -0.45,
                1.95, -1.0, 1.55, -0.45, 1.95, -1.0, 1.55, -0.45, 1.95, -1.0, 1.55,
            ],
        },
        Case {
            name: "sum axis -3 of 3-D, keepdims",
            op: "sum",
            axis: Some(-3),
            keepdims: true,
            x: (
                &[2, 3, 4],
                &[
                    0.08, 0.06, -1.55, 1.17, -1.54, 0.94, 0.25, 0.86, 0.4, 1.08, -0.04, -1.91,
                    -1.21, -1.77, -0.1, -1.31, 0.88, -1.39, -1.7, 1.33, 1.51, -0.98, -1.24, 0.47,
                ],
            ),
            dout: (
                &[1, 3, 4],
                &[
                    -1.53, -1.82, -0.32, 0.42, -0.44, -1.35, -0.6, -1.3, -0.46, 1.36, 1.39, 0.64,
                ],
            ),
            out: (
                &[1, 3, 4],
                &[
                    -1.13,
                    -1.71,
                    -1.6500000000000001,
                    -0.14000000000000012,
                    -0.66,
                    -0.44999999999999996,
                    -1.45,
                    2.19,
                    1.9100000000000001,
                    0.10000000000000009,
                    -1.28,
                    -1.44,
                ],
            ),
            dx: &[
                -1.53, -1.82, -0.32, 0.42, -0.44, -1.35, -0.6, -1.3, -0.46, 1.36, 1.39, 0.64,
                -1.53, -1.82, -0.32, 0.42, -0.44, -1.35, -0.6, -1.3, -0.46, 1.36, 1.39, 0.64,
            ],
        },
        Case {
            name: "sum of 0-d, axis 0",
            op: "sum",
            axis: Some(0),
            keepdims: false,
            x: (&[], &[1.5]),
            dout: (&[], &[-1.33]),
            out: (&[], &[1.5]),
            dx: &[-1.33],
        },
        Case {
            name: "sum of 0-d, axis -1, keepdims",
            op: "sum",
            axis: Some(-1),
            keepdims: true,
            x: (&[], &[1.5]),
            dout: (&[], &[0.88]),
            out: (&[], &[1.5]),
            dx: &[0.88],
        },
        Case {
            name: "mean of all",
            op: "mean",
            axis: None,
            keepdims: false,
            x: (&[2, 3], &[0.79, 1.36, 1.94, -1.75, -1.44, -0.96]),
            dout: (&[], &[-0.68]),
            out: (&[], &[-0.010000000000000009]),
            dx: &[
                -0.11333333333333334,
                -0.11333333333333334,
                -0.11333333333333334,
                -0.11333333333333334,
                -0.11333333333333334,
                -0.11333333333333334,
            ],
        },
        Case {
            name: "mean of all, keepdims",
            op: "mean",
            axis: None,
            keepdims: true,
            x: (
                &[2, 3, 4],
                &[
                    0.08, 0.06, -1.55, 1.17, -1.54, 0.94, 0.25, 0.86, 0.4, 1.08, -0.04, -1.91,
                    -1.21, -1.77, -0.1, -1.31, 0.88, -1.39, -1.7, 1.33, 1.51, -0.98, -1.24, 0.47,
                ],
            ),
            dout: (&[1, 1, 1], &[-1.94]),
            out: (&[1, 1, 1], &[-0.23791666666666667]),
            dx: &[
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
                -0.08083333333333333,
            ],
        },
        Case {
            name: "mean axis -2",
            op: "mean",
            axis: Some(-2),
            keepdims: false,
            x: (&[2, 3], &[0.79, 1.36, 1.94, -1.75, -1.44, -0.96]),
            dout: (&[3], &[-1.27, 1.18, 1.83]),
            out: (&[3], &[-0.48, -0.039999999999999925, 0.49]),
            dx: &[-0.635, 0.59, 0.915, -0.635, 0.59, 0.915],
        },
        Case {
            name: "mean axis 2 of 3-D, keepdims",
            op: "mean",
            axis: Some(2),
            keepdims: true,
            x: (
                &[2, 3, 4],
                &[
                    0.08, 0.06, -1.55, 1.17, -1.54, 0.94, 0.25, 0.86, 0.4, 1.08, -0.04, -1.91,
                    -1.21, -1.77, -0.1, -1.31, 0.88, -1.39, -1.7, 1.33, 1.51, -0.98, -1.24, 0.47,
                ],
            ),
            dout: (&[2, 3, 1], &[-0.08, 1.29, 0.41, -0.62, -1.75, -0.23]),
            out: (
                &[2, 3, 1],
                &[
                    -0.06000000000000005,
                    0.12749999999999997,
                    -0.1175,
                    -1.0975000000000001,
                    -0.21999999999999997,
                    -0.06,
                ],
            ),
            dx: &[
                -0.02, -0.02, -0.02, -0.02, 0.3225, 0.3225, 0.3225, 0.3225, 0.1025, 0.1025, 0.1025,
                0.1025, -0.155, -0.155, -0.155, -0.155, -0.4375, -0.4375, -0.4375, -0.4375,
                -0.0575, -0.0575, -0.0575, -0.0575,
            ],
        },
        Case {
            name: "max of all",
            op: "max",
            axis: None,
            keepdims: false,
            x: (&[2, 3], &[0.79, 1.36, 1.94, -1.75, -1.44, -0.96]),
            dout: (&[], &[-0.87]),
            out: (&[], &[1.94]),
            dx: &[-0.0, -0.0, -0.87, -0.0, -0.0, -0.0],
        },
        Case {
            name: "max axis 0",
            op: "max",
            axis: Some(0),
            keepdims: false,
            x: (&[2, 3], &[0.79, 1.36, 1.94, -1.75, -1.44, -0.96]),
            dout: (&[3], &[0.39, -1.23, 1.37]),
            out: (&[3], &[0.79, 1.36, 1.94]),
            dx: &[0.39, -1.23, 1.37, 0.0, -0.0, 0.0],
        },
        Case {
            name: "max axis -1, keepdims",
            op: "max",
            axis: Some(-1),
            keepdims: true,
            x: (
                &[2, 3, 4],
                &[
                    0.08, 0.06, -1.55, 1.17, -1.54, 0.94, 0.25, 0.86, 0.4, 1.08, -0.04, -1.91,
                    -1.21, -1.77, -0.1, -1.31, 0.88, -1.39, -1.7, 1.33, 1.51, -0.98, -1.24, 0.47,
                ],
            ),
            dout: (&[2, 3, 1], &[-1.18, 0.31, -0.79, 1.1, -1.78, -0.68]),
            out: (&[2, 3, 1], &[1.17, 0.94, 1.08, -0.1, 1.33, 1.51]),
            dx: &[
                -0.0, -0.0, -0.0, -1.18, 0.0, 0.31, 0.0, 0.0, -0.0, -0.79, -0.0, -0.0, 0.0, 0.0,
                1.1, 0.0, -0.0, -0.0, -0.0, -1.78, -0.68, -0.0, -0.0, -0.0,
            ],
        },
        Case {
            name: "max tie in a row",
            op: "max",
            axis: Some(1),
            keepdims: false,
            x: (&[2, 3], &[1.0, 3.0, 3.0, 2.0, -1.0, 0.5]),
            dout: (&[2], &[-0.59, 0.67]),
            out: (&[2], &[3.0, 2.0]),
            dx: &[-0.0, -0.295, -0.295, 0.67, 0.0, 0.0],
        },
        Case {
            name: "max tie of three over all",
            op: "max",
            axis: None,
            keepdims: false,
            x: (&[2, 2], &[2.0, 2.0, 2.0, 1.0]),
            dout: (&[], &[0.53]),
            out: (&[], &[2.0]),
            dx: &[
                0.17666666666666667,
                0.17666666666666667,
                0.17666666666666667,
                0.0,
            ],
        },
        Case {
            name: "max tie, keepdims",
            op: "max",
            axis: Some(-1),
            keepdims: true,
            x: (&[2, 3], &[1.0, 3.0, 3.0, 2.0, -1.0, 0.5]),
            dout: (&[2, 1], &[1.48, -0.38]),
            out: (&[2, 1], &[3.0, 2.0]),
            dx: &[0.0, 0.74, 0.74, -0.38, -0.0, -0.0],
        },
        Case {
            name: "max of 0-d, axis -1",
            op: "max",
            axis: Some(-1),
            keepdims: false,
            x: (&[], &[1.5]),
            dout: (&[], &[-0.4]),
            out: (&[], &[1.5]),
            dx: &[-0.4],
        },
    ];
    const REFUSALS: &[Refusal] = &[
        Refusal {
            op: "sum",
            axis: Some(2),
            x: &[2, 3],
            numpy: "axis 2 is out of bounds for array of dimension 2",
        },
        Refusal {
            op: "sum",
            axis: Some(-3),
            x: &[2, 3],
            numpy: "axis -3 is out of bounds for array of dimension 2",
        },
        Refusal {
            op: "sum",
            axis: Some(1),
            x: &[],
            numpy: "axis 1 is out of bounds for array of dimension 0",
        },
        Refusal {
            op: "mean",
            axis: Some(0),
            x: &[],
            numpy: "axis 0 is out of bounds for array of dimension 0",
        },
        Refusal {
            op: "mean",
            axis: Some(-1),
            x: &[],
            numpy: "axis -1 is out of bounds for array of dimension 0",
        },
        Refusal {
            op: "max",
            axis: Some(1),
            x: &[3, 0],
            numpy: "zero-size array to reduction operation maximum which has no identity",
        },
        Refusal {
            op: "max",
            axis: Some(0),
            x: &[0, 3],
            numpy: "zero-size array to reduction operation maximum which has no identity",
        },
        Refusal {
            op: "max",
            axis: None,
            x: &[0],
            numpy: "zero-size array to reduction operation maximum which has no identity",
        },
        Refusal {
            op: "max",
            axis: Some(3),
            x: &[3, 0],
            numpy: "axis 3 is out of bounds for array of dimension 2",
        },
    ];
    // END CASES

    /// One of the three layers, chosen by name, behind the same calls.
    enum Layer {
        Sum(Sum),
        Mean(Mean),
        Max(Max),
    }

    impl Layer {
        fn new(op: &str, axis: Option<isize>, keepdims: bool) -> Layer {
            match op {
                "sum" => Layer::Sum(Sum::new(axis, keepdims)),
                "mean" => Layer::Mean(Mean::new(axis, keepdims)),
                _ => Layer::Max(Max::new(axis, keepdims)),
            }
        }
        fn check(&self, x: &[usize]) -> Result<Vec<usize>, LayerError> {
            match self {
                Layer::Sum(l) => l.check(x),
                Layer::Mean(l) => l.check(x),
                Layer::Max(l) => l.check(x),
            }
        }
        fn forward(&mut self, x: &Floats) -> Floats {
            match self {
                Layer::Sum(l) => l.forward(x),
                Layer::Mean(l) => l.forward(x),
                Layer::Max(l) => l.forward(x),
            }
        }
        fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
            match self {
                Layer::Sum(l) => l.backward(dout),
                Layer::Mean(l) => l.backward(dout),
                Layer::Max(l) => l.backward(dout),
            }
        }
    }

    #[test]
    fn forward_and_backward_match_numpy() {
        for case in CASES {
            let x = arr(case.x.0, case.x.1);
            let mut layer = Layer::new(case.op, case.axis, case.keepdims);
            assert_eq!(
                layer.check(x.shape()),
                Ok(case.out.0.to_vec()),
                "{}",
                case.name
            );
            let out = layer.forward(&x);
            assert_close(case.name, &out.to_owned(), case.out.0, case.out.1);
            let dx = layer.backward(&arr(case.dout.0, case.dout.1).to_owned());
            assert_close(case.name, &dx, case.x.0, case.dx);
        }
    }

    #[test]
    fn backward_matches_central_difference() {
        for case in CASES {
            let x = arr(case.x.0, case.x.1);
            if case.op == "max" && case.name.contains("tie") {
                continue; // at a tie the maximum has no derivative to compare with
            }
            let dout = arr(case.dout.0, case.dout.1).to_owned();
            let mut layer = Layer::new(case.op, case.axis, case.keepdims);
            layer.forward(&x);
            let dx = layer.backward(&dout);
            let mut f = |x: &Floats| {
                let mut fresh = Layer::new(case.op, case.axis, case.keepdims);
                weighted_sum(&fresh.forward(x), &dout)
            };
            assert_gradient(case.name, &dx, &numerical_gradient(&mut f, &x));
        }
    }

    #[test]
    fn refuses_what_numpy_refuses() {
        for refusal in REFUSALS {
            let layer = Layer::new(refusal.op, refusal.axis, false);
            let error = layer.check(refusal.x).unwrap_err();
            assert_eq!(numpy::message(&error), refusal.numpy, "{}", refusal.op);
        }
    }

    #[test]
    fn accepted_axes_never_panic() {
        let shapes: [&[usize]; 7] = [&[], &[0], &[3], &[2, 0], &[0, 3], &[2, 3], &[2, 0, 4]];
        for shape in shapes {
            let x = ArrayD::<f64>::zeros(IxDyn(shape)).into_shared();
            for axis in [
                None,
                Some(-4),
                Some(-3),
                Some(-2),
                Some(-1),
                Some(0),
                Some(1),
                Some(2),
                Some(3),
            ] {
                for keepdims in [false, true] {
                    for op in ["sum", "mean", "max"] {
                        let mut layer = Layer::new(op, axis, keepdims);
                        let Ok(out_shape) = layer.check(shape) else {
                            continue;
                        };
                        let out = layer.forward(&x);
                        assert_eq!(out.shape(), out_shape, "{op} {axis:?} of {shape:?}");
                        let dx = layer.backward(&ArrayD::ones(out.raw_dim()));
                        assert_eq!(dx.shape(), shape);
                    }
                }
            }
        }
    }

    #[test]
    fn a_nan_takes_the_gradient_of_max() {
        let mut layer = Max::new(None, false);
        let out = layer.forward(&arr(&[3], &[1.0, f64::NAN, 3.0]));
        assert!(out.iter().all(|v| v.is_nan()));
        let dx = layer.backward(&arr(&[], &[1.0]).to_owned());
        assert_eq!(dx.as_slice(), Some(&[0.0, 1.0, 0.0][..]));
    }
}
