//! numpy's arrays in the interpreter: arithmetic and comparisons with numpy 2's type promotion
//! (Python numbers are "weak" scalars), `@`, in-place operators, indexing (basic indexing gives
//! views of the shared buffer, advanced indexing gives copies), assignment through views, and
//! numpy's `str` and `repr` of arrays and of its scalars.

use std::rc::Rc;

use crate::msg;
use crate::py::ast::{BinOp, CmpOp, UnaryOp};
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::value::{
    ArrayObj, DType, Value, broadcast_error, broadcast_shape, contiguous_strides, promote,
    shape_text, slice_span, to_array,
};

/// The most elements an operation may make.
const MAX_ELEMENTS: usize = 1 << 31;

fn error(kind: ExcKind, message: crate::i18n::Message) -> PyErr {
    PyErr::new(kind, message)
}

/// A numpy scalar of `dtype` holding `x`.
pub fn np_scalar(x: f64, dtype: DType) -> Value {
    match dtype {
        DType::Float64 => Value::NpFloat(x),
        DType::Int64 => Value::NpInt(x as i64),
        DType::Bool => Value::NpBool(x != 0.0),
    }
}

fn zero_d(x: f64, dtype: DType) -> Rc<ArrayObj> {
    Rc::new(ArrayObj::from_vec(vec![x], Vec::new(), dtype))
}

/// A value as an operand of numpy arithmetic: arrays, numpy scalars, Python numbers and lists
/// or tuples of numbers. `None` for anything else (a string, `None`, an instance).
fn operand(v: &Value) -> PyResult<Option<Rc<ArrayObj>>> {
    Ok(Some(match v {
        Value::Array(a) => a.clone(),
        Value::Int(i) | Value::NpInt(i) => zero_d(*i as f64, DType::Int64),
        Value::Float(x) | Value::NpFloat(x) => zero_d(*x, DType::Float64),
        Value::Bool(b) | Value::NpBool(b) => zero_d(f64::from(u8::from(*b)), DType::Bool),
        Value::List(_) | Value::Tuple(_) => to_array(v)?,
        _ => return Ok(None),
    }))
}

/// Whether the value counts as 0-d for the kind of result: a Python number, a numpy scalar or a
/// 0-d array.
fn is_zero_d(v: &Value) -> bool {
    match v {
        Value::Array(a) => a.shape.is_empty(),
        Value::Int(_)
        | Value::Float(_)
        | Value::Bool(_)
        | Value::NpInt(_)
        | Value::NpFloat(_)
        | Value::NpBool(_) => true,
        _ => false,
    }
}

/// The Python type of one element, as numpy's object-array messages name it.
fn elem_type(dtype: DType) -> &'static str {
    match dtype {
        DType::Float64 => "float",
        DType::Int64 => "int",
        DType::Bool => "bool",
    }
}

fn dtype_class(dtype: DType) -> &'static str {
    match dtype {
        DType::Float64 => "<class 'numpy.dtypes.Float64DType'>",
        DType::Int64 => "<class 'numpy.dtypes.Int64DType'>",
        DType::Bool => "<class 'numpy.dtypes.BoolDType'>",
    }
}

fn ufunc_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "subtract",
        BinOp::Mul => "multiply",
        BinOp::Div => "divide",
        BinOp::FloorDiv => "floor_divide",
        BinOp::Mod => "remainder",
        BinOp::Pow => "power",
        BinOp::MatMul => "matmul",
        BinOp::BitAnd => "bitwise_and",
        BinOp::BitOr => "bitwise_or",
        BinOp::BitXor => "bitwise_xor",
        BinOp::LShift => "left_shift",
        BinOp::RShift => "right_shift",
    }
}

fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

fn cmp_ufunc(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "less",
        CmpOp::Le => "less_equal",
        CmpOp::Gt => "greater",
        CmpOp::Ge => "greater_equal",
        CmpOp::Eq => "equal",
        _ => "not_equal",
    }
}

/// The error for an operand numpy cannot compute with: a string meets no ufunc loop, anything
/// else fails as numpy's object arrays fail, element by element.
fn operand_error(ufunc: &str, symbol: &str, a: &Value, b: &Value, order: bool) -> PyErr {
    let side = |v: &Value| -> (String, Option<DType>) {
        match operand(v) {
            Ok(Some(arr)) => (elem_type(arr.dtype).to_string(), Some(arr.dtype)),
            _ => (v.type_name(), None),
        }
    };
    let (ta, da) = side(a);
    let (tb, db) = side(b);
    let is_str = matches!(a, Value::Str(_)) || matches!(b, Value::Str(_));
    if is_str {
        let class = |d: Option<DType>| {
            d.map_or("<class 'numpy.dtypes.StrDType'>", dtype_class)
                .to_string()
        };
        return error(
            ExcKind::TypeError,
            msg!(
                "py-array-no-loop",
                ufunc = ufunc,
                a = class(da),
                b = class(db)
            ),
        );
    }
    if order {
        error(
            ExcKind::TypeError,
            msg!("py-array-order", op = symbol, a = ta, b = tb),
        )
    } else {
        error(
            ExcKind::TypeError,
            msg!("py-array-unsupported", op = symbol, a = ta, b = tb),
        )
    }
}

/// The number of elements of `shape`, refused past [`MAX_ELEMENTS`].
fn checked_size(shape: &[usize]) -> PyResult<usize> {
    let size = shape
        .iter()
        .try_fold(1usize, |acc, &n| acc.checked_mul(n))
        .filter(|&n| n <= MAX_ELEMENTS && can_allocate(n.saturating_mul(16)));
    size.ok_or_else(|| {
        error(
            ExcKind::MemoryError,
            msg!("py-array-too-big", shape = shape_text(shape)),
        )
    })
}

/// Up to this many bytes the system is not asked first: what small arrays need, the heap the
/// interpreter works in gives (asking costs an allocation and a release on every operation).
const SMALL_BYTES: usize = 1 << 20;

/// Whether the system would give `bytes` now (see `engine::memory::available`).
pub fn can_allocate(bytes: usize) -> bool {
    bytes <= SMALL_BYTES || crate::engine::memory::available(bytes)
}

/// The strides that read an array of `shape` (with `strides`) broadcast to `out`.
fn broadcast_strides(shape: &[usize], strides: &[isize], out: &[usize]) -> Vec<isize> {
    let lead = out.len().saturating_sub(shape.len());
    (0..out.len())
        .map(|i| {
            if i < lead {
                return 0;
            }
            match (shape.get(i - lead), strides.get(i - lead)) {
                (Some(&n), Some(&s)) if n != 1 => s,
                _ => 0,
            }
        })
        .collect()
}

/// Calls `f` with the offsets under two stride lists of every position of `shape`, C order.
/// The last axis is walked in a tight loop; the others advance like an odometer.
fn walk2(shape: &[usize], sa: &[isize], sb: &[isize], mut f: impl FnMut(isize, isize)) {
    if shape.contains(&0) {
        return;
    }
    let Some((&n, outer)) = shape.split_last() else {
        f(0, 0);
        return;
    };
    let da = sa.last().copied().unwrap_or(0);
    let db = sb.last().copied().unwrap_or(0);
    walk_outer(outer, sa, sb, |oa, ob| {
        let (mut pa, mut pb) = (oa, ob);
        for _ in 0..n {
            f(pa, pb);
            pa += da;
            pb += db;
        }
    });
}

/// Calls `f` with the offsets under two stride lists (at least as long as `shape`) of every
/// position of `shape`, C order, one call a position.
fn walk_outer(shape: &[usize], sa: &[isize], sb: &[isize], mut f: impl FnMut(isize, isize)) {
    if shape.contains(&0) {
        return;
    }
    let mut index = vec![0usize; shape.len()];
    let (mut oa, mut ob) = (0isize, 0isize);
    loop {
        f(oa, ob);
        let mut axis = shape.len();
        loop {
            if axis == 0 {
                return;
            }
            axis -= 1;
            index[axis] += 1;
            let (da, db) = (sa[axis], sb[axis]);
            oa += da;
            ob += db;
            if index[axis] < shape[axis] {
                break;
            }
            oa -= da * shape[axis] as isize;
            ob -= db * shape[axis] as isize;
            index[axis] = 0;
        }
    }
}

fn read(buf: &[f64], offset: usize, rel: isize) -> f64 {
    buf.get((offset as isize + rel).max(0) as usize)
        .copied()
        .unwrap_or(0.0)
}

/// `f` over the elements of `a` and `b` broadcast together: the values in C order and the shape.
fn elementwise(
    a: &ArrayObj,
    b: &ArrayObj,
    f: impl Fn(f64, f64) -> f64,
) -> PyResult<(Vec<f64>, Vec<usize>)> {
    let shape =
        broadcast_shape(&a.shape, &b.shape).ok_or_else(|| broadcast_error(&a.shape, &b.shape))?;
    let size = checked_size(&shape)?;
    if size == 0 {
        return Ok((Vec::new(), shape));
    }
    let ba = a.buf.borrow();
    let bb = b.buf.borrow();
    // Contiguous operands: slices, zipped or one of them a single value.
    if let (Some(ra), Some(rb)) = (a.contiguous_range(ba.len()), b.contiguous_range(bb.len())) {
        let (xa, xb) = (&ba[ra], &bb[rb]);
        if xa.len() == size && xb.len() == size {
            let out = xa.iter().zip(xb).map(|(&p, &q)| f(p, q)).collect();
            return Ok((out, shape));
        }
        if xa.len() == size && xb.len() == 1 {
            let q = xb[0];
            return Ok((xa.iter().map(|&p| f(p, q)).collect(), shape));
        }
        if xa.len() == 1 && xb.len() == size {
            let p = xa[0];
            return Ok((xb.iter().map(|&q| f(p, q)).collect(), shape));
        }
    }
    let sa = broadcast_strides(&a.shape, &a.strides, &shape);
    let sb = broadcast_strides(&b.shape, &b.strides, &shape);
    let mut out = Vec::with_capacity(size);
    let in_bounds = |x: &ArrayObj, len: usize| x.offset_bounds().is_some_and(|(_, hi)| hi <= len);
    if !shape.is_empty() && in_bounds(a, ba.len()) && in_bounds(b, bb.len()) {
        // Row by row along the last axis; each row a zip or a map over slices where it can be.
        let n = shape[shape.len() - 1];
        let (da, db) = (sa[sa.len() - 1], sb[sb.len() - 1]);
        let (a0, b0) = (a.offset as isize, b.offset as isize);
        walk_outer(&shape[..shape.len() - 1], &sa, &sb, |oa, ob| {
            let (pa, pb) = ((a0 + oa) as usize, (b0 + ob) as usize);
            match (da, db) {
                (1, 1) => out.extend(
                    ba[pa..pa + n]
                        .iter()
                        .zip(&bb[pb..pb + n])
                        .map(|(&p, &q)| f(p, q)),
                ),
                (1, 0) => {
                    let q = bb[pb];
                    out.extend(ba[pa..pa + n].iter().map(|&p| f(p, q)));
                }
                (0, 1) => {
                    let p = ba[pa];
                    out.extend(bb[pb..pb + n].iter().map(|&q| f(p, q)));
                }
                _ => {
                    let (mut pa, mut pb) = (pa as isize, pb as isize);
                    for _ in 0..n {
                        out.push(f(ba[pa as usize], bb[pb as usize]));
                        pa += da;
                        pb += db;
                    }
                }
            }
        });
        return Ok((out, shape));
    }
    walk2(&shape, &sa, &sb, |oa, ob| {
        out.push(f(read(&ba, a.offset, oa), read(&bb, b.offset, ob)))
    });
    Ok((out, shape))
}

// Integer arithmetic on whole numbers held as floats, exact as int64 is.

fn int(x: f64) -> i64 {
    x as i64
}

