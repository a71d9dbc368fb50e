//! 인덱싱 (Index): `x[i]`, `x[i, j]`, `x[a:b]`, `x[:, j]` and `x_train[batch_mask]`, numpy's
//! basic and integer-array indexing. Forward gathers the selected elements; backward scatters
//! dout back into zeros of the input's shape, adding where an index repeats. `assign` is the
//! other direction, `x[i] = v`, with no gradient.

use super::error::LayerError;
use crate::engine::shape::checked_len;
use crate::engine::value::Floats;
use ndarray::{ArrayD, Axis, IxDyn};

/// The index for one axis, as written between the brackets. Axes past the last one written are
/// taken whole, as numpy does.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexSpec {
    /// `x[i]`: one position, negative counting from the end. The axis disappears.
    Int(isize),
    /// `x[start:end:step]`: numpy's slice. Bounds past either end are clipped, not refused;
    /// `None` is the default for the step's direction; a negative step walks backwards.
    Slice {
        start: Option<isize>,
        end: Option<isize>,
        step: Option<isize>,
    },
    /// `x[[2, 0, 2]]`: an integer array (1-D), positions in any order, repeats allowed, negative
    /// counting from the end. The caller turns whole floats into integers and refuses the rest.
    Array(Vec<isize>),
    /// `x[:]`: the whole axis.
    Full,
}

const FULL: IndexSpec = IndexSpec::Full;

/// How one input axis is read once the index has been checked.
#[derive(Debug, Clone, PartialEq)]
enum Take {
    /// One position; the axis is not in the output.
    At(usize),
    /// `positions[k]` is read for index `k` along output axis `out_axis`. Several input axes
    /// share one output axis when integer arrays are paired, as in `y[np.arange(n), t]`.
    Along {
        positions: Vec<usize>,
        out_axis: usize,
    },
}

/// A checked index: how each input axis is read, and the output's shape.
#[derive(Debug, Clone, Default, PartialEq)]
struct Plan {
    takes: Vec<Take>,
    shape: Vec<usize>,
    /// Every axis takes one position with a plain integer: `x[i, j]` of a 2-D `x`.
    element: bool,
}

/// What one written index became in the first pass, before integer arrays are checked.
enum Resolved<'a> {
    At(usize),
    Basic(Vec<usize>),
    Array(&'a [isize]),
}

impl Plan {
    /// numpy's rules, checked in numpy's order: too many indices; then, index by index, integer
    /// bounds and zero steps; then whether the integer arrays broadcast together; then their
    /// bounds.
    ///
    /// Where the paired arrays' axis goes in the output follows numpy too: where the first of
    /// them was, if the arrays and integers among the indices are all next to each other, and
    /// first otherwise. So for `x` of shape `(3, 4, 5)`, `x[:, [0, 1], 2]` has shape `(3, 2)`
    /// but `x[0, :, [0, 1]]` has shape `(2, 4)`.
    fn new(shape: &[usize], spec: &[IndexSpec]) -> Result<Plan, LayerError> {
        let ndim = shape.len();
        if spec.len() > ndim {
            return Err(LayerError::TooManyIndices {
                ndim,
                given: spec.len(),
            });
        }
        let mut resolved = Vec::with_capacity(ndim);
        for (axis, &size) in shape.iter().enumerate() {
            resolved.push(match spec.get(axis).unwrap_or(&FULL) {
                IndexSpec::Int(i) => Resolved::At(position(*i, axis, size)?),
                IndexSpec::Slice { step: Some(0), .. } => return Err(LayerError::ZeroStep),
                IndexSpec::Slice { start, end, step } => {
                    Resolved::Basic(slice_positions(*start, *end, *step, size))
                }
                IndexSpec::Full => Resolved::Basic((0..size).collect()),
                IndexSpec::Array(v) => Resolved::Array(v),
            });
        }
        let arrays: Vec<&[isize]> = resolved
            .iter()
            .filter_map(|r| match r {
                Resolved::Array(v) => Some(*v),
                _ => None,
            })
            .collect();
        let length = paired_length(&arrays)?;
        let advanced: Vec<usize> = (0..ndim)
            .filter(|&axis| match resolved[axis] {
                Resolved::At(_) => length.is_some(),
                Resolved::Array(_) => true,
                Resolved::Basic(_) => false,
            })
            .collect();
        let adjacent = advanced.windows(2).all(|w| w[1] == w[0] + 1);
        let advanced_out = match (length, advanced.first()) {
            (Some(_), Some(&first)) if adjacent => Some(
                resolved[..first]
                    .iter()
                    .filter(|r| matches!(r, Resolved::Basic(_)))
                    .count(),
            ),
            (Some(_), _) => Some(0),
            (None, _) => None,
        };
        let element = length.is_none() && resolved.iter().all(|r| matches!(r, Resolved::At(_)));

        let mut takes = Vec::with_capacity(ndim);
        let mut out_shape = Vec::with_capacity(ndim);
        for (axis, r) in resolved.into_iter().enumerate() {
            takes.push(match r {
                Resolved::At(i) => Take::At(i),
                Resolved::Basic(positions) => {
                    let mut out_axis = out_shape.len();
                    if advanced_out.is_some_and(|a| out_axis >= a) {
                        out_axis += 1;
                    }
                    out_shape.push(positions.len());
                    Take::Along {
                        positions,
                        out_axis,
                    }
                }
                Resolved::Array(v) => {
                    let mut positions = Vec::with_capacity(v.len());
                    for &i in v {
                        positions.push(position(i, axis, shape[axis])?);
                    }
                    if let (1, Some(n)) = (positions.len(), length) {
                        positions = vec![positions[0]; n];
                    }
                    Take::Along {
                        positions,
                        out_axis: advanced_out.unwrap_or(0),
                    }
                }
            });
        }
        if let (Some(a), Some(n)) = (advanced_out, length) {
            out_shape.insert(a, n);
        }
        if checked_len(&out_shape).is_none() {
            return Err(LayerError::TooLarge { shape: out_shape });
        }
        Ok(Plan {
            takes,
            shape: out_shape,
            element,
        })
    }

