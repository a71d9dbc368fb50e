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
    sum_axis(x, axis).insert_axis(Axis(axis))
}

/// `np.sum(x, axis=axis)`, as ndarray's `sum_axis` adds (pairs of lanes in order), in blocks
/// that look at Ctrl-C.
pub fn sum_axis(x: &ArrayViewD<'_, f64>, axis: usize) -> ArrayD<f64> {
    fold_axis(x, axis, 0.0, |total, _, v| total + v, |lane| lane.sum())
}

/// Sums `grad` over the axes that broadcasting stretched, so that it has `shape` again. This is
/// the backward of numpy's implicit broadcast: a value copied to many cells receives the sum of
/// their gradients.
pub fn sum_to_shape(grad: ArrayD<f64>, shape: &[usize]) -> ArrayD<f64> {
    if grad.shape() == shape {
        return grad;
    }
    let mut grad = grad;
    // In blocks that look at Ctrl-C, as the layers' own reductions do.
    while grad.ndim() > shape.len() {
        grad = sum_axis(&grad.view(), 0);
    }
    for (axis, &dim) in shape.iter().enumerate() {
        if dim == 1 && grad.shape()[axis] != 1 {
            grad = sum_keepdims(&grad.view(), axis);
        }
    }
    grad
}

/// `lane` of each group of elements along `axis`, as `x.map_axis(axis, lane)` gives it (the
/// axis is dropped). A large array is done in blocks cut along another axis, looking at Ctrl-C
/// between blocks: what it leaves when stopped is then not the value, and the session, which
/// sees the same flag, drops the statement.
pub fn reduce_axis<T: Clone + Default>(
    x: &ArrayViewD<'_, f64>,
    axis: usize,
    lane: impl Fn(ArrayViewD<'_, f64>) -> T,
) -> ArrayD<T> {
    let lane = |l: ndarray::ArrayView1<'_, f64>| lane(l.into_dyn());
    // Another axis to cut along: the first one, or the second when the first is reduced.
    let cut = usize::from(axis == 0);
    if x.len() <= BLOCK_ELEMENTS || cut >= x.ndim() {
        return x.map_axis(Axis(axis), lane);
    }
    let mut shape = x.shape().to_vec();
    shape.remove(axis);
    let mut out = ArrayD::from_elem(IxDyn(&shape), T::default());
    let per_index: usize = x.len() / x.shape()[cut].max(1);
    let step = (BLOCK_ELEMENTS / per_index.max(1)).max(1);
    // The cut axis keeps its number in the output: it comes before the reduced one.
    let out_cut = if cut < axis { cut } else { cut - 1 };
    for (mut out_block, x_block) in out
        .axis_chunks_iter_mut(Axis(out_cut), step)
        .zip(x.axis_chunks_iter(Axis(cut), step))
    {
        if crate::engine::interrupt::requested() {
            break;
        }
        out_block.assign(&x_block.map_axis(Axis(axis), lane));
    }
    out
}

/// The same reduction along `axis` as `reduce_axis(x, axis, lane)`, computed by folding the
/// slices across `axis` into the output one after another with `step(so_far, position,
/// element)` from `init`, where that reads the memory in order: a reduction along any axis but
/// the last (unless that axis is contiguous anyway). The two must agree on every element (a sequential sum does: `lane.sum()` adds a
/// strided lane in order). Along the last axis the lanes are contiguous and `lane` is used.
/// Ctrl-C is looked at between slices.
pub fn fold_axis<T: Copy + Default>(
    x: &ArrayViewD<'_, f64>,
    axis: usize,
    init: T,
    step: impl Fn(T, usize, f64) -> T,
    lane: impl Fn(ArrayViewD<'_, f64>) -> T,
) -> ArrayD<T> {
    if axis + 1 >= x.ndim() || x.strides()[axis] == 1 || x.len() <= BLOCK_ELEMENTS {
        return reduce_axis(x, axis, lane);
    }
    let mut shape = x.shape().to_vec();
    shape.remove(axis);
    let mut out = ArrayD::from_elem(IxDyn(&shape), init);
    for (position, slice) in x.axis_iter(Axis(axis)).enumerate() {
        if crate::engine::interrupt::requested() {
            break;
        }
        Zip::from(&mut out)
            .and(&slice)
            .for_each(|o, &v| *o = step(*o, position, v));
    }
    out
}

/// `lane` of every element of `x` at once, where `combine` joins the results of two parts
/// (`+` for a sum, the larger for a maximum): a large array is done in blocks along its first
/// axis, looking at Ctrl-C between them as `reduce_axis` does.
pub fn reduce_all(
    x: &ArrayViewD<'_, f64>,
    lane: impl Fn(ArrayViewD<'_, f64>) -> f64,
    combine: impl Fn(f64, f64) -> f64,
) -> f64 {
    if x.len() <= BLOCK_ELEMENTS || x.ndim() == 0 {
        return lane(x.view());
    }
    let step = rows_per_block(x.shape());
    let mut total: Option<f64> = None;
    for block in x.axis_chunks_iter(Axis(0), step) {
        if crate::engine::interrupt::requested() {
            break;
        }
        let part = lane(block);
        total = Some(total.map_or(part, |t| combine(t, part)));
    }
    total.unwrap_or_else(|| lane(x.slice_axis(Axis(0), ndarray::Slice::from(0..0))))
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
        return crate::engine::gemm::product(a, b);
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
const BLOCK_ELEMENTS: usize = 1 << 19;

/// `f` of each element of `a`, as `a.mapv(f)` gives it. A large array is done in blocks of
/// rows, and Ctrl-C between blocks stops it early: what it leaves is then not the value, and
/// the session, which sees the same flag, drops the statement.
pub fn map1<A, S, T>(a: &ArrayBase<S, IxDyn>, f: impl Fn(A) -> T) -> ArrayD<T>
where
    A: Copy,
    S: Data<Elem = A>,
    T: Blank,
{
    if a.len() <= BLOCK_ELEMENTS || a.ndim() == 0 {
        // One slice in C order, as nearly every layer's input is: a plain loop over it, which
        // the compiler turns into vector instructions.
        if let Some(flat) = a.as_slice() {
            return from_c_order(a.shape(), map_slice(flat, f));
        }
        return a.mapv(f);
    }
    let mut out = blank(a.shape());
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
pub fn zip2<A, B, T, S, R>(
    a: &ArrayBase<S, IxDyn>,
    b: &ArrayBase<R, IxDyn>,
    f: impl Fn(A, B) -> T,
) -> ArrayD<T>
where
    A: Copy,
    B: Copy,
    T: Blank,
    S: Data<Elem = A>,
    R: Data<Elem = B>,
{
    // Two slices of one shape in C order (relu's dout and mask, an update and its parameter):
    // a plain loop, as `map1`'s.
    if a.shape() == b.shape()
        && a.len() <= BLOCK_ELEMENTS
        && let (Some(x), Some(y)) = (a.as_slice(), b.as_slice())
    {
        return from_c_order(a.shape(), zip_slices(x, y, f));
    }
    let shape = crate::engine::shape::broadcast(a.shape(), b.shape())
        .expect("zip2 needs shapes that broadcast");
    let (Some(a), Some(b)) = (a.broadcast(IxDyn(&shape)), b.broadcast(IxDyn(&shape))) else {
        panic!("zip2 needs shapes that broadcast");
    };
    let len: usize = shape.iter().product();
    if len <= BLOCK_ELEMENTS || shape.is_empty() {
        return Zip::from(&a).and(&b).map_collect(|&x, &y| f(x, y));
    }
    let mut out = blank(&shape);
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

/// `f` of each element of a slice. On a CPU with AVX2 the same loop runs compiled for it (four
/// float64s an instruction instead of SSE2's two); each element's arithmetic is the same
/// either way, so are the bits.
pub fn map_slice<A: Copy, T>(xs: &[A], f: impl Fn(A) -> T) -> Vec<T> {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2.
        return unsafe { avx2::map_slice(xs, f) };
    }
    xs.iter().map(|&x| f(x)).collect()
}

/// `f` of each pair of elements of two slices of one length, as `map_slice`.
pub fn zip_slices<A: Copy, B: Copy, T>(xs: &[A], ys: &[B], f: impl Fn(A, B) -> T) -> Vec<T> {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2.
        return unsafe { avx2::zip_slices(xs, ys, f) };
    }
    xs.iter().zip(ys).map(|(&x, &y)| f(x, y)).collect()
}

/// `rows[i][j] += bias[j]` for each row of a C-order matrix held as one slice (numpy's
/// broadcast `+` of a bias), as `map_slice`.
pub fn add_to_rows(rows: &mut [f64], bias: &[f64]) {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2.
        return unsafe { avx2::add_to_rows(rows, bias) };
    }
    add_to_rows_here(rows, bias);
}

#[inline(always)]
fn add_to_rows_here(rows: &mut [f64], bias: &[f64]) {
    if bias.is_empty() {
        return;
    }
    for row in rows.chunks_exact_mut(bias.len()) {
        for (o, &v) in row.iter_mut().zip(bias) {
            *o += v;
        }
    }
}

/// The loops above compiled for AVX2: the closures are inlined into these bodies, so the
/// compiler vectorizes them with the wider registers. No other feature is enabled (no FMA:
/// Rust never fuses a multiply and an add on its own anyway).
#[cfg(target_arch = "x86_64")]
mod avx2 {
    #[target_feature(enable = "avx2")]
    pub unsafe fn map_slice<A: Copy, T>(xs: &[A], f: impl Fn(A) -> T) -> Vec<T> {
        xs.iter().map(|&x| f(x)).collect()
    }

    #[target_feature(enable = "avx2")]
    pub unsafe fn zip_slices<A: Copy, B: Copy, T>(
        xs: &[A],
        ys: &[B],
        f: impl Fn(A, B) -> T,
    ) -> Vec<T> {
        xs.iter().zip(ys).map(|(&x, &y)| f(x, y)).collect()
    }

    #[target_feature(enable = "avx2")]
    pub unsafe fn add_to_rows(rows: &mut [f64], bias: &[f64]) {
        super::add_to_rows_here(rows, bias);
    }
}

/// An array of `shape` holding `values` in C order, as many as the shape has elements.
fn from_c_order<T>(shape: &[usize], values: Vec<T>) -> ArrayD<T> {
    ArrayD::from_shape_vec(IxDyn(shape), values).expect("one value for each element of the shape")
}

/// `total += part`, `part` broadcast to `total`'s shape as numpy's `+=` does, in blocks of rows
/// that look at Ctrl-C when large. The caller has checked that `part` broadcasts.
pub fn add_into(total: &mut ArrayD<f64>, part: &ArrayD<f64>) {
    let Some(part) = part.broadcast(total.raw_dim()) else {
        return;
    };
    if total.len() <= BLOCK_ELEMENTS || total.ndim() == 0 {
        Zip::from(&mut *total).and(&part).for_each(|t, &p| *t += p);
        return;
    }
    let rows = rows_per_block(total.shape());
    for (mut block, part_block) in total
        .axis_chunks_iter_mut(Axis(0), rows)
        .zip(part.axis_chunks_iter(Axis(0), rows))
    {
        if crate::engine::interrupt::requested() {
            break;
        }
        Zip::from(&mut block)
            .and(&part_block)
            .for_each(|t, &p| *t += p);
    }
}

/// An element type whose all-zero bytes are a value (`0.0`, `false`): a large array of it is
/// asked of the system as zeroed memory, which costs nothing until it is written. (ndarray's
/// `zeros` writes every element first, a few tenths of a second for 10^8, and no Ctrl-C.)
pub trait Blank: Clone {
    fn blank_vec(len: usize) -> Vec<Self>;
}

impl Blank for f64 {
    fn blank_vec(len: usize) -> Vec<f64> {
        vec![0.0; len]
    }
}

impl Blank for bool {
    fn blank_vec(len: usize) -> Vec<bool> {
        vec![false; len]
    }
}

/// An array of `shape` of zeros (or `false`), as [`Blank`] makes it.
pub fn blank<T: Blank>(shape: &[usize]) -> ArrayD<T> {
    let len = shape.iter().product();
    ArrayD::from_shape_vec(IxDyn(shape), T::blank_vec(len))
        .unwrap_or_else(|_| unreachable!("a vector as long as the shape's product"))
}

/// How many elements of `mask` are true, counted in blocks of rows that look at Ctrl-C (what
/// it gives when stopped is not the count, and the session drops the statement).
pub fn count_true(mask: &ArrayD<bool>) -> usize {
    if mask.len() <= BLOCK_ELEMENTS || mask.ndim() == 0 {
        return mask.iter().filter(|&&b| b).count();
    }
    let mut count = 0;
    for block in mask.axis_chunks_iter(Axis(0), rows_per_block(mask.shape())) {
        if crate::engine::interrupt::requested() {
            break;
        }
        count += block.iter().filter(|&&b| b).count();
    }
    count
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
    crate::engine::gemm::product(column, row).into_dyn()
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
    fn the_wide_loops_give_the_plain_loops_bits() {
        // Signed zeros, subnormals, infinities and NaN among ordinary values; lengths that
        // leave every remainder of a vector.
        let special = [
            0.0,
            -0.0,
            5e-324,
            -1e308,
            f64::INFINITY,
            f64::NAN,
            1.5,
            -2.25,
        ];
        for len in 0..40 {
            let xs: Vec<f64> = (0..len)
                .map(|i| special[i % 8] * if i % 3 == 0 { 1.0 } else { 0.37 })
                .collect();
            let ys: Vec<f64> = xs.iter().rev().map(|v| v * -1.1).collect();
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            let plain: Vec<f64> = xs.iter().map(|&x| x * 0.1).collect();
            assert_eq!(
                bits(&map_slice(&xs, |x| x * 0.1)),
                bits(&plain),
                "map, {len}"
            );
            let plain: Vec<bool> = xs.iter().map(|&x| x <= 0.0).collect();
            assert_eq!(map_slice(&xs, |x| x <= 0.0), plain, "mask, {len}");
            let plain: Vec<f64> = xs.iter().zip(&ys).map(|(&x, &y)| x - y).collect();
            assert_eq!(
                bits(&zip_slices(&xs, &ys, |x, y| x - y)),
                bits(&plain),
                "zip, {len}"
            );
            let bias: Vec<f64> = ys.iter().take(len.min(5)).copied().collect();
            let mut rows = xs.clone();
            let mut plain = xs.clone();
            if !bias.is_empty() {
                let whole = rows.len() / bias.len() * bias.len();
                add_to_rows(&mut rows[..whole], &bias);
                for (k, v) in plain[..whole].iter_mut().enumerate() {
                    *v += bias[k % bias.len()];
                }
            }
            assert_eq!(bits(&rows), bits(&plain), "bias, {len}");
        }
    }

    #[test]
    fn sums_a_broadcast_gradient_back() {
        let g = ArrayD::from_elem(IxDyn(&[2, 3]), 1.0);
        assert_eq!(
            sum_to_shape(g.clone(), &[]),
            ArrayD::from_elem(IxDyn(&[]), 6.0)
        );
        assert_eq!(
            sum_to_shape(g.clone(), &[3]),
            ArrayD::from_elem(IxDyn(&[3]), 2.0)
        );
        assert_eq!(
            sum_to_shape(g, &[2, 1]),
            ArrayD::from_elem(IxDyn(&[2, 1]), 3.0)
        );
    }

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