fn iadd(x: f64, y: f64) -> f64 {
    int(x).wrapping_add(int(y)) as f64
}

fn isub(x: f64, y: f64) -> f64 {
    int(x).wrapping_sub(int(y)) as f64
}

fn imul(x: f64, y: f64) -> f64 {
    int(x).wrapping_mul(int(y)) as f64
}

/// numpy's int64 floor division: a zero divisor gives 0.
fn ifloordiv(x: f64, y: f64) -> f64 {
    let (x, y) = (int(x), int(y));
    if y == 0 {
        return 0.0;
    }
    let q = x.wrapping_div(y);
    let adjust = x.wrapping_rem(y) != 0 && ((x < 0) != (y < 0));
    (if adjust { q - 1 } else { q }) as f64
}

/// numpy's int64 remainder, with the divisor's sign: a zero divisor gives 0.
fn imod(x: f64, y: f64) -> f64 {
    let (x, y) = (int(x), int(y));
    if y == 0 {
        return 0.0;
    }
    let r = x.wrapping_rem(y);
    (if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }) as f64
}

/// int64 power by squaring, wrapping as numpy's does; the exponent is never negative here.
fn ipow(x: f64, y: f64) -> f64 {
    let mut base = int(x);
    let mut exp = int(y).max(0) as u64;
    let mut acc: i64 = 1;
    while exp > 0 {
        if exp & 1 == 1 {
            acc = acc.wrapping_mul(base);
        }
        base = base.wrapping_mul(base);
        exp >>= 1;
    }
    acc as f64
}

fn iand(x: f64, y: f64) -> f64 {
    (int(x) & int(y)) as f64
}

fn ior(x: f64, y: f64) -> f64 {
    (int(x) | int(y)) as f64
}

fn ixor(x: f64, y: f64) -> f64 {
    (int(x) ^ int(y)) as f64
}

fn ilshift(x: f64, y: f64) -> f64 {
    let (x, y) = (int(x), int(y));
    if (0..64).contains(&y) {
        x.wrapping_shl(y as u32) as f64
    } else {
        0.0
    }
}

fn irshift(x: f64, y: f64) -> f64 {
    let (x, y) = (int(x), int(y));
    if (0..64).contains(&y) {
        (x >> y) as f64
    } else if x < 0 {
        -1.0
    } else {
        0.0
    }
}

/// numpy's `npy_divmod` for floats: the floored quotient and the remainder with the divisor's
/// sign.
fn fdivmod(a: f64, b: f64) -> (f64, f64) {
    let m = a % b;
    if b == 0.0 {
        return (a / b, m);
    }
    let mut div = (a - m) / b;
    let mut m = m;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0f64.copysign(a / b)
    };
    (floordiv, m)
}

fn ffloordiv(a: f64, b: f64) -> f64 {
    fdivmod(a, b).0
}

fn fmod(a: f64, b: f64) -> f64 {
    fdivmod(a, b).1
}

fn bool_or(x: f64, y: f64) -> f64 {
    f64::from(u8::from(x != 0.0 || y != 0.0))
}

fn bool_and(x: f64, y: f64) -> f64 {
    f64::from(u8::from(x != 0.0 && y != 0.0))
}

fn bool_xor(x: f64, y: f64) -> f64 {
    f64::from(u8::from((x != 0.0) != (y != 0.0)))
}

type Kernel = fn(f64, f64) -> f64;

/// The result dtype and the element function of `op` on operands promoted to `dt`.
fn kernel(op: BinOp, dt: DType) -> PyResult<(DType, Kernel)> {
    use DType::*;
    let not_supported = || {
        error(
            ExcKind::TypeError,
            msg!("py-array-not-supported", ufunc = ufunc_name(op)),
        )
    };
    Ok(match (op, dt) {
        (BinOp::Add, Bool) => (Bool, bool_or),
        (BinOp::Add, Int64) => (Int64, iadd),
        (BinOp::Add, Float64) => (Float64, |x, y| x + y),
        (BinOp::Sub, Bool) => {
            return Err(error(ExcKind::TypeError, msg!("py-array-bool-subtract")));
        }
        (BinOp::Sub, Int64) => (Int64, isub),
        (BinOp::Sub, Float64) => (Float64, |x, y| x - y),
        (BinOp::Mul, Bool) => (Bool, bool_and),
        (BinOp::Mul, Int64) => (Int64, imul),
        (BinOp::Mul, Float64) => (Float64, |x, y| x * y),
        (BinOp::Div, _) => (Float64, |x, y| x / y),
        (BinOp::FloorDiv, Bool | Int64) => (Int64, ifloordiv),
        (BinOp::FloorDiv, Float64) => (Float64, ffloordiv),
        (BinOp::Mod, Bool | Int64) => (Int64, imod),
        (BinOp::Mod, Float64) => (Float64, fmod),
        (BinOp::Pow, Bool | Int64) => (Int64, ipow),
        (BinOp::Pow, Float64) => (Float64, f64::powf),
        (BinOp::BitAnd, Bool) => (Bool, bool_and),
        (BinOp::BitOr, Bool) => (Bool, bool_or),
        (BinOp::BitXor, Bool) => (Bool, bool_xor),
        (BinOp::BitAnd, Int64) => (Int64, iand),
        (BinOp::BitOr, Int64) => (Int64, ior),
        (BinOp::BitXor, Int64) => (Int64, ixor),
        (BinOp::LShift, Bool | Int64) => (Int64, ilshift),
        (BinOp::RShift, Bool | Int64) => (Int64, irshift),
        (BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::LShift | BinOp::RShift, _) => {
            return Err(not_supported());
        }
        // `@` does not come through here.
        (BinOp::MatMul, _) => (dt, |x, y| x * y),
    })
}

/// The result of `op` on two arrays: values in C order, shape and dtype.
fn compute(op: BinOp, a: &ArrayObj, b: &ArrayObj) -> PyResult<(Vec<f64>, Vec<usize>, DType)> {
    if op == BinOp::MatMul {
        return matmul(a, b);
    }
    let dt = promote(a.dtype, b.dtype);
    let (out, f) = kernel(op, dt)?;
    if op == BinOp::Pow && out == DType::Int64 && b.to_vec().iter().any(|&y| y < 0.0) {
        return Err(error(ExcKind::ValueError, msg!("py-array-negative-power")));
    }
    // The common float operators as closures of their own, so that the loops inline them.
    let (data, shape) = match (op, out) {
        (BinOp::Add, DType::Float64) => elementwise(a, b, |x, y| x + y)?,
        (BinOp::Sub, DType::Float64) => elementwise(a, b, |x, y| x - y)?,
        (BinOp::Mul, DType::Float64) => elementwise(a, b, |x, y| x * y)?,
        (BinOp::Div, _) => elementwise(a, b, |x, y| x / y)?,
        _ => elementwise(a, b, f)?,
    };
    Ok((data, shape, out))
}

/// `a op b` where either side is an array or a numpy scalar (the other may be a Python number,
/// a list or tuple, an array or a numpy scalar). Two 0-d operands give a numpy scalar.
pub fn binary(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (operand(a)?, operand(b)?) else {
        return Err(operand_error(ufunc_name(op), op.symbol(), a, b, false));
    };
    let (data, shape, dtype) = compute(op, &x, &y)?;
    let scalar = (is_zero_d(a) && is_zero_d(b)) || (op == BinOp::MatMul && shape.is_empty());
    Ok(finish(data, shape, dtype, scalar))
}

fn finish(data: Vec<f64>, shape: Vec<usize>, dtype: DType, scalar: bool) -> Value {
    if scalar && shape.is_empty() {
        np_scalar(data.first().copied().unwrap_or(0.0), dtype)
    } else {
        Value::array(ArrayObj::from_vec(data, shape, dtype))
    }
}

/// `np.matmul` of two arrays of at least one dimension (`np.dot` for two 1-d ones).
fn matmul(a: &ArrayObj, b: &ArrayObj) -> PyResult<(Vec<f64>, Vec<usize>, DType)> {
    for (i, x) in [a, b].iter().enumerate() {
        if x.shape.is_empty() {
            return Err(error(
                ExcKind::ValueError,
                msg!("py-array-matmul-scalar", operand = i.to_string()),
            ));
        }
    }
    let dt = promote(a.dtype, b.dtype);
    let mut sa = a.shape.clone();
    if sa.len() == 1 {
        sa.insert(0, 1);
    }
    let mut sb = b.shape.clone();
    if sb.len() == 1 {
        sb.push(1);
    }
    let (n, k) = (sa[sa.len() - 2], sa[sa.len() - 1]);
    let (k2, m) = (sb[sb.len() - 2], sb[sb.len() - 1]);
    if k != k2 {
        return Err(error(
            ExcKind::ValueError,
            msg!(
                "py-array-matmul-core",
                got = k2.to_string(),
                want = k.to_string()
            ),
        ));
    }
    let batch_a = &sa[..sa.len() - 2];
    let batch_b = &sb[..sb.len() - 2];
    let batch =
        broadcast_shape(batch_a, batch_b).ok_or_else(|| broadcast_error(&a.shape, &b.shape))?;
    let mut full = batch.clone();
    full.extend([n, m]);
    let size = checked_size(&full)?;
    let mut shape = batch.clone();
    if a.shape.len() > 1 {
        shape.push(n);
    }
    if b.shape.len() > 1 {
        shape.push(m);
    }
    let da = a.to_vec();
    let db = b.to_vec();
    let step_a: Vec<isize> = contiguous_strides(batch_a)
        .iter()
        .map(|s| s * (n * k) as isize)
        .collect();
    let step_b: Vec<isize> = contiguous_strides(batch_b)
        .iter()
        .map(|s| s * (k * m) as isize)
        .collect();
    let ba = broadcast_strides(batch_a, &step_a, &batch);
    let bb = broadcast_strides(batch_b, &step_b, &batch);
    let mut out = Vec::with_capacity(size);
    walk2(&batch, &ba, &bb, |oa, ob| {
        let (oa, ob) = (oa.max(0) as usize, ob.max(0) as usize);
        let blocks = (da.get(oa..oa + n * k), db.get(ob..ob + k * m));
        let (Some(x), Some(y)) = blocks else {
            out.extend(std::iter::repeat_n(0.0, n * m));
            return;
        };
        if k == 0 {
            out.extend(std::iter::repeat_n(0.0, n * m));
            return;
        };
        // Row by row, each product fused into the running sum in the order of the shared axis:
        // what OpenBLAS's kernels give for short shared axes (longer ones it splits in ways
        // that depend on the processor). Both operands are read along their rows.
        match dt {
            DType::Float64 => {
                for xrow in x.chunks_exact(k.max(1)).take(n) {
                    let mut acc = vec![0.0; m];
                    for (&p, yrow) in xrow.iter().zip(y.chunks_exact(m.max(1))) {
                        for (slot, &q) in acc.iter_mut().zip(yrow) {
                            *slot = p.mul_add(q, *slot);
                        }
                    }
                    out.extend(acc);
                }
            }
            DType::Int64 => {
                for xrow in x.chunks_exact(k.max(1)).take(n) {
                    let mut acc = vec![0i64; m];
                    for (&p, yrow) in xrow.iter().zip(y.chunks_exact(m.max(1))) {
                        for (slot, &q) in acc.iter_mut().zip(yrow) {
                            *slot = slot.wrapping_add(int(p).wrapping_mul(int(q)));
                        }
                    }
                    out.extend(acc.into_iter().map(|v| v as f64));
                }
            }
            DType::Bool => {
                for xrow in x.chunks_exact(k.max(1)).take(n) {
                    let mut acc = vec![false; m];
                    for (&p, yrow) in xrow.iter().zip(y.chunks_exact(m.max(1))) {
                        for (slot, &q) in acc.iter_mut().zip(yrow) {
                            *slot |= p != 0.0 && q != 0.0;
                        }
                    }
                    out.extend(acc.into_iter().map(|v| f64::from(u8::from(v))));
                }
            }
        }
    });
    Ok((out, shape, dt))
}

