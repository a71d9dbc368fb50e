//! 공용 도우미 (common): what several layers share, as the book keeps the functions its layers
//! share in `common/functions.py`. Matrix products of 1-D and 2-D arrays with `np.dot`'s rules,
//! numpy's axis numbering, a sum that keeps its axis, and numpy's NaN-propagating maximum.

use super::error::LayerError;
use ndarray::linalg::general_mat_mul;
use ndarray::{Array2, ArrayBase, ArrayD, ArrayView2, ArrayViewD, Axis, Data, Ix2, IxDyn, Zip, s};

/// numpy's axis numbering: `axis` counts from the end when negative, so −1 is the last axis.
/// Refuses an axis outside `-ndim..ndim` as numpy does.
pub fn normalize_axis(axis: isize, ndim: usize) -> Result<usize, LayerError> {
    let signed_ndim = ndim as isize;
    let resolved = if axis < 0 { axis + signed_ndim } else { axis };
    if (0..signed_ndim).contains(&resolved) {
        Ok(resolved as usize)
    } else {
        Err(LayerError::Axis { axis, ndim })
    }
}

/// `np.sum(x, axis=axis, keepdims=True)`: the summed axis stays, with length 1, so the result
/// broadcasts against `x`.
pub fn sum_keepdims(x: &ArrayViewD<'_, f64>, axis: usize) -> ArrayD<f64> {
    x.sum_axis(Axis(axis)).insert_axis(Axis(axis))
}

/// The larger of `a` and `b`, or NaN when either is NaN, as numpy's `maximum` and `max` give.
/// (Rust's `f64::max` would skip the NaN instead.)
pub fn nan_max(a: f64, b: f64) -> f64 {
    if a.is_nan() {
        a
    } else if b > a || b.is_nan() {
        b
    } else {
        a
    }
}

/// `np.dot(a, b)` for 1-D and 2-D operands, as numpy-based code computes it: a 1-D `a` is taken
/// as a row `(1, k)`, a 1-D `b` as a column `(k, 1)`, the matrices are multiplied, and the
/// added axes are dropped again. So 1-D·1-D gives a 0-d scalar, 2-D·1-D and 1-D·2-D give 1-D.
///
/// # Panics
/// When an operand is not 1-D or 2-D or the inner sizes differ: `matmul::check_shapes` refuses
/// those first.
pub fn dot(a: ArrayViewD<'_, f64>, b: ArrayViewD<'_, f64>) -> ArrayD<f64> {
    let (a_is_vector, b_is_vector) = (a.ndim() == 1, b.ndim() == 1);
    let a = if a_is_vector {
        a.insert_axis(Axis(0))
    } else {
        a
    };
    let b = if b_is_vector {
        b.insert_axis(Axis(1))
    } else {
        b
    };
    let mut out = product(matrix(a), matrix(b)).into_dyn();
    if b_is_vector {
        out = out.index_axis_move(Axis(1), 0);
    }
    if a_is_vector {
        out = out.index_axis_move(Axis(0), 0);
    }
    out
}

/// The element operations (multiply-adds) above which a product is computed in blocks, so
/// that Ctrl-C is seen while it runs: at the speed of matrixmultiply's kernels, a few tens
/// of milliseconds of work.
const BLOCK_WORK: usize = 1 << 29;

/// Rows of `a` per block of a large product, a multiple of matrixmultiply's own panel height,
/// so that blocking packs `b` once per this many rows: about 1% more work than one call.
const BLOCK_ROWS: usize = 512;

/// The depth (columns of `a`, rows of `b`) of a block, a multiple of matrixmultiply's own panel
/// depth, which it packs `b` in anyway: cutting there costs no extra packing.
const BLOCK_DEPTH: usize = 256;

/// `a · b` of two matrices. A product of more than `BLOCK_WORK` multiply-adds (a 1000×1000 one
/// is 10^9) is computed in blocks of rows and of depth, adding each block into the result,
/// and Ctrl-C between blocks stops it at once, about every 0.05 s; what it leaves is then not
/// the product, and the session, which sees the same flag, drops the statement.
fn product(a: ArrayView2<'_, f64>, b: ArrayView2<'_, f64>) -> Array2<f64> {
    let (m, k) = a.dim();
    let n = b.ncols();
    if m.saturating_mul(k).saturating_mul(n) <= BLOCK_WORK {
        return a.dot(&b);
    }
    let mut out = Array2::<f64>::zeros((m, n));
    // As many depth panels per block as keep a block near BLOCK_WORK.
    let depth = (BLOCK_WORK / BLOCK_ROWS.min(m).max(1) / n.max(1)).max(BLOCK_DEPTH) / BLOCK_DEPTH
        * BLOCK_DEPTH;
    for row in (0..m).step_by(BLOCK_ROWS) {
        let rows = row..(row + BLOCK_ROWS).min(m);
        for inner in (0..k).step_by(depth) {
            if crate::engine::interrupt::requested() {
                return out;
            }
            let inner = inner..(inner + depth).min(k);
            general_mat_mul(
                1.0,
                &a.slice(s![rows.clone(), inner.clone()]),
                &b.slice(s![inner, ..]),
                1.0,
                &mut out.slice_mut(s![rows.clone(), ..]),
            );
        }
    }
    out
}