    /// Calls `f` with the flat offset, in a C-ordered input of `input_shape`, that each output
    /// element reads, in the output's C order. The offsets of the last output axis are worked out
    /// once; each row of it then costs one addition per element.
    fn for_each_offset(&self, input_shape: &[usize], mut f: impl FnMut(usize)) {
        self.for_each_row(input_shape, |row, inner| {
            for &o in inner {
                f(row + o);
            }
        });
    }

    /// `for_each_offset` a row of the last output axis at a time: `f(row, inner)` where the
    /// row's elements read `row + inner[k]`. A 0-d output is one row of one element.
    fn for_each_row(&self, input_shape: &[usize], mut f: impl FnMut(usize, &[usize])) {
        let ndim = input_shape.len();
        let mut strides = vec![1; ndim];
        for axis in (0..ndim.saturating_sub(1)).rev() {
            strides[axis] = strides[axis + 1] * input_shape[axis + 1];
        }
        let mut base = 0;
        for (take, stride) in self.takes.iter().zip(&strides) {
            if let Take::At(i) = take {
                base += i * stride;
            }
        }
        let out_ndim = self.shape.len();
        if out_ndim == 0 {
            f(base, &[0]);
            return;
        }
        if self.shape.contains(&0) {
            return;
        }
        // The offset one output axis contributes at each of its positions, summed over the input
        // axes that output axis reads (paired integer arrays share one).
        let along = |out: usize| -> Vec<usize> {
            let mut offsets = vec![0; self.shape[out]];
            for (take, stride) in self.takes.iter().zip(&strides) {
                if let Take::Along {
                    positions,
                    out_axis,
                } = take
                    && *out_axis == out
                {
                    for (o, p) in offsets.iter_mut().zip(positions) {
                        *o += p * stride;
                    }
                }
            }
            offsets
        };
        let per_axis: Vec<Vec<usize>> = (0..out_ndim).map(along).collect();
        let (inner, outer) = per_axis.split_last().expect("at least one output axis");
        let mut index = vec![0; outer.len()];
        loop {
            let row = base
                + outer
                    .iter()
                    .zip(&index)
                    .map(|(offsets, &i)| offsets[i])
                    .sum::<usize>();
            f(row, inner);
            // The next row, in C order; done when every outer axis has wrapped.
            let mut axis = outer.len();
            loop {
                if axis == 0 {
                    return;
                }
                axis -= 1;
                index[axis] += 1;
                if index[axis] < outer[axis].len() {
                    break;
                }
                index[axis] = 0;
            }
        }
    }
}

/// An integer index as a position along an axis of `size`, negative counting from the end.
fn position(index: isize, axis: usize, size: usize) -> Result<usize, LayerError> {
    let resolved = if index < 0 {
        index as i128 + size as i128
    } else {
        index as i128
    };
    if (0..size as i128).contains(&resolved) {
        Ok(resolved as usize)
    } else {
        Err(LayerError::IndexBounds { index, axis, size })
    }
}

/// The positions `start:end:step` picks from an axis of `size`, by Python's `slice.indices`.
/// `step` is not 0.
fn slice_positions(
    start: Option<isize>,
    end: Option<isize>,
    step: Option<isize>,
    size: usize,
) -> Vec<usize> {
    let step = step.unwrap_or(1) as i128;
    let n = size as i128;
    let (lower, upper) = if step > 0 { (0, n) } else { (-1, n - 1) };
    let clip = |bound: Option<isize>, default: i128| match bound {
        None => default,
        Some(b) if b < 0 => (b as i128 + n).max(lower),
        Some(b) => (b as i128).min(upper),
    };
    let (first, last) = if step > 0 {
        (clip(start, lower), clip(end, upper))
    } else {
        (clip(start, upper), clip(end, lower))
    };
    let count = if step > 0 && first < last {
        (last - first - 1) / step + 1
    } else if step < 0 && first > last {
        (first - last - 1) / -step + 1
    } else {
        0
    };
    (0..count).map(|k| (first + k * step) as usize).collect()
}

/// The common length of the integer-array indices, or `None` when there are none. Lengths
/// broadcast as numpy's 1-D shapes do: all equal, except that a length of 1 repeats.
fn paired_length(arrays: &[&[isize]]) -> Result<Option<usize>, LayerError> {
    let mut length = None;
    for v in arrays {
        length = match (length, v.len()) {
            (None | Some(1), n) => Some(n),
            (Some(l), n) if n == l || n == 1 => Some(l),
            _ => {
                return Err(LayerError::IndexArrays {
                    shapes: arrays.iter().map(|v| vec![v.len()]).collect(),
                });
            }
        };
    }
    Ok(length)
}

/// The shape `x[spec]` gives for an `x` of `shape`, or why numpy refuses: `TooManyIndices`,
/// `IndexBounds` (an integer, or an entry of an integer array, outside its axis), `ZeroStep`,
/// `IndexArrays` (integer arrays whose lengths do not pair up), `TooLarge` (a selection past the
/// element cap, possible when an array repeats positions).
pub fn check_index(shape: &[usize], spec: &[IndexSpec]) -> Result<Vec<usize>, LayerError> {
    Plan::new(shape, spec).map(|plan| plan.shape)
}

