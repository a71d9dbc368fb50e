//! numpy's broadcasting rules and the element cap. (Summing a gradient back to an input's shape,
//! the backward of broadcasting, is `layers::common::sum_to_shape`.)
//!
//! ndarray panics when it is asked to combine shapes that do not broadcast, so every binary
//! operation asks `broadcast` first and reports a mismatch as an error.

/// The most elements any one array may have: 10^8 float64s, 800 MB. Anything larger is refused
/// before it is allocated, so a typo such as `ones(100000, 100000)` is an error, not an abort.
pub const MAX_ELEMENTS: usize = 100_000_000;

/// The shape numpy broadcasting gives `a` and `b`, or `None` when numpy would refuse them.
pub fn broadcast(a: &[usize], b: &[usize]) -> Option<Vec<usize>> {
    let ndim = a.len().max(b.len());
    let mut out = vec![0; ndim];
    for (i, slot) in out.iter_mut().enumerate() {
        let da = dim_from_right(a, ndim - 1 - i);
        let db = dim_from_right(b, ndim - 1 - i);
        *slot = match (da, db) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => return None,
        };
    }
    Some(out)
}

/// The number of elements of `shape`, or `None` when the shape may not be made: more than
/// `MAX_DIMS` dimensions, or more than `MAX_ELEMENTS` elements (or an overflow). Every way of
/// making an array asks this before it allocates (constructors, broadcasting, reshape,
/// indexing, the layers' outputs), so it is the one place both caps are kept; the error for a
/// `None` is `graph::too_large`, which names the cap that was passed.
pub fn checked_len(shape: &[usize]) -> Option<usize> {
    if shape.len() > MAX_DIMS {
        return None;
    }
    shape
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .filter(|&n| n <= MAX_ELEMENTS)
}

/// The most dimensions an array may have, as in numpy (`NPY_MAXDIMS`).
pub const MAX_DIMS: usize = 64;

/// Shapes written the way numpy writes them: `()`, `(3,)`, `(2, 2)`.
pub fn describe(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        _ => {
            let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("({})", dims.join(", "))
        }
    }
}

fn dim_from_right(shape: &[usize], from_right: usize) -> usize {
    if from_right < shape.len() {
        shape[shape.len() - 1 - from_right]
    } else {
        1
    }
}

/// Flattened square images, as (elements, side): the digits' 8×8 and MNIST's 28×28.
const SQUARE_IMAGES: [(usize, usize); 2] = [(64, 8), (784, 28)];

/// The rows and columns `imshow` draws a value of this shape as: a 2-D array as it is, and a
/// flattened 8×8 or 28×28 image (64 or 784 elements) as a square, because the book's data sets
/// keep each image as one such row. `None` for any other shape.
pub fn image_rows_cols(shape: &[usize]) -> Option<(usize, usize)> {
    match shape {
        [rows, cols] => Some((*rows, *cols)),
        [len] => SQUARE_IMAGES
            .iter()
            .find(|(n, _)| n == len)
            .map(|&(_, side)| (side, side)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broadcasts_like_numpy() {
        assert_eq!(broadcast(&[2, 3], &[]), Some(vec![2, 3]));
        assert_eq!(broadcast(&[2, 1], &[1, 3]), Some(vec![2, 3]));
        assert_eq!(broadcast(&[3], &[2, 3]), Some(vec![2, 3]));
        assert_eq!(broadcast(&[2], &[3]), None);
        assert_eq!(broadcast(&[0], &[1]), Some(vec![0]));
    }

    #[test]
    fn caps_sizes_without_overflowing() {
        assert_eq!(checked_len(&[100_000, 100_000]), None);
        assert_eq!(checked_len(&[usize::MAX, 2]), None);
        assert_eq!(checked_len(&[2, 0]), Some(0));
        assert_eq!(describe(&[3]), "(3,)");
        assert_eq!(describe(&[2, 2]), "(2, 2)");
    }
}