/// Elements above which an element-wise operation runs in blocks of rows, looking at Ctrl-C
/// between blocks: a block of this size takes a few milliseconds, an array of 10^8 elements a
/// few tenths of a second in all.
const BLOCK_ELEMENTS: usize = 1 << 22;

/// `f` of each element of `a`, as `a.mapv(f)` gives it. A large array is done in blocks of
/// rows, and Ctrl-C between blocks stops it early: what it leaves is then not the value, and
/// the session, which sees the same flag, drops the statement.
pub fn map1<S, T>(a: &ArrayBase<S, IxDyn>, f: impl Fn(f64) -> T) -> ArrayD<T>
where
    S: Data<Elem = f64>,
    T: Clone + Default,
{
    if a.len() <= BLOCK_ELEMENTS || a.ndim() == 0 {
        return a.mapv(f);
    }
    let mut out = ArrayD::from_elem(a.raw_dim(), T::default());
    let rows = rows_per_block(a.shape());
    for (mut out_block, a_block) in out
        .axis_chunks_iter_mut(Axis(0), rows)
        .zip(a.axis_chunks_iter(Axis(0), rows))
    {
        if crate::engine::interrupt::requested() {
            break;
        }
        Zip::from(&mut out_block)
            .and(&a_block)
            .for_each(|o, &x| *o = f(x));
    }
    out
}

/// `f` of each pair of elements of `a` and `b` broadcast together, as numpy's `a op b` gives
/// them; in blocks of rows when large, as `map1`. The caller has checked that the shapes
/// broadcast.
///
/// # Panics
/// When `a` and `b` do not broadcast.
pub fn zip2<S, R>(
    a: &ArrayBase<S, IxDyn>,
    b: &ArrayBase<R, IxDyn>,
    f: impl Fn(f64, f64) -> f64,
) -> ArrayD<f64>
where
    S: Data<Elem = f64>,
    R: Data<Elem = f64>,
{
    let shape = crate::engine::shape::broadcast(a.shape(), b.shape())
        .expect("zip2 needs shapes that broadcast");
    let (Some(a), Some(b)) = (a.broadcast(IxDyn(&shape)), b.broadcast(IxDyn(&shape))) else {
        panic!("zip2 needs shapes that broadcast");
    };
    let len: usize = shape.iter().product();
    if len <= BLOCK_ELEMENTS || shape.is_empty() {
        return Zip::from(&a).and(&b).map_collect(|&x, &y| f(x, y));
    }
    let mut out = ArrayD::<f64>::zeros(IxDyn(&shape));
    let rows = rows_per_block(&shape);
    for ((mut out_block, a_block), b_block) in out
        .axis_chunks_iter_mut(Axis(0), rows)
        .zip(a.axis_chunks_iter(Axis(0), rows))
        .zip(b.axis_chunks_iter(Axis(0), rows))
    {
        if crate::engine::interrupt::requested() {
            break;
        }
        Zip::from(&mut out_block)
            .and(&a_block)
            .and(&b_block)
            .for_each(|o, &x, &y| *o = f(x, y));
    }
    out
}

/// How many rows (along axis 0) make a block of about `BLOCK_ELEMENTS` elements.
fn rows_per_block(shape: &[usize]) -> usize {
    let per_row: usize = shape[1..].iter().product::<usize>().max(1);
    (BLOCK_ELEMENTS / per_row).max(1)
}

/// `np.outer(a, b)` of two 1-D arrays: `out[i, j] = a[i] * b[j]`, the `(m, n)` matrix that
/// `dot` of the column `a` and the row `b` gives.
///
/// # Panics
/// When `a` or `b` is not 1-D.
pub fn outer(a: ArrayViewD<'_, f64>, b: ArrayViewD<'_, f64>) -> ArrayD<f64> {
    let column = matrix(a.insert_axis(Axis(1)));
    let row = matrix(b.insert_axis(Axis(0)));
    column.dot(&row).into_dyn()
}