/// ```python
/// class Index:
///     def __init__(self, where):
///         self.where = where                      # anything numpy takes inside x[...]
///
///     def forward(self, x):
///         self.input_shape = x.shape              # the gradient's shape
///         return x[self.where]
///
///     def backward(self, upstream):
///         grad = np.zeros(self.input_shape)
///         np.add.at(grad, self.where, upstream)   # a repeated position adds up; `+=` keeps one
///         return grad
/// ```
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub spec: Vec<IndexSpec>,
    /// The input's shape, which the gradient takes.
    pub input_shape: Vec<usize>,
    plan: Plan,
    /// Whether `plan` was made for `input_shape` (by `checked`), so that `forward` on an input
    /// of that shape need not make it again.
    planned: bool,
}

impl Index {
    pub fn new(spec: Vec<IndexSpec>) -> Index {
        Index {
            spec,
            ..Index::default()
        }
    }

    /// The layer for `spec` on an input of `shape`, and the shape it gives, or numpy's refusal
    /// (as `check_index`). The check's plan is kept for `forward`, so that an index, such as a
    /// batch of a thousand positions, is worked out once.
    pub fn checked(
        spec: Vec<IndexSpec>,
        shape: &[usize],
    ) -> Result<(Index, Vec<usize>), LayerError> {
        let plan = Plan::new(shape, &spec)?;
        let out = plan.shape.clone();
        let layer = Index {
            spec,
            input_shape: shape.to_vec(),
            plan,
            planned: true,
        };
        Ok((layer, out))
    }

    /// Copies the selected elements into a new array (numpy returns a view for basic indexing;
    /// the values are the same).
    ///
    /// # Panics
    /// When `check_index` refuses the index for `x`'s shape.
    pub fn forward(&mut self, x: &Floats) -> Floats {
        if !(self.planned && self.input_shape == x.shape()) {
            self.input_shape = x.shape().to_vec();
            self.plan = match Plan::new(x.shape(), &self.spec) {
                Ok(plan) => plan,
                Err(error) => panic!("Index::forward needs check_index to pass first: {error:?}"),
            };
            self.planned = true;
        }
        let x = x.as_standard_layout();
        let flat = x.as_slice().expect("a standard-layout array is one slice");
        let mut values = Vec::with_capacity(self.plan.shape.iter().product());
        // Whole rows picked by one integer array, `x_train[batch]`: each row one copy, without
        // the general walk's tables.
        if let ([IndexSpec::Array(_)], [_, width], [Take::Along { positions, .. }, _]) = (
            self.spec.as_slice(),
            self.input_shape.as_slice(),
            self.plan.takes.as_slice(),
        ) {
            for &row in positions {
                values.extend_from_slice(&flat[row * width..(row + 1) * width]);
            }
            return ArrayD::from_shape_vec(IxDyn(&self.plan.shape), values)
                .expect("the plan's shape counts the rows")
                .into_shared();
        }
        // Every row has the same inner offsets, so whether they are consecutive is asked once.
        let mut consecutive = None;
        self.plan.for_each_row(&self.input_shape, |row, inner| {
            let consecutive = *consecutive
                .get_or_insert_with(|| inner.iter().enumerate().all(|(k, &o)| o == inner[0] + k));
            // Whole rows, as `x_train[batch]` reads, are copied as slices.
            if consecutive {
                let start = row + inner[0];
                values.extend_from_slice(&flat[start..start + inner.len()]);
            } else {
                values.extend(inner.iter().map(|&o| flat[row + o]));
            }
        });
        ArrayD::from_shape_vec(IxDyn(&self.plan.shape), values)
            .expect("the plan's shape counts the offsets it gave")
            .into_shared()
    }

    /// `dout` has the shape `forward` returned. Each element of `dout` is added to the input
    /// position it was read from, so a position selected twice gets both gradients.
    pub fn backward(&self, dout: &ArrayD<f64>) -> ArrayD<f64> {
        let mut dx = vec![0.0; self.input_shape.iter().product()];
        // `iter` walks `dout` in its logical (C) order, whatever its memory layout.
        let mut upstream = dout.iter();
        self.plan.for_each_offset(&self.input_shape, |offset| {
            if let Some(g) = upstream.next() {
                dx[offset] += g;
            }
        });
        ArrayD::from_shape_vec(IxDyn(&self.input_shape), dx)
            .expect("the input's shape counts its elements")
    }
}

/// Whether `x[spec] = value` is allowed for an `x` of `shape`: the index's own refusals (as
/// `check_index`), then `AssignElement` when the index picks one element with plain integers
/// and `value` is not 0-d, and `AssignShape` when `value` does not broadcast into the
/// selection. Returns the selection's shape.
pub fn check_assign(
    shape: &[usize],
    spec: &[IndexSpec],
    value: &[usize],
) -> Result<Vec<usize>, LayerError> {
    let plan = Plan::new(shape, spec)?;
    if plan.element && !value.is_empty() {
        return Err(LayerError::AssignElement {
            value: value.to_vec(),
        });
    }
    let mut trimmed = value;
    while trimmed.len() > plan.shape.len() && trimmed[0] == 1 {
        trimmed = &trimmed[1..];
    }
    let fits = trimmed.len() <= plan.shape.len()
        && trimmed
            .iter()
            .rev()
            .zip(plan.shape.iter().rev())
            .all(|(&v, &s)| v == s || v == 1);
    if fits {
        Ok(plan.shape)
    } else {
        Err(LayerError::AssignShape {
            value: value.to_vec(),
            selection: plan.shape,
        })
    }
}

/// `x[spec] = value` on a copy of `x`, which is returned; `x` itself is not changed. `value` is
/// broadcast into the selection as numpy broadcasts it (leading axes of length 1 may be extra).
/// Where an integer array repeats a position, the last write wins, as in numpy.
///
/// # Panics
/// When `check_assign` refuses the index or the value's shape.
pub fn assign(x: &Floats, spec: &[IndexSpec], value: &Floats) -> ArrayD<f64> {
    let mut out = x.as_standard_layout().into_owned();
    let flat = out
        .as_slice_mut()
        .expect("a standard-layout array is one slice");
    assign_into(flat, x.shape(), spec, value);
    out
}

