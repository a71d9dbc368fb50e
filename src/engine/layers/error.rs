//! 형상 검사 오류 (LayerError): why a layer's check function refuses operands before `forward`.
//!
//! ndarray panics where numpy raises an error, so each layer with a way to fail has a check
//! function that the caller runs first, and `forward` and `backward` say which one. A refusal
//! carries the numbers numpy puts in its message and no text: the caller words it from the
//! message catalogue. The test at the bottom of this file rebuilds numpy's English from each
//! variant and compares it with what numpy printed, to show the numbers suffice.

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