/// `a op b` for `<`, `<=`, `>`, `>=`, `==`, `!=` element by element: a bool array, or a numpy
/// bool for two 0-d operands. Equality with `None` or a string is all False (`!=`: all True).
/// `x in arr` (`In`, `NotIn` with the array on the right) is `(arr == x).any()`.
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if matches!(op, CmpOp::In | CmpOp::NotIn) {
        let eq = compare(CmpOp::Eq, b, a)?;
        let any = match &eq {
            Value::Array(arr) => arr.to_vec().iter().any(|&v| v != 0.0),
            Value::NpBool(v) => *v,
            _ => false,
        };
        return Ok(Value::Bool(any == (op == CmpOp::In)));
    }
    if !matches!(
        op,
        CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge | CmpOp::Eq | CmpOp::Ne
    ) {
        return Err(operand_error(cmp_ufunc(op), cmp_symbol(op), a, b, true));
    }
    let scalar = is_zero_d(a) && is_zero_d(b);
    let (x, y) = match (operand(a), operand(b)) {
        (Ok(Some(x)), Ok(Some(y))) => (x, y),
        (x, y) => {
            if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
                return Err(operand_error(cmp_ufunc(op), cmp_symbol(op), a, b, true));
            }
            // The array side keeps its shape; every element differs from the other side. A
            // numpy scalar answers with Python's own bool.
            let (num, arr) = match (x, y) {
                (Ok(Some(arr)), _) => (a, arr),
                (_, Ok(Some(arr))) => (b, arr),
                _ => return Ok(Value::Bool(op == CmpOp::Ne)),
            };
            if !matches!(num, Value::Array(_) | Value::List(_) | Value::Tuple(_)) {
                return Ok(Value::Bool(op == CmpOp::Ne));
            }
            let size = checked_size(&arr.shape)?;
            let fill = f64::from(u8::from(op == CmpOp::Ne));
            return Ok(finish(
                vec![fill; size],
                arr.shape.clone(),
                DType::Bool,
                true,
            ));
        }
    };
    let b2f = |t: bool| f64::from(u8::from(t));
    let (data, shape) = match op {
        CmpOp::Lt => elementwise(&x, &y, |p, q| b2f(p < q))?,
        CmpOp::Le => elementwise(&x, &y, |p, q| b2f(p <= q))?,
        CmpOp::Gt => elementwise(&x, &y, |p, q| b2f(p > q))?,
        CmpOp::Ge => elementwise(&x, &y, |p, q| b2f(p >= q))?,
        CmpOp::Eq => elementwise(&x, &y, |p, q| b2f(p == q))?,
        _ => elementwise(&x, &y, |p, q| b2f(p != q))?,
    };
    Ok(finish(data, shape, DType::Bool, scalar))
}

/// `-a`, `+a`, `~a` (and `not a`) on an array or numpy scalar; a 0-d operand gives a numpy
/// scalar.
pub fn unary(op: UnaryOp, a: &Value) -> PyResult<Value> {
    let Some(x) = operand(a)? else {
        return Err(error(
            ExcKind::TypeError,
            msg!(
                "py-array-unsupported",
                op = "unary",
                a = a.type_name(),
                b = a.type_name()
            ),
        ));
    };
    if op == UnaryOp::Not {
        return Ok(Value::Bool(!truth(&x)?));
    }
    let f: fn(f64) -> f64 = match (op, x.dtype) {
        (UnaryOp::Neg, DType::Bool) => {
            return Err(error(ExcKind::TypeError, msg!("py-array-bool-negative")));
        }
        (UnaryOp::Pos, DType::Bool) => {
            return Err(error(ExcKind::TypeError, msg!("py-array-bool-positive")));
        }
        (UnaryOp::Neg, DType::Int64) => |v| int(v).wrapping_neg() as f64,
        (UnaryOp::Neg, _) => |v| -v,
        (UnaryOp::Invert, DType::Bool) => |v| f64::from(u8::from(v == 0.0)),
        (UnaryOp::Invert, DType::Int64) => |v| (!int(v)) as f64,
        (UnaryOp::Invert, _) => {
            return Err(error(
                ExcKind::TypeError,
                msg!("py-array-not-supported", ufunc = "invert"),
            ));
        }
        _ => |v| v,
    };
    let data: Vec<f64> = x.map_elements(f);
    Ok(finish(data, x.shape.clone(), x.dtype, x.shape.is_empty()))
}

/// Rank of a dtype's kind for numpy's 'same_kind' casting: bool < int < float.
fn kind_rank(d: DType) -> u8 {
    match d {
        DType::Bool => 0,
        DType::Int64 => 1,
        DType::Float64 => 2,
    }
}

/// `target op= b`: the result is computed whole, then written through the target's view. It
/// must have the target's shape, and a dtype that casts to the target's with 'same_kind'.
pub fn inplace(op: BinOp, target: &Rc<ArrayObj>, b: &Value) -> PyResult<()> {
    let a = Value::Array(target.clone());
    let Some(y) = operand(b)? else {
        return Err(operand_error(ufunc_name(op), op.symbol(), &a, b, false));
    };
    let dt = promote(target.dtype, y.dtype);
    let out_dtype = if op == BinOp::MatMul {
        dt
    } else {
        kernel(op, dt)?.0
    };
    if kind_rank(out_dtype) > kind_rank(target.dtype) {
        return Err(error(
            ExcKind::TypeError,
            msg!(
                "py-array-cast",
                ufunc = ufunc_name(op),
                from = out_dtype.name(),
                to = target.dtype.name()
            ),
        ));
    }
    let (data, shape, _) = compute(op, target, &y)?;
    if shape != target.shape {
        return Err(error(
            ExcKind::ValueError,
            msg!(
                "py-array-output-shape",
                out = shape_text(&target.shape),
                shape = shape_text(&shape)
            ),
        ));
    }
    target.write_elements(&data);
    Ok(())
}

/// One parsed index item.
enum Item {
    Int(i64),
    Slice(Value, Value, Value),
    NewAxis,
    /// An integer index array: values and shape.
    Ints(Vec<i64>, Vec<usize>),
    /// A boolean mask: values and shape (a Python bool is a 0-d mask).
    Mask(Vec<bool>, Vec<usize>),
}

fn index_kind_error() -> PyErr {
    error(ExcKind::IndexError, msg!("py-array-index-kind"))
}

fn parse_index(index: &Value) -> PyResult<Vec<Item>> {
    match index {
        Value::Tuple(items) => items.iter().map(parse_item).collect(),
        v => Ok(vec![parse_item(v)?]),
    }
}

fn parse_item(v: &Value) -> PyResult<Item> {
    match v {
        Value::Int(i) | Value::NpInt(i) => Ok(Item::Int(*i)),
        Value::Bool(b) | Value::NpBool(b) => Ok(Item::Mask(vec![*b], Vec::new())),
        Value::Slice(s) => Ok(Item::Slice(s.0.clone(), s.1.clone(), s.2.clone())),
        Value::None => Ok(Item::NewAxis),
        Value::Array(a) => array_item(a, false),
        Value::List(_) | Value::Tuple(_) => match to_array(v) {
            Ok(a) => array_item(&a, true),
            Err(_) => Err(index_kind_error()),
        },
        _ => Err(index_kind_error()),
    }
}

fn array_item(a: &ArrayObj, from_list: bool) -> PyResult<Item> {
    let values = a.to_vec();
    match a.dtype {
        DType::Int64 if a.shape.is_empty() => {
            Ok(Item::Int(int(values.first().copied().unwrap_or(0.0))))
        }
        DType::Int64 => Ok(Item::Ints(
            values.into_iter().map(int).collect(),
            a.shape.clone(),
        )),
        DType::Bool => Ok(Item::Mask(
            values.into_iter().map(|v| v != 0.0).collect(),
            a.shape.clone(),
        )),
        DType::Float64 if from_list && values.is_empty() => {
            Ok(Item::Ints(Vec::new(), a.shape.clone()))
        }
        DType::Float64 => Err(error(ExcKind::IndexError, msg!("py-array-index-dtype"))),
    }
}

/// An index wrapped into `0..size`, or numpy's `IndexError`.
fn wrap_index(i: i64, axis: usize, size: usize) -> PyResult<isize> {
    let n = size as i64;
    let j = if i < 0 { i + n } else { i };
    if (0..n).contains(&j) {
        Ok(j as isize)
    } else {
        Err(error(
            ExcKind::IndexError,
            msg!(
                "py-array-index-bounds",
                index = i.to_string(),
                axis = axis.to_string(),
                size = size.to_string()
            ),
        ))
    }
}

/// An axis of the selection: a strided run of the source, or a place taken by advanced indices
/// (their offsets already multiplied by the strides, and their shape).
enum Entry {
    Dim(usize, isize),
    Adv(Vec<isize>, Vec<usize>),
}

/// What an index selects.
struct Selection {
    shape: Vec<usize>,
    /// Basic indexing: the view's strides and offset.
    view: Option<(Vec<isize>, usize)>,
    /// Advanced indexing: the buffer offsets of the selected elements, C order.
    offsets: Vec<usize>,
    /// The index was one boolean mask (for numpy's message when an assignment does not fit).
    single_mask: bool,
}

/// The selection of the common advanced indices without the general machinery: integer arrays
/// of one dimension and one length on the leading axes (`a[idx]`, `a[np.arange(n), t]`), or one
/// boolean mask of the array's own shape (`a[a > 0]`). `None` for any other index.
fn fast_select(a: &ArrayObj, items: &[Item]) -> Option<PyResult<Selection>> {
    let ndim = a.shape.len();
    match items {
        [Item::Mask(values, shape)] if !shape.is_empty() && *shape == a.shape => {
            let mut offsets = Vec::new();
            let zeros = vec![0isize; ndim];
            let mut k = 0usize;
            let base = a.offset as isize;
            walk2(shape, &a.strides, &zeros, |o, _| {
                if values.get(k).copied().unwrap_or(false) {
                    offsets.push((base + o).max(0) as usize);
                }
                k += 1;
            });
            let shape = vec![offsets.len()];
            if let Err(e) = checked_size(&shape) {
                return Some(Err(e));
            }
            Some(Ok(Selection {
                shape,
                view: None,
                offsets,
                single_mask: true,
            }))
        }
        [Item::Ints(_, first), ..] if first.len() == 1 && items.len() <= ndim => {
            let len = first[0];
            let mut lanes = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Item::Ints(values, shape) if shape.len() == 1 && shape[0] == len => {
                        lanes.push(values)
                    }
                    _ => return None,
                }
            }
            Some(int_lanes(a, &lanes, len))
        }
        _ => None,
    }
}

/// `a[i0, i1, …]` for 1-d integer arrays of length `len` on the leading axes, the rest whole.
fn int_lanes(a: &ArrayObj, lanes: &[&Vec<i64>], len: usize) -> PyResult<Selection> {
    let mut block = vec![0isize; len];
    for (axis, values) in lanes.iter().enumerate() {
        let (size, stride) = (a.shape[axis], a.strides[axis]);
        for (slot, &i) in block.iter_mut().zip(values.iter()) {
            *slot += wrap_index(i, axis, size)? * stride;
        }
    }
    let rest_shape = &a.shape[lanes.len()..];
    let rest_strides = &a.strides[lanes.len()..];
    let mut shape = vec![len];
    checked_size(&shape)?;
    shape.extend_from_slice(rest_shape);
    checked_size(&shape)?;
    let mut inner = Vec::new();
    let zeros = vec![0isize; rest_shape.len()];
    walk2(rest_shape, rest_strides, &zeros, |o, _| inner.push(o));
    let base = a.offset as isize;
    let mut offsets = Vec::with_capacity(block.len() * inner.len());
    for b in &block {
        for i in &inner {
            offsets.push((base + b + i).max(0) as usize);
        }
    }
    Ok(Selection {
        shape,
        view: None,
        offsets,
        single_mask: false,
    })
}