/// `assign` into the row-major elements `flat` of an array of `shape`, in place: what an
/// element write such as `losses[i] = loss` costs when nothing else holds the array, one
/// element and not a copy of all of them.
///
/// # Panics
/// When `check_assign` refuses the index or the value's shape, or `flat` is not `shape`'s.
pub fn assign_into(flat: &mut [f64], shape: &[usize], spec: &[IndexSpec], value: &Floats) {
    let plan = match Plan::new(shape, spec) {
        Ok(plan) => plan,
        Err(error) => panic!("assign needs check_assign to pass first: {error:?}"),
    };
    let mut value = value.view();
    while value.ndim() > plan.shape.len() {
        value = value.index_axis_move(Axis(0), 0);
    }
    let Some(value) = value.broadcast(IxDyn(&plan.shape)) else {
        panic!("assign needs check_assign to pass first: the value does not broadcast");
    };
    let mut values = value.iter();
    plan.for_each_offset(shape, |offset| {
        if let Some(&v) = values.next() {
            flat[offset] = v;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::IndexSpec::{Array, Full, Int};
    use super::*;
    use crate::engine::layers::common::testing::*;

    #[test]
    fn rows_by_an_integer_array_match_the_general_walk() {
        // `x[batch]` takes the whole-row path; `x[batch, :]` the general one.
        let x = arr(&[4, 3], &(0..12).map(f64::from).collect::<Vec<_>>());
        let batch = vec![2, -1, 0, 2];
        let (mut rows, shape) = Index::checked(vec![IndexSpec::Array(batch.clone())], x.shape())
            .expect("a valid index");
        let general = vec![IndexSpec::Array(batch), IndexSpec::Full];
        let (mut walk, _) = Index::checked(general, x.shape()).expect("a valid index");
        assert_eq!(shape, [4, 3]);
        let (fast, slow) = (rows.forward(&x), walk.forward(&x));
        assert_eq!(fast, slow);
        assert_eq!(
            fast.index_axis(ndarray::Axis(0), 1)
                .iter()
                .copied()
                .collect::<Vec<_>>(),
            [9.0, 10.0, 11.0],
            "-1 is the last row"
        );
        // The gradient scatters back the same way, a repeated row getting both.
        let dout = ArrayD::from_elem(IxDyn(&[4, 3]), 1.0);
        assert_eq!(rows.backward(&dout), walk.backward(&dout));
        assert_eq!(rows.backward(&dout)[[2, 0]], 2.0);
    }
    use crate::engine::layers::error::numpy;

    type Arr = (&'static [usize], &'static [f64]);

    fn s(start: Option<isize>, end: Option<isize>, step: Option<isize>) -> IndexSpec {
        IndexSpec::Slice { start, end, step }
    }

    struct Case {
        name: &'static str,
        x: Arr,
        spec: fn() -> Vec<IndexSpec>,
        dout: &'static [f64],
        out: Arr,
        dx: &'static [f64],
    }

    struct AssignCase {
        name: &'static str,
        x: Arr,
        spec: fn() -> Vec<IndexSpec>,
        value: Arr,
        out: &'static [f64],
    }

    struct Refusal {
        x: &'static [usize],
        spec: fn() -> Vec<IndexSpec>,
        value: Option<&'static [usize]>,
        numpy: &'static str,
    }

    // BEGIN CASES (written by layer_cases.py from numpy; do not edit)
    const CASES: &[Case] = &[
        Case {
            name: "x[i]",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Int(1)],
            dout: &[-0.78, 1.59, -0.45, 1.73],
            out: (&[4], &[-1.99, 1.07, -0.93, 0.51]),
            dx: &[
                0.0, 0.0, 0.0, 0.0, -0.78, 1.59, -0.45, 1.73, 0.0, 0.0, 0.0, 0.0,
            ],
        },
        Case {
            name: "x[-1]",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Int(-1)],
            dout: &[-1.4, -1.98, 1.53, 1.7],
            out: (&[4], &[-0.4, -1.44, -0.45, 0.87]),
            dx: &[
                0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.4, -1.98, 1.53, 1.7,
            ],
        },
        Case {
            name: "x[i, j]",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Int(1), Int(2)],
            dout: &[0.52],
            out: (&[], &[-0.93]),
            dx: &[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.52, 0.0, 0.0, 0.0, 0.0, 0.0],
        },
        Case {
            name: "x[-1, -2]",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Int(-1), Int(-2)],
            dout: &[-0.47],
            out: (&[], &[-0.45]),
            dx: &[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.47, 0.0],
        },
        Case {
            name: "x[1:3]",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![s(Some(1), Some(3), None)],
            dout: &[-0.89, 0.91, 1.42, -0.73, -0.57, 0.55, -1.64, 1.54],
            out: (
                &[2, 4],
                &[-1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87],
            ),
            dx: &[
                0.0, 0.0, 0.0, 0.0, -0.89, 0.91, 1.42, -0.73, -0.57, 0.55, -1.64, 1.54,
            ],
        },
        Case {
            name: "x[:, j]",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Full, Int(2)],
            dout: &[-0.72, -1.07, -1.04],
            out: (&[3], &[1.66, -0.93, -0.45]),
            dx: &[
                0.0, 0.0, -0.72, 0.0, 0.0, 0.0, -1.07, 0.0, 0.0, 0.0, -1.04, 0.0,
            ],
        },
        Case {
            name: "x[0:2, -1]",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![s(Some(0), Some(2), None), Int(-1)],
            dout: &[-1.58, 0.67],
            out: (&[2], &[0.39, 0.51]),
            dx: &[
                0.0, 0.0, 0.0, -1.58, 0.0, 0.0, 0.0, 0.67, 0.0, 0.0, 0.0, 0.0,
            ],
        },
        Case {
            name: "x[::-1]",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![s(None, None, Some(-1))],
            dout: &[
                0.11, -1.96, -1.0, -0.61, -1.91, 1.93, -1.39, 0.63, 0.8, -0.77, -0.76, -0.26,
            ],
            out: (
                &[3, 4],
                &[
                    -0.4, -1.44, -0.45, 0.87, -1.99, 1.07, -0.93, 0.51, 1.01, 0.99, 1.66, 0.39,
                ],
            ),
            dx: &[
                0.8, -0.77, -0.76, -0.26, -1.91, 1.93, -1.39, 0.63, 0.11, -1.96, -1.0, -0.61,
            ],
        },
        Case {
            name: "x[::2, 1:]",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![s(None, None, Some(2)), s(Some(1), None, None)],
            dout: &[0.76, 1.1, 1.81, -0.94, 1.52, -1.75],
            out: (&[2, 3], &[0.99, 1.66, 0.39, -1.44, -0.45, 0.87]),
            dx: &[
                0.0, 0.76, 1.1, 1.81, 0.0, 0.0, 0.0, 0.0, 0.0, -0.94, 1.52, -1.75,
            ],
        },
        Case {
            name: "x[-10:10] clipped",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![s(Some(-10), Some(10), None)],
            dout: &[
                1.05, -0.7, 1.81, -0.22, -0.03, -1.63, 0.93, 0.35, -1.44, 1.87, 0.52, -1.94,
            ],
            out: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            dx: &[
                1.05, -0.7, 1.81, -0.22, -0.03, -1.63, 0.93, 0.35, -1.44, 1.87, 0.52, -1.94,
            ],
        },
        Case {
            name: "x[3:1] empty",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![s(Some(3), Some(1), None)],
            dout: &[],
            out: (&[0, 4], &[]),
            dx: &[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        },
        Case {
            name: "x[i] of 1-D is 0-d",
            x: (&[5], &[0.88, -1.6, -0.8, 1.75, 0.26]),
            spec: || vec![Int(2)],
            dout: &[-0.45],
            out: (&[], &[-0.8]),
            dx: &[0.0, 0.0, -0.45, 0.0, 0.0],
        },
        Case {
            name: "x[-1:-10:-2]",
            x: (&[5], &[0.88, -1.6, -0.8, 1.75, 0.26]),
            spec: || vec![s(Some(-1), Some(-10), Some(-2))],
            dout: &[0.75, -1.66, 1.65],
            out: (&[3], &[0.26, -0.8, 0.88]),
            dx: &[1.65, 0.0, -1.66, 0.0, 0.75],
        },
        Case {
            name: "x[[4, 4, 0]] repeats",
            x: (&[5], &[0.88, -1.6, -0.8, 1.75, 0.26]),
            spec: || vec![Array(vec![4, 4, 0])],
            dout: &[1.44, 0.46, -1.61],
            out: (&[3], &[0.26, 0.26, 0.88]),
            dx: &[-1.61, 0.0, 0.0, 0.0, 1.9],
        },
        Case {
            name: "x_train[batch_mask]",
            x: (
                &[5, 3],
                &[
                    1.49, 0.64, -0.95, 1.11, 0.08, -0.37, 0.65, 1.51, 0.13, -1.48, 1.02, -0.62,
                    1.25, 1.9, -1.34,
                ],
            ),
            spec: || vec![Array(vec![3, 0, 3, 4])],
            dout: &[
                -2.0, 0.39, -1.67, 0.83, 1.82, 0.65, -0.75, 0.78, 0.27, -0.26, 0.55, -1.89,
            ],
            out: (
                &[4, 3],
                &[
                    -1.48, 1.02, -0.62, 1.49, 0.64, -0.95, -1.48, 1.02, -0.62, 1.25, 1.9, -1.34,
                ],
            ),
            dx: &[
                0.83, 1.82, 0.65, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -2.75, 1.17, -1.4, -0.26, 0.55,
                -1.89,
            ],
        },
        Case {
            name: "x[[2, 0, 2]] rows",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Array(vec![2, 0, 2])],
            dout: &[
                0.89, 0.35, -1.39, 0.56, 1.89, -0.32, 0.93, 0.77, -1.81, -1.78, -0.36, 0.02,
            ],
            out: (
                &[3, 4],
                &[
                    -0.4, -1.44, -0.45, 0.87, 1.01, 0.99, 1.66, 0.39, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            dx: &[
                1.89,
                -0.32,
                0.93,
                0.77,
                0.0,
                0.0,
                0.0,
                0.0,
                -0.92,
                -1.4300000000000002,
                -1.75,
                0.5800000000000001,
            ],
        },
        Case {
            name: "x[[]]",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Array(vec![])],
            dout: &[],
            out: (&[0, 4], &[]),
            dx: &[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        },
        Case {
            name: "x[:, [1, 1, 3]]",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Full, Array(vec![1, 1, 3])],
            dout: &[-1.83, 0.89, -1.26, 0.16, 1.64, -1.11, 0.99, 0.35, 1.47],
            out: (
                &[3, 3],
                &[0.99, 0.99, 0.39, 1.07, 1.07, 0.51, -1.44, -1.44, 0.87],
            ),
            dx: &[
                0.0,
                -0.9400000000000001,
                0.0,
                -1.26,
                0.0,
                1.7999999999999998,
                0.0,
                -1.11,
                0.0,
                1.3399999999999999,
                0.0,
                1.47,
            ],
        },
        Case {
            name: "y[arange, t] pairs",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Array(vec![0, 1, 2]), Array(vec![3, 0, 3])],
            dout: &[1.55, 0.11, -1.77],
            out: (&[3], &[0.39, -1.99, 0.87]),
            dx: &[
                0.0, 0.0, 0.0, 1.55, 0.11, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.77,
            ],
        },
        Case {
            name: "pairs with negatives",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Array(vec![0, -1]), Array(vec![1, 1])],
            dout: &[1.26, 0.19],
            out: (&[2], &[0.99, -1.44]),
            dx: &[0.0, 1.26, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.19, 0.0, 0.0],
        },
        Case {
            name: "a length-1 array broadcasts",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Array(vec![0, 1, 2]), Array(vec![3])],
            dout: &[0.09, -0.51, -1.8],
            out: (&[3], &[0.39, 0.51, 0.87]),
            dx: &[
                0.0, 0.0, 0.0, 0.09, 0.0, 0.0, 0.0, -0.51, 0.0, 0.0, 0.0, -1.8,
            ],
        },
        Case {
            name: "array then int",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Array(vec![2, 0]), Int(1)],
            dout: &[1.12, 1.52],
            out: (&[2], &[-1.44, 0.99]),
            dx: &[0.0, 1.52, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.12, 0.0, 0.0],
        },
        Case {
            name: "x[0, :, [0, 1]] goes first",
            x: (
                &[2, 3, 4],
                &[
                    0.67, -1.12, 0.71, -0.75, 0.94, -0.78, -1.96, -0.26, -1.92, 0.76, -0.95, 0.85,
                    1.56, 1.04, -1.09, 1.28, -0.34, -0.27, 1.26, -1.89, 1.21, -1.67, 0.14, -0.3,
                ],
            ),
            spec: || vec![Int(0), Full, Array(vec![0, 1])],
            dout: &[-0.18, 0.64, -1.35, 0.77, 1.04, -1.03],
            out: (&[2, 3], &[0.67, 0.94, -1.92, -1.12, -0.78, 0.76]),
            dx: &[
                -0.18, 0.77, 0.0, 0.0, 0.64, 1.04, 0.0, 0.0, -1.35, -1.03, 0.0, 0.0, 0.0, 0.0, 0.0,
                0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            ],
        },
        Case {
            name: "x[:, [0, 2], 1] stays in place",
            x: (
                &[2, 3, 4],
                &[
                    0.67, -1.12, 0.71, -0.75, 0.94, -0.78, -1.96, -0.26, -1.92, 0.76, -0.95, 0.85,
                    1.56, 1.04, -1.09, 1.28, -0.34, -0.27, 1.26, -1.89, 1.21, -1.67, 0.14, -0.3,
                ],
            ),
            spec: || vec![Full, Array(vec![0, 2]), Int(1)],
            dout: &[-1.92, -0.53, -0.52, -0.37],
            out: (&[2, 2], &[-1.12, 0.76, 1.04, -1.67]),
            dx: &[
                0.0, -1.92, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.53, 0.0, 0.0, 0.0, -0.52, 0.0,
                0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.37, 0.0, 0.0,
            ],
        },
        Case {
            name: "x[[1, 0], :, 3] goes first",
            x: (
                &[2, 3, 4],
                &[
                    0.67, -1.12, 0.71, -0.75, 0.94, -0.78, -1.96, -0.26, -1.92, 0.76, -0.95, 0.85,
                    1.56, 1.04, -1.09, 1.28, -0.34, -0.27, 1.26, -1.89, 1.21, -1.67, 0.14, -0.3,
                ],
            ),
            spec: || vec![Array(vec![1, 0]), Full, Int(3)],
            dout: &[-1.03, -1.92, -1.22, 2.0, 1.39, -0.5],
            out: (&[2, 3], &[1.28, -1.89, -0.3, -0.75, -0.26, 0.85]),
            dx: &[
                0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 1.39, 0.0, 0.0, 0.0, -0.5, 0.0, 0.0, 0.0, -1.03,
                0.0, 0.0, 0.0, -1.92, 0.0, 0.0, 0.0, -1.22,
            ],
        },
        Case {
            name: "x[1, 1:3] of 3-D",
            x: (
                &[2, 3, 4],
                &[
                    0.67, -1.12, 0.71, -0.75, 0.94, -0.78, -1.96, -0.26, -1.92, 0.76, -0.95, 0.85,
                    1.56, 1.04, -1.09, 1.28, -0.34, -0.27, 1.26, -1.89, 1.21, -1.67, 0.14, -0.3,
                ],
            ),
            spec: || vec![Int(1), s(Some(1), Some(3), None)],
            dout: &[1.81, -0.03, -0.25, -1.06, -0.39, 0.76, 0.38, 1.29],
            out: (
                &[2, 4],
                &[-0.34, -0.27, 1.26, -1.89, 1.21, -1.67, 0.14, -0.3],
            ),
            dx: &[
                0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                1.81, -0.03, -0.25, -1.06, -0.39, 0.76, 0.38, 1.29,
            ],
        },
        Case {
            name: "x[()] of 0-d",
            x: (&[], &[4.25]),
            spec: || vec![],
            dout: &[1.32],
            out: (&[], &[4.25]),
            dx: &[1.32],
        },
    ];
    const ASSIGNS: &[AssignCase] = &[
        AssignCase {
            name: "losses[i] = v",
            x: (&[5], &[0.0, 0.0, 0.0, 0.0, 0.0]),
            spec: || vec![Int(2)],
            value: (&[], &[0.75]),
            out: &[0.0, 0.0, 0.75, 0.0, 0.0],
        },
        AssignCase {
            name: "x[-1] = row",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Int(-1)],
            value: (&[4], &[0.69, -1.6, -1.38, 1.96]),
            out: &[
                1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, 0.69, -1.6, -1.38, 1.96,
            ],
        },
        AssignCase {
            name: "x[1] = (1, 4) row",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Int(1)],
            value: (&[1, 4], &[0.63, 1.79, 0.73, 0.04]),
            out: &[
                1.01, 0.99, 1.66, 0.39, 0.63, 1.79, 0.73, 0.04, -0.4, -1.44, -0.45, 0.87,
            ],
        },
        AssignCase {
            name: "x[:, 0] = scalar",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Full, Int(0)],
            value: (&[], &[9.0]),
            out: &[
                9.0, 0.99, 1.66, 0.39, 9.0, 1.07, -0.93, 0.51, 9.0, -1.44, -0.45, 0.87,
            ],
        },
        AssignCase {
            name: "x[0:2] = column",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![s(Some(0), Some(2), None)],
            value: (&[2, 1], &[1.51, -1.94]),
            out: &[
                1.51, 1.51, 1.51, 1.51, -1.94, -1.94, -1.94, -1.94, -0.4, -1.44, -0.45, 0.87,
            ],
        },
        AssignCase {
            name: "x[[0, 0, 2]] = rows, last wins",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Array(vec![0, 0, 2])],
            value: (
                &[3, 4],
                &[
                    0.54, 1.85, -1.42, -1.46, 1.57, 1.41, 0.23, 0.12, 1.13, -1.12, -1.98, 1.11,
                ],
            ),
            out: &[
                1.57, 1.41, 0.23, 0.12, -1.99, 1.07, -0.93, 0.51, 1.13, -1.12, -1.98, 1.11,
            ],
        },
        AssignCase {
            name: "x[[0], [1]] = (1,)",
            x: (
                &[3, 4],
                &[
                    1.01, 0.99, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
                ],
            ),
            spec: || vec![Array(vec![0]), Array(vec![1])],
            value: (&[1], &[5.0]),
            out: &[
                1.01, 5.0, 1.66, 0.39, -1.99, 1.07, -0.93, 0.51, -0.4, -1.44, -0.45, 0.87,
            ],
        },
        AssignCase {
            name: "x[()] = v of 0-d",
            x: (&[], &[1.0]),
            spec: || vec![],
            value: (&[], &[2.0]),
            out: &[2.0],
        },
        AssignCase {
            name: "x[()] = row of 1-D",
            x: (&[5], &[0.88, -1.6, -0.8, 1.75, 0.26]),
            spec: || vec![],
            value: (&[5], &[-1.74, 1.26, 0.21, -0.23, -0.94]),
            out: &[-1.74, 1.26, 0.21, -0.23, -0.94],
        },
    ];
    const REFUSALS: &[Refusal] = &[
        Refusal {
            x: &[3, 4],
            spec: || vec![Int(5)],
            value: None,
            numpy: "index 5 is out of bounds for axis 0 with size 3",
        },
        Refusal {
            x: &[3, 4],
            spec: || vec![Int(-4)],
            value: None,
            numpy: "index -4 is out of bounds for axis 0 with size 3",
        },
        Refusal {
            x: &[3, 4],
            spec: || vec![Full, Int(4)],
            value: None,
            numpy: "index 4 is out of bounds for axis 1 with size 4",
        },
        Refusal {
            x: &[3, 4],
            spec: || vec![Int(0), Int(0), Int(0)],
            value: None,
            numpy: "too many indices for array: array is 2-dimensional, but 3 were indexed",
        },
        Refusal {
            x: &[],
            spec: || vec![Int(0)],
            value: None,
            numpy: "too many indices for array: array is 0-dimensional, but 1 were indexed",
        },
        Refusal {
            x: &[3, 4],
            spec: || vec![s(None, None, Some(0))],
            value: None,
            numpy: "slice step cannot be zero",
        },
        Refusal {
            x: &[3, 4],
            spec: || vec![Int(9), s(None, None, Some(0))],
            value: None,
            numpy: "index 9 is out of bounds for axis 0 with size 3",
        },
        Refusal {
            x: &[3, 4],
            spec: || vec![Array(vec![0, 9]), s(None, None, Some(0))],
            value: None,
            numpy: "slice step cannot be zero",
        },
        Refusal {
            x: &[3, 4],
            spec: || vec![Array(vec![0, 1]), Array(vec![0, 1, 2])],
            value: None,
            numpy: "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) ",
        },
        Refusal {
            x: &[3, 4],
            spec: || vec![Array(vec![0, 9, 2]), Array(vec![0, 1])],
            value: None,
            numpy: "shape mismatch: indexing arrays could not be broadcast together with shapes (3,) (2,) ",
        },
        Refusal {
            x: &[3, 4],
            spec: || vec![Array(vec![0, 5]), Array(vec![0, 9])],
            value: None,
            numpy: "index 5 is out of bounds for axis 0 with size 3",
        },
        Refusal {
            x: &[3, 4],
            spec: || vec![Array(vec![0, 1]), Array(vec![0, 9])],
            value: None,
            numpy: "index 9 is out of bounds for axis 1 with size 4",
        },
        Refusal {
            x: &[3, 4],
            spec: || vec![Array(vec![0, 9]), Int(9)],
            value: None,
            numpy: "index 9 is out of bounds for axis 1 with size 4",
        },
        Refusal {
            x: &[3, 4],
            spec: || vec![Array(vec![]), Array(vec![1, 2])],
            value: None,
            numpy: "shape mismatch: indexing arrays could not be broadcast together with shapes (0,) (2,) ",
        },
        Refusal {
            x: &[2, 3, 4],
            spec: || vec![Array(vec![0, 1]), Int(1), Array(vec![0, 1, 2])],
            value: None,
            numpy: "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) ",
        },
        Refusal {
            x: &[3],
            spec: || vec![s(Some(0), Some(2), None)],
            value: Some(&[3]),
            numpy: "could not broadcast input array from shape (3,) into shape (2,)",
        },
        Refusal {
            x: &[3],
            spec: || vec![s(Some(0), Some(2), None)],
            value: Some(&[2, 2]),
            numpy: "could not broadcast input array from shape (2,2) into shape (2,)",
        },
        Refusal {
            x: &[3],
            spec: || vec![Int(1)],
            value: Some(&[1]),
            numpy: "setting an array element with a sequence.",
        },
        Refusal {
            x: &[2, 3],
            spec: || vec![Int(0), Int(1)],
            value: Some(&[1, 1]),
            numpy: "setting an array element with a sequence.",
        },
        Refusal {
            x: &[],
            spec: || vec![],
            value: Some(&[1]),
            numpy: "setting an array element with a sequence.",
        },
        Refusal {
            x: &[2, 3],
            spec: || vec![Int(0)],
            value: Some(&[2, 1]),
            numpy: "could not broadcast input array from shape (2,1) into shape (3,)",
        },
        Refusal {
            x: &[2, 3],
            spec: || vec![Int(0), s(Some(0), Some(1), None)],
            value: Some(&[2, 1]),
            numpy: "could not broadcast input array from shape (2,1) into shape (1,)",
        },
    ];
    // END CASES

    #[test]
    fn forward_and_backward_match_numpy() {
        for case in CASES {
            let x = arr(case.x.0, case.x.1);
            let spec = (case.spec)();
            assert_eq!(
                check_index(x.shape(), &spec),
                Ok(case.out.0.to_vec()),
                "{}",
                case.name
            );
            let mut layer = Index::new(spec);
            let out = layer.forward(&x);
            assert_close(case.name, &out.to_owned(), case.out.0, case.out.1);
            let dx = layer.backward(&arr(case.out.0, case.dout).to_owned());
            assert_close(case.name, &dx, case.x.0, case.dx);
        }
    }

    #[test]
    fn backward_matches_central_difference() {
        for case in CASES {
            let x = arr(case.x.0, case.x.1);
            let dout = arr(case.out.0, case.dout).to_owned();
            let mut layer = Index::new((case.spec)());
            layer.forward(&x);
            let dx = layer.backward(&dout);
            let mut f = |x: &Floats| weighted_sum(&Index::new((case.spec)()).forward(x), &dout);
            assert_gradient(case.name, &dx, &numerical_gradient(&mut f, &x));
        }
    }

    #[test]
    fn assignment_matches_numpy() {
        for case in ASSIGNS {
            let (x, value) = (arr(case.x.0, case.x.1), arr(case.value.0, case.value.1));
            let spec = (case.spec)();
            assert!(
                check_assign(x.shape(), &spec, value.shape()).is_ok(),
                "{}",
                case.name
            );
            let out = assign(&x, &spec, &value);
            assert_close(case.name, &out, case.x.0, case.out);
        }
    }

    #[test]
    fn refuses_what_numpy_refuses() {
        for refusal in REFUSALS {
            let spec = (refusal.spec)();
            let error = match refusal.value {
                None => check_index(refusal.x, &spec).unwrap_err(),
                Some(value) => check_assign(refusal.x, &spec, value).unwrap_err(),
            };
            assert_eq!(numpy::message(&error), refusal.numpy);
        }
    }

    /// A small deterministic generator, so the sweep below is the same on every run.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
        fn small(&mut self) -> isize {
            self.below(13) as isize - 6
        }
        fn maybe(&mut self) -> Option<isize> {
            if self.below(3) == 0 {
                None
            } else {
                Some(self.small())
            }
        }
    }

    #[test]
    fn accepted_indices_never_panic_and_round_trip() {
        let shapes: [&[usize]; 7] = [&[], &[0], &[3], &[2, 0], &[0, 3], &[3, 4], &[2, 3, 4]];
        let mut rng = Lcg(7);
        let mut accepted = 0;
        for _ in 0..20_000 {
            let shape = shapes[rng.below(7) as usize];
            let spec: Vec<IndexSpec> = (0..rng.below(4))
                .map(|_| match rng.below(4) {
                    0 => Int(rng.small()),
                    1 => s(rng.maybe(), rng.maybe(), rng.maybe()),
                    2 => Array((0..rng.below(4)).map(|_| rng.small()).collect()),
                    _ => Full,
                })
                .collect();
            let Ok(out_shape) = check_index(shape, &spec) else {
                continue;
            };
            accepted += 1;
            let len = shape.iter().product();
            let x = ArrayD::from_shape_vec(IxDyn(shape), (0..len).map(|v| v as f64).collect())
                .unwrap()
                .into_shared();
            let mut layer = Index::new(spec.clone());
            let out = layer.forward(&x);
            assert_eq!(out.shape(), out_shape, "{spec:?}");
            let dx = layer.backward(&ArrayD::ones(out.raw_dim()));
            assert_eq!(dx.shape(), shape);
            assert_eq!(dx.sum(), out.len() as f64);
            // Writing back what was read changes nothing, repeats included.
            assert!(check_assign(shape, &spec, out.shape()).is_ok(), "{spec:?}");
            assert_eq!(assign(&x, &spec, &out), x.to_owned(), "{spec:?}");
        }
        assert!(accepted > 5_000, "only {accepted} accepted");
    }

    #[test]
    fn refuses_huge_selections() {
        let spec = vec![Array(vec![0; 20_000]), Full];
        assert!(matches!(
            check_index(&[1, 10_000], &spec),
            Err(LayerError::TooLarge { .. })
        ));
    }
}
