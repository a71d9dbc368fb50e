//! 형상 검사 오류 (LayerError): why a layer's check function refuses operands before `forward`.
//!
//! ndarray panics where numpy raises an error, so each layer with a way to fail has a check
//! function that the caller runs first, and `forward` and `backward` say which one. A refusal
//! carries the numbers numpy puts in its message and no text: `LayerError::message` words it
//! from the message catalogue (`src/i18n/*/layers.ftl`) in the language of the moment. The test at the bottom of this file rebuilds numpy's English from each
//! variant and compares it with what numpy printed, to show the numbers suffice.

use crate::engine::shape::describe;

/// One reason a check refuses. Shapes are listed as ndarray gives them, outermost axis first.
#[derive(Debug, Clone, PartialEq)]
pub enum LayerError {
    /// An operand's rank is not one the layer takes, as a 3-D operand of `dot`. `operand` counts
    /// from 0 in the order `forward` takes its arguments; `ranks` lists the ranks it accepts.
    Rank {
        operand: usize,
        shape: Vec<usize>,
        ranks: &'static [usize],
    },
    /// The inner sizes of a matrix product differ. numpy: `shapes (2,3) and (2,3) not aligned:
    /// 3 (dim 1) != 2 (dim 0)`, where the dims are `a_axis` and `b_axis`.
    NotAligned {
        a: Vec<usize>,
        b: Vec<usize>,
        a_axis: usize,
        b_axis: usize,
    },
    /// Two shapes that numpy will not broadcast together. numpy: `operands could not be
    /// broadcast together with shapes (2,4) (3,) `.
    Broadcast { a: Vec<usize>, b: Vec<usize> },
    /// Affine's bias `b` is not a 1-D array with one entry per column of `W`. numpy would also
    /// broadcast a `b` of shape `()` or `(1,)`; the book's `b` always has one entry per column, and
    /// so `db` needs no summing back.
    Bias { b: Vec<usize>, columns: usize },
    /// The result would have more elements than `shape::MAX_ELEMENTS`; numpy would try to
    /// allocate it.
    TooLarge { shape: Vec<usize> },
    /// numpy: `axis 2 is out of bounds for array of dimension 2`.
    Axis { axis: isize, ndim: usize },
    /// A maximum over no elements. numpy: `zero-size array to reduction operation maximum which
    /// has no identity`.
    EmptyMax,
    /// numpy: `cannot reshape array of size 6 into shape (4,)`. A negative entry of `shape` is the
    /// unknown dimension, which numpy writes as `newaxis`.
    ReshapeSize { size: usize, shape: Vec<isize> },
    /// numpy: `can only specify one unknown dimension`.
    ReshapeUnknowns,
    /// A loss's target `t` has neither `y`'s shape (one-hot) nor the batch's shape (labels). numpy
    /// has no message of its own for this: the book's code fails somewhere inside.
    Target { y: Vec<usize>, t: Vec<usize> },
    /// A label that is not a whole number, at position `sample` of the batch. numpy: `arrays used
    /// as indices must be of integer (or boolean) type`.
    LabelNotWhole { sample: usize, value: f64 },
    /// A label outside `0..classes`. numpy: `index 5 is out of bounds for axis 1 with size 3`.
    /// numpy would take a label of −1 as the last class; a negative label is refused here.
    LabelRange {
        sample: usize,
        label: f64,
        classes: usize,
    },
    /// numpy: `too many indices for array: array is 2-dimensional, but 3 were indexed`.
    TooManyIndices { ndim: usize, given: usize },
    /// numpy: `index 5 is out of bounds for axis 0 with size 3`. `index` is as written, before a
    /// negative one is counted from the end.
    IndexBounds {
        index: isize,
        axis: usize,
        size: usize,
    },
    /// numpy: `slice step cannot be zero`.
    ZeroStep,
    /// Integer-array indices whose lengths do not broadcast. numpy: `shape mismatch: indexing
    /// arrays could not be broadcast together with shapes (2,) (3,) `; only the arrays are listed.
    IndexArrays { shapes: Vec<Vec<usize>> },
    /// An assigned value that does not broadcast into the selection. numpy: `could not broadcast
    /// input array from shape (3,) into shape (2,)`.
    AssignShape {
        value: Vec<usize>,
        selection: Vec<usize>,
    },
    /// An array assigned to a single element (`x[i, j] = v` with `v` not 0-d, even of shape
    /// `(1,)`). numpy: `setting an array element with a sequence.`
    AssignElement { value: Vec<usize> },
}