/// `a[idx]` for one integer array on the first axis of a contiguous array: whole rows copied.
/// `None` for any other index or array.
fn gather_rows(a: &ArrayObj, items: &[Item]) -> Option<PyResult<Value>> {
    let [Item::Ints(values, ishape)] = items else {
        return None;
    };
    let (&rows, rest) = a.shape.split_first()?;
    let buf = a.buf.borrow();
    let range = a.contiguous_range(buf.len())?;
    let row: usize = rest.iter().product();
    let gathered = (|| {
        let mut starts = Vec::with_capacity(values.len());
        for &i in values {
            starts.push(wrap_index(i, 0, rows)? as usize * row);
        }
        checked_size(ishape)?;
        let mut shape = ishape.clone();
        shape.extend_from_slice(rest);
        let size = checked_size(&shape)?;
        let data = &buf[range];
        let mut out = Vec::with_capacity(size);
        for start in starts {
            out.extend_from_slice(&data[start..start + row]);
        }
        Ok(Value::array(ArrayObj::from_vec(out, shape, a.dtype)))
    })();
    Some(gathered)
}

fn select(a: &ArrayObj, index: &Value) -> PyResult<Selection> {
    select_items(a, parse_index(index)?)
}

fn select_items(a: &ArrayObj, items: Vec<Item>) -> PyResult<Selection> {
    if let Some(sel) = fast_select(a, &items) {
        return sel;
    }
    let consumed: usize = items
        .iter()
        .map(|it| match it {
            Item::NewAxis => 0,
            Item::Mask(_, shape) => shape.len(),
            _ => 1,
        })
        .sum();
    let ndim = a.shape.len();
    if consumed > ndim {
        return Err(error(
            ExcKind::IndexError,
            msg!(
                "py-array-too-many-indices",
                ndim = ndim.to_string(),
                count = consumed.to_string()
            ),
        ));
    }
    let advanced = items
        .iter()
        .any(|it| matches!(it, Item::Ints(..) | Item::Mask(..)));
    let single_mask = items.len() == 1 && matches!(items.first(), Some(Item::Mask(..)));
    let mut entries = Vec::new();
    let mut base = a.offset as isize;
    let mut axis = 0usize;
    for item in &items {
        match item {
            Item::Int(i) => {
                let size = a.shape[axis];
                let j = wrap_index(*i, axis, size)?;
                if advanced {
                    entries.push(Entry::Adv(vec![j * a.strides[axis]], Vec::new()));
                } else {
                    base += j * a.strides[axis];
                }
                axis += 1;
            }
            Item::Slice(lo, hi, step) => {
                let (start, step, count) = slice_span(lo, hi, step, a.shape[axis])?;
                if count > 0 {
                    base += start as isize * a.strides[axis];
                }
                entries.push(Entry::Dim(count, a.strides[axis] * step as isize));
                axis += 1;
            }
            Item::NewAxis => entries.push(Entry::Dim(1, 0)),
            Item::Ints(values, shape) => {
                let size = a.shape[axis];
                let stride = a.strides[axis];
                let offs = values
                    .iter()
                    .map(|&i| Ok(wrap_index(i, axis, size)? * stride))
                    .collect::<PyResult<Vec<isize>>>()?;
                entries.push(Entry::Adv(offs, shape.clone()));
                axis += 1;
            }
            Item::Mask(values, shape) => {
                for (j, &n) in shape.iter().enumerate() {
                    let size = a.shape[axis + j];
                    if n != size {
                        return Err(error(
                            ExcKind::IndexError,
                            msg!(
                                "py-array-bool-index",
                                axis = (axis + j).to_string(),
                                size = size.to_string(),
                                got = n.to_string()
                            ),
                        ));
                    }
                }
                let strides = &a.strides[axis..axis + shape.len()];
                let mut offs = Vec::new();
                let zeros = vec![0isize; shape.len()];
                let mut k = 0usize;
                walk2(shape, strides, &zeros, |o, _| {
                    if values.get(k).copied().unwrap_or(false) {
                        offs.push(o);
                    }
                    k += 1;
                });
                let count = offs.len();
                entries.push(Entry::Adv(offs, vec![count]));
                axis += shape.len();
            }
        }
    }
    for ax in axis..ndim {
        entries.push(Entry::Dim(a.shape[ax], a.strides[ax]));
    }
    if !advanced {
        let shape = entries
            .iter()
            .map(|e| match e {
                Entry::Dim(n, _) => *n,
                Entry::Adv(..) => 1,
            })
            .collect();
        let strides = entries
            .iter()
            .map(|e| match e {
                Entry::Dim(_, s) => *s,
                Entry::Adv(..) => 0,
            })
            .collect();
        return Ok(Selection {
            shape,
            view: Some((strides, base.max(0) as usize)),
            offsets: Vec::new(),
            single_mask,
        });
    }
    // Advanced indexing: the index arrays broadcast together into one block of offsets.
    let adv_at: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e, Entry::Adv(..)))
        .map(|(i, _)| i)
        .collect();
    let mut block_shape: Vec<usize> = Vec::new();
    let mut shapes_text = String::new();
    let mut mismatch = false;
    for e in &entries {
        if let Entry::Adv(_, shape) = e {
            if !shape.is_empty() {
                shapes_text.push_str(&shape_text(shape));
                shapes_text.push(' ');
            }
            match broadcast_shape(&block_shape, shape) {
                Some(s) => block_shape = s,
                None => mismatch = true,
            }
        }
    }
    if mismatch {
        return Err(error(
            ExcKind::IndexError,
            msg!("py-array-index-broadcast", shapes = shapes_text),
        ));
    }
    let block_size = checked_size(&block_shape)?;
    let mut block = vec![0isize; block_size];
    for e in &entries {
        if let Entry::Adv(offs, shape) = e {
            let strides = broadcast_strides(shape, &contiguous_strides(shape), &block_shape);
            let zeros = vec![0isize; block_shape.len()];
            let mut k = 0usize;
            walk2(&block_shape, &strides, &zeros, |o, _| {
                if let Some(slot) = block.get_mut(k) {
                    *slot += offs.get(o.max(0) as usize).copied().unwrap_or(0);
                }
                k += 1;
            });
        }
    }
    let adjacent = adv_at.windows(2).all(|w| w[1] == w[0] + 1);
    let first = adv_at.first().copied().unwrap_or(0);
    let (before, after): (Vec<&Entry>, Vec<&Entry>) = if adjacent {
        (
            entries[..first].iter().collect(),
            entries[first..]
                .iter()
                .filter(|e| matches!(e, Entry::Dim(..)))
                .collect(),
        )
    } else {
        (
            Vec::new(),
            entries
                .iter()
                .filter(|e| matches!(e, Entry::Dim(..)))
                .collect(),
        )
    };
    let dims = |es: &[&Entry]| -> (Vec<usize>, Vec<isize>) {
        es.iter()
            .filter_map(|e| match e {
                Entry::Dim(n, s) => Some((*n, *s)),
                Entry::Adv(..) => None,
            })
            .unzip()
    };
    let (shape_b, strides_b) = dims(&before);
    let (shape_a, strides_a) = dims(&after);
    let mut shape = shape_b.clone();
    shape.extend(&block_shape);
    shape.extend(&shape_a);
    checked_size(&shape)?;
    let rel = |shape: &[usize], strides: &[isize]| -> Vec<isize> {
        let mut out = Vec::new();
        let zeros = vec![0isize; shape.len()];
        walk2(shape, strides, &zeros, |o, _| out.push(o));
        out
    };
    let outer = rel(&shape_b, &strides_b);
    let inner = rel(&shape_a, &strides_a);
    let mut offsets = Vec::with_capacity(outer.len() * block.len() * inner.len());
    for o in &outer {
        for b in &block {
            for i in &inner {
                offsets.push((base + o + b + i).max(0) as usize);
            }
        }
    }
    Ok(Selection {
        shape,
        view: None,
        offsets,
        single_mask,
    })
}

/// `a[index]`: a view of the same buffer for basic indexing (ints, slices, `None`), a copy for
/// advanced indexing (integer arrays, lists, boolean masks), a numpy scalar when every axis is
/// indexed by an int.
pub fn getitem(a: &Rc<ArrayObj>, index: &Value) -> PyResult<Value> {
    let items = parse_index(index)?;
    if let Some(rows) = gather_rows(a, &items) {
        return rows;
    }
    let sel = select_items(a, items)?;
    match sel.view {
        Some((strides, offset)) => {
            if sel.shape.is_empty() {
                let x = a.buf.borrow().get(offset).copied().unwrap_or(0.0);
                return Ok(np_scalar(x, a.dtype));
            }
            Ok(Value::array(ArrayObj {
                buf: a.buf.clone(),
                dtype: a.dtype,
                shape: sel.shape,
                strides,
                offset,
            }))
        }
        None => {
            let buf = a.buf.borrow();
            let data = sel
                .offsets
                .iter()
                .map(|&o| buf.get(o).copied().unwrap_or(0.0))
                .collect();
            Ok(Value::array(ArrayObj::from_vec(data, sel.shape, a.dtype)))
        }
    }
}

/// A value to assign into an array of `dtype`, as an array; strings fail as numpy's casts do.
fn assigned_array(value: &Value, dtype: DType) -> PyResult<Rc<ArrayObj>> {
    if let Value::Str(s) = value {
        let text = format!("'{s}'");
        return Err(match dtype {
            DType::Int64 => error(
                ExcKind::ValueError,
                msg!("py-array-str-to-int", text = text),
            ),
            _ => error(
                ExcKind::ValueError,
                msg!("py-array-str-to-float", text = text),
            ),
        });
    }
    if let (Value::Float(x) | Value::NpFloat(x), DType::Int64) = (value, dtype) {
        if x.is_nan() {
            return Err(error(ExcKind::ValueError, msg!("py-array-nan-to-int")));
        }
        if x.is_infinite() {
            return Err(error(ExcKind::OverflowError, msg!("py-array-inf-to-int")));
        }
        if x.abs() >= TWO_63 {
            return Err(error(ExcKind::OverflowError, msg!("py-array-int-overflow")));
        }
    }
    to_array(value)
}

/// 2^63, the first float past int64.
const TWO_63: f64 = 9_223_372_036_854_775_808.0;

/// numpy's unsafe cast of one element into `dtype`: floats truncate toward zero into ints (NaN,
/// infinities and floats past int64 become the smallest int64), anything nonzero is True.
fn cast(x: f64, dtype: DType) -> f64 {
    match dtype {
        DType::Float64 => x,
        DType::Int64 if x.abs() < TWO_63 => x.trunc(),
        DType::Int64 => i64::MIN as f64,
        DType::Bool => f64::from(u8::from(x != 0.0)),
    }
}

