//! 행렬의 곱 (matrix products) at the sizes a learner's network multiplies, a batch of 100 rows
//! by a few dozen columns, where the general product's packing of both operands costs as much
//! as the arithmetic. On a CPU with AVX-512 a product of up to `MAX_WORK` multiply-adds is
//! computed here straight from its operands: a block of up to 8 rows of the result by 24
//! columns stays in 24 registers while the inner index runs, each step reading one row of `b`
//! (a transposed `b`, as in `dout · Wᵀ`, is copied into rows first) and broadcasting eight
//! elements of `a`. Everything else goes to ndarray's `general_mat_mul` (matrixmultiply, whose
//! kernels use AVX2). At the training example's shapes this is 8–10 µs a product against
//! matrixmultiply's 14–15 (see bench/README.md).
//!
//! The numbers are the general path's, bit for bit: each element is the sum matrixmultiply's
//! kernels form, from +0, adding `a[i, p]·b[p, j]` for `p` in order, each step one fused
//! multiply-add (one rounding), in panels of 256 inner indices whose sums are added. One
//! difference: a sum of negative products too small for a double is −0 here, as numpy's own
//! products give it, where matrixmultiply's full tiles turn it into +0 (its edge tiles keep
//! −0). Tests compare the bits over many shapes, strides and edge values.

use ndarray::linalg::general_mat_mul;
use ndarray::{Array2, ArrayView2, ArrayViewMut2};

/// matrixmultiply's panel depth for `f64`: it sums the products of each 256 inner indices
/// apart and adds the sums, and so does this module.
const PANEL: usize = 256;

/// The most multiply-adds done here: the size above which the layers' products go in blocks
/// that look at Ctrl-C (`common::BLOCK_WORK`), and about where a product without packing
/// stops winning (a 1000×1000 · 1000×1000 one is 10⁹).
const MAX_WORK: usize = 1 << 29;

/// `out = a · b`, for `out` of shape (rows of `a`, columns of `b`) in any layout.
///
/// # Panics
/// When the shapes do not fit together (the callers have checked them).
pub fn product_into(
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
    out: &mut ArrayViewMut2<'_, f64>,
) {
    let (m, k) = a.dim();
    let n = b.ncols();
    assert!(
        b.nrows() == k && out.dim() == (m, n),
        "product_into got shapes that do not fit"
    );
    // A `b` whose rows are not contiguous is copied first, which only a small one may be.
    #[cfg(target_arch = "x86_64")]
    if own_kernel(m, k, n, &b)
        && let Some(c) = out.as_slice_mut()
    {
        x86::product(a, b, c);
        return;
    }
    general_mat_mul(1.0, &a, &b, 0.0, out);
}

/// The most elements of a `b` copied into rows (2 MB): a larger transposed `b` goes the general
/// way, which packs it a block at a time, so no product asks for a second copy of a large
/// operand (and the copy kept for the next product stays small).
const MAX_COPY: usize = 1 << 18;

/// `a · b`, a new C-order matrix.
///
/// # Panics
/// When the inner sizes differ (the callers have checked them).
pub fn product(a: ArrayView2<'_, f64>, b: ArrayView2<'_, f64>) -> Array2<f64> {
    let (m, k) = a.dim();
    let n = b.ncols();
    assert!(b.nrows() == k, "product got shapes that do not fit");
    // The kernel writes every element of a new result, so it starts from no zeros.
    #[cfg(target_arch = "x86_64")]
    if own_kernel(m, k, n, &b) {
        return Array2::from_shape_vec((m, n), x86::new_product(a, b))
            .expect("the kernel gives m·n elements");
    }
    let mut out = Array2::zeros((m, n));
    product_into(a, b, &mut out.view_mut());
    out
}

/// Whether an (m, k) · (k, n) product with this `b` runs in the kernel of this module: it is
/// small enough, its `b` is read in place or small enough to copy, and the CPU has AVX-512F.
#[cfg(target_arch = "x86_64")]
fn own_kernel(m: usize, k: usize, n: usize, b: &ArrayView2<'_, f64>) -> bool {
    small(m, k, n) && (rows_in_place(b) || k * n <= MAX_COPY) && x86::usable()
}