impl LayerError {
    /// The refusal in the catalogue's words, for the learner; `what` names the operation as the
    /// learner wrote it (e.g. "dot", "@", "affine", "sum", "reshape", "x[...]"), for messages that mention it.
    pub fn message(&self, what: &str) -> crate::i18n::Message {
        match self {
            LayerError::Rank {
                operand,
                shape,
                ranks,
            } => crate::msg!(
                "layer-rank",
                what = what,
                position = operand + 1,
                shape = describe(shape),
                ndim = shape.len(),
                choices = ranks.len(),
                first = ranks.first().copied().unwrap_or(0),
                last = ranks.last().copied().unwrap_or(0)
            ),
            LayerError::NotAligned {
                a,
                b,
                a_axis,
                b_axis,
            } => crate::msg!(
                "layer-not-aligned",
                what = what,
                a = describe(a),
                b = describe(b),
                left = size_at(a, *a_axis),
                right = size_at(b, *b_axis),
                a_axis = *a_axis,
                b_axis = *b_axis
            ),
            LayerError::Broadcast { a, b } => {
                let (axis, left, right) = broadcast_mismatch(a, b);
                crate::msg!(
                    "layer-broadcast",
                    what = what,
                    a = describe(a),
                    b = describe(b),
                    axis = axis.to_string(),
                    left = left,
                    right = right
                )
            }
            LayerError::Bias { b, columns } => crate::msg!(
                "layer-bias",
                what = what,
                b = describe(b),
                columns = *columns,
                expected = describe(&[*columns])
            ),
            LayerError::TooLarge { shape } => crate::msg!(
                "layer-too-large",
                what = what,
                shape = describe(shape),
                max = crate::engine::shape::MAX_ELEMENTS
            ),
            LayerError::Axis { axis, ndim } => crate::msg!(
                "layer-axis",
                what = what,
                axis = axis.to_string(),
                ndim = *ndim,
                last = ndim.saturating_sub(1)
            ),
            LayerError::EmptyMax => crate::msg!("layer-empty-max", what = what),
            LayerError::ReshapeSize { size, shape } => {
                let unknown = shape.iter().any(|&d| d < 0);
                let product = shape
                    .iter()
                    .filter(|&&d| d >= 0)
                    .try_fold(1u64, |acc, &d| acc.checked_mul(d as u64));
                let kind = match (product, unknown) {
                    (None, _) => "huge",
                    (Some(0), true) => "zero",
                    (Some(_), true) => "unknown",
                    (Some(_), false) => "fixed",
                };
                crate::msg!(
                    "layer-reshape-size",
                    what = what,
                    size = *size,
                    shape = describe_signed(shape),
                    kind = kind,
                    product = product.unwrap_or(0)
                )
            }
            LayerError::ReshapeUnknowns => crate::msg!("layer-reshape-unknowns", what = what),
            LayerError::Target { y, t } => {
                let labels = match y.as_slice() {
                    [rows, _] => describe(&[*rows]),
                    _ => describe(&[]),
                };
                crate::msg!(
                    "layer-target",
                    what = what,
                    y = describe(y),
                    t = describe(t),
                    rank = y.len(),
                    labels = labels
                )
            }
            LayerError::LabelNotWhole { sample, value } => crate::msg!(
                "layer-label-not-whole",
                what = what,
                sample = *sample,
                value = label_text(*value)
            ),
            LayerError::LabelRange {
                sample,
                label,
                classes,
            } => crate::msg!(
                "layer-label-range",
                what = what,
                sample = *sample,
                label = label_text(*label),
                classes = *classes,
                last = classes.saturating_sub(1)
            ),
            LayerError::TooManyIndices { ndim, given } => crate::msg!(
                "layer-too-many-indices",
                what = what,
                ndim = *ndim,
                given = *given
            ),
            LayerError::IndexBounds { index, axis, size } => crate::msg!(
                "layer-index-bounds",
                what = what,
                index = index.to_string(),
                axis = *axis,
                size = *size,
                last = size.saturating_sub(1)
            ),
            LayerError::ZeroStep => crate::msg!("layer-zero-step", what = what),
            LayerError::IndexArrays { shapes } => {
                let listed: Vec<String> = shapes.iter().map(|s| describe(s)).collect();
                crate::msg!(
                    "layer-index-arrays",
                    what = what,
                    shapes = listed.join(", ")
                )
            }
            LayerError::AssignShape { value, selection } => crate::msg!(
                "layer-assign-shape",
                what = what,
                value = describe(value),
                selection = describe(selection)
            ),
            LayerError::AssignElement { value } => {
                crate::msg!("layer-assign-element", what = what, value = describe(value))
            }
        }
    }
}