/// `a[index] = value`: writes through the view into the shared buffer. The value is broadcast
/// to the selected shape and cast to the array's dtype; with repeated indices the last write
/// wins.
pub fn setitem(a: &Rc<ArrayObj>, index: &Value, value: &Value) -> PyResult<()> {
    if let Some(done) = set_masked(a, index, value) {
        return done;
    }
    let sel = select(a, index)?;
    let v = assigned_array(value, a.dtype)?;
    // Leading axes of length 1 may be dropped to fit, as numpy allows.
    let mut vshape: &[usize] = &v.shape;
    let mut vstrides: &[isize] = &v.strides;
    while vshape.len() > sel.shape.len() && vshape.first() == Some(&1) {
        vshape = &vshape[1..];
        vstrides = &vstrides[1..];
    }
    let fits = vshape.len() <= sel.shape.len()
        && broadcast_shape(vshape, &sel.shape).is_some_and(|s| s == sel.shape);
    if !fits {
        let count = sel.shape.first().copied().unwrap_or(0);
        if sel.single_mask && v.shape.len() == 1 {
            return Err(error(
                ExcKind::ValueError,
                msg!(
                    "py-array-mask-assign",
                    given = v.shape[0].to_string(),
                    wanted = count.to_string()
                ),
            ));
        }
        return Err(error(
            ExcKind::ValueError,
            msg!(
                "py-array-set-broadcast",
                from = shape_text(&v.shape),
                to = shape_text(&sel.shape)
            ),
        ));
    }
    // Read everything first: the value may be a view of the same buffer. One value (`a[m] = 0`)
    // is written to every place.
    let single = (v.size() == 1).then(|| cast(read(&v.buf.borrow(), v.offset, 0), a.dtype));
    let mut values = Vec::new();
    if single.is_none() {
        let strides = broadcast_strides(vshape, vstrides, &sel.shape);
        let vb = v.buf.borrow();
        let zeros = vec![0isize; sel.shape.len()];
        values.reserve(sel.shape.iter().product());
        walk2(&sel.shape, &strides, &zeros, |o, _| {
            values.push(cast(read(&vb, v.offset, o), a.dtype))
        });
    }
    let mut k = 0usize;
    let mut next = || {
        let x = single.unwrap_or_else(|| values.get(k).copied().unwrap_or(0.0));
        k += 1;
        x
    };
    let mut buf = a.buf.borrow_mut();
    match &sel.view {
        Some((strides, offset)) => {
            let zeros = vec![0isize; sel.shape.len()];
            walk2(&sel.shape, strides, &zeros, |o, _| {
                let x = next();
                if let Some(slot) = buf.get_mut((*offset as isize + o).max(0) as usize) {
                    *slot = x;
                }
            });
        }
        None => {
            for off in sel.offsets {
                let x = next();
                if let Some(slot) = buf.get_mut(off) {
                    *slot = x;
                }
            }
        }
    }
    Ok(())
}

/// `a[mask] = x` for a contiguous bool array of `a`'s own shape (on another buffer), a
/// contiguous `a` and one value: the value written where the mask is set. `None` for anything
/// else.
fn set_masked(a: &ArrayObj, index: &Value, value: &Value) -> Option<PyResult<()>> {
    let Value::Array(m) = index else {
        return None;
    };
    if m.dtype != DType::Bool || m.shape != a.shape || a.shape.is_empty() {
        return None;
    }
    let one = match value {
        Value::Array(v) => v.size() == 1,
        Value::Int(_)
        | Value::Float(_)
        | Value::Bool(_)
        | Value::NpInt(_)
        | Value::NpFloat(_)
        | Value::NpBool(_) => true,
        _ => false,
    };
    if !one || Rc::ptr_eq(&m.buf, &a.buf) {
        return None;
    }
    let mb = m.buf.borrow();
    let mask = &mb[m.contiguous_range(mb.len())?];
    a.is_contiguous().then_some(())?;
    let count: usize = mask.iter().map(|&t| usize::from(t != 0.0)).sum();
    if let Err(e) = checked_size(&[count]) {
        return Some(Err(e));
    }
    let v = match assigned_array(value, a.dtype) {
        Ok(v) => v,
        Err(e) => return Some(Err(e)),
    };
    let x = cast(read(&v.buf.borrow(), v.offset, 0), a.dtype);
    let mut buf = a.buf.borrow_mut();
    let range = a.contiguous_range(buf.len())?;
    // Without a branch: a mask's elements follow no pattern a predictor could learn.
    for (slot, &t) in buf[range].iter_mut().zip(mask) {
        *slot = if t != 0.0 { x } else { *slot };
    }
    Some(Ok(()))
}

/// `bool(a)`: the one element's truth; an empty or bigger array is a `ValueError`.
pub fn truth(a: &ArrayObj) -> PyResult<bool> {
    match a.size() {
        1 => Ok(a.to_vec().first().is_some_and(|&v| v != 0.0)),
        0 => Err(error(ExcKind::ValueError, msg!("py-array-truth-empty"))),
        _ => Err(error(ExcKind::ValueError, msg!("py-array-truth"))),
    }
}

/// `len(a)`: the length of the first axis.
pub fn len(a: &ArrayObj) -> PyResult<usize> {
    a.shape
        .first()
        .copied()
        .ok_or_else(|| error(ExcKind::TypeError, msg!("py-array-len")))
}

/// What `for row in a` walks: views of the rows, or numpy scalars of a 1-d array.
pub fn iterate(a: &Rc<ArrayObj>) -> PyResult<Vec<Value>> {
    let Some(&n) = a.shape.first() else {
        return Err(error(ExcKind::TypeError, msg!("py-array-iter-0d")));
    };
    let stride = a.strides.first().copied().unwrap_or(0);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let offset = (a.offset as isize + i as isize * stride).max(0) as usize;
        if a.shape.len() == 1 {
            let x = a.buf.borrow().get(offset).copied().unwrap_or(0.0);
            out.push(np_scalar(x, a.dtype));
        } else {
            out.push(Value::array(ArrayObj {
                buf: a.buf.clone(),
                dtype: a.dtype,
                shape: a.shape[1..].to_vec(),
                strides: a.strides[1..].to_vec(),
                offset,
            }));
        }
    }
    Ok(out)
}

/// numpy's `str(a)`.
pub fn str_of(a: &ArrayObj) -> String {
    crate::show::print::to_string(&a.to_engine())
}

/// numpy's `repr(a)`: `array([1, 2])`, with `shape=` and `dtype=` where numpy adds them (empty
/// and summarised arrays).
pub fn repr_of(a: &ArrayObj) -> String {
    const PREFIX: &str = "array(";
    let size = a.size();
    let mut text = if size == 0 {
        format!("{PREFIX}[]")
    } else {
        crate::show::print::to_repr_string(&a.to_engine(), PREFIX, ")")
    };
    let mut extras = Vec::new();
    if (size == 0 && a.shape != [0]) || size > 1000 {
        extras.push(format!("shape={}", shape_text(&a.shape)));
    }
    if size == 0 {
        extras.push(format!("dtype={}", a.dtype.name()));
    }
    if extras.is_empty() {
        text.push(')');
        return text;
    }
    text.push(',');
    let extra = format!("{})", extras.join(", "));
    let last_line = text.rsplit('\n').next().unwrap_or("").chars().count();
    if last_line + extra.chars().count() + 1 > 75 {
        text.push('\n');
        text.push_str(&" ".repeat(PREFIX.len()));
    } else {
        text.push(' ');
    }
    text.push_str(&extra);
    text
}

/// Python's `repr(float)`: the shortest digits that read back, scientific below 1e-4 and from
/// 1e16 on.
pub fn py_float_repr(x: f64) -> String {
    crate::show::print::float_repr(x)
}

/// numpy 2's repr of its scalars: `np.float64(3.0)`, `np.int64(1)`, `np.True_`. Python numbers
/// print as Python prints them.
pub fn scalar_repr(v: &Value) -> String {
    match v {
        Value::NpFloat(x) => format!("np.float64({})", py_float_repr(*x)),
        Value::NpInt(i) => format!("np.int64({i})"),
        Value::NpBool(true) => "np.True_".to_string(),
        Value::NpBool(false) => "np.False_".to_string(),
        Value::Array(a) => repr_of(a),
        other => scalar_str(other),
    }
}