/// `x` as a 2-D view, which ndarray's `dot` needs.
///
/// # Panics
/// When `x` is not 2-D; the layers call it only on shapes their check has accepted.
pub fn matrix(x: ArrayViewD<'_, f64>) -> ArrayView2<'_, f64> {
    let ndim = x.ndim();
    match x.into_dimensionality::<Ix2>() {
        Ok(m) => m,
        Err(_) => panic!("a matrix product got a {ndim}-D operand, which its check refuses"),
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! What the layers' tests share: arrays from literals, comparison with numpy's numbers, and
    //! the central-difference gradient.

    use crate::engine::value::Floats;
    use ndarray::{ArrayD, IxDyn};

    /// An array from the shape and row-major data that `tests/data/gen/layer_cases.py` prints.
    pub fn arr(shape: &[usize], data: &[f64]) -> Floats {
        ArrayD::from_shape_vec(IxDyn(shape), data.to_vec())
            .unwrap()
            .into_shared()
    }

    /// Asserts that `actual` has numpy's shape and values: each element within 1e-12 of the
    /// expected one, relatively, or within 1e-12 of the array's largest magnitude where a value
    /// cancels to near zero (there the last bits depend on summation order). NaN matches NaN.
    pub fn assert_close(what: &str, actual: &ArrayD<f64>, shape: &[usize], expected: &[f64]) {
        assert_eq!(actual.shape(), shape, "{what}: shape");
        let scale = expected
            .iter()
            .filter(|v| v.is_finite())
            .fold(0.0f64, |m, v| m.max(v.abs()));
        for (i, (&a, &e)) in actual.iter().zip(expected).enumerate() {
            let ok = if e.is_nan() {
                a.is_nan()
            } else if e.is_infinite() {
                a == e
            } else {
                let diff = (a - e).abs();
                diff <= 1e-12 * e.abs().max(a.abs()) || diff <= 1e-12 * scale
            };
            assert!(ok, "{what}[{i}]: got {a:e}, numpy {e:e}");
        }
    }

    /// The central difference of `f` at `x`, one element at a time, with h = 1e-5:
    /// (f(x + h) − f(x − h)) / 2h for each element of `x`.
    pub fn numerical_gradient(f: &mut dyn FnMut(&Floats) -> f64, x: &Floats) -> ArrayD<f64> {
        let h = 1e-5;
        let mut grad = ArrayD::zeros(x.raw_dim());
        for (i, g) in grad.iter_mut().enumerate() {
            let mut plus = x.to_owned();
            let mut minus = x.to_owned();
            if let (Some(p), Some(m)) = (plus.iter_mut().nth(i), minus.iter_mut().nth(i)) {
                *p += h;
                *m -= h;
            }
            *g = (f(&plus.into_shared()) - f(&minus.into_shared())) / (2.0 * h);
        }
        grad
    }

    /// `sum(out * weights)`: a scalar whose gradient with respect to `out` is `weights`, so the
    /// numerical gradient of it matches `backward(weights)`.
    pub fn weighted_sum(out: &Floats, weights: &ArrayD<f64>) -> f64 {
        (out * weights).sum()
    }

    /// Asserts that `numerical` and `analytic` agree within 1e-6, relative to the larger one
    /// or to 1.
    pub fn assert_gradient(what: &str, analytic: &ArrayD<f64>, numerical: &ArrayD<f64>) {
        assert_eq!(analytic.shape(), numerical.shape(), "{what}: shape");
        for (i, (&a, &n)) in analytic.iter().zip(numerical).enumerate() {
            let tolerance = 1e-6 * a.abs().max(n.abs()).max(1.0);
            assert!(
                (a - n).abs() <= tolerance,
                "{what}[{i}]: backward {a:e}, numerical {n:e}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::arr;
    use super::*;

    #[test]
    fn normalizes_axes_like_numpy() {
        assert_eq!(normalize_axis(-1, 2), Ok(1));
        assert_eq!(normalize_axis(1, 2), Ok(1));
        assert_eq!(
            normalize_axis(2, 2),
            Err(LayerError::Axis { axis: 2, ndim: 2 })
        );
        assert_eq!(
            normalize_axis(-3, 2),
            Err(LayerError::Axis { axis: -3, ndim: 2 })
        );
    }

    #[test]
    fn nan_max_propagates_nan() {
        assert!(nan_max(1.0, f64::NAN).is_nan());
        assert!(nan_max(f64::NAN, 1.0).is_nan());
        assert_eq!(nan_max(1.0, 2.0), 2.0);
        assert_eq!(nan_max(f64::NEG_INFINITY, -1.0), -1.0);
    }

    #[test]
    fn dot_takes_numpy_shapes() {
        let a = arr(&[2, 3], &[1., 2., 3., 4., 5., 6.]);
        let v = arr(&[3], &[1., 0., -1.]);
        let w = arr(&[2], &[1., 1.]);
        assert_eq!(dot(v.view(), v.view()).shape(), &[] as &[usize]);
        assert_eq!(dot(a.view(), v.view()).as_slice(), Some(&[-2., -2.][..]));
        assert_eq!(dot(w.view(), a.view()).as_slice(), Some(&[5., 7., 9.][..]));
        assert_eq!(outer(w.view(), v.view()).shape(), &[2, 3]);
    }
}