/// The size of `axis` of `shape`, or 0 for an axis it lacks (which no check reports).
fn size_at(shape: &[usize], axis: usize) -> usize {
    shape.get(axis).copied().unwrap_or(0)
}

/// The first pair of sizes, compared from the last axis as broadcasting does, that keeps `a`
/// and `b` from broadcasting: the axis counted from the end (−1 is the last) and the two sizes.
/// Shapes that do broadcast (which no check reports) give their last sizes.
fn broadcast_mismatch(a: &[usize], b: &[usize]) -> (isize, usize, usize) {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .enumerate()
        .find(|&(_, (&x, &y))| x != y && x != 1 && y != 1)
        .map(|(k, (&x, &y))| (-(k as isize) - 1, x, y))
        .unwrap_or((
            -1,
            a.last().copied().unwrap_or(1),
            b.last().copied().unwrap_or(1),
        ))
}

/// A shape as the learner passed it to `reshape`, −1 included, in `describe`'s tuple style.
fn describe_signed(shape: &[isize]) -> String {
    match shape
        .iter()
        .map(|&d| usize::try_from(d))
        .collect::<Result<Vec<usize>, _>>()
    {
        Ok(dims) => describe(&dims),
        Err(_) => {
            let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            match parts.as_slice() {
                [one] => format!("({one},)"),
                _ => format!("({})", parts.join(", ")),
            }
        }
    }
}

/// A label as numpy would name it: a whole number without its `.0`, otherwise Python's repr
/// (`1.5`, `nan`, `inf`).
fn label_text(x: f64) -> String {
    if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }.to_string()
    } else if x.fract() == 0.0 && x.abs() < 1e16 {
        format!("{x:.0}")
    } else {
        format!("{x:?}")
    }
}

#[cfg(test)]
pub(crate) mod numpy {
    //! numpy's English for each refusal, to test that the variants carry numpy's numbers.

    use super::LayerError;

    /// A shape as numpy's error messages write it: `(2,3)`, `(3,)`, `()`.
    pub fn shape(dims: &[usize]) -> String {
        let parts: Vec<String> = dims.iter().map(|d| d.to_string()).collect();
        tuple(&parts)
    }

    fn tuple(parts: &[String]) -> String {
        match parts {
            [one] => format!("({one},)"),
            _ => format!("({})", parts.join(",")),
        }
    }