/// `str()` of a numpy scalar (as of a Python number): `3.0`, `1`, `True`.
pub fn scalar_str(v: &Value) -> String {
    match v {
        Value::NpFloat(x) | Value::Float(x) => py_float_repr(*x),
        Value::NpInt(i) | Value::Int(i) => i.to_string(),
        Value::NpBool(b) | Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Value::Array(a) => str_of(a),
        other => other.type_name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    trait Fails {
        fn fails(self) -> PyErr;
    }

    impl<T> Fails for PyResult<T> {
        fn fails(self) -> PyErr {
            match self {
                Ok(_) => panic!("expected an error"),
                Err(e) => e,
            }
        }
    }

    /// A Python literal (nested lists of ints, floats, `True`, `False`, `nan`, `inf`) as a value.
    fn lit(text: &str) -> Value {
        fn parse(chars: &[char], at: &mut usize) -> Value {
            while chars.get(*at) == Some(&' ') {
                *at += 1;
            }
            if chars.get(*at) == Some(&'[') {
                *at += 1;
                let mut items = Vec::new();
                loop {
                    while matches!(chars.get(*at), Some(' ' | ',')) {
                        *at += 1;
                    }
                    if chars.get(*at) == Some(&']') {
                        *at += 1;
                        return Value::list(items);
                    }
                    items.push(parse(chars, at));
                }
            }
            let start = *at;
            while chars
                .get(*at)
                .is_some_and(|c| !matches!(c, ',' | ']' | ' '))
            {
                *at += 1;
            }
            let word: String = chars[start..*at].iter().collect();
            match word.as_str() {
                "True" => Value::Bool(true),
                "False" => Value::Bool(false),
                "nan" => Value::Float(f64::NAN),
                "inf" => Value::Float(f64::INFINITY),
                w if w.contains(['.', 'e']) => Value::Float(w.parse().unwrap()),
                w => Value::Int(w.parse().unwrap()),
            }
        }
        let chars: Vec<char> = text.chars().collect();
        parse(&chars, &mut 0)
    }

    /// An array from a literal.
    fn arr(text: &str) -> Rc<ArrayObj> {
        to_array(&lit(text)).unwrap()
    }

    fn av(text: &str) -> Value {
        Value::Array(arr(text))
    }

    fn show(v: &Value) -> String {
        scalar_repr(v)
    }

    fn en(e: &PyErr) -> String {
        Lang::En.say(&e.message)
    }

    fn sl(lo: Option<i64>, hi: Option<i64>, step: Option<i64>) -> Value {
        let f = |x: Option<i64>| x.map_or(Value::None, Value::Int);
        Value::Slice(Rc::new((f(lo), f(hi), f(step))))
    }

    fn all() -> Value {
        sl(None, None, None)
    }

    fn tup(items: Vec<Value>) -> Value {
        Value::tuple(items)
    }

    fn arange(n: usize, shape: &[usize]) -> Rc<ArrayObj> {
        Rc::new(ArrayObj::from_vec(
            (0..n).map(|i| i as f64).collect(),
            shape.to_vec(),
            DType::Int64,
        ))
    }

    fn bin(op: BinOp, a: &Value, b: &Value) -> String {
        show(&binary(op, a, b).unwrap())
    }

    #[test]
    fn basic_indexing_gives_views_that_write_through() {
        let m = arr("[[1, 2, 3], [4, 5, 6]]");
        let Value::Array(row) = getitem(&m, &Value::Int(0)).unwrap() else {
            panic!("not a view")
        };
        setitem(&row, &Value::Int(1), &Value::Int(68)).unwrap();
        assert_eq!(repr_of(&m), "array([[ 1, 68,  3],\n       [ 4,  5,  6]])");
        let m = arr("[[1, 2, 3], [4, 5, 6]]");
        let Value::Array(col) = getitem(&m, &tup(vec![all(), Value::Int(1)])).unwrap() else {
            panic!("not a view")
        };
        setitem(&col, &all(), &lit("[7, 8]")).unwrap();
        assert_eq!(repr_of(&m), "array([[1, 7, 3],\n       [4, 8, 6]])");
        let flipped = getitem(
            &m,
            &tup(vec![sl(None, None, Some(-1)), sl(None, None, Some(2))]),
        )
        .unwrap();
        assert_eq!(show(&flipped), "array([[4, 6],\n       [1, 3]])");
        let Value::Array(rev) = getitem(&m, &tup(vec![all(), sl(None, None, Some(-1))])).unwrap()
        else {
            panic!("not a view")
        };
        assert_eq!(
            show(&getitem(&rev, &Value::Int(1)).unwrap()),
            "array([6, 8, 4])"
        );
        // A transposed view writes through as well.
        let t = Rc::new(ArrayObj {
            buf: m.buf.clone(),
            dtype: m.dtype,
            shape: vec![3, 2],
            strides: vec![1, 3],
            offset: 0,
        });
        setitem(
            &t,
            &tup(vec![Value::Int(0), Value::Int(1)]),
            &Value::Int(-1),
        )
        .unwrap();
        assert_eq!(repr_of(&m), "array([[ 1,  7,  3],\n       [-1,  8,  6]])");
        let r = arange(10, &[10]);
        let s = getitem(&r, &sl(Some(7), Some(2), Some(-2))).unwrap();
        assert_eq!(show(&s), "array([7, 5, 3])");
    }

    #[test]
    fn advanced_indexing_copies() {
        let m = arr("[[1, 7, 3], [4, 8, 6]]");
        let Value::Array(c) = getitem(&m, &lit("[0, 1]")).unwrap() else {
            panic!("not an array")
        };
        setitem(
            &c,
            &tup(vec![Value::Int(0), Value::Int(0)]),
            &Value::Int(100),
        )
        .unwrap();
        assert_eq!(repr_of(&m), "array([[1, 7, 3],\n       [4, 8, 6]])");
        assert_eq!(
            repr_of(&c),
            "array([[100,   7,   3],\n       [  4,   8,   6]])"
        );
        let b = arange(24, &[2, 3, 4]);
        let x = getitem(&b, &tup(vec![Value::Int(0), all(), lit("[1, 2]")])).unwrap();
        assert_eq!(show(&x), "array([[ 1,  5,  9],\n       [ 2,  6, 10]])");
        let x = getitem(&b, &tup(vec![Value::Int(1), lit("[0, 2]")])).unwrap();
        assert_eq!(
            show(&x),
            "array([[12, 13, 14, 15],\n       [20, 21, 22, 23]])"
        );
        let g = arange(12, &[3, 4]);
        let x = getitem(
            &g,
            &tup(vec![
                sl(Some(1), None, None),
                lit("[True, False, True, False]"),
            ]),
        )
        .unwrap();
        assert_eq!(show(&x), "array([[ 4,  6],\n       [ 8, 10]])");
        let Value::Array(rows) = getitem(&g, &lit("[0, 2]")).unwrap() else {
            panic!("not an array")
        };
        let x = getitem(&rows, &tup(vec![all(), Value::None, Value::Int(1)])).unwrap();
        assert_eq!(show(&x), "array([[1],\n       [9]])");
        let x = getitem(&arange(6, &[6]), &Value::None).unwrap();
        assert_eq!(show(&x), "array([[0, 1, 2, 3, 4, 5]])");
        // Shapes numpy gives when advanced indices are split by a slice or a new axis.
        let shape = |v: Value| match v {
            Value::Array(a) => a.shape.clone(),
            _ => panic!("not an array"),
        };
        assert_eq!(
            shape(getitem(&b, &tup(vec![all(), Value::Int(0), lit("[1, 2]")])).unwrap()),
            [2, 2]
        );
        assert_eq!(
            shape(getitem(&b, &tup(vec![lit("[0, 1]"), all(), lit("[1, 2]")])).unwrap()),
            [2, 3]
        );
        assert_eq!(
            shape(
                getitem(
                    &b,
                    &tup(vec![Value::None, lit("[0, 1]"), Value::None, lit("[1, 2]")])
                )
                .unwrap()
            ),
            [2, 1, 1, 4]
        );
        assert_eq!(shape(getitem(&m, &Value::Bool(true)).unwrap()), [1, 2, 3]);
        assert_eq!(shape(getitem(&m, &lit("[]")).unwrap()), [0, 3]);
        let mask = compare(CmpOp::Gt, &Value::Array(arange(6, &[2, 3])), &Value::Int(2)).unwrap();
        let x = getitem(&arange(6, &[2, 3]), &mask).unwrap();
        assert_eq!(show(&x), "array([3, 4, 5])");
    }

    #[test]
    fn more_indexing_as_numpy_does_it() {
        let sq = arange(4, &[2, 2]);
        let cases: Vec<(Rc<ArrayObj>, Value, &str)> = vec![
            (
                sq.clone(),
                lit("[[True, False], [False, True]]"),
                "array([0, 3])",
            ),
            (arange(5, &[5]), av("2"), "np.int64(2)"),
            (arange(6, &[2, 3]), lit("[1]"), "array([[3, 4, 5]])"),
            (
                arange(3, &[3]),
                sl(Some(10), None, None),
                "array([], dtype=int64)",
            ),
            (
                sq.clone(),
                tup(vec![lit("[True, False]"), Value::Int(1)]),
                "array([1])",
            ),
            (arange(4, &[4]), lit("[-1, -4]"), "array([3, 0])"),
        ];
        for (a, index, want) in cases {
            assert_eq!(show(&getitem(&a, &index).unwrap()), want);
        }
        let Value::Array(row) = getitem(&arange(6, &[2, 3]), &Value::Int(1)).unwrap() else {
            panic!("not a view")
        };
        let Value::Array(rev) = getitem(&row, &sl(None, None, Some(-1))).unwrap() else {
            panic!("not a view")
        };
        assert_eq!(show(&getitem(&rev, &Value::Int(0)).unwrap()), "np.int64(5)");
    }

    #[test]
    fn scalars_from_full_integer_indexing() {
        assert_eq!(
            show(&getitem(&arange(6, &[6]), &Value::Int(-2)).unwrap()),
            "np.int64(4)"
        );
        assert_eq!(
            show(&getitem(&arr("[0., 1., 5.]"), &Value::Int(-1)).unwrap()),
            "np.float64(5.0)"
        );
        assert_eq!(
            show(&getitem(&arr("[True]"), &Value::NpInt(0)).unwrap()),
            "np.True_"
        );
        let m = arange(6, &[2, 3]);
        assert_eq!(
            show(&getitem(&m, &tup(vec![Value::Int(1), Value::Int(-1)])).unwrap()),
            "np.int64(5)"
        );
    }

    #[test]
    fn assignment_casts_broadcasts_and_last_write_wins() {
        let a = arr("[0., 0., 0.]");
        setitem(&a, &lit("[0, 0]"), &lit("[1, 2]")).unwrap();
        assert_eq!(repr_of(&a), "array([2., 0., 0.])");
        let x = arr("[[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]]");
        // dx[np.arange(n), t] -= 1, as the interpreter runs it.
        let index = tup(vec![Value::Array(arange(2, &[2])), av("[2, 0]")]);
        let old = getitem(&x, &index).unwrap();
        let new = binary(BinOp::Sub, &old, &Value::Int(1)).unwrap();
        setitem(&x, &index, &new).unwrap();
        assert_eq!(
            repr_of(&x),
            "array([[ 0.1,  0.2, -0.3],\n       [-0.7,  0.3,  0.4]])"
        );
        let out = arr("[[1., -2.], [-3., 4.]]");
        let mask = compare(CmpOp::Le, &Value::Array(out.clone()), &Value::Int(0)).unwrap();
        setitem(&out, &mask, &Value::Int(0)).unwrap();
        assert_eq!(repr_of(&out), "array([[1., 0.],\n       [0., 4.]])");
        assert_eq!(
            show(&mask),
            "array([[False,  True],\n       [ True, False]])"
        );
        let m = arange(6, &[2, 3]);
        setitem(&m, &Value::Int(0), &Value::Float(2.7)).unwrap();
        setitem(&m, &Value::Int(1), &Value::Float(-2.7)).unwrap();
        assert_eq!(repr_of(&m), "array([[ 2,  2,  2],\n       [-2, -2, -2]])");
        let m = arange(6, &[2, 3]);
        setitem(&m, &lit("[0, 0]"), &lit("[[1, 1, 1], [2, 2, 2]]")).unwrap();
        assert_eq!(repr_of(&m), "array([[2, 2, 2],\n       [3, 4, 5]])");
        let b = arr("[False, False]");
        setitem(&b, &Value::Int(1), &Value::Float(0.5)).unwrap();
        assert_eq!(repr_of(&b), "array([False,  True])");
        // Overlapping source and target: the source is read first.
        let r = arange(4, &[4]);
        let src = getitem(&r, &sl(None, Some(-1), None)).unwrap();
        setitem(&r, &sl(Some(1), None, None), &src).unwrap();
        assert_eq!(repr_of(&r), "array([0, 0, 1, 2])");
    }

    #[test]
    fn assignment_errors() {
        let m = arange(6, &[2, 3]);
        let e = setitem(&m, &Value::Int(0), &lit("[1, 2]")).fails();
        assert_eq!(e.kind, ExcKind::ValueError);
        assert_eq!(
            en(&e),
            "could not broadcast input array from shape (2,) into shape (3,)"
        );
        let e = setitem(&m, &Value::Int(0), &Value::Float(f64::NAN)).fails();
        assert_eq!(en(&e), "cannot convert float NaN to integer");
        let e = setitem(&m, &Value::Int(0), &Value::Float(f64::INFINITY)).fails();
        assert_eq!(e.kind, ExcKind::OverflowError);
        let e = setitem(&m, &Value::Int(0), &Value::Float(1e20)).fails();
        assert_eq!(
            (e.kind, en(&e)),
            (
                ExcKind::OverflowError,
                "Python int too large to convert to C long".to_string()
            )
        );
        let e = setitem(&m, &Value::Int(0), &Value::str("a")).fails();
        assert_eq!(en(&e), "invalid literal for int() with base 10: 'a'");
        let mask = compare(CmpOp::Gt, &Value::Array(m.clone()), &Value::Int(2)).unwrap();
        let e = setitem(&m, &mask, &lit("[1, 2]")).fails();
        assert_eq!(
            en(&e),
            "NumPy boolean array indexing assignment cannot assign 2 input values to the 3 \
             output values where the mask is true"
        );
        let z = arange(2, &[2]);
        setitem(&z, &all(), &lit("[1e20, -1e20]")).unwrap();
        assert_eq!(
            repr_of(&z),
            "array([-9223372036854775808, -9223372036854775808])"
        );
        // NaN from an array becomes the smallest int64, as numpy's cast gives it.
        setitem(&m, &Value::Int(0), &lit("[nan, 1, 2]")).unwrap();
        assert_eq!(
            repr_of(&m),
            "array([[-9223372036854775808,                    1,                    2],\n       \
             [                   3,                    4,                    5]])"
        );
    }

    #[test]
    fn index_errors_as_numpy_words_them() {
        let m = arange(6, &[2, 3]);
        let cases: Vec<(Value, ExcKind, &str)> = vec![
            (
                Value::Int(5),
                ExcKind::IndexError,
                "index 5 is out of bounds for axis 0 with size 2",
            ),
            (
                tup(vec![Value::Int(0), Value::Int(-4)]),
                ExcKind::IndexError,
                "index -4 is out of bounds for axis 1 with size 3",
            ),
            (
                tup(vec![Value::Int(0), Value::Int(1), Value::Int(2)]),
                ExcKind::IndexError,
                "too many indices for array: array is 2-dimensional, but 3 were indexed",
            ),
            (
                Value::Float(1.0),
                ExcKind::IndexError,
                "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and \
                 integer or boolean arrays are valid indices",
            ),
            (
                Value::str("x"),
                ExcKind::IndexError,
                "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and \
                 integer or boolean arrays are valid indices",
            ),
            (
                av("[1.0]"),
                ExcKind::IndexError,
                "arrays used as indices must be of integer (or boolean) type",
            ),
            (
                lit("[True, False, True]"),
                ExcKind::IndexError,
                "boolean index did not match indexed array along axis 0; size of axis is 2 but \
                 size of corresponding boolean axis is 3",
            ),
            (
                lit("[0, 5]"),
                ExcKind::IndexError,
                "index 5 is out of bounds for axis 0 with size 2",
            ),
            (
                tup(vec![lit("[0, 1]"), lit("[0, 1, 2]")]),
                ExcKind::IndexError,
                "shape mismatch: indexing arrays could not be broadcast together with shapes \
                 (2,) (3,) ",
            ),
        ];
        for (index, kind, text) in cases {
            let e = getitem(&m, &index).fails();
            assert_eq!((e.kind, en(&e).as_str()), (kind, text));
        }
        let e = getitem(&arange(3, &[3]), &tup(vec![Value::Int(0), Value::Int(0)])).fails();
        assert_eq!(
            en(&e),
            "too many indices for array: array is 1-dimensional, but 2 were indexed"
        );
        let e = getitem(&arange(3, &[3]), &Value::Int(5)).fails();
        assert_eq!(en(&e), "index 5 is out of bounds for axis 0 with size 3");
    }

    #[test]
    fn promotion_follows_numpy_2() {
        let i = av("[1, 2, 3]");
        let cases = [
            (BinOp::Mul, i.clone(), Value::Int(2), "array([2, 4, 6])"),
            (
                BinOp::Mul,
                i.clone(),
                Value::Float(0.5),
                "array([0.5, 1. , 1.5])",
            ),
            (BinOp::Add, av("[1.5]"), Value::NpInt(2), "array([3.5])"),
            (
                BinOp::Add,
                av("[True, False]"),
                av("[True, True]"),
                "array([ True,  True])",
            ),
            (BinOp::Add, av("[True]"), Value::Int(1), "array([2])"),
            (
                BinOp::Div,
                i.clone(),
                Value::Int(2),
                "array([0.5, 1. , 1.5])",
            ),
            (
                BinOp::FloorDiv,
                i.clone(),
                Value::Int(0),
                "array([0, 0, 0])",
            ),
            (BinOp::Mod, i.clone(), Value::Int(-2), "array([-1,  0, -1])"),
            (
                BinOp::FloorDiv,
                av("[-7.5, 7.5]"),
                Value::Int(2),
                "array([-4.,  3.])",
            ),
            (
                BinOp::Mod,
                av("[-7.5, 7.5]"),
                Value::Int(2),
                "array([0.5, 1.5])",
            ),
            (BinOp::Pow, i.clone(), Value::Int(2), "array([1, 4, 9])"),
            (
                BinOp::Pow,
                i.clone(),
                Value::Float(0.5),
                "array([1.        , 1.41421356, 1.73205081])",
            ),
            (
                BinOp::Mul,
                Value::NpFloat(2.0),
                Value::Int(3),
                "np.float64(6.0)",
            ),
            (
                BinOp::Div,
                Value::NpInt(3),
                Value::Int(2),
                "np.float64(1.5)",
            ),
            (BinOp::Add, av("2.0"), Value::Int(3), "np.float64(5.0)"),
            (
                BinOp::FloorDiv,
                Value::NpInt(7),
                Value::Int(2),
                "np.int64(3)",
            ),
            (
                BinOp::Add,
                Value::NpBool(true),
                Value::NpBool(true),
                "np.True_",
            ),
            (
                BinOp::Add,
                i.clone(),
                lit("[10, 20, 30]"),
                "array([11, 22, 33])",
            ),
            (BinOp::Pow, Value::NpInt(2), Value::Int(3), "np.int64(8)"),
            (BinOp::BitAnd, av("[6, 3]"), av("[3, 1]"), "array([2, 1])"),
            (
                BinOp::BitOr,
                av("[True, False]"),
                av("[False, False]"),
                "array([ True, False])",
            ),
            (BinOp::Sub, Value::Int(2), i.clone(), "array([ 1,  0, -1])"),
            (
                BinOp::Div,
                Value::Int(1),
                av("[0., -0.]"),
                "array([ inf, -inf])",
            ),
            (
                BinOp::Mod,
                av("[1., -1., 0.]"),
                Value::Int(0),
                "array([nan, nan, nan])",
            ),
            (
                BinOp::FloorDiv,
                av("[1., -1., 0.]"),
                Value::Float(0.0),
                "array([ inf, -inf,  nan])",
            ),
            (BinOp::Mod, av("[5, -5]"), av("[3, 3]"), "array([2, 1])"),
            (
                BinOp::Mod,
                av("[5., -5.]"),
                av("[-3, 3]"),
                "array([-1.,  1.])",
            ),
            (BinOp::LShift, av("[1, 2]"), Value::Int(1), "array([2, 4])"),
            (
                BinOp::Pow,
                av("[0, 1, 2]"),
                av("[0, 1, 2]"),
                "array([1, 1, 4])",
            ),
            (
                BinOp::Pow,
                Value::Int(2),
                av("[0, 1, 2]"),
                "array([1, 2, 4])",
            ),
            (
                BinOp::Pow,
                Value::Float(2.0),
                av("[-1, 2]"),
                "array([0.5, 4. ])",
            ),
            (BinOp::Pow, av("[2.0]"), Value::Int(-1), "array([0.5])"),
            (
                BinOp::Pow,
                Value::NpFloat(2.0),
                Value::Int(-1),
                "np.float64(0.5)",
            ),
        ];
        for (op, a, b, want) in cases {
            assert_eq!(bin(op, &a, &b), want, "{op:?}");
        }
    }

    #[test]
    fn arithmetic_errors() {
        let err = |op, a: &Value, b: &Value| {
            let e = binary(op, a, b).fails();
            (e.kind, en(&e))
        };
        assert_eq!(
            err(BinOp::Sub, &av("[True]"), &av("[True]")),
            (
                ExcKind::TypeError,
                "numpy boolean subtract, the `-` operator, is not supported, use the \
                 bitwise_xor, the `^` operator, or the logical_xor function instead."
                    .to_string()
            )
        );
        let neg = (
            ExcKind::ValueError,
            "Integers to negative integer powers are not allowed.".to_string(),
        );
        assert_eq!(err(BinOp::Pow, &av("[1, 2]"), &Value::Int(-1)), neg);
        assert_eq!(err(BinOp::Pow, &Value::NpInt(2), &Value::Int(-1)), neg);
        assert_eq!(
            err(BinOp::BitAnd, &av("[1.5]"), &av("[1]")).1,
            "ufunc 'bitwise_and' not supported for the input types, and the inputs could not be \
             safely coerced to any supported types according to the casting rule ''safe''"
        );
        assert_eq!(
            err(BinOp::Add, &av("[1, 2]"), &av("[1, 2, 3]")),
            (
                ExcKind::ValueError,
                "operands could not be broadcast together with shapes (2,) (3,) ".to_string()
            )
        );
        assert_eq!(
            err(BinOp::Add, &av("[1]"), &Value::None).1,
            "unsupported operand type(s) for +: 'int' and 'NoneType'"
        );
    }

    #[test]
    fn matmul_follows_np_matmul() {
        let m = av("[[1, 2], [3, 4]]");
        assert_eq!(
            bin(BinOp::MatMul, &m, &av("[[5, 6], [7, 8]]")),
            "array([[19, 22],\n       [43, 50]])"
        );
        assert_eq!(
            bin(BinOp::MatMul, &av("[1., 2., 3.]"), &av("[4, 5, 6]")),
            "np.float64(32.0)"
        );
        assert_eq!(bin(BinOp::MatMul, &av("[1, 2]"), &m), "array([ 7, 10])");
        assert_eq!(bin(BinOp::MatMul, &m, &av("[1, 1]")), "array([3, 7])");
        assert_eq!(
            bin(BinOp::MatMul, &av("[True, False]"), &av("[True, True]")),
            "np.True_"
        );
        let ones = |shape: Vec<usize>| {
            let n = shape.iter().product();
            Value::array(ArrayObj::from_vec(vec![1.0; n], shape, DType::Float64))
        };
        assert_eq!(
            bin(BinOp::MatMul, &ones(vec![2, 2, 3]), &ones(vec![3, 2])),
            "array([[[3., 3.],\n        [3., 3.]],\n\n       [[3., 3.],\n        [3., 3.]]])"
        );
        assert_eq!(
            bin(BinOp::MatMul, &ones(vec![2, 0]), &ones(vec![0, 3])),
            "array([[0., 0., 0.],\n       [0., 0., 0.]])"
        );
        let batched = binary(
            BinOp::MatMul,
            &Value::Array(arange(12, &[2, 2, 3])),
            &Value::Array(arange(6, &[3, 2])),
        )
        .unwrap();
        assert_eq!(
            show(&batched),
            "array([[[10, 13],\n        [28, 40]],\n\n       [[46, 67],\n        [64, 94]]])"
        );
        // Fused multiply-adds, as OpenBLAS sums: 0.32 rather than 0.32000000000000006.
        let Value::Array(p) = binary(
            BinOp::MatMul,
            &av("[[0.1, 0.2, 0.3], [0.7, -1.3, 2.9]]"),
            &av("[[0.4, 1.1], [0.5, -0.2], [0.6, 0.35]]"),
        )
        .unwrap() else {
            panic!("not an array")
        };
        assert_eq!(p.to_vec(), [0.32, 0.175, 1.3699999999999999, 2.045]);
        assert_eq!(
            bin(
                BinOp::MatMul,
                &av("[0.1, 0.2, 0.3]"),
                &av("[0.4, 0.5, 0.6]")
            ),
            "np.float64(0.32)"
        );
        let e = binary(BinOp::MatMul, &ones(vec![2, 3]), &ones(vec![2])).fails();
        assert_eq!(
            en(&e),
            "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc \
             signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)"
        );
        let e = binary(BinOp::MatMul, &ones(vec![3]), &ones(vec![2, 3])).fails();
        assert!(en(&e).ends_with("(size 2 is different from 3)"));
        let e = binary(BinOp::MatMul, &av("[1, 2]"), &Value::Int(2)).fails();
        assert_eq!(
            en(&e),
            "matmul: Input operand 1 does not have enough dimensions (has 0, gufunc core with \
             signature (n?,k),(k,m?)->(n?,m?) requires 1)"
        );
    }

    #[test]
    fn comparisons_and_unary_operators() {
        let i = av("[1, 2, 3]");
        let cmp = |op, a: &Value, b: &Value| show(&compare(op, a, b).unwrap());
        assert_eq!(
            cmp(CmpOp::Lt, &i, &Value::Int(2)),
            "array([ True, False, False])"
        );
        assert_eq!(
            cmp(CmpOp::Eq, &i, &Value::NpInt(2)),
            "array([False,  True, False])"
        );
        assert_eq!(
            cmp(CmpOp::Lt, &Value::NpFloat(1.0), &Value::Int(2)),
            "np.True_"
        );
        assert_eq!(
            cmp(CmpOp::Eq, &i, &Value::None),
            "array([False, False, False])"
        );
        assert_eq!(cmp(CmpOp::Eq, &av("1.0"), &Value::None), "np.False_");
        assert!(matches!(
            compare(CmpOp::Eq, &Value::NpFloat(1.0), &Value::None),
            Ok(Value::Bool(false))
        ));
        assert_eq!(cmp(CmpOp::Lt, &av("5"), &Value::Int(3)), "np.False_");
        assert_eq!(
            cmp(CmpOp::Ne, &i, &Value::str("a")),
            "array([ True,  True,  True])"
        );
        assert_eq!(
            cmp(CmpOp::Eq, &av("[1]"), &av("[1, 2, 3]")),
            "array([ True, False, False])"
        );
        let e = compare(CmpOp::Lt, &i, &Value::None).fails();
        assert_eq!(
            (e.kind, en(&e)),
            (
                ExcKind::TypeError,
                "'<' not supported between instances of 'int' and 'NoneType'".to_string()
            )
        );
        assert!(matches!(
            compare(CmpOp::In, &Value::Int(2), &i),
            Ok(Value::Bool(true))
        ));
        let un = |op, a: &Value| show(&unary(op, a).unwrap());
        assert_eq!(un(UnaryOp::Neg, &i), "array([-1, -2, -3])");
        assert_eq!(
            un(UnaryOp::Invert, &av("[True, False]")),
            "array([False,  True])"
        );
        assert_eq!(un(UnaryOp::Invert, &i), "array([-2, -3, -4])");
        assert_eq!(un(UnaryOp::Neg, &Value::NpFloat(1.5)), "np.float64(-1.5)");
        assert_eq!(un(UnaryOp::Neg, &av("2")), "np.int64(-2)");
        let e = unary(UnaryOp::Neg, &av("[True]")).fails();
        assert_eq!(
            (e.kind, en(&e)),
            (
                ExcKind::TypeError,
                "The numpy boolean negative, the `-` operator, is not supported, use the `~` \
                 operator or the logical_not function instead."
                    .to_string()
            )
        );
        assert_eq!(
            unary(UnaryOp::Invert, &av("[1.5]")).fails().kind,
            ExcKind::TypeError
        );
    }

    #[test]
    fn inplace_operators_write_through_and_check_casting() {
        let a = arange(4, &[2, 2]);
        let t = Value::array(ArrayObj {
            buf: a.buf.clone(),
            dtype: a.dtype,
            shape: vec![2, 2],
            strides: vec![1, 2],
            offset: 0,
        });
        inplace(BinOp::Add, &a, &t).unwrap();
        assert_eq!(repr_of(&a), "array([[0, 3],\n       [3, 6]])");
        let b = arr("[0., 1., 2.]");
        inplace(BinOp::Mul, &b, &Value::Int(2)).unwrap();
        assert_eq!(repr_of(&b), "array([0., 2., 4.])");
        inplace(BinOp::Add, &b, &av("[1, 2, 3]")).unwrap();
        assert_eq!(repr_of(&b), "array([1., 4., 7.])");
        // Through a view: only the row changes.
        let m = arange(4, &[2, 2]);
        let Value::Array(row) = getitem(&m, &Value::Int(1)).unwrap() else {
            panic!("not a view")
        };
        inplace(BinOp::Pow, &row, &Value::Int(2)).unwrap();
        assert_eq!(repr_of(&m), "array([[0, 1],\n       [4, 9]])");
        let y = arange(2, &[2]);
        inplace(BinOp::MatMul, &y, &Value::Array(arange(4, &[2, 2]))).unwrap();
        assert_eq!(repr_of(&y), "array([2, 3])");
        let z = arr("[True, False]");
        inplace(BinOp::BitOr, &z, &Value::Bool(true)).unwrap();
        assert_eq!(repr_of(&z), "array([ True,  True])");
        let err = |op, target: &Rc<ArrayObj>, b: &Value| {
            let e = inplace(op, target, b).fails();
            (e.kind, en(&e))
        };
        let x = arange(4, &[2, 2]);
        assert_eq!(
            err(BinOp::Add, &x, &Value::Float(0.5)),
            (
                ExcKind::TypeError,
                "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with \
                 casting rule 'same_kind'"
                    .to_string()
            )
        );
        assert_eq!(
            err(BinOp::Div, &x, &Value::Int(2)).1,
            "Cannot cast ufunc 'divide' output from dtype('float64') to dtype('int64') with \
             casting rule 'same_kind'"
        );
        assert_eq!(
            err(BinOp::Add, &arr("[True]"), &Value::Int(1)).1,
            "Cannot cast ufunc 'add' output from dtype('int64') to dtype('bool') with casting \
             rule 'same_kind'"
        );
        assert_eq!(
            err(BinOp::Add, &arange(2, &[2]), &Value::Array(x.clone())),
            (
                ExcKind::ValueError,
                "non-broadcastable output operand with shape (2,) doesn't match the broadcast \
                 shape (2, 2)"
                    .to_string()
            )
        );
        assert_eq!(repr_of(&x), "array([[0, 1],\n       [2, 3]])");
    }

    #[test]
    fn truth_len_and_iteration() {
        assert!(truth(&arr("[2]")).unwrap());
        assert!(!truth(&arr("0.0")).unwrap());
        assert_eq!(
            en(&truth(&arr("[1, 2]")).fails()),
            "The truth value of an array with more than one element is ambiguous. Use a.any() \
             or a.all()"
        );
        assert_eq!(
            en(&truth(&arr("[]")).fails()),
            "The truth value of an empty array is ambiguous. Use `array.size > 0` to check that \
             an array is not empty."
        );
        assert_eq!(len(&arange(6, &[2, 3])).unwrap(), 2);
        let e = len(&arr("1")).fails();
        assert_eq!(
            (e.kind, en(&e)),
            (ExcKind::TypeError, "len() of unsized object".into())
        );
        let e = iterate(&arr("1")).fails();
        assert_eq!(en(&e), "iteration over a 0-d array");
        let m = arange(6, &[2, 3]);
        let rows = iterate(&m).unwrap();
        assert_eq!(rows.len(), 2);
        let Value::Array(r) = &rows[1] else {
            panic!("not a row")
        };
        setitem(r, &Value::Int(0), &Value::Int(9)).unwrap();
        assert_eq!(repr_of(&m), "array([[0, 1, 2],\n       [9, 4, 5]])");
        let items: Vec<String> = iterate(&arr("[1.5, 2.0]"))
            .unwrap()
            .iter()
            .map(show)
            .collect();
        assert_eq!(items, ["np.float64(1.5)", "np.float64(2.0)"]);
    }

    #[test]
    fn repr_and_str_of_every_rank() {
        let cases: Vec<(Rc<ArrayObj>, &str, &str)> = vec![
            (
                arr("[[-1.8, -2.3], [-0.7, 0.9]]"),
                "array([[-1.8, -2.3],\n       [-0.7,  0.9]])",
                "[[-1.8 -2.3]\n [-0.7  0.9]]",
            ),
            (
                arr("[True, False]"),
                "array([ True, False])",
                "[ True False]",
            ),
            (arr("[0., 0.]"), "array([0., 0.])", "[0. 0.]"),
            (arr("1.5"), "array(1.5)", "1.5"),
            (arr("7"), "array(7)", "7"),
            (arr("False"), "array(False)", "False"),
            (
                arr("0.30000000000000004"),
                "array(0.3)",
                "0.30000000000000004",
            ),
            (arr("1e20"), "array(1.e+20)", "1e+20"),
            (arr("[0.30000000000000004]"), "array([0.3])", "[0.3]"),
            (
                arange(24, &[2, 3, 4]),
                "array([[[ 0,  1,  2,  3],\n        [ 4,  5,  6,  7],\n        [ 8,  9, 10, 11]],\
                 \n\n       [[12, 13, 14, 15],\n        [16, 17, 18, 19],\n        [20, 21, 22, \
                 23]]])",
                "[[[ 0  1  2  3]\n  [ 4  5  6  7]\n  [ 8  9 10 11]]\n\n [[12 13 14 15]\n  [16 17 \
                 18 19]\n  [20 21 22 23]]]",
            ),
            (
                arr("[[True], [False]]"),
                "array([[ True],\n       [False]])",
                "[[ True]\n [False]]",
            ),
            (arr("[]"), "array([], dtype=float64)", "[]"),
            (
                Rc::new(ArrayObj::from_vec(Vec::new(), vec![0, 3], DType::Float64)),
                "array([], shape=(0, 3), dtype=float64)",
                "[]",
            ),
            (
                Rc::new(ArrayObj::from_vec(Vec::new(), vec![2, 0], DType::Bool)),
                "array([], shape=(2, 0), dtype=bool)",
                "[]",
            ),
            (
                arange(1200, &[1200]),
                "array([   0,    1,    2, ..., 1197, 1198, 1199], shape=(1200,))",
                "[   0    1    2 ... 1197 1198 1199]",
            ),
            (
                arr("[1e-05, 1.0]"),
                "array([1.e-05, 1.e+00])",
                "[1.e-05 1.e+00]",
            ),
            (
                arr("[nan, inf, -1.0]"),
                "array([nan, inf, -1.])",
                "[nan inf -1.]",
            ),
        ];
        for (a, repr, str) in cases {
            assert_eq!(repr_of(&a), repr);
            assert_eq!(str_of(&a), str);
        }
        let summarised = Rc::new(ArrayObj::from_vec(
            (0..2000).map(|i| i as f64 * 1e-3).collect(),
            vec![2, 1000],
            DType::Float64,
        ));
        assert_eq!(
            repr_of(&summarised),
            "array([[0.000e+00, 1.000e-03, 2.000e-03, ..., 9.970e-01, 9.980e-01,\n        \
             9.990e-01],\n       [1.000e+00, 1.001e+00, 1.002e+00, ..., 1.997e+00, 1.998e+00,\n\
             \x20       1.999e+00]], shape=(2, 1000))"
        );
        let wide = Rc::new(ArrayObj::from_vec(
            (0..40).map(|i| i as f64 * 1000001.0).collect(),
            vec![40],
            DType::Int64,
        ));
        assert_eq!(
            repr_of(&wide),
            "array([       0,  1000001,  2000002,  3000003,  4000004,  5000005,\n        \
             6000006,  7000007,  8000008,  9000009, 10000010, 11000011,\n       12000012, \
             13000013, 14000014, 15000015, 16000016, 17000017,\n       18000018, 19000019, \
             20000020, 21000021, 22000022, 23000023,\n       24000024, 25000025, 26000026, \
             27000027, 28000028, 29000029,\n       30000030, 31000031, 32000032, 33000033, \
             34000034, 35000035,\n       36000036, 37000037, 38000038, 39000039])"
        );
        let thirds = binary(
            BinOp::Div,
            &Value::array(ArrayObj::from_vec(
                (0..8).map(f64::from).collect(),
                vec![2, 2, 2],
                DType::Float64,
            )),
            &Value::Int(3),
        )
        .unwrap();
        assert_eq!(
            show(&thirds),
            "array([[[0.        , 0.33333333],\n        [0.66666667, 1.        ]],\n\n       \
             [[1.33333333, 1.66666667],\n        [2.        , 2.33333333]]])"
        );
    }

    #[test]
    fn numpy_scalars_print_as_numpy_2() {
        let cases = [
            (Value::NpFloat(3.0), "np.float64(3.0)", "3.0"),
            (Value::NpFloat(-0.1), "np.float64(-0.1)", "-0.1"),
            (Value::NpInt(1), "np.int64(1)", "1"),
            (Value::NpBool(true), "np.True_", "True"),
            (Value::NpBool(false), "np.False_", "False"),
            (Value::NpFloat(f64::NAN), "np.float64(nan)", "nan"),
            (Value::NpFloat(f64::INFINITY), "np.float64(inf)", "inf"),
            (Value::NpFloat(1e16), "np.float64(1e+16)", "1e+16"),
            (Value::NpFloat(-0.0), "np.float64(-0.0)", "-0.0"),
        ];
        for (v, repr, str) in cases {
            assert_eq!((scalar_repr(&v), scalar_str(&v)), (repr.into(), str.into()));
        }
    }

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (1e16, "1e+16"),
            (1e-05, "1e-05"),
            (0.1 + 0.2, "0.30000000000000004"),
            (123456789.0 * 10.0, "1234567890.0"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NAN, "nan"),
            (1e22, "1e+22"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (0.0001, "0.0001"),
            (123.456, "123.456"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
        ];
        for (x, want) in cases {
            assert_eq!(py_float_repr(x), want);
        }
    }
}