/// Whether the kernel reads `b`'s rows where they are: its columns are contiguous, or it has
/// one column. Otherwise they are copied into rows first.
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
fn rows_in_place(b: &ArrayView2<'_, f64>) -> bool {
    b.strides()[1] == 1 || b.ncols() == 1
}

/// Whether a product is one this module computes itself (when the CPU allows).
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
fn small(m: usize, k: usize, n: usize) -> bool {
    m > 0 && n > 0 && k > 0 && m.saturating_mul(k).saturating_mul(n) <= MAX_WORK
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use ndarray::ArrayView2;
    use std::arch::x86_64::{
        __mmask8, _mm256_loadu_pd, _mm256_permute2f128_pd, _mm256_storeu_pd, _mm256_unpackhi_pd,
        _mm256_unpacklo_pd, _mm512_add_pd, _mm512_fmadd_pd, _mm512_loadu_pd, _mm512_mask_storeu_pd,
        _mm512_maskz_loadu_pd, _mm512_set1_pd, _mm512_setzero_pd, _mm512_storeu_pd,
    };
    use std::cell::RefCell;

    /// Vectors of 8 columns per block, at most.
    const VECTORS: usize = 3;
    /// Columns of the result per block, at most.
    const COLS: usize = 8 * VECTORS;

    thread_local! {
        /// `b` copied row by row when its rows are not contiguous (a transposed view, as in
        /// `dout · Wᵀ`), kept for the next product: at most `MAX_COPY` elements.
        static ROWS_OF_B: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
    }

    pub fn usable() -> bool {
        std::is_x86_feature_detected!("avx512f")
    }

    /// `c = a · b`, `c` the C-order result. The caller has checked `usable()`, the shapes and
    /// `super::small`.
    pub fn product(a: ArrayView2<'_, f64>, b: ArrayView2<'_, f64>, c: &mut [f64]) {
        debug_assert!(c.len() == a.nrows() * b.ncols());
        // SAFETY: `c` holds the m·n elements of the result.
        unsafe { product_to(a, b, c.as_mut_ptr()) }
    }

    /// `a · b` in a new C-order buffer of m·n elements, never filled with zeros first: the
    /// kernel's first panel stores every element of the result without reading it. The caller
    /// has checked `usable()`, the shapes and `super::small` (which makes every size at least 1).
    pub fn new_product(a: ArrayView2<'_, f64>, b: ArrayView2<'_, f64>) -> Vec<f64> {
        let len = a.nrows() * b.ncols();
        let mut c = Vec::with_capacity(len);
        // SAFETY: the buffer has room for m·n elements, and `blocks` writes each of them (its
        // first panel covers every row and column and stores without loading) before `set_len`
        // makes them part of the vector.
        unsafe {
            product_to(a, b, c.as_mut_ptr());
            c.set_len(len);
        }
        c
    }

    /// # Safety
    /// `c` points to room for m·n elements; the caller has checked `usable()`, the shapes and
    /// `super::small`.
    unsafe fn product_to(a: ArrayView2<'_, f64>, b: ArrayView2<'_, f64>, c: *mut f64) {
        let (m, k) = a.dim();
        let n = b.ncols();
        debug_assert!(usable() && b.nrows() == k && m > 0 && k > 0 && n > 0);
        let (ra, ca) = (a.strides()[0], a.strides()[1]);
        if super::rows_in_place(&b) {
            // SAFETY: `a` and `b` are views whose every element (i, p) and (p, j) is at the
            // pointer plus the strides times the index; `c` holds m·n elements; the CPU has
            // AVX-512F (`usable`).
            unsafe { blocks(m, k, n, a.as_ptr(), ra, ca, b.as_ptr(), b.strides()[0], c) }
        } else {
            ROWS_OF_B.with_borrow_mut(|rows| {
                // Every element is written by the copy: the buffer is only grown, not cleared.
                if rows.len() < k * n {
                    rows.resize(k * n, 0.0);
                }
                let rows = &mut rows[..k * n];
                // SAFETY: `rows` holds k·n elements; the CPU has AVX-512F.
                unsafe { copy_rows(b, rows) };
                // SAFETY: as above, with `b` now k rows of n contiguous elements.
                unsafe { blocks(m, k, n, a.as_ptr(), ra, ca, rows.as_ptr(), n as isize, c) }
            });
        }
    }

    /// `b`'s elements into `rows`, k rows of n, row after row. A transposed view (`Wᵀ` of a
    /// C-order `W`, its columns contiguous) goes four by four through registers: four columns
    /// read as vectors, transposed, written as four rows.
    ///
    /// # Safety
    /// `rows` has k·n elements; the CPU has AVX-512F.
    #[target_feature(enable = "avx512f")]
    unsafe fn copy_rows(b: ArrayView2<'_, f64>, rows: &mut [f64]) {
        let (k, n) = b.dim();
        debug_assert_eq!(rows.len(), k * n);
        let (rs, cs) = (b.strides()[0], b.strides()[1]);
        let (whole_k, whole_n) = if rs == 1 {
            (k / 4 * 4, n / 4 * 4)
        } else {
            (0, 0)
        };
        let (src, dst) = (b.as_ptr(), rows.as_mut_ptr());
        for j in (0..whole_n).step_by(4) {
            for p in (0..whole_k).step_by(4) {
                // SAFETY: columns j..j+4 of `b` have elements p..p+4, one after another (rs
                // is 1); rows p..p+4 of `rows` have columns j..j+4.
                unsafe {
                    let at = |c: usize| src.offset(p as isize + (j + c) as isize * cs);
                    let (c0, c1) = (_mm256_loadu_pd(at(0)), _mm256_loadu_pd(at(1)));
                    let (c2, c3) = (_mm256_loadu_pd(at(2)), _mm256_loadu_pd(at(3)));
                    let (t0, t1) = (_mm256_unpacklo_pd(c0, c1), _mm256_unpackhi_pd(c0, c1));
                    let (t2, t3) = (_mm256_unpacklo_pd(c2, c3), _mm256_unpackhi_pd(c2, c3));
                    let to = |r: usize| dst.add((p + r) * n + j);
                    _mm256_storeu_pd(to(0), _mm256_permute2f128_pd::<0x20>(t0, t2));
                    _mm256_storeu_pd(to(1), _mm256_permute2f128_pd::<0x20>(t1, t3));
                    _mm256_storeu_pd(to(2), _mm256_permute2f128_pd::<0x31>(t0, t2));
                    _mm256_storeu_pd(to(3), _mm256_permute2f128_pd::<0x31>(t1, t3));
                }
            }
        }
        // What the tiles left: the last rows of the tiled columns, then the last columns.
        for p in 0..k {
            let from = if p < whole_k { whole_n } else { 0 };
            for j in from..n {
                // SAFETY: p < k and j < n index the view and `rows`.
                unsafe { *dst.add(p * n + j) = *b.uget((p, j)) };
            }
        }
    }

    /// All blocks of the result, each by the kernel for its number of rows and columns: 8
    /// rows while there are 8 left, then 4, 2 and 1; 24 columns while there are 24 left, then
    /// the rest in one block whose last vector of 8 may be partial.
    ///
    /// # Safety
    /// `a + i·ra + p·ca` is an element for i < m, p < k; `b + p·rb + j` for p < k, j < n; `c`
    /// has m·n elements; the CPU has AVX-512F.
    #[allow(clippy::too_many_arguments)]
    #[target_feature(enable = "avx512f")]
    unsafe fn blocks(
        m: usize,
        k: usize,
        n: usize,
        a: *const f64,
        ra: isize,
        ca: isize,
        b: *const f64,
        rb: isize,
        c: *mut f64,
    ) {
        // Panels of the inner index, as matrixmultiply sums them: the first sets the result,
        // each later one adds its own sum to it.
        for start in (0..k).step_by(super::PANEL) {
            let depth = super::PANEL.min(k - start);
            // SAFETY: `start` < k: an element of each row of `a` and a row of `b`.
            let (a, b) = unsafe { (a.offset(start as isize * ca), b.offset(start as isize * rb)) };
            let add = start > 0;
            let mut i = 0;
            while i < m {
                let rows = match m - i {
                    8.. => 8,
                    4..=7 => 4,
                    2..=3 => 2,
                    _ => 1,
                };
                for j in (0..n).step_by(COLS) {
                    let cols = COLS.min(n - j);
                    let (vectors, partial) = (cols.div_ceil(8), !cols.is_multiple_of(8));
                    // The columns of the last vector, 1 to 8.
                    let last = cols - 8 * (vectors - 1);
                    let block = Block {
                        k: depth,
                        add,
                        // SAFETY (all three): offsets of elements the caller vouched for.
                        a: unsafe { a.offset(i as isize * ra) },
                        ra,
                        ca,
                        b: unsafe { b.add(j) },
                        rb,
                        c: unsafe { c.add(i * n + j) },
                        rc: n,
                        // The lanes of the last vector that are columns of the result.
                        mask: (0xffu16 >> (8 - last)) as __mmask8,
                    };
                    // SAFETY: the block's rows and columns are inside the result.
                    unsafe {
                        match (rows, vectors, partial) {
                            (8, 3, false) => block.run::<8, 3, false>(),
                            (8, 3, true) => block.run::<8, 3, true>(),
                            (8, 2, false) => block.run::<8, 2, false>(),
                            (8, 2, true) => block.run::<8, 2, true>(),
                            (8, 1, false) => block.run::<8, 1, false>(),
                            (8, 1, true) => block.run::<8, 1, true>(),
                            (4, 3, false) => block.run::<4, 3, false>(),
                            (4, 3, true) => block.run::<4, 3, true>(),
                            (4, 2, false) => block.run::<4, 2, false>(),
                            (4, 2, true) => block.run::<4, 2, true>(),
                            (4, 1, false) => block.run::<4, 1, false>(),
                            (4, 1, true) => block.run::<4, 1, true>(),
                            (2, 3, false) => block.run::<2, 3, false>(),
                            (2, 3, true) => block.run::<2, 3, true>(),
                            (2, 2, false) => block.run::<2, 2, false>(),
                            (2, 2, true) => block.run::<2, 2, true>(),
                            (2, 1, false) => block.run::<2, 1, false>(),
                            (2, 1, true) => block.run::<2, 1, true>(),
                            (_, 3, false) => block.run::<1, 3, false>(),
                            (_, 3, true) => block.run::<1, 3, true>(),
                            (_, 2, false) => block.run::<1, 2, false>(),
                            (_, 2, true) => block.run::<1, 2, true>(),
                            (_, _, false) => block.run::<1, 1, false>(),
                            (_, _, true) => block.run::<1, 1, true>(),
                        }
                    }
                }
                i += rows;
            }
        }
    }

    /// One block of the result: where its first element of `a`, `b` and `c` is, and the strides.
    struct Block {
        k: usize,
        /// Whether the block's sums are added to what `c` holds (a later panel).
        add: bool,
        a: *const f64,
        ra: isize,
        ca: isize,
        b: *const f64,
        rb: isize,
        c: *mut f64,
        rc: usize,
        mask: __mmask8,
    }

    impl Block {
        /// `R` rows by `V` vectors of 8 columns, the last one partial (`mask`) when `PARTIAL`.
        ///
        /// # Safety
        /// `a + r·ra + p·ca` is an element for r < R, p < k; `b + p·rb + j` and `c + r·rc + j`
        /// for the block's columns j; the CPU has AVX-512F.
        #[inline]
        #[target_feature(enable = "avx512f")]
        unsafe fn run<const R: usize, const V: usize, const PARTIAL: bool>(&self) {
            let mut sum = [[_mm512_setzero_pd(); V]; R];
            let (mut a, mut b) = (self.a, self.b);
            for _ in 0..self.k {
                let mut row = [_mm512_setzero_pd(); V];
                for (v, lanes) in row.iter_mut().enumerate() {
                    // SAFETY: columns of this block in row p of `b`; a partial vector reads
                    // only its masked lanes.
                    *lanes = unsafe {
                        if PARTIAL && v == V - 1 {
                            _mm512_maskz_loadu_pd(self.mask, b.add(8 * v))
                        } else {
                            _mm512_loadu_pd(b.add(8 * v))
                        }
                    };
                }
                for (r, sums) in sum.iter_mut().enumerate() {
                    // SAFETY: element (r, p) of `a`.
                    let x = _mm512_set1_pd(unsafe { *a.offset(r as isize * self.ra) });
                    for (s, &y) in sums.iter_mut().zip(&row) {
                        *s = _mm512_fmadd_pd(x, y, *s);
                    }
                }
                // One past the last p at most, never read.
                a = a.wrapping_offset(self.ca);
                b = b.wrapping_offset(self.rb);
            }
            for (r, sums) in sum.iter().enumerate() {
                // SAFETY: row r of the block in `c`.
                let c = unsafe { self.c.add(r * self.rc) };
                for (v, &s) in sums.iter().enumerate() {
                    unsafe {
                        let to = c.add(8 * v);
                        if PARTIAL && v == V - 1 {
                            let s = match self.add {
                                true => _mm512_add_pd(_mm512_maskz_loadu_pd(self.mask, to), s),
                                false => s,
                            };
                            _mm512_mask_storeu_pd(to, self.mask, s);
                        } else {
                            let s = match self.add {
                                true => _mm512_add_pd(_mm512_loadu_pd(to), s),
                                false => s,
                            };
                            _mm512_storeu_pd(to, s);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::ShapeBuilder;

    /// A deterministic spread of values with both signs, zeros, tiny and huge magnitudes.
    fn values(len: usize, seed: u64) -> Vec<f64> {
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..len)
            .map(|i| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let u = (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
                match i % 17 {
                    0 => 0.0,
                    5 => -0.0,
                    9 => u * 1e300,
                    13 => u * 1e-300,
                    _ => u * 3.0,
                }
            })
            .collect()
    }

    fn general(a: ArrayView2<'_, f64>, b: ArrayView2<'_, f64>) -> Array2<f64> {
        let mut c = Array2::zeros((a.nrows(), b.ncols()));
        general_mat_mul(1.0, &a, &b, 0.0, &mut c);
        c
    }

    /// The same bits, or both zero (see the module's note on −0).
    fn same_bits(x: &Array2<f64>, y: &Array2<f64>) -> bool {
        x.shape() == y.shape()
            && x.iter()
                .zip(y)
                .all(|(p, q)| p.to_bits() == q.to_bits() || (*p == 0.0 && *q == 0.0))
    }

    #[test]
    fn a_negative_sum_too_small_for_a_double_is_negative_zero_as_numpy_gives_it() {
        let a = Array2::from_elem((2, 3), -1e-300);
        let b = Array2::from_elem((3, 5), 1e-300);
        let mut c = Array2::from_elem((2, 5), f64::NAN);
        product_into(a.view(), b.view(), &mut c.view_mut());
        if with_avx512() {
            assert!(
                c.iter().all(|v| v.to_bits() == (-0.0f64).to_bits()),
                "{c:?}"
            );
        } else {
            assert!(c.iter().all(|v| *v == 0.0), "{c:?}");
        }
    }

    fn with_avx512() -> bool {
        #[cfg(target_arch = "x86_64")]
        return x86::usable();
        #[cfg(not(target_arch = "x86_64"))]
        return false;
    }

    #[test]
    fn every_small_shape_gives_the_general_products_bits() {
        let sizes = [1, 2, 3, 4, 5, 7, 8, 11, 12, 13, 16, 25, 50, 64];
        let mut seed = 1;
        for &m in &sizes {
            for &k in &[1, 2, 3, 10, 64, 100, 256, 257, 600] {
                for &n in &sizes {
                    seed += 1;
                    let a = Array2::from_shape_vec((m, k), values(m * k, seed)).unwrap();
                    let b = Array2::from_shape_vec((k, n), values(k * n, seed + 1000)).unwrap();
                    let mut c = Array2::from_elem((m, n), f64::NAN);
                    product_into(a.view(), b.view(), &mut c.view_mut());
                    assert!(same_bits(&c, &general(a.view(), b.view())), "{m}x{k}x{n}");
                    // A new result, which the kernel writes without zeros first (the NaNs
                    // above show it leaves no element unwritten).
                    assert!(
                        same_bits(&product(a.view(), b.view()), &c),
                        "{m}x{k}x{n}, new result"
                    );
                    // The same `b` as a transposed view, copied by tiles of 4 and their edges.
                    let bt = b.t().as_standard_layout().into_owned();
                    let mut c = Array2::from_elem((m, n), f64::NAN);
                    product_into(a.view(), bt.t(), &mut c.view_mut());
                    assert!(
                        same_bits(&c, &general(a.view(), b.view())),
                        "{m}x{k}x{n}, b transposed"
                    );
                }
            }
        }
    }

    #[test]
    fn transposed_and_strided_operands_give_the_same_bits() {
        // a = xᵀ (column-major), b = Wᵀ (rows not contiguous), and every other column.
        let x = Array2::from_shape_vec((100, 64), values(6400, 7)).unwrap();
        let w = Array2::from_shape_vec((64, 50), values(3200, 8)).unwrap();
        let dout = Array2::from_shape_vec((100, 50), values(5000, 9)).unwrap();
        let cases: Vec<(ArrayView2<'_, f64>, ArrayView2<'_, f64>)> = vec![
            (x.view(), w.view()),
            (dout.view(), w.t()),
            (x.t(), dout.view()),
            (
                x.slice(ndarray::s![.., ..;2]),
                w.slice(ndarray::s![..;2, ..]),
            ),
            (
                x.slice(ndarray::s![..;-1, ..]),
                w.slice(ndarray::s![..;-1, ..;-1]),
            ),
        ];
        for (a, b) in cases {
            let mut c = Array2::zeros((a.nrows(), b.ncols()));
            product_into(a, b, &mut c.view_mut());
            assert!(
                same_bits(&c, &general(a, b)),
                "{:?} · {:?}",
                a.dim(),
                b.dim()
            );
        }
        // A result in Fortran order goes the general way, with the same numbers.
        let mut f = Array2::zeros((100, 50).f());
        product_into(x.view(), w.view(), &mut f.view_mut());
        assert!(same_bits(
            &f.as_standard_layout().to_owned(),
            &general(x.view(), w.view())
        ));
    }

    #[test]
    fn broadcast_operands_and_a_large_transposed_b_give_the_same_bits() {
        // Zero strides (numpy's broadcast_to), and a transposed `b` too large to copy.
        let row = values(50, 3);
        let col = values(64, 4);
        let a = ArrayView2::from_shape((100, 50).strides((0, 1)), &row).unwrap();
        let b = ArrayView2::from_shape((50, 64).strides((1, 0)), &col[..50]).unwrap();
        let mut c = Array2::zeros((100, 64));
        product_into(a, b, &mut c.view_mut());
        assert!(same_bits(&c, &general(a, b)));
        let big = Array2::from_shape_vec((600, 500), values(300_000, 5)).unwrap();
        let x = Array2::from_shape_vec((3, 500), values(1500, 6)).unwrap();
        const { assert!(500 * 600 > MAX_COPY) };
        let mut c = Array2::zeros((3, 600));
        product_into(x.view(), big.t(), &mut c.view_mut());
        assert!(same_bits(&c, &general(x.view(), big.t())));
    }

    #[test]
    fn large_or_empty_products_go_the_general_way() {
        assert!(small(100, 64, 50));
        assert!(small(1, 256, 1) && small(100, 784, 50));
        assert!(small(1000, 100, 1000), "10^8 multiply-adds");
        assert!(!small(1000, 1000, 1000), "10^9 multiply-adds");
        assert!(!small(0, 10, 10) && !small(10, 0, 10) && !small(10, 10, 0));
    }
}