    pub fn message(error: &LayerError) -> String {
        match error {
            LayerError::NotAligned {
                a,
                b,
                a_axis,
                b_axis,
            } => format!(
                "shapes {} and {} not aligned: {} (dim {a_axis}) != {} (dim {b_axis})",
                shape(a),
                shape(b),
                a[*a_axis],
                b[*b_axis]
            ),
            LayerError::Broadcast { a, b } => format!(
                "operands could not be broadcast together with shapes {} {} ",
                shape(a),
                shape(b)
            ),
            LayerError::Axis { axis, ndim } => {
                format!("axis {axis} is out of bounds for array of dimension {ndim}")
            }
            LayerError::EmptyMax => {
                "zero-size array to reduction operation maximum which has no identity".into()
            }
            LayerError::ReshapeSize { size, shape } => {
                // numpy's convert_shape_to_string: leading unknowns are left out, later ones
                // are written `newaxis`, and the trailing comma depends on the full length.
                let first = shape.iter().take_while(|&&d| d < 0).count();
                let parts: Vec<String> = shape[first..]
                    .iter()
                    .map(|&d| match d {
                        d if d < 0 => "newaxis".to_string(),
                        d => d.to_string(),
                    })
                    .collect();
                let written = match (parts.is_empty(), shape.len()) {
                    (true, _) => "()".to_string(),
                    (false, 1) => format!("({},)", parts.join(",")),
                    (false, _) => format!("({})", parts.join(",")),
                };
                format!("cannot reshape array of size {size} into shape {written}")
            }
            LayerError::ReshapeUnknowns => "can only specify one unknown dimension".into(),
            LayerError::LabelNotWhole { .. } => {
                "arrays used as indices must be of integer (or boolean) type".into()
            }
            LayerError::LabelRange { label, classes, .. } => {
                format!("index {label} is out of bounds for axis 1 with size {classes}")
            }
            LayerError::TooManyIndices { ndim, given } => format!(
                "too many indices for array: array is {ndim}-dimensional, but {given} were indexed"
            ),
            LayerError::IndexBounds { index, axis, size } => {
                format!("index {index} is out of bounds for axis {axis} with size {size}")
            }
            LayerError::ZeroStep => "slice step cannot be zero".into(),
            LayerError::IndexArrays { shapes } => {
                let listed: Vec<String> = shapes.iter().map(|s| shape(s) + " ").collect();
                format!(
                    "shape mismatch: indexing arrays could not be broadcast together with shapes {}",
                    listed.concat()
                )
            }
            LayerError::AssignShape { value, selection } => format!(
                "could not broadcast input array from shape {} into shape {}",
                shape(value),
                shape(selection)
            ),
            LayerError::AssignElement { .. } => "setting an array element with a sequence.".into(),
            other => format!("{other:?} has no numpy message"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LayerError;
    use crate::i18n::Lang;
    use std::collections::BTreeSet;

    /// Every variant at least once, and again wherever a message picks its words by a number
    /// (a 0-d array, an empty axis, one class...), so that every branch of every message is said.
    fn every_refusal() -> Vec<LayerError> {
        vec![
            LayerError::Rank {
                operand: 0,
                shape: vec![2, 3, 4],
                ranks: &[1, 2],
            },
            LayerError::Rank {
                operand: 1,
                shape: vec![3],
                ranks: &[2],
            },
            LayerError::Rank {
                operand: 3,
                shape: vec![],
                ranks: &[1, 2, 3],
            },
            LayerError::NotAligned {
                a: vec![2, 3],
                b: vec![2, 3],
                a_axis: 1,
                b_axis: 0,
            },
            LayerError::Broadcast {
                a: vec![2, 4],
                b: vec![3],
            },
            LayerError::Bias {
                b: vec![1, 4],
                columns: 4,
            },
            LayerError::Bias {
                b: vec![2],
                columns: 1,
            },
            LayerError::TooLarge {
                shape: vec![100_000, 100_000],
            },
            LayerError::Axis { axis: 2, ndim: 2 },
            LayerError::Axis { axis: 1, ndim: 1 },
            LayerError::Axis { axis: 1, ndim: 0 },
            LayerError::EmptyMax,
            LayerError::ReshapeSize {
                size: 6,
                shape: vec![4],
            },
            LayerError::ReshapeSize {
                size: 6,
                shape: vec![4, -1],
            },
            LayerError::ReshapeSize {
                size: 6,
                shape: vec![0, -1],
            },
            LayerError::ReshapeSize {
                size: 6,
                shape: vec![isize::MAX, isize::MAX],
            },
            LayerError::ReshapeUnknowns,
            LayerError::Target {
                y: vec![2, 3],
                t: vec![3],
            },
            LayerError::Target {
                y: vec![3],
                t: vec![2],
            },
            LayerError::LabelNotWhole {
                sample: 1,
                value: 1.5,
            },
            LayerError::LabelNotWhole {
                sample: 0,
                value: f64::NAN,
            },
            LayerError::LabelRange {
                sample: 2,
                label: 5.0,
                classes: 3,
            },
            LayerError::LabelRange {
                sample: 0,
                label: -1.0,
                classes: 1,
            },
            LayerError::LabelRange {
                sample: 0,
                label: 0.0,
                classes: 0,
            },
            LayerError::TooManyIndices { ndim: 2, given: 3 },
            LayerError::TooManyIndices { ndim: 1, given: 2 },
            LayerError::TooManyIndices { ndim: 0, given: 1 },
            LayerError::IndexBounds {
                index: 5,
                axis: 0,
                size: 3,
            },
            LayerError::IndexBounds {
                index: -1,
                axis: 1,
                size: 0,
            },
            LayerError::ZeroStep,
            LayerError::IndexArrays {
                shapes: vec![vec![2], vec![3]],
            },
            LayerError::AssignShape {
                value: vec![3],
                selection: vec![2],
            },
            LayerError::AssignElement { value: vec![1] },
        ]
    }

    /// Which variant a refusal is; with no `_` arm, a new variant fails to compile here until
    /// `every_refusal` is told about it.
    fn variant(error: &LayerError) -> usize {
        match error {
            LayerError::Rank { .. } => 0,
            LayerError::NotAligned { .. } => 1,
            LayerError::Broadcast { .. } => 2,
            LayerError::Bias { .. } => 3,
            LayerError::TooLarge { .. } => 4,
            LayerError::Axis { .. } => 5,
            LayerError::EmptyMax => 6,
            LayerError::ReshapeSize { .. } => 7,
            LayerError::ReshapeUnknowns => 8,
            LayerError::Target { .. } => 9,
            LayerError::LabelNotWhole { .. } => 10,
            LayerError::LabelRange { .. } => 11,
            LayerError::TooManyIndices { .. } => 12,
            LayerError::IndexBounds { .. } => 13,
            LayerError::ZeroStep => 14,
            LayerError::IndexArrays { .. } => 15,
            LayerError::AssignShape { .. } => 16,
            LayerError::AssignElement { .. } => 17,
        }
    }

    #[test]
    fn every_refusal_is_worded_in_both_languages() {
        let refusals = every_refusal();
        let variants: BTreeSet<usize> = refusals.iter().map(variant).collect();
        assert_eq!(
            variants,
            (0..18).collect(),
            "a variant is missing from the test"
        );
        let mut ids = BTreeSet::new();
        for error in &refusals {
            let message = error.message("op");
            assert!(
                message.id.starts_with("layer-"),
                "{error:?}: {}",
                message.id
            );
            for lang in Lang::ALL {
                let text = lang.say(&message);
                // A missing message comes back as its id; a missing argument as `{$name}`, an
                // unknown reference as `{name}`.
                assert_ne!(text, message.id, "{lang:?} lacks {}", message.id);
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "{lang:?} {error:?}: {text}"
                );
                assert!(text.starts_with("op: "), "{lang:?} {error:?}: {text}");
            }
            assert_ne!(Lang::Ko.say(&message), Lang::En.say(&message));
            ids.insert((variant(error), message.id));
        }
        // One id per variant, and no two variants share one.
        let distinct: BTreeSet<&str> = ids.iter().map(|&(_, id)| id).collect();
        assert_eq!(ids.len(), 18);
        assert_eq!(distinct.len(), 18);
    }

    #[test]
    fn english_gives_numpys_numbers_and_what_to_do() {
        let say = |error: LayerError, what: &str| Lang::En.say(&error.message(what));
        assert_eq!(
            say(
                LayerError::NotAligned {
                    a: vec![2, 3],
                    b: vec![2, 3],
                    a_axis: 1,
                    b_axis: 0,
                },
                "dot"
            ),
            "dot: shapes (2, 3) and (2, 3) are not aligned: 3 (axis 1 of the left) ≠ 2 (axis 0 of \
             the right); the left's columns must equal the right's rows — transpose one of them \
             (x.T) or check the order"
        );
        assert_eq!(
            say(
                LayerError::Broadcast {
                    a: vec![2, 4],
                    b: vec![3],
                },
                "+"
            ),
            "+: operands could not be broadcast together with shapes (2, 4) and (3,): at axis -1 \
             the sizes 4 and 3 differ and neither is 1; compared from the last axis, sizes must \
             be equal or one of them 1 — change one operand's shape with reshape, or transpose \
             it (x.T), so that they line up"
        );
        assert_eq!(
            say(LayerError::Axis { axis: 2, ndim: 2 }, "sum"),
            "sum: axis 2 is out of bounds for array of dimension 2; a 2-D array has axes 0 to 1 \
             (or -2 to -1): for a batch of shape (N, D), axis=0 runs across the N samples and \
             axis=1 across each sample's D values"
        );
        assert_eq!(
            say(
                LayerError::ReshapeSize {
                    size: 6,
                    shape: vec![4, -1],
                },
                "reshape"
            ),
            "reshape: cannot reshape array of size 6 into shape (4, -1); the sizes other than -1 \
             multiply to 4, which does not divide 6, so no whole size fits the -1 — change the \
             other sizes"
        );
    }

    #[test]
    fn broadcast_names_the_first_pair_from_the_end_that_differs() {
        assert_eq!(super::broadcast_mismatch(&[2, 4], &[3]), (-1, 4, 3));
        assert_eq!(super::broadcast_mismatch(&[5, 2, 1], &[3, 4]), (-2, 2, 3));
    }

    #[test]
    fn labels_are_written_as_numpy_names_them() {
        assert_eq!(super::label_text(5.0), "5");
        assert_eq!(super::label_text(-1.0), "-1");
        assert_eq!(super::label_text(1.5), "1.5");
        assert_eq!(super::label_text(f64::NAN), "nan");
        assert_eq!(super::label_text(f64::NEG_INFINITY), "-inf");
    }
}
