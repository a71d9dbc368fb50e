//! numpy's namespace (`np.zeros`, `np.sum`, `np.random`, …), the attributes and methods of
//! arrays and numpy scalars, and dtypes as arguments. Values and dtypes follow numpy 2.4:
//! float sums are numpy's pairwise sums, random draws are the legacy global `RandomState`'s.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use ndarray::{Array2, ArrayD, IxDyn};

use crate::engine::random::Rng;
use crate::i18n::Message;
use crate::msg;
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::value::{
    Args, ArrayObj, DType, Interp, IterState, Method, MethodKind, Module, NativeFn, Value,
    broadcast_error, broadcast_shape, contiguous_strides, for_each_offset, promote, to_array,
    zip_with,
};

/// The most elements an array may have; a larger one is a `MemoryError`, never allocated.
const MAX_ELEMENTS: usize = 1 << 31;

/// The most index tuples `np.ndindex` hands out (they are made up front).
const MAX_NDINDEX: usize = 1 << 24;

/// 2**63: int64 holds `[-2**63, 2**63)`.
const TWO_63: f64 = 9_223_372_036_854_775_808.0;

/// A function of the arguments alone as a `NativeFn`.
macro_rules! native {
    ($f:ident) => {
        (|_: &mut Interp, args: Args| $f(args)) as NativeFn
    };
}

/// A function of numpy's random stream as a `NativeFn`.
macro_rules! random {
    ($f:ident) => {
        (|interp: &mut Interp, args: Args| $f(&mut interp.rng, args)) as NativeFn
    };
}

// ---------------------------------------------------------------------------------------------
// Errors and arguments

fn err(kind: ExcKind, message: Message) -> PyErr {
    PyErr::new(kind, message)
}

fn value_err(message: Message) -> PyErr {
    err(ExcKind::ValueError, message)
}

fn type_err(message: Message) -> PyErr {
    err(ExcKind::TypeError, message)
}

/// Binds positional and keyword arguments to `names` in order; the first `required` must be
/// given. Python's `None` counts as given (callers read it as the default where numpy does).
fn bind(func: &str, args: Args, names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    let Args { pos, kw } = args;
    if pos.len() > names.len() {
        return Err(type_err(msg!(
            "py-np-args-too-many",
            func = func,
            max = names.len().to_string(),
            given = pos.len().to_string()
        )));
    }
    let mut slots: Vec<Option<Value>> = vec![None; names.len()];
    let given = pos.len();
    for (slot, v) in slots.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (key, v) in kw {
        match names.iter().position(|n| *n == key) {
            Some(at) if at < given => {
                return Err(type_err(msg!(
                    "py-np-arg-twice",
                    func = func,
                    name = key,
                    pos = (at + 1).to_string()
                )));
            }
            Some(at) => slots[at] = Some(v),
            None => {
                return Err(type_err(msg!("py-np-arg-unknown", func = func, name = key)));
            }
        }
    }
    for (at, slot) in slots.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(type_err(msg!(
                "py-np-arg-missing",
                func = func,
                name = names[at],
                pos = (at + 1).to_string()
            )));
        }
    }
    Ok(slots)
}

/// A slot with Python's `None` read as absent.
fn given(slot: &Option<Value>) -> Option<&Value> {
    match slot {
        None | Some(Value::None) => None,
        Some(v) => Some(v),
    }
}

/// Refuses arguments numpy has but this program does not keep (`out=`), unless `None`.
fn refuse(func: &str, slot: &Option<Value>, name: &str) -> PyResult<()> {
    match given(slot) {
        None => Ok(()),
        Some(_) => Err(type_err(msg!(
            "py-np-arg-unsupported",
            func = func,
            name = name
        ))),
    }
}

/// An integer argument: Python and numpy ints and bools.
fn int_arg(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) | Value::NpInt(i) => Ok(*i),
        Value::Bool(b) | Value::NpBool(b) => Ok(i64::from(*b)),
        other => Err(type_err(msg!("py-np-not-int", kind = other.type_name()))),
    }
}

/// A real-number argument: Python and numpy numbers and bools.
fn float_arg(v: &Value) -> PyResult<f64> {
    match number(v) {
        Some((x, _)) => Ok(x),
        None => Err(type_err(msg!("py-np-not-number", kind = v.type_name()))),
    }
}

/// A truth-value argument (`keepdims=`, `endpoint=`, `replace=`).
fn bool_arg(slot: &Option<Value>, default: bool) -> PyResult<bool> {
    match given(slot) {
        None => Ok(default),
        Some(v) => match number(v) {
            Some((x, _)) => Ok(x != 0.0),
            None => Err(type_err(msg!("py-np-not-bool", kind = v.type_name()))),
        },
    }
}

/// A number and the dtype numpy reads it as.
fn number(v: &Value) -> Option<(f64, DType)> {
    match v {
        Value::Bool(b) | Value::NpBool(b) => Some((f64::from(u8::from(*b)), DType::Bool)),
        Value::Int(i) | Value::NpInt(i) => Some((*i as f64, DType::Int64)),
        Value::Float(x) | Value::NpFloat(x) => Some((*x, DType::Float64)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Arrays, scalars and dtypes

/// `to_array`, also taking a `range`.
fn arr(v: &Value) -> PyResult<Rc<ArrayObj>> {
    if let Value::Range(r) = v {
        let (start, stop, step) = (r.0, r.1, r.2);
        let count = if step > 0 && stop > start {
            ((stop - start - 1) / step + 1) as usize
        } else if step < 0 && start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        };
        check_count(count)?;
        let data: Vec<f64> = (0..count)
            .map(|i| (start + i as i64 * step) as f64)
            .collect();
        return Ok(Rc::new(ArrayObj::from_vec(data, vec![count], DType::Int64)));
    }
    to_array(v)
}

/// Refuses more than `MAX_ELEMENTS` elements.
fn check_count(count: usize) -> PyResult<()> {
    // The result and one copy of an input: what the system must be able to give.
    if count > MAX_ELEMENTS || !crate::py::array::can_allocate(count.saturating_mul(16)) {
        return Err(err(
            ExcKind::MemoryError,
            msg!("py-np-too-large", count = count.to_string()),
        ));
    }
    Ok(())
}

/// The number of elements of a shape, refusing more than `MAX_ELEMENTS`.
fn shape_count(shape: &[usize]) -> PyResult<usize> {
    let mut count: usize = 1;
    for &n in shape {
        count = match count.checked_mul(n) {
            Some(c) => c,
            None => {
                return Err(err(
                    ExcKind::MemoryError,
                    msg!("py-np-too-large", count = shape_np_text(shape)),
                ));
            }
        };
    }
    if shape.contains(&0) {
        return Ok(0);
    }
    check_count(count)?;
    Ok(count)
}

/// A shape argument: an int or a sequence of ints.
fn shape_arg(v: &Value) -> PyResult<Vec<usize>> {
    let dims: Vec<i64> = match v {
        Value::Tuple(items) => items.iter().map(shape_dim).collect::<PyResult<_>>()?,
        Value::List(items) => items
            .borrow()
            .iter()
            .map(shape_dim)
            .collect::<PyResult<_>>()?,
        Value::Array(a) if a.shape.len() <= 1 && a.dtype != DType::Float64 => {
            a.to_vec().iter().map(|&x| x as i64).collect()
        }
        other => vec![shape_dim(other)?],
    };
    let shape = dims_to_shape(&dims)?;
    shape_count(&shape)?;
    Ok(shape)
}

fn shape_dim(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) | Value::NpInt(i) => Ok(*i),
        Value::Bool(b) | Value::NpBool(b) => Ok(i64::from(*b)),
        other => Err(type_err(msg!("py-np-shape-type", kind = other.type_name()))),
    }
}

fn dims_to_shape(dims: &[i64]) -> PyResult<Vec<usize>> {
    if dims.iter().any(|&d| d < 0) {
        return Err(value_err(msg!("py-np-negative-dims")));
    }
    Ok(dims.iter().map(|&d| d as usize).collect())
}

/// A shape as numpy's C code prints it in messages: `(2,3)`, `(5,)`.
fn shape_np_text(shape: &[usize]) -> String {
    dims_np_text(&shape.iter().map(|&n| n as i64).collect::<Vec<_>>())
}

/// As `shape_np_text`, with `-1` written `newaxis` as numpy's reshape error does.
fn dims_np_text(dims: &[i64]) -> String {
    let parts: Vec<String> = dims
        .iter()
        .map(|&d| {
            if d < 0 {
                "newaxis".to_string()
            } else {
                d.to_string()
            }
        })
        .collect();
    if parts.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(","))
    }
}

/// A value held in a buffer of dtype `dt`: what numpy's unsafe cast makes of `x`.
fn cast(x: f64, dt: DType) -> f64 {
    match dt {
        DType::Float64 => x,
        DType::Int64 => {
            // numpy (x86) makes NaN, infinities and out-of-range values the smallest int64.
            if x.is_nan() || !(-TWO_63..TWO_63).contains(&x) {
                i64::MIN as f64
            } else {
                x.trunc()
            }
        }
        DType::Bool => f64::from(u8::from(x != 0.0)),
    }
}

/// numpy's scalar of dtype `dt` holding `x`.
pub fn np_scalar(x: f64, dt: DType) -> Value {
    match dt {
        DType::Float64 => Value::NpFloat(x),
        DType::Int64 => Value::NpInt(x as i64),
        DType::Bool => Value::NpBool(x != 0.0),
    }
}

/// Python's number of dtype `dt` holding `x` (what `tolist` and `item` give).
fn py_number(x: f64, dt: DType) -> Value {
    match dt {
        DType::Float64 => Value::Float(x),
        DType::Int64 => Value::Int(x as i64),
        DType::Bool => Value::Bool(x != 0.0),
    }
}

/// A result: a numpy scalar when it is 0-d (as ufuncs and reductions give), else an array.
fn result(data: Vec<f64>, shape: Vec<usize>, dt: DType) -> Value {
    if shape.is_empty() {
        return np_scalar(data.first().copied().unwrap_or(0.0), dt);
    }
    Value::array(ArrayObj::from_vec(data, shape, dt))
}

fn new_array(data: Vec<f64>, shape: Vec<usize>, dt: DType) -> Value {
    Value::array(ArrayObj::from_vec(data, shape, dt))
}

/// A copy of `a` with dtype `dt`.
fn astype(a: &ArrayObj, dt: DType) -> ArrayObj {
    let data = a.to_vec().into_iter().map(|x| cast(x, dt)).collect();
    ArrayObj::from_vec(data, a.shape.clone(), dt)
}

/// Whether the view is C-contiguous (axes of length 1 may have any stride).
fn is_c_contiguous(a: &ArrayObj) -> bool {
    a.is_contiguous()
}

/// The dtype `dtype=` names: `np.float64`, `float`, `"int64"`, …
pub fn dtype_from(v: &Value) -> PyResult<DType> {
    match v {
        Value::DType(d) => Ok(*d),
        Value::None => Ok(DType::Float64),
        Value::Builtin(b) => dtype_named(b.name).unwrap_or_else(|| {
            Err(type_err(msg!(
                "py-np-dtype-not-type",
                kind = format!("<built-in function {}>", b.name)
            )))
        }),
        Value::Str(s) => dtype_named(s)
            .unwrap_or_else(|| Err(type_err(msg!("py-np-dtype-unknown", name = s.to_string())))),
        other => Err(type_err(msg!(
            "py-np-dtype-not-type",
            kind = other.type_name()
        ))),
    }
}

/// The dtype a name stands for; `Some(Err)` for a numpy dtype this program does not keep.
fn dtype_named(name: &str) -> Option<PyResult<DType>> {
    match name {
        "float64" | "float" | "f8" | "double" | "float_" => Some(Ok(DType::Float64)),
        "int64" | "int" | "i8" | "int_" | "intp" => Some(Ok(DType::Int64)),
        "bool" | "bool_" | "?" => Some(Ok(DType::Bool)),
        _ if UNSUPPORTED_DTYPES.iter().any(|(n, _)| *n == name) => Some(Err(unsupported(name))),
        _ => None,
    }
}

fn unsupported(name: &str) -> PyErr {
    type_err(msg!("py-np-dtype-unsupported", name = name))
}

/// An optional `dtype=`.
fn dtype_opt(slot: &Option<Value>) -> PyResult<Option<DType>> {
    given(slot).map(dtype_from).transpose()
}

macro_rules! unsupported_dtypes {
    ($($name:ident),*) => {
        $(
            fn $name(_: Args) -> PyResult<Value> {
                Err(unsupported(stringify!($name)))
            }
        )*
        /// numpy's dtypes this program does not keep: calling one, or naming it as a
        /// `dtype=`, says so.
        const UNSUPPORTED_DTYPES: &[(&str, NativeFn)] = &[$((stringify!($name), native!($name))),*];
    };
}

unsupported_dtypes!(
    float32, float16, int32, int16, int8, uint8, uint16, uint32, uint64, complex64, complex128
);

/// Calling a dtype: `np.float64(3)`, `np.int64(2.7)`, `np.float64([1, 2])`, `np.bool_(0)`.
pub fn dtype_call(dt: DType, args: Args) -> PyResult<Value> {
    let slots = bind(dt.name(), args, &["x"], 0)?;
    let Some(v) = slots.into_iter().next().flatten() else {
        return Ok(np_scalar(0.0, dt));
    };
    match &v {
        Value::Str(s) => {
            let text = s.trim();
            match dt {
                DType::Float64 => parse_float(text)
                    .map(Value::NpFloat)
                    .ok_or_else(|| value_err(msg!("py-np-str-float", text = s.to_string()))),
                DType::Int64 => text
                    .replace('_', "")
                    .parse::<i64>()
                    .map(Value::NpInt)
                    .map_err(|_| value_err(msg!("py-np-str-int", text = s.to_string()))),
                DType::Bool => Ok(Value::NpBool(!s.is_empty())),
            }
        }
        Value::None if dt == DType::Bool => Ok(Value::NpBool(false)),
        _ => {
            if let Some((x, _)) = number(&v) {
                return scalar_to(x, dt);
            }
            let a = arr(&v)?;
            if a.shape.is_empty() {
                return scalar_to(a.to_vec().first().copied().unwrap_or(0.0), dt);
            }
            Ok(Value::array(astype(&a, dt)))
        }
    }
}

/// Python's `float()` of a string: digits, `inf`, `nan`, underscores between digits.
fn parse_float(text: &str) -> Option<f64> {
    let lower = text.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if matches!(body, "inf" | "infinity" | "nan") {
        return lower.parse::<f64>().ok();
    }
    if body.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    lower.replace('_', "").parse::<f64>().ok()
}

/// `x` as a scalar of `dt`, refusing what numpy's int conversion refuses.
fn scalar_to(x: f64, dt: DType) -> PyResult<Value> {
    if dt == DType::Int64 {
        if x.is_nan() {
            return Err(value_err(msg!("py-np-nan-to-int")));
        }
        if x.is_infinite() {
            return Err(err(ExcKind::OverflowError, msg!("py-np-inf-to-int")));
        }
        if !(-TWO_63..TWO_63).contains(&x) {
            return Err(err(ExcKind::OverflowError, msg!("py-np-int-range")));
        }
    }
    Ok(np_scalar(cast(x, dt), dt))
}

// ---------------------------------------------------------------------------------------------
// Axes

/// An axis argument made an index into `ndim` axes (negative counts from the end).
fn norm_axis(axis: i64, ndim: usize) -> PyResult<usize> {
    let n = ndim as i64;
    if axis < -n || axis >= n {
        return Err(value_err(msg!(
            "py-np-axis-bounds",
            axis = axis.to_string(),
            ndim = ndim.to_string()
        )));
    }
    Ok(if axis < 0 { axis + n } else { axis } as usize)
}

/// `axis=`: `None` (all axes), an int, or a tuple of ints.
fn axes_arg(slot: &Option<Value>, ndim: usize) -> PyResult<Option<Vec<usize>>> {
    let Some(v) = given(slot) else {
        return Ok(None);
    };
    let list: Vec<i64> = match v {
        Value::Tuple(items) => items.iter().map(int_arg).collect::<PyResult<_>>()?,
        other => vec![int_arg(other)?],
    };
    let mut axes = Vec::new();
    for a in list {
        let a = norm_axis(a, ndim)?;
        if axes.contains(&a) {
            return Err(value_err(msg!("py-np-axis-repeated")));
        }
        axes.push(a);
    }
    axes.sort_unstable();
    Ok(Some(axes))
}

/// An axis that must be a single int or `None`.
fn one_axis_arg(slot: &Option<Value>, ndim: usize) -> PyResult<Option<usize>> {
    match given(slot) {
        None => Ok(None),
        Some(v) => Ok(Some(norm_axis(int_arg(v)?, ndim)?)),
    }
}

// ---------------------------------------------------------------------------------------------
// Reductions

/// numpy's `pairwise_sum` for float64 (loops_utils.h.src): blocks of up to 128 summed with 8
/// accumulators, larger runs split in two at a multiple of 8.
fn pairwise(a: &[f64]) -> f64 {
    let n = a.len();
    if n < 8 {
        let mut res = 0.0;
        for &x in a {
            res += x;
        }
        res
    } else if n <= 128 {
        let mut r = [0.0f64; 8];
        r.copy_from_slice(&a[..8]);
        let mut i = 8;
        while i < n - n % 8 {
            for (j, acc) in r.iter_mut().enumerate() {
                *acc += a[i + j];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for &x in &a[i..] {
            res += x;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise(&a[..n2]) + pairwise(&a[n2..])
    }
}

/// A float sum as numpy's add-reduction makes it: pairwise along the fast axis, one element
/// after the other otherwise.
fn float_sum(lane: &[f64], pairwise_lane: bool) -> f64 {
    if pairwise_lane {
        0.0 + pairwise(lane)
    } else {
        let mut total = 0.0;
        for &x in lane {
            total += x;
        }
        total
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Red {
    Sum,
    Prod,
    Mean,
    Max,
    Min,
    ArgMax,
    ArgMin,
    Any,
    All,
    Var,
    Std,
}

impl Red {
    fn out_dtype(self, dt: DType) -> DType {
        match self {
            Red::Sum | Red::Prod => match dt {
                DType::Float64 => DType::Float64,
                _ => DType::Int64,
            },
            Red::Mean | Red::Var | Red::Std => DType::Float64,
            Red::Max | Red::Min => dt,
            Red::ArgMax | Red::ArgMin => DType::Int64,
            Red::Any | Red::All => DType::Bool,
        }
    }
}

/// Calls `f` with the elements of every lane of `a` along `axes` (sorted, distinct), in the
/// C order of the remaining axes. A full reduction walks the elements in memory order.
fn for_each_lane(a: &ArrayObj, axes: &[usize], f: &mut dyn FnMut(&[f64])) {
    let buf = a.buf.borrow();
    let ndim = a.shape.len();
    let mut red_shape = Vec::new();
    let mut red_strides = Vec::new();
    let mut keep_shape = Vec::new();
    let mut keep_strides = Vec::new();
    if axes.len() == ndim {
        // Memory order: the axes by falling stride, as numpy's iterator orders them.
        let mut order: Vec<usize> = (0..ndim).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(a.strides[i].unsigned_abs()));
        for i in order {
            red_shape.push(a.shape[i]);
            red_strides.push(a.strides[i]);
        }
    } else {
        for i in 0..ndim {
            if axes.contains(&i) {
                red_shape.push(a.shape[i]);
                red_strides.push(a.strides[i]);
            } else {
                keep_shape.push(a.shape[i]);
                keep_strides.push(a.strides[i]);
            }
        }
    }
    let lane_len: usize = red_shape.iter().product();
    // Lanes that lie in the buffer one element after the other are read where they are.
    let in_place = lane_len > 0
        && crate::py::value::is_c_order(&red_shape, &red_strides)
        && a.offset_bounds().is_some_and(|(_, hi)| hi <= buf.len());
    if in_place {
        let mut visit = |base: usize| f(&buf[base..base + lane_len]);
        if keep_shape.is_empty() {
            visit(a.offset);
        } else {
            for_each_offset(&keep_shape, &keep_strides, a.offset, &mut visit);
        }
        return;
    }
    let mut lane = Vec::with_capacity(lane_len);
    let mut visit = |base: usize| {
        lane.clear();
        if red_shape.contains(&0) {
            f(&lane);
            return;
        }
        for_each_offset(&red_shape, &red_strides, base, |at| {
            lane.push(buf.get(at).copied().unwrap_or(0.0))
        });
        f(&lane);
    };
    if keep_shape.is_empty() {
        visit(a.offset);
    } else {
        for_each_offset(&keep_shape, &keep_strides, a.offset, &mut visit);
    }
}

/// Whether numpy sums the lanes along `axes` pairwise: a full reduction, or one axis that is
/// the fastest-moving in memory.
fn lanes_pairwise(a: &ArrayObj, axes: &[usize]) -> bool {
    if axes.len() == a.shape.len() {
        return true;
    }
    let [axis] = axes else {
        return false;
    };
    let mine = a.strides[*axis].unsigned_abs();
    a.shape
        .iter()
        .zip(&a.strides)
        .enumerate()
        .all(|(i, (&n, &s))| i == *axis || n <= 1 || s.unsigned_abs() > mine)
}

/// One reduction of `a` over `axes` (`None`: all), with numpy's result dtype and shape.
fn reduce(
    a: &ArrayObj,
    red: Red,
    axes: Option<Vec<usize>>,
    keepdims: bool,
    ddof: f64,
) -> PyResult<Value> {
    let ndim = a.shape.len();
    let axes = axes.unwrap_or_else(|| (0..ndim).collect());
    let dt = a.dtype;
    let out_dt = red.out_dtype(dt);
    let pair = lanes_pairwise(a, &axes);
    let mut out = Vec::new();
    let mut failure: Option<PyErr> = None;
    let summed = match (red, dt, &axes[..]) {
        (Red::Sum | Red::Mean, DType::Float64, &[axis]) if !pair => {
            row_sums(a, axis, red == Red::Mean)
        }
        _ => None,
    };
    if let Some(sums) = summed {
        out = sums;
    } else {
        for_each_lane(a, &axes, &mut |lane| {
            if failure.is_some() {
                return;
            }
            match lane_value(lane, red, dt, pair, ddof) {
                Ok(x) => out.push(x),
                Err(e) => failure = Some(e),
            }
        });
    }
    if let Some(e) = failure {
        return Err(e);
    }
    let mut shape = Vec::new();
    for (i, &n) in a.shape.iter().enumerate() {
        if !axes.contains(&i) {
            shape.push(n);
        } else if keepdims {
            shape.push(1);
        }
    }
    Ok(result(out, shape, out_dt))
}

/// The float sums (or means) along `axis` of a contiguous array whose lanes numpy sums one
/// element after the other: the rows of the axis added into one accumulator row, so that each
/// sum takes its elements in the same order as a lane would. `None` for any other array.
fn row_sums(a: &ArrayObj, axis: usize, mean: bool) -> Option<Vec<f64>> {
    let buf = a.buf.borrow();
    let data = &buf[a.contiguous_range(buf.len())?];
    let n = *a.shape.get(axis)?;
    let outer: usize = a.shape[..axis].iter().product();
    let inner: usize = a.shape[axis + 1..].iter().product();
    let mut out = Vec::with_capacity(outer * inner);
    for block in 0..outer {
        let at = out.len();
        out.resize(at + inner, 0.0);
        let acc = &mut out[at..];
        for i in 0..n {
            let start = (block * n + i) * inner;
            for (slot, &x) in acc.iter_mut().zip(&data[start..start + inner]) {
                *slot += x;
            }
        }
        if mean {
            for slot in acc {
                *slot /= n as f64;
            }
        }
    }
    Some(out)
}

/// The reduction of one lane.
fn lane_value(lane: &[f64], red: Red, dt: DType, pair: bool, ddof: f64) -> PyResult<f64> {
    let n = lane.len();
    Ok(match red {
        Red::Sum => match dt {
            DType::Float64 => float_sum(lane, pair),
            _ => lane.iter().fold(0i64, |t, &x| t.wrapping_add(x as i64)) as f64,
        },
        Red::Prod => match dt {
            DType::Float64 => lane.iter().fold(1.0, |t, &x| t * x),
            _ => lane.iter().fold(1i64, |t, &x| t.wrapping_mul(x as i64)) as f64,
        },
        Red::Mean => float_sum(lane, pair) / n as f64,
        Red::Var | Red::Std => {
            let mean = float_sum(lane, pair) / n as f64;
            let squares: Vec<f64> = lane
                .iter()
                .map(|&x| {
                    let d = x - mean;
                    d * d
                })
                .collect();
            let var = float_sum(&squares, pair) / (n as f64 - ddof).max(0.0);
            if red == Red::Std { var.sqrt() } else { var }
        }
        Red::Max | Red::Min => {
            let Some(&first) = lane.first() else {
                let op = if red == Red::Max {
                    "maximum"
                } else {
                    "minimum"
                };
                return Err(value_err(msg!("py-np-empty-reduce", op = op)));
            };
            lane[1..].iter().fold(first, |m, &x| {
                if m.is_nan() || x.is_nan() {
                    f64::NAN
                } else if (red == Red::Max && x > m) || (red == Red::Min && x < m) {
                    x
                } else {
                    m
                }
            })
        }
        Red::ArgMax | Red::ArgMin => {
            if lane.is_empty() {
                let op = if red == Red::ArgMax {
                    "argmax"
                } else {
                    "argmin"
                };
                return Err(value_err(msg!("py-np-empty-arg", op = op)));
            }
            let mut best = 0usize;
            for (i, &x) in lane.iter().enumerate() {
                let b = lane[best];
                if b.is_nan() {
                    break;
                }
                if x.is_nan() || (red == Red::ArgMax && x > b) || (red == Red::ArgMin && x < b) {
                    best = i;
                }
            }
            best as f64
        }
        Red::Any => f64::from(u8::from(lane.iter().any(|&x| x != 0.0))),
        Red::All => f64::from(u8::from(lane.iter().all(|&x| x != 0.0))),
    })
}

/// `np.argmax`/`np.argmin` and the methods: over the C-order flattening when `axis` is `None`.
fn arg_reduce(a: &ArrayObj, red: Red, axis: Option<usize>, keepdims: bool) -> PyResult<Value> {
    match axis {
        Some(ax) => reduce(a, red, Some(vec![ax]), keepdims, 0.0),
        None => {
            let flat = ArrayObj::from_vec(a.to_vec(), vec![a.size()], a.dtype);
            let v = reduce(&flat, red, None, false, 0.0)?;
            if keepdims {
                let x = number(&v).map_or(0.0, |(x, _)| x);
                return Ok(new_array(vec![x], vec![1; a.shape.len()], DType::Int64));
            }
            Ok(v)
        }
    }
}

/// A reduction called with numpy's arguments (`axis`, `dtype`, `out`, `keepdims`, `ddof`):
/// `names` lists the ones the function takes, in numpy's positional order.
fn reduce_call(
    func: &str,
    a: &Rc<ArrayObj>,
    red: Red,
    args: Args,
    names: &[&str],
) -> PyResult<Value> {
    let slots = bind(func, args, names, 0)?;
    let slot = |name: &str| -> Option<Value> {
        names
            .iter()
            .position(|n| *n == name)
            .and_then(|i| slots[i].clone())
    };
    refuse(func, &slot("out"), "out")?;
    let keepdims = bool_arg(&slot("keepdims"), false)?;
    let ddof = match given(&slot("ddof")) {
        Some(v) => float_arg(v)?,
        None => 0.0,
    };
    let mut source: Rc<ArrayObj> = a.clone();
    if let Some(dt) = dtype_opt(&slot("dtype"))? {
        source = Rc::new(astype(a, dt));
    }
    if matches!(red, Red::ArgMax | Red::ArgMin) {
        let axis = one_axis_arg(&slot("axis"), a.shape.len())?;
        return arg_reduce(&source, red, axis, keepdims);
    }
    let axes = axes_arg(&slot("axis"), a.shape.len())?;
    reduce(&source, red, axes, keepdims, ddof)
}

/// The argument names of each reduction, as numpy orders them (after the array).
fn red_params(red: Red) -> &'static [&'static str] {
    match red {
        Red::Sum | Red::Prod | Red::Mean => &["axis", "dtype", "out", "keepdims"],
        Red::Max | Red::Min | Red::ArgMax | Red::ArgMin | Red::Any | Red::All => {
            &["axis", "out", "keepdims"]
        }
        Red::Var | Red::Std => &["axis", "dtype", "out", "ddof", "keepdims"],
    }
}

// ---------------------------------------------------------------------------------------------
// Making arrays

/// An ndarray's elements in C order and its shape.
fn parts(a: ArrayD<f64>) -> (Vec<f64>, Vec<usize>) {
    let shape = a.shape().to_vec();
    let data = if a.is_standard_layout() {
        a.into_raw_vec_and_offset().0
    } else {
        a.iter().copied().collect()
    };
    (data, shape)
}

fn np_array(args: Args) -> PyResult<Value> {
    let slots = bind("array", args, &["object", "dtype", "copy"], 1)?;
    let v = slots[0].clone().unwrap_or(Value::None);
    let a = arr(&v)?;
    let dt = dtype_opt(&slots[1])?.unwrap_or(a.dtype);
    let keep = matches!(given(&slots[2]), Some(c) if number(c).is_some_and(|(x, _)| x == 0.0));
    if keep && matches!(v, Value::Array(_)) && dt == a.dtype {
        return Ok(Value::Array(a));
    }
    Ok(Value::array(astype(&a, dt)))
}

fn np_asarray(args: Args) -> PyResult<Value> {
    let slots = bind("asarray", args, &["a", "dtype"], 1)?;
    let v = slots[0].clone().unwrap_or(Value::None);
    let a = arr(&v)?;
    match dtype_opt(&slots[1])? {
        Some(dt) if dt != a.dtype => Ok(Value::array(astype(&a, dt))),
        _ => Ok(Value::Array(a)),
    }
}

/// An array of `shape` filled with `x`.
fn filled(shape: Vec<usize>, x: f64, dt: DType) -> PyResult<Value> {
    let count = shape_count(&shape)?;
    Ok(new_array(vec![cast(x, dt); count], shape, dt))
}

fn make_filled(func: &str, args: Args, x: f64) -> PyResult<Value> {
    let slots = bind(func, args, &["shape", "dtype", "order"], 1)?;
    let shape = shape_arg(slots[0].as_ref().unwrap_or(&Value::None))?;
    let dt = dtype_opt(&slots[1])?.unwrap_or(DType::Float64);
    filled(shape, x, dt)
}

fn np_zeros(args: Args) -> PyResult<Value> {
    make_filled("zeros", args, 0.0)
}

fn np_ones(args: Args) -> PyResult<Value> {
    make_filled("ones", args, 1.0)
}

fn np_empty(args: Args) -> PyResult<Value> {
    make_filled("empty", args, 0.0)
}

fn np_full(args: Args) -> PyResult<Value> {
    let slots = bind("full", args, &["shape", "fill_value", "dtype"], 2)?;
    let shape = shape_arg(slots[0].as_ref().unwrap_or(&Value::None))?;
    let (x, infer) = fill_value(slots[1].as_ref().unwrap_or(&Value::None))?;
    let dt = dtype_opt(&slots[2])?.unwrap_or(infer);
    filled(shape, x, dt)
}

/// A fill value: a number (or 0-d array), with its dtype.
fn fill_value(v: &Value) -> PyResult<(f64, DType)> {
    if let Some(n) = number(v) {
        return Ok(n);
    }
    let a = arr(v)?;
    if a.size() != 1 {
        return Err(value_err(msg!("py-np-fill-scalar")));
    }
    Ok((a.to_vec().first().copied().unwrap_or(0.0), a.dtype))
}

fn make_like(func: &str, args: Args, x: Option<f64>) -> PyResult<Value> {
    let names: &[&str] = if x.is_some() {
        &["a", "dtype"]
    } else {
        &["a", "fill_value", "dtype"]
    };
    let slots = bind(func, args, names, names.len() - 1)?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let x = match x {
        Some(x) => x,
        None => fill_value(slots[1].as_ref().unwrap_or(&Value::None))?.0,
    };
    let dt = dtype_opt(&slots[names.len() - 1])?.unwrap_or(a.dtype);
    filled(a.shape.clone(), x, dt)
}

fn np_zeros_like(args: Args) -> PyResult<Value> {
    make_like("zeros_like", args, Some(0.0))
}

fn np_ones_like(args: Args) -> PyResult<Value> {
    make_like("ones_like", args, Some(1.0))
}

fn np_empty_like(args: Args) -> PyResult<Value> {
    make_like("empty_like", args, Some(0.0))
}

fn np_full_like(args: Args) -> PyResult<Value> {
    make_like("full_like", args, None)
}

fn np_arange(args: Args) -> PyResult<Value> {
    let slots = bind("arange", args, &["start", "stop", "step", "dtype"], 0)?;
    let values: Vec<Option<&Value>> = slots[..3].iter().map(given).collect();
    let (start, stop, step) = match values.as_slice() {
        [Some(stop), None, None] => (None, *stop, None),
        [Some(start), Some(stop), step] => (Some(*start), *stop, *step),
        [None, Some(stop), step] => (None, *stop, *step),
        _ => return Err(type_err(msg!("py-np-arange-stop"))),
    };
    let read = |v: &Value| -> PyResult<(f64, bool)> {
        match number(v) {
            Some((x, dt)) => Ok((x, dt != DType::Float64)),
            None => Err(type_err(msg!("py-np-not-number", kind = v.type_name()))),
        }
    };
    let (lo, lo_int) = start.map_or(Ok((0.0, true)), read)?;
    let (hi, hi_int) = read(stop)?;
    let (delta, step_int) = step.map_or(Ok((1.0, true)), read)?;
    let all_int = lo_int && hi_int && step_int;
    if delta == 0.0 {
        let id = if lo_int && hi_int && step_int {
            msg!("py-np-div-zero")
        } else {
            msg!("py-np-float-div-zero")
        };
        return Err(err(ExcKind::ZeroDivisionError, id));
    }
    let len = ((hi - lo) / delta).ceil();
    if len.is_nan() {
        return Err(value_err(msg!("py-np-arange-length")));
    }
    let len = if len <= 0.0 { 0.0 } else { len };
    if len > MAX_ELEMENTS as f64 {
        return Err(err(
            ExcKind::MemoryError,
            msg!("py-np-too-large", count = format!("{len}")),
        ));
    }
    let n = len as usize;
    let dt = dtype_opt(&slots[3])?.unwrap_or(if all_int {
        DType::Int64
    } else {
        DType::Float64
    });
    let data: Vec<f64> = if all_int {
        let (lo, delta) = (lo as i64, delta as i64);
        (0..n)
            .map(|i| cast(lo.wrapping_add((i as i64).wrapping_mul(delta)) as f64, dt))
            .collect()
    } else {
        // numpy fills from the first two values: `start + i * ((start + step) - start)`.
        let second = lo + delta;
        let d = second - lo;
        (0..n)
            .map(|i| {
                let x = match i {
                    0 => lo,
                    1 => second,
                    _ => lo + i as f64 * d,
                };
                cast(x, dt)
            })
            .collect()
    };
    Ok(new_array(data, vec![n], dt))
}

fn np_linspace(args: Args) -> PyResult<Value> {
    let names = ["start", "stop", "num", "endpoint", "retstep", "dtype"];
    let slots = bind("linspace", args, &names, 2)?;
    let start = float_arg(slots[0].as_ref().unwrap_or(&Value::None))?;
    let stop = float_arg(slots[1].as_ref().unwrap_or(&Value::None))?;
    let num = match given(&slots[2]) {
        Some(v) => int_arg(v)?,
        None => 50,
    };
    if num < 0 {
        return Err(value_err(msg!("py-np-linspace-num", num = num.to_string())));
    }
    let num = num as usize;
    check_count(num)?;
    let endpoint = bool_arg(&slots[3], true)?;
    let retstep = bool_arg(&slots[4], false)?;
    let dt = dtype_opt(&slots[5])?.unwrap_or(DType::Float64);
    let div = if endpoint { num.saturating_sub(1) } else { num };
    let delta = stop - start;
    let step = if div > 0 {
        delta / div as f64
    } else {
        f64::NAN
    };
    let mut y: Vec<f64> = (0..num)
        .map(|i| {
            let i = i as f64;
            let scaled = if div == 0 {
                i * delta
            } else if step == 0.0 {
                i / div as f64 * delta
            } else {
                i * step
            };
            scaled + start
        })
        .collect();
    if endpoint
        && num > 1
        && let Some(last) = y.last_mut()
    {
        *last = stop;
    }
    if dt != DType::Float64 {
        for v in &mut y {
            *v = cast(if dt == DType::Int64 { v.floor() } else { *v }, dt);
        }
    }
    let out = new_array(y, vec![num], dt);
    if retstep {
        return Ok(Value::tuple(vec![out, Value::NpFloat(step)]));
    }
    Ok(out)
}

fn np_eye(args: Args) -> PyResult<Value> {
    let slots = bind("eye", args, &["N", "M", "k", "dtype"], 1)?;
    let n = int_arg(slots[0].as_ref().unwrap_or(&Value::None))?;
    let m = given(&slots[1]).map(int_arg).transpose()?.unwrap_or(n);
    let k = given(&slots[2]).map(int_arg).transpose()?.unwrap_or(0);
    let dt = dtype_opt(&slots[3])?.unwrap_or(DType::Float64);
    eye(n, m, k, dt)
}

fn eye(n: i64, m: i64, k: i64, dt: DType) -> PyResult<Value> {
    let shape = dims_to_shape(&[n, m])?;
    let count = shape_count(&shape)?;
    let mut data = vec![0.0; count];
    for i in 0..shape[0] {
        let j = i as i64 + k;
        if j >= 0 && (j as usize) < shape[1] {
            data[i * shape[1] + j as usize] = 1.0;
        }
    }
    Ok(new_array(data, shape, dt))
}

fn np_identity(args: Args) -> PyResult<Value> {
    let slots = bind("identity", args, &["n", "dtype"], 1)?;
    let n = int_arg(slots[0].as_ref().unwrap_or(&Value::None))?;
    let dt = dtype_opt(&slots[1])?.unwrap_or(DType::Float64);
    eye(n, n, 0, dt)
}

// ---------------------------------------------------------------------------------------------
// Elementwise functions

/// What a one-argument ufunc gives for each input dtype.
#[derive(Clone, Copy)]
enum Out {
    /// float64 whatever comes in.
    Float,
    /// The input's dtype.
    Same,
    /// The input's dtype, bool refused (numpy has no bool loop).
    NoBool,
    /// The input's dtype, bool made int64.
    BoolToInt,
    /// bool.
    Bool,
}

fn unary(func: &str, args: Args, f: fn(f64) -> f64, out: Out) -> PyResult<Value> {
    let slots = bind(func, args, &["x", "out"], 1)?;
    refuse(func, &slots[1], "out")?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let dt = match (out, a.dtype) {
        (Out::Float, _) => DType::Float64,
        (Out::Bool, _) => DType::Bool,
        (Out::NoBool, DType::Bool) => {
            return Err(type_err(msg!("py-np-no-bool-loop", func = func)));
        }
        (Out::BoolToInt, DType::Bool) => DType::Int64,
        (_, d) => d,
    };
    let data = a.to_vec().into_iter().map(|x| cast(f(x), dt)).collect();
    Ok(result(data, a.shape.clone(), dt))
}

macro_rules! ufuncs1 {
    ($($fname:ident, $py:literal, $f:expr, $out:expr;)*) => {
        $(
            fn $fname(args: Args) -> PyResult<Value> {
                unary($py, args, $f, $out)
            }
        )*
        /// The one-argument ufuncs, by numpy name.
        const UFUNCS1: &[(&str, NativeFn)] = &[$(($py, native!($fname))),*];
    };
}

fn sign(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        x
    }
}

ufuncs1! {
    np_exp, "exp", f64::exp, Out::Float;
    np_expm1, "expm1", f64::exp_m1, Out::Float;
    np_log, "log", f64::ln, Out::Float;
    np_log1p, "log1p", f64::ln_1p, Out::Float;
    np_log2, "log2", f64::log2, Out::Float;
    np_log10, "log10", f64::log10, Out::Float;
    np_sqrt, "sqrt", f64::sqrt, Out::Float;
    np_tanh, "tanh", f64::tanh, Out::Float;
    np_sinh, "sinh", f64::sinh, Out::Float;
    np_cosh, "cosh", f64::cosh, Out::Float;
    np_sin, "sin", f64::sin, Out::Float;
    np_cos, "cos", f64::cos, Out::Float;
    np_tan, "tan", f64::tan, Out::Float;
    np_arctan, "arctan", f64::atan, Out::Float;
    np_abs, "abs", f64::abs, Out::Same;
    np_absolute, "absolute", f64::abs, Out::Same;
    np_fabs, "fabs", f64::abs, Out::Float;
    np_negative, "negative", |x: f64| -x, Out::NoBool;
    np_square, "square", |x: f64| x * x, Out::BoolToInt;
    np_sign, "sign", sign, Out::NoBool;
    np_floor, "floor", f64::floor, Out::Same;
    np_ceil, "ceil", f64::ceil, Out::Same;
    np_trunc, "trunc", f64::trunc, Out::Same;
    np_rint, "rint", f64::round_ties_even, Out::Same;
    np_isnan, "isnan", |x: f64| f64::from(u8::from(x.is_nan())), Out::Bool;
    np_isinf, "isinf", |x: f64| f64::from(u8::from(x.is_infinite())), Out::Bool;
    np_isfinite, "isfinite", |x: f64| f64::from(u8::from(x.is_finite())), Out::Bool;
    np_logical_not, "logical_not", |x: f64| f64::from(u8::from(x == 0.0)), Out::Bool;
}

/// The elements of `a` and `b` broadcast and combined by `f` into dtype `dt`.
fn combine(a: &ArrayObj, b: &ArrayObj, dt: DType, f: impl Fn(f64, f64) -> f64) -> PyResult<Value> {
    let (data, shape) = parts(zip_with(a, b, |p, q| cast(f(p, q), dt))?);
    Ok(result(data, shape, dt))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Bin {
    Maximum,
    Minimum,
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
}

fn int_pow(mut base: i64, mut exp: i64) -> i64 {
    let mut out = 1i64;
    while exp > 0 {
        if exp & 1 == 1 {
            out = out.wrapping_mul(base);
        }
        base = base.wrapping_mul(base);
        exp >>= 1;
    }
    out
}

fn binary(func: &str, args: Args, op: Bin) -> PyResult<Value> {
    let slots = bind(func, args, &["x1", "x2", "out"], 2)?;
    refuse(func, &slots[2], "out")?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let b = arr(slots[1].as_ref().unwrap_or(&Value::None))?;
    let dt = promote(a.dtype, b.dtype);
    match op {
        Bin::Maximum | Bin::Minimum => combine(&a, &b, dt, move |x, y| {
            if x.is_nan() || y.is_nan() {
                f64::NAN
            } else if (op == Bin::Maximum) == (x >= y) {
                x
            } else {
                y
            }
        }),
        Bin::Add => combine(&a, &b, dt, |x, y| x + y),
        Bin::Subtract if dt == DType::Bool => Err(type_err(msg!("py-np-bool-subtract"))),
        Bin::Subtract => combine(&a, &b, dt, |x, y| x - y),
        Bin::Multiply => combine(&a, &b, dt, |x, y| x * y),
        Bin::Divide => combine(&a, &b, DType::Float64, |x, y| x / y),
        Bin::Power => {
            let dt = if dt == DType::Bool { DType::Int64 } else { dt };
            if dt == DType::Int64 {
                if b.to_vec().iter().any(|&e| e < 0.0) {
                    return Err(value_err(msg!("py-np-int-negative-power")));
                }
                combine(&a, &b, dt, |x, y| int_pow(x as i64, y as i64) as f64)
            } else {
                combine(&a, &b, dt, f64::powf)
            }
        }
    }
}

macro_rules! ufuncs2 {
    ($($fname:ident, $py:literal, $op:expr;)*) => {
        $(
            fn $fname(args: Args) -> PyResult<Value> {
                binary($py, args, $op)
            }
        )*
        /// The two-argument ufuncs, by numpy name.
        const UFUNCS2: &[(&str, NativeFn)] = &[$(($py, native!($fname))),*];
    };
}

ufuncs2! {
    np_maximum, "maximum", Bin::Maximum;
    np_minimum, "minimum", Bin::Minimum;
    np_add, "add", Bin::Add;
    np_subtract, "subtract", Bin::Subtract;
    np_multiply, "multiply", Bin::Multiply;
    np_divide, "divide", Bin::Divide;
    np_true_divide, "true_divide", Bin::Divide;
    np_power, "power", Bin::Power;
}

/// `np.clip(a, lo, hi)` and `a.clip(lo, hi)`: `minimum(maximum(a, lo), hi)`; `None` skips.
fn clip(a: &Rc<ArrayObj>, lo: Option<&Value>, hi: Option<&Value>) -> PyResult<Value> {
    if lo.is_none() && hi.is_none() {
        return Err(value_err(msg!("py-np-clip-bounds")));
    }
    let mut cur: Rc<ArrayObj> = a.clone();
    for (bound, upper) in [(lo, false), (hi, true)] {
        let Some(bound) = bound else {
            continue;
        };
        let b = arr(bound)?;
        let dt = promote(cur.dtype, b.dtype);
        let (data, shape) = parts(zip_with(&cur, &b, |x, y| {
            let v = if x.is_nan() || y.is_nan() {
                f64::NAN
            } else if (upper && y < x) || (!upper && y > x) {
                y
            } else {
                x
            };
            cast(v, dt)
        })?);
        cur = Rc::new(ArrayObj::from_vec(data, shape, dt));
    }
    let data = cur.to_vec();
    Ok(result(data, cur.shape.clone(), cur.dtype))
}

fn np_clip(args: Args) -> PyResult<Value> {
    let slots = bind("clip", args, &["a", "a_min", "a_max", "out"], 1)?;
    refuse("clip", &slots[3], "out")?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    clip(&a, given(&slots[1]), given(&slots[2]))
}

fn np_where(args: Args) -> PyResult<Value> {
    let slots = bind("where", args, &["condition", "x", "y"], 1)?;
    let cond = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    match (slots[1].as_ref(), slots[2].as_ref()) {
        (None, None) => Ok(nonzero(&cond)),
        (Some(x), Some(y)) => {
            let x = arr(x)?;
            let y = arr(y)?;
            let dt = promote(x.dtype, y.dtype);
            let s1 = broadcast_shape(&cond.shape, &x.shape)
                .ok_or_else(|| broadcast_error(&cond.shape, &x.shape))?;
            let shape =
                broadcast_shape(&s1, &y.shape).ok_or_else(|| broadcast_error(&s1, &y.shape))?;
            let dim = IxDyn(&shape);
            let (c, xs, ys) = (cond.to_ndarray(), x.to_ndarray(), y.to_ndarray());
            let (Some(c), Some(xs), Some(ys)) = (
                c.broadcast(dim.clone()),
                xs.broadcast(dim.clone()),
                ys.broadcast(dim),
            ) else {
                return Err(broadcast_error(&cond.shape, &x.shape));
            };
            let out = ndarray::Zip::from(&c)
                .and(&xs)
                .and(&ys)
                .map_collect(|&c, &p, &q| if c != 0.0 { p } else { q });
            let (data, shape) = parts(out);
            Ok(result(data, shape, dt))
        }
        _ => Err(value_err(msg!("py-np-where-args"))),
    }
}

/// `np.nonzero(a)`: a tuple of int64 index arrays, one per axis (a 0-d array counts as 1-d).
fn nonzero(a: &ArrayObj) -> Value {
    let shape = if a.shape.is_empty() {
        vec![1]
    } else {
        a.shape.clone()
    };
    let data = a.to_vec();
    let mut per_axis: Vec<Vec<f64>> = vec![Vec::new(); shape.len()];
    let strides = contiguous_strides(&shape);
    for (flat, &x) in data.iter().enumerate() {
        if x != 0.0 {
            let mut rest = flat;
            for (axis, &s) in strides.iter().enumerate() {
                let s = s.max(1) as usize;
                per_axis[axis].push((rest / s) as f64);
                rest %= s;
            }
        }
    }
    Value::tuple(
        per_axis
            .into_iter()
            .map(|v| {
                let n = v.len();
                new_array(v, vec![n], DType::Int64)
            })
            .collect(),
    )
}

fn np_nonzero(args: Args) -> PyResult<Value> {
    let slots = bind("nonzero", args, &["a"], 1)?;
    Ok(nonzero(&*arr(slots[0].as_ref().unwrap_or(&Value::None))?))
}

/// numpy's `round`: half to even, through `x * 10**d` for `d > 0`.
fn round_value(x: f64, decimals: i64) -> f64 {
    if decimals == 0 {
        return x.round_ties_even();
    }
    let f = 10f64.powi(decimals.unsigned_abs().min(400) as i32);
    if decimals > 0 {
        (x * f).round_ties_even() / f
    } else {
        (x / f).round_ties_even() * f
    }
}

fn round_array(a: &ArrayObj, decimals: i64) -> Value {
    let dt = a.dtype;
    let data: Vec<f64> = a
        .to_vec()
        .into_iter()
        .map(|x| match dt {
            DType::Float64 => round_value(x, decimals),
            _ if decimals >= 0 => x,
            _ => cast(round_value(x, decimals), dt),
        })
        .collect();
    result(data, a.shape.clone(), dt)
}

fn np_round(args: Args) -> PyResult<Value> {
    let slots = bind("round", args, &["a", "decimals", "out"], 1)?;
    refuse("round", &slots[2], "out")?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let decimals = given(&slots[1]).map(int_arg).transpose()?.unwrap_or(0);
    Ok(round_array(&a, decimals))
}

/// `isclose`'s test for one pair.
fn close(x: f64, y: f64, rtol: f64, atol: f64, equal_nan: bool) -> bool {
    if x.is_nan() || y.is_nan() {
        return equal_nan && x.is_nan() && y.is_nan();
    }
    if x.is_infinite() || y.is_infinite() {
        return x == y;
    }
    (x - y).abs() <= atol + rtol * y.abs()
}

fn closeness(func: &str, args: Args) -> PyResult<Value> {
    let slots = bind(func, args, &["a", "b", "rtol", "atol", "equal_nan"], 2)?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let b = arr(slots[1].as_ref().unwrap_or(&Value::None))?;
    let rtol = given(&slots[2]).map(float_arg).transpose()?.unwrap_or(1e-5);
    let atol = given(&slots[3]).map(float_arg).transpose()?.unwrap_or(1e-8);
    let equal_nan = bool_arg(&slots[4], false)?;
    combine(&a, &b, DType::Bool, |x, y| {
        f64::from(u8::from(close(x, y, rtol, atol, equal_nan)))
    })
}

fn np_isclose(args: Args) -> PyResult<Value> {
    closeness("isclose", args)
}

fn np_allclose(args: Args) -> PyResult<Value> {
    let all = match closeness("allclose", args)? {
        Value::Array(a) => a.to_vec().iter().all(|&x| x != 0.0),
        v => number(&v).is_some_and(|(x, _)| x != 0.0),
    };
    Ok(Value::Bool(all))
}

fn np_array_equal(args: Args) -> PyResult<Value> {
    let slots = bind("array_equal", args, &["a1", "a2"], 2)?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let b = arr(slots[1].as_ref().unwrap_or(&Value::None))?;
    Ok(Value::Bool(a.shape == b.shape && a.to_vec() == b.to_vec()))
}

// ---------------------------------------------------------------------------------------------
// Reductions as functions

fn red_fn(func: &str, args: Args, red: Red) -> PyResult<Value> {
    let mut args = args;
    let first = if args.pos.is_empty() {
        args.take_kw("a")
    } else {
        Some(args.pos.remove(0))
    };
    let Some(first) = first else {
        return Err(type_err(msg!(
            "py-np-arg-missing",
            func = func,
            name = "a",
            pos = "1"
        )));
    };
    let a = arr(&first)?;
    reduce_call(func, &a, red, args, red_params(red))
}

macro_rules! reductions {
    ($($fname:ident, $py:literal, $red:expr;)*) => {
        $(
            fn $fname(args: Args) -> PyResult<Value> {
                red_fn($py, args, $red)
            }
        )*
        /// The reductions, by numpy name.
        const REDUCTIONS: &[(&str, NativeFn)] = &[$(($py, native!($fname))),*];
    };
}

reductions! {
    np_sum, "sum", Red::Sum;
    np_prod, "prod", Red::Prod;
    np_mean, "mean", Red::Mean;
    np_max, "max", Red::Max;
    np_amax, "amax", Red::Max;
    np_min, "min", Red::Min;
    np_amin, "amin", Red::Min;
    np_argmax, "argmax", Red::ArgMax;
    np_argmin, "argmin", Red::ArgMin;
    np_any, "any", Red::Any;
    np_all, "all", Red::All;
    np_var, "var", Red::Var;
    np_std, "std", Red::Std;
}

fn np_average(args: Args) -> PyResult<Value> {
    let slots = bind(
        "average",
        args,
        &["a", "axis", "weights", "returned", "keepdims"],
        1,
    )?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let axes = axes_arg(&slots[1], a.shape.len())?;
    let keepdims = bool_arg(&slots[4], false)?;
    if bool_arg(&slots[3], false)? {
        return Err(type_err(msg!(
            "py-np-arg-unsupported",
            func = "average",
            name = "returned"
        )));
    }
    let Some(w) = given(&slots[2]) else {
        return reduce(&a, Red::Mean, axes, keepdims, 0.0);
    };
    let w = arr(w)?;
    let w = if w.shape == a.shape {
        w
    } else {
        // A 1-D weight along the one axis averaged over, as numpy allows.
        let axis = match axes.as_deref() {
            Some([ax]) => *ax,
            _ => return Err(type_err(msg!("py-np-average-shapes"))),
        };
        if w.shape.len() != 1 || w.shape[0] != a.shape[axis] {
            return Err(value_err(msg!("py-np-average-length")));
        }
        let mut shape = vec![1; a.shape.len()];
        shape[axis] = w.shape[0];
        Rc::new(ArrayObj::from_vec(w.to_vec(), shape, w.dtype))
    };
    let dt = promote(promote(a.dtype, w.dtype), DType::Float64);
    let (wb, shape) = parts(zip_with(&a, &w, |_, y| y)?);
    let wb = ArrayObj::from_vec(wb, shape.clone(), dt);
    let (prod, _) = parts(zip_with(&a, &w, |x, y| x * y)?);
    let prod = ArrayObj::from_vec(prod, shape, dt);
    let scl = reduce(&wb, Red::Sum, axes.clone(), keepdims, 0.0)?;
    let total = reduce(&prod, Red::Sum, axes, keepdims, 0.0)?;
    let scl = arr(&scl)?;
    let total = arr(&total)?;
    if scl.to_vec().contains(&0.0) {
        return Err(err(ExcKind::ZeroDivisionError, msg!("py-np-weights-zero")));
    }
    combine(&total, &scl, DType::Float64, |x, y| x / y)
}

/// `cumsum`/`cumprod` along `axis` (`None`: of the flattened array).
fn cumulate(a: &ArrayObj, axis: Option<usize>, product: bool) -> Value {
    let dt = match a.dtype {
        DType::Float64 => DType::Float64,
        _ => DType::Int64,
    };
    let (shape, axis) = match axis {
        None => (vec![a.size()], 0),
        Some(ax) => (a.shape.clone(), ax),
    };
    let mut data = a.to_vec();
    let inner: usize = shape[axis + 1..].iter().product();
    let len = shape[axis];
    let outer: usize = shape[..axis].iter().product();
    for o in 0..outer {
        for i in 0..inner {
            let mut acc = if product { 1.0 } else { 0.0 };
            let mut acc_int: i64 = if product { 1 } else { 0 };
            for k in 0..len {
                let at = (o * len + k) * inner + i;
                let x = data[at];
                data[at] = if dt == DType::Float64 {
                    acc = if product { acc * x } else { acc + x };
                    acc
                } else {
                    acc_int = if product {
                        acc_int.wrapping_mul(x as i64)
                    } else {
                        acc_int.wrapping_add(x as i64)
                    };
                    acc_int as f64
                };
            }
        }
    }
    new_array(data, shape, dt)
}

fn cum_fn(func: &str, args: Args, product: bool) -> PyResult<Value> {
    let slots = bind(func, args, &["a", "axis", "dtype", "out"], 1)?;
    refuse(func, &slots[3], "out")?;
    let mut a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    if let Some(dt) = dtype_opt(&slots[2])? {
        a = Rc::new(astype(&a, dt));
    }
    let axis = one_axis_arg(&slots[1], a.shape.len())?;
    Ok(cumulate(&a, axis, product))
}

fn np_cumsum(args: Args) -> PyResult<Value> {
    cum_fn("cumsum", args, false)
}

fn np_cumprod(args: Args) -> PyResult<Value> {
    cum_fn("cumprod", args, true)
}

fn np_count_nonzero(args: Args) -> PyResult<Value> {
    let slots = bind("count_nonzero", args, &["a", "axis", "keepdims"], 1)?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let axes = axes_arg(&slots[1], a.shape.len())?;
    let keepdims = bool_arg(&slots[2], false)?;
    let full = axes.is_none() && !keepdims;
    let as_bool = astype(&a, DType::Bool);
    let v = reduce(&as_bool, Red::Sum, axes, keepdims, 0.0)?;
    if full && let Value::NpInt(n) = v {
        // numpy gives a Python int for a whole-array count.
        return Ok(Value::Int(n));
    }
    Ok(v)
}

// ---------------------------------------------------------------------------------------------
// Products

/// `np.dot`: scalars multiply; otherwise the sum over the last axis of `a` and the
/// second-to-last of `b` (the only one of a 1-D `b`).
fn dot(x: &ArrayObj, y: &ArrayObj) -> PyResult<Value> {
    let dt = promote(x.dtype, y.dtype);
    if x.shape.is_empty() || y.shape.is_empty() {
        return combine(x, y, dt, |p, q| p * q);
    }
    let ka = x.shape.len() - 1;
    let kb_axis = y.shape.len().saturating_sub(2);
    let k = x.shape[ka];
    if k != y.shape[kb_axis] {
        return Err(value_err(msg!(
            "py-np-dot-align",
            a = shape_np_text(&x.shape),
            b = shape_np_text(&y.shape),
            ka = k.to_string(),
            da = ka.to_string(),
            kb = y.shape[kb_axis].to_string(),
            db = kb_axis.to_string()
        )));
    }
    let p: usize = x.shape[..ka].iter().product();
    let (q, n) = if y.shape.len() == 1 {
        (1, 1)
    } else {
        (
            y.shape[..kb_axis].iter().product(),
            y.shape[y.shape.len() - 1],
        )
    };
    let mut shape: Vec<usize> = x.shape[..ka].to_vec();
    if y.shape.len() >= 2 {
        shape.extend_from_slice(&y.shape[..kb_axis]);
        shape.push(n);
    }
    let count = shape_count(&shape)?;
    if let Some(out) = dot_in_place(x, y, (p, k, n), dt) {
        return Ok(result(out, shape, dt));
    }
    let a = Array2::from_shape_vec((p, k), x.to_vec())
        .map_err(|_| broadcast_error(&x.shape, &y.shape))?;
    let bdata = y.to_vec();
    let mut out = vec![0.0; count];
    for qi in 0..q {
        let block = bdata.get(qi * k * n..(qi + 1) * k * n).unwrap_or(&[]);
        let b = Array2::from_shape_vec((k, n), block.to_vec())
            .map_err(|_| broadcast_error(&x.shape, &y.shape))?;
        let c = crate::engine::gemm::product(a.view(), b.view());
        for pi in 0..p {
            for ni in 0..n {
                out[(pi * q + qi) * n + ni] = cast(c[(pi, ni)], dt);
            }
        }
    }
    Ok(result(out, shape, dt))
}

/// `np.dot` of a 1-d or 2-d `x` (`p × k`) and a 1-d or 2-d `y` (`k × n`) read where they are,
/// through their strides (`self.x.T` is not copied first); `None` where a view cannot be made
/// (an empty product, negative or overlapping strides), for the copying way.
fn dot_in_place(
    x: &ArrayObj,
    y: &ArrayObj,
    (p, k, n): (usize, usize, usize),
    dt: DType,
) -> Option<Vec<f64>> {
    if x.shape.len() > 2 || y.shape.len() > 2 || p == 0 || k == 0 || n == 0 {
        return None;
    }
    let (xb, yb) = (x.buf.borrow(), y.buf.borrow());
    // A 1-d `x` is one row, a 1-d `y` one column.
    let xs = match x.strides[..] {
        [s] => (s * k as isize, s),
        [r, c] => (r, c),
        _ => return None,
    };
    let ys = match y.strides[..] {
        [s] => (s, 1),
        [r, c] => (r, c),
        _ => return None,
    };
    let xv = matrix_view(&xb, x.offset, (p, k), xs)?;
    let yv = matrix_view(&yb, y.offset, (k, n), ys)?;
    // The product goes straight into the C-order result, as `dot` computes it (C ← 1·AB + 0·C).
    let mut out = vec![0.0; p * n];
    let mut c = ndarray::ArrayViewMut2::from_shape((p, n), &mut out).ok()?;
    crate::engine::gemm::product_into(xv, yv, &mut c);
    if dt != DType::Float64 {
        for v in &mut out {
            *v = cast(*v, dt);
        }
    }
    Some(out)
}

/// The `rows × cols` matrix at `offset` of `buf` with `strides` (in elements), as an ndarray
/// view; `None` for negative strides or a view that does not fit.
fn matrix_view(
    buf: &[f64],
    offset: usize,
    dims: (usize, usize),
    strides: (isize, isize),
) -> Option<ndarray::ArrayView2<'_, f64>> {
    use ndarray::ShapeBuilder;
    let rs = usize::try_from(strides.0).ok()?;
    let cs = usize::try_from(strides.1).ok()?;
    let tail = buf.get(offset..)?;
    ndarray::ArrayView2::from_shape(dims.strides((rs, cs)), tail).ok()
}

fn np_dot(args: Args) -> PyResult<Value> {
    let slots = bind("dot", args, &["a", "b", "out"], 2)?;
    refuse("dot", &slots[2], "out")?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let b = arr(slots[1].as_ref().unwrap_or(&Value::None))?;
    dot(&a, &b)
}

/// `np.matmul`: stacks of matrices with broadcast leading axes; a 1-D operand is a row (left)
/// or a column (right) whose axis is dropped again.
fn matmul(x: &ArrayObj, y: &ArrayObj) -> PyResult<Value> {
    for (i, o) in [x, y].iter().enumerate() {
        if o.shape.is_empty() {
            return Err(value_err(msg!("py-np-matmul-0d", operand = i.to_string())));
        }
    }
    let dt = promote(x.dtype, y.dtype);
    let (xs, ys) = (x.shape.len(), y.shape.len());
    let (m, k) = if xs == 1 {
        (1, x.shape[0])
    } else {
        (x.shape[xs - 2], x.shape[xs - 1])
    };
    let (kb, n) = if ys == 1 {
        (y.shape[0], 1)
    } else {
        (y.shape[ys - 2], y.shape[ys - 1])
    };
    if k != kb {
        return Err(value_err(msg!(
            "py-np-matmul-core",
            kb = kb.to_string(),
            ka = k.to_string()
        )));
    }
    let xb = &x.shape[..xs.saturating_sub(2)];
    let yb = &y.shape[..ys.saturating_sub(2)];
    let batch = broadcast_shape(xb, yb).ok_or_else(|| broadcast_error(&x.shape, &y.shape))?;
    let mut shape = batch.clone();
    if xs > 1 {
        shape.push(m);
    }
    if ys > 1 {
        shape.push(n);
    }
    let count = shape_count(&shape)?;
    let (xd, yd) = (x.to_vec(), y.to_vec());
    let mut out = Vec::with_capacity(count);
    let batches: usize = batch.iter().product();
    let strides = contiguous_strides(&batch);
    for bi in 0..batches {
        let index: Vec<usize> = strides
            .iter()
            .zip(&batch)
            .map(|(&s, &len)| (bi / s.max(1) as usize) % len.max(1))
            .collect();
        let pick = |own: &[usize]| -> usize {
            let skip = index.len() - own.len();
            let mut flat = 0;
            for (i, &len) in own.iter().enumerate() {
                let at = if len == 1 { 0 } else { index[skip + i] };
                flat = flat * len + at;
            }
            flat
        };
        let (xa, ya) = (pick(xb), pick(yb));
        let a = Array2::from_shape_vec((m, k), xd[xa * m * k..(xa + 1) * m * k].to_vec())
            .map_err(|_| broadcast_error(&x.shape, &y.shape))?;
        let b = Array2::from_shape_vec((k, n), yd[ya * k * n..(ya + 1) * k * n].to_vec())
            .map_err(|_| broadcast_error(&x.shape, &y.shape))?;
        out.extend(
            crate::engine::gemm::product(a.view(), b.view())
                .iter()
                .map(|&v| cast(v, dt)),
        );
    }
    Ok(result(out, shape, dt))
}

fn np_matmul(args: Args) -> PyResult<Value> {
    let slots = bind("matmul", args, &["x1", "x2", "out"], 2)?;
    refuse("matmul", &slots[2], "out")?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let b = arr(slots[1].as_ref().unwrap_or(&Value::None))?;
    matmul(&a, &b)
}

fn np_outer(args: Args) -> PyResult<Value> {
    let slots = bind("outer", args, &["a", "b", "out"], 2)?;
    refuse("outer", &slots[2], "out")?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let b = arr(slots[1].as_ref().unwrap_or(&Value::None))?;
    let dt = promote(a.dtype, b.dtype);
    let (xa, xb) = (a.to_vec(), b.to_vec());
    let shape = vec![xa.len(), xb.len()];
    shape_count(&shape)?;
    let mut data = Vec::with_capacity(xa.len() * xb.len());
    for &p in &xa {
        data.extend(xb.iter().map(|&q| cast(p * q, dt)));
    }
    Ok(new_array(data, shape, dt))
}

// ---------------------------------------------------------------------------------------------
// Shapes

/// The dims of `reshape(*shape)` or `reshape(shape)`, with at most one `-1`.
fn reshape_dims(vals: &[Value]) -> PyResult<Vec<i64>> {
    let items: Vec<Value> = match vals {
        [Value::Tuple(t)] => t.as_ref().clone(),
        [Value::List(l)] => l.borrow().clone(),
        _ => vals.to_vec(),
    };
    items.iter().map(shape_dim).collect()
}

/// `a` reshaped: a view when `a` is C-contiguous, else a copy.
fn reshape(a: &Rc<ArrayObj>, dims: &[i64]) -> PyResult<Value> {
    let size = a.size();
    let unknown: Vec<usize> = (0..dims.len()).filter(|&i| dims[i] < 0).collect();
    if unknown.len() > 1 {
        return Err(value_err(msg!("py-np-reshape-unknown")));
    }
    if dims.iter().any(|&d| d < -1) {
        return Err(value_err(msg!("py-np-negative-dims")));
    }
    let wrong = || {
        value_err(msg!(
            "py-np-reshape",
            size = size.to_string(),
            shape = dims_np_text(dims)
        ))
    };
    let known: usize = dims
        .iter()
        .filter(|&&d| d >= 0)
        .try_fold(1usize, |acc, &d| acc.checked_mul(d as usize))
        .ok_or_else(wrong)?;
    let mut shape: Vec<usize> = dims.iter().map(|&d| d.max(0) as usize).collect();
    if let [at] = unknown[..] {
        if known == 0 || !size.is_multiple_of(known) {
            return Err(wrong());
        }
        shape[at] = size / known;
    } else if known != size {
        return Err(wrong());
    }
    if is_c_contiguous(a) {
        return Ok(Value::array(ArrayObj {
            buf: a.buf.clone(),
            dtype: a.dtype,
            strides: contiguous_strides(&shape),
            shape,
            offset: a.offset,
        }));
    }
    Ok(new_array(a.to_vec(), shape, a.dtype))
}

/// A view of `a` with its axes in the order `axes` (`None`: reversed).
fn transpose(a: &Rc<ArrayObj>, axes: Option<Vec<i64>>) -> PyResult<Value> {
    let ndim = a.shape.len();
    let order: Vec<usize> = match axes {
        None => (0..ndim).rev().collect(),
        Some(list) => {
            if list.len() != ndim {
                return Err(value_err(msg!("py-np-axes-mismatch")));
            }
            let mut order = Vec::new();
            for ax in list {
                let ax = norm_axis(ax, ndim)?;
                if order.contains(&ax) {
                    return Err(value_err(msg!("py-np-axes-repeated")));
                }
                order.push(ax);
            }
            order
        }
    };
    Ok(Value::array(ArrayObj {
        buf: a.buf.clone(),
        dtype: a.dtype,
        shape: order.iter().map(|&i| a.shape[i]).collect(),
        strides: order.iter().map(|&i| a.strides[i]).collect(),
        offset: a.offset,
    }))
}

/// The axes of `transpose(*axes)` / `transpose(axes)`; `None` when none are given.
fn axes_list(vals: &[Value]) -> PyResult<Option<Vec<i64>>> {
    match vals {
        [] | [Value::None] => Ok(None),
        [Value::Tuple(t)] => Ok(Some(t.iter().map(int_arg).collect::<PyResult<_>>()?)),
        [Value::List(l)] => Ok(Some(
            l.borrow().iter().map(int_arg).collect::<PyResult<_>>()?,
        )),
        _ => Ok(Some(vals.iter().map(int_arg).collect::<PyResult<_>>()?)),
    }
}

fn ravel(a: &Rc<ArrayObj>) -> Value {
    let n = a.size();
    if is_c_contiguous(a) {
        return Value::array(ArrayObj {
            buf: a.buf.clone(),
            dtype: a.dtype,
            shape: vec![n],
            strides: vec![1],
            offset: a.offset,
        });
    }
    new_array(a.to_vec(), vec![n], a.dtype)
}

fn np_reshape(args: Args) -> PyResult<Value> {
    let slots = bind("reshape", args, &["a", "shape", "order"], 2)?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let dims = reshape_dims(std::slice::from_ref(
        slots[1].as_ref().unwrap_or(&Value::None),
    ))?;
    reshape(&a, &dims)
}

fn np_transpose(args: Args) -> PyResult<Value> {
    let slots = bind("transpose", args, &["a", "axes"], 1)?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let axes = match given(&slots[1]) {
        None => None,
        Some(v) => axes_list(std::slice::from_ref(v))?,
    };
    transpose(&a, axes)
}

fn np_ravel(args: Args) -> PyResult<Value> {
    let slots = bind("ravel", args, &["a", "order"], 1)?;
    Ok(ravel(&arr(slots[0].as_ref().unwrap_or(&Value::None))?))
}

fn np_squeeze(args: Args) -> PyResult<Value> {
    let slots = bind("squeeze", args, &["a", "axis"], 1)?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    squeeze(&a, &slots[1])
}

fn squeeze(a: &Rc<ArrayObj>, axis: &Option<Value>) -> PyResult<Value> {
    let axes = axes_arg(axis, a.shape.len())?;
    if let Some(axes) = &axes
        && axes.iter().any(|&i| a.shape[i] != 1)
    {
        return Err(value_err(msg!("py-np-squeeze")));
    }
    let drop = |i: usize| match &axes {
        Some(list) => list.contains(&i),
        None => a.shape[i] == 1,
    };
    let keep: Vec<usize> = (0..a.shape.len()).filter(|&i| !drop(i)).collect();
    Ok(Value::array(ArrayObj {
        buf: a.buf.clone(),
        dtype: a.dtype,
        shape: keep.iter().map(|&i| a.shape[i]).collect(),
        strides: keep.iter().map(|&i| a.strides[i]).collect(),
        offset: a.offset,
    }))
}

fn np_expand_dims(args: Args) -> PyResult<Value> {
    let slots = bind("expand_dims", args, &["a", "axis"], 2)?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let axis = norm_axis(
        int_arg(slots[1].as_ref().unwrap_or(&Value::None))?,
        a.shape.len() + 1,
    )?;
    let mut shape = a.shape.clone();
    shape.insert(axis, 1);
    Ok(new_array(a.to_vec(), shape, a.dtype))
}

/// The arrays of a sequence argument (`concatenate`, `stack`, …).
fn array_seq(v: &Value) -> PyResult<Vec<Rc<ArrayObj>>> {
    let items: Vec<Value> = match v {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.as_ref().clone(),
        Value::Array(a) if !a.shape.is_empty() => {
            let first = a.shape[0];
            let inner: Vec<usize> = a.shape[1..].to_vec();
            let data = a.to_vec();
            let each: usize = inner.iter().product();
            return Ok((0..first)
                .map(|i| {
                    Rc::new(ArrayObj::from_vec(
                        data[i * each..(i + 1) * each].to_vec(),
                        inner.clone(),
                        a.dtype,
                    ))
                })
                .collect());
        }
        other => {
            return Err(type_err(msg!(
                "py-np-not-sequence",
                kind = other.type_name()
            )));
        }
    };
    items.iter().map(arr).collect()
}

/// Arrays joined along an existing `axis`.
fn concat(arrays: &[Rc<ArrayObj>], axis: usize) -> PyResult<Value> {
    let Some(first) = arrays.first() else {
        return Err(value_err(msg!("py-np-concat-none")));
    };
    let ndim = first.shape.len();
    if ndim == 0 {
        return Err(value_err(msg!("py-np-concat-0d")));
    }
    let mut dt = first.dtype;
    let mut total = 0usize;
    for (i, a) in arrays.iter().enumerate() {
        if a.shape.len() != ndim {
            return Err(value_err(msg!(
                "py-np-concat-ndim",
                ndim = ndim.to_string(),
                index = i.to_string(),
                other = a.shape.len().to_string()
            )));
        }
        for d in 0..ndim {
            if d != axis && a.shape[d] != first.shape[d] {
                return Err(value_err(msg!(
                    "py-np-concat-dim",
                    dim = d.to_string(),
                    size = first.shape[d].to_string(),
                    index = i.to_string(),
                    other = a.shape[d].to_string()
                )));
            }
        }
        dt = promote(dt, a.dtype);
        total = total.saturating_add(a.shape[axis]);
    }
    let mut shape = first.shape.clone();
    shape[axis] = total;
    let count = shape_count(&shape)?;
    let outer: usize = shape[..axis].iter().product();
    let inner: usize = shape[axis + 1..].iter().product();
    let datas: Vec<Vec<f64>> = arrays.iter().map(|a| a.to_vec()).collect();
    let mut out = Vec::with_capacity(count);
    for o in 0..outer {
        for (a, data) in arrays.iter().zip(&datas) {
            let chunk = a.shape[axis] * inner;
            out.extend(
                data[o * chunk..(o + 1) * chunk]
                    .iter()
                    .map(|&x| cast(x, dt)),
            );
        }
    }
    Ok(new_array(out, shape, dt))
}

fn np_concatenate(args: Args) -> PyResult<Value> {
    let slots = bind("concatenate", args, &["arrays", "axis", "out"], 1)?;
    refuse("concatenate", &slots[2], "out")?;
    let arrays = array_seq(slots[0].as_ref().unwrap_or(&Value::None))?;
    match slots[1].as_ref() {
        Some(Value::None) => {
            let flat: Vec<Rc<ArrayObj>> = arrays
                .iter()
                .map(|a| Rc::new(ArrayObj::from_vec(a.to_vec(), vec![a.size()], a.dtype)))
                .collect();
            concat(&flat, 0)
        }
        other => {
            let axis = other.map(int_arg).transpose()?.unwrap_or(0);
            let ndim = arrays.first().map_or(1, |a| a.shape.len());
            if ndim == 0 {
                return Err(value_err(msg!("py-np-concat-0d")));
            }
            concat(&arrays, norm_axis(axis, ndim)?)
        }
    }
}

/// `a` with axes of length 1 added in front up to `n` axes (`atleast_2d` adds one in front).
fn at_least(a: &Rc<ArrayObj>, n: usize) -> Rc<ArrayObj> {
    if a.shape.len() >= n {
        return a.clone();
    }
    let mut shape = vec![1; n - a.shape.len()];
    shape.extend_from_slice(&a.shape);
    Rc::new(ArrayObj::from_vec(a.to_vec(), shape, a.dtype))
}

fn np_vstack(args: Args) -> PyResult<Value> {
    let slots = bind("vstack", args, &["tup"], 1)?;
    let arrays: Vec<Rc<ArrayObj>> = array_seq(slots[0].as_ref().unwrap_or(&Value::None))?
        .iter()
        .map(|a| at_least(a, 2))
        .collect();
    concat(&arrays, 0)
}

fn np_hstack(args: Args) -> PyResult<Value> {
    let slots = bind("hstack", args, &["tup"], 1)?;
    let arrays: Vec<Rc<ArrayObj>> = array_seq(slots[0].as_ref().unwrap_or(&Value::None))?
        .iter()
        .map(|a| at_least(a, 1))
        .collect();
    let axis = if arrays.first().is_some_and(|a| a.shape.len() == 1) {
        0
    } else {
        1
    };
    concat(&arrays, axis)
}

fn np_stack(args: Args) -> PyResult<Value> {
    let slots = bind("stack", args, &["arrays", "axis", "out"], 1)?;
    refuse("stack", &slots[2], "out")?;
    let arrays = array_seq(slots[0].as_ref().unwrap_or(&Value::None))?;
    let Some(first) = arrays.first() else {
        return Err(value_err(msg!("py-np-stack-none")));
    };
    if arrays.iter().any(|a| a.shape != first.shape) {
        return Err(value_err(msg!("py-np-stack-shapes")));
    }
    let axis = given(&slots[1]).map(int_arg).transpose()?.unwrap_or(0);
    let axis = norm_axis(axis, first.shape.len() + 1)?;
    let expanded: Vec<Rc<ArrayObj>> = arrays
        .iter()
        .map(|a| {
            let mut shape = a.shape.clone();
            shape.insert(axis, 1);
            Rc::new(ArrayObj::from_vec(a.to_vec(), shape, a.dtype))
        })
        .collect();
    concat(&expanded, axis)
}

/// numpy's sort order: NaN after everything.
fn sort_cmp(x: &f64, y: &f64) -> std::cmp::Ordering {
    match (x.is_nan(), y.is_nan()) {
        (true, true) => std::cmp::Ordering::Equal,
        (true, false) => std::cmp::Ordering::Greater,
        (false, true) => std::cmp::Ordering::Less,
        _ => x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal),
    }
}

/// Sorts (or argsorts) every lane along `axis` of a C-order copy of `a`.
fn sorted(a: &ArrayObj, axis: usize, indices: bool) -> Value {
    let shape = a.shape.clone();
    let mut data = a.to_vec();
    let len = shape[axis];
    let inner: usize = shape[axis + 1..].iter().product();
    let outer: usize = shape[..axis].iter().product();
    let mut lane: Vec<(f64, usize)> = Vec::with_capacity(len);
    for o in 0..outer {
        for i in 0..inner {
            lane.clear();
            lane.extend((0..len).map(|k| (data[(o * len + k) * inner + i], k)));
            lane.sort_by(|p, q| sort_cmp(&p.0, &q.0));
            for (k, &(x, from)) in lane.iter().enumerate() {
                data[(o * len + k) * inner + i] = if indices { from as f64 } else { x };
            }
        }
    }
    let dt = if indices { DType::Int64 } else { a.dtype };
    new_array(data, shape, dt)
}

/// `np.sort`/`np.argsort`'s `axis` (default -1, `None` flattens): the array to sort and axis.
fn sort_target(a: &Rc<ArrayObj>, slot: &Option<Value>) -> PyResult<(Rc<ArrayObj>, usize)> {
    match slot {
        Some(Value::None) => Ok((
            Rc::new(ArrayObj::from_vec(a.to_vec(), vec![a.size()], a.dtype)),
            0,
        )),
        _ if a.shape.is_empty() => Err(value_err(msg!(
            "py-np-axis-bounds",
            axis = "-1",
            ndim = "0"
        ))),
        other => {
            let axis = other.as_ref().map(int_arg).transpose()?.unwrap_or(-1);
            Ok((a.clone(), norm_axis(axis, a.shape.len())?))
        }
    }
}

fn np_sort(args: Args) -> PyResult<Value> {
    let slots = bind("sort", args, &["a", "axis", "kind", "order"], 1)?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let (a, axis) = sort_target(&a, &slots[1])?;
    Ok(sorted(&a, axis, false))
}

fn np_argsort(args: Args) -> PyResult<Value> {
    let slots = bind("argsort", args, &["a", "axis", "kind", "order"], 1)?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let (a, axis) = sort_target(&a, &slots[1])?;
    Ok(sorted(&a, axis, true))
}

fn np_unique(args: Args) -> PyResult<Value> {
    let names = [
        "ar",
        "return_index",
        "return_inverse",
        "return_counts",
        "axis",
    ];
    let slots = bind("unique", args, &names, 1)?;
    refuse("unique", &slots[4], "axis")?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let (want_index, want_inverse, want_counts) = (
        bool_arg(&slots[1], false)?,
        bool_arg(&slots[2], false)?,
        bool_arg(&slots[3], false)?,
    );
    let data = a.to_vec();
    let mut order: Vec<usize> = (0..data.len()).collect();
    order.sort_by(|&p, &q| sort_cmp(&data[p], &data[q]).then(p.cmp(&q)));
    let mut values = Vec::new();
    let mut first = Vec::new();
    let mut counts: Vec<f64> = Vec::new();
    let mut inverse = vec![0.0; data.len()];
    for &i in &order {
        let x = data[i];
        let same = values
            .last()
            .is_some_and(|&v: &f64| v == x || (v.is_nan() && x.is_nan()));
        if !same {
            values.push(x);
            first.push(i as f64);
            counts.push(0.0);
        }
        if let Some(c) = counts.last_mut() {
            *c += 1.0;
        }
        inverse[i] = (values.len() - 1) as f64;
    }
    let n = values.len();
    let uniq = new_array(values, vec![n], a.dtype);
    if !(want_index || want_inverse || want_counts) {
        return Ok(uniq);
    }
    let mut out = vec![uniq];
    if want_index {
        out.push(new_array(first, vec![n], DType::Int64));
    }
    if want_inverse {
        out.push(new_array(inverse, a.shape.clone(), DType::Int64));
    }
    if want_counts {
        out.push(new_array(counts, vec![n], DType::Int64));
    }
    Ok(Value::tuple(out))
}

fn np_flip(args: Args) -> PyResult<Value> {
    let slots = bind("flip", args, &["m", "axis"], 1)?;
    let a = arr(slots[0].as_ref().unwrap_or(&Value::None))?;
    let axes = axes_arg(&slots[1], a.shape.len())?.unwrap_or_else(|| (0..a.shape.len()).collect());
    let mut strides = a.strides.clone();
    let mut offset = a.offset as isize;
    for &ax in &axes {
        if a.shape[ax] > 0 {
            offset += strides[ax] * (a.shape[ax] as isize - 1);
        }
        strides[ax] = -strides[ax];
    }
    Ok(Value::array(ArrayObj {
        buf: a.buf.clone(),
        dtype: a.dtype,
        shape: a.shape.clone(),
        strides,
        offset: offset.max(0) as usize,
    }))
}

fn np_shape(args: Args) -> PyResult<Value> {
    let slots = bind("shape", args, &["a"], 1)?;
    Ok(shape_tuple(
        &arr(slots[0].as_ref().unwrap_or(&Value::None))?.shape,
    ))
}

fn np_ndim(args: Args) -> PyResult<Value> {
    let slots = bind("ndim", args, &["a"], 1)?;
    Ok(Value::Int(
        arr(slots[0].as_ref().unwrap_or(&Value::None))?.shape.len() as i64,
    ))
}

fn np_size(args: Args) -> PyResult<Value> {
    let slots = bind("size", args, &["a"], 1)?;
    Ok(Value::Int(
        arr(slots[0].as_ref().unwrap_or(&Value::None))?.size() as i64,
    ))
}

fn shape_tuple(shape: &[usize]) -> Value {
    Value::tuple(shape.iter().map(|&n| Value::Int(n as i64)).collect())
}

/// `np.ndindex(*shape)`: the index tuples of the shape in C order.
fn np_ndindex(args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_err(msg!(
            "py-np-arg-unknown",
            func = "ndindex",
            name = args.kw[0].0.clone()
        )));
    }
    let dims: Vec<i64> = match args.pos.as_slice() {
        [Value::Tuple(t)] => t.iter().map(shape_dim).collect::<PyResult<_>>()?,
        [Value::List(l)] => l.borrow().iter().map(shape_dim).collect::<PyResult<_>>()?,
        vals => vals.iter().map(shape_dim).collect::<PyResult<_>>()?,
    };
    let shape = dims_to_shape(&dims)?;
    let count = shape_count(&shape)?;
    if count > MAX_NDINDEX {
        return Err(err(
            ExcKind::MemoryError,
            msg!("py-np-too-large", count = count.to_string()),
        ));
    }
    let mut items = Vec::with_capacity(count);
    let mut index = vec![0usize; shape.len()];
    for _ in 0..count {
        items.push(Value::tuple(
            index.iter().map(|&i| Value::Int(i as i64)).collect(),
        ));
        for axis in (0..shape.len()).rev() {
            index[axis] += 1;
            if index[axis] < shape[axis] {
                break;
            }
            index[axis] = 0;
        }
    }
    Ok(Value::Iter(Rc::new(RefCell::new(IterState {
        items,
        next: 0,
    }))))
}

// ---------------------------------------------------------------------------------------------
// np.random: the legacy global RandomState

/// `randn(*dims)` / `rand(*dims)`: the dims, each an int (no keywords).
fn dims_args(func: &str, args: &Args) -> PyResult<Vec<usize>> {
    if let Some((name, _)) = args.kw.first() {
        return Err(type_err(msg!(
            "py-np-arg-unknown",
            func = func,
            name = name.clone()
        )));
    }
    let dims: Vec<i64> = args.pos.iter().map(int_arg).collect::<PyResult<_>>()?;
    let shape = dims_to_shape(&dims)?;
    shape_count(&shape)?;
    Ok(shape)
}

/// A `size=` argument: `None`, an int, or a tuple of ints.
fn size_arg(slot: &Option<Value>) -> PyResult<Option<Vec<usize>>> {
    given(slot).map(shape_arg).transpose()
}

/// `count` draws of `draw`, as a Python float when `shape` is `None`, else a float64 array.
fn draws(rng: &mut Rng, shape: Option<Vec<usize>>, draw: &mut dyn FnMut(&mut Rng) -> f64) -> Value {
    match shape {
        None => Value::Float(draw(rng)),
        Some(shape) => {
            let count: usize = shape.iter().product();
            let data = (0..count).map(|_| draw(rng)).collect();
            new_array(data, shape, DType::Float64)
        }
    }
}

fn rnd_seed(rng: &mut Rng, args: Args) -> PyResult<Value> {
    let slots = bind("seed", args, &["seed"], 0)?;
    let seed = match given(&slots[0]) {
        None => {
            // A fresh seed from the clock, as numpy takes one from the OS.
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            (nanos as u64 ^ (nanos >> 64) as u64) as u32
        }
        Some(Value::Float(_) | Value::NpFloat(_)) => {
            return Err(type_err(msg!("py-np-seed-float")));
        }
        Some(v @ (Value::List(_) | Value::Tuple(_) | Value::Array(_))) => {
            return Err(type_err(msg!("py-np-seed-array", kind = v.type_name())));
        }
        Some(v) => {
            let n = int_arg(v)?;
            u32::try_from(n).map_err(|_| value_err(msg!("py-np-seed-range")))?
        }
    };
    *rng = Rng::new(seed);
    Ok(Value::None)
}

fn rnd_randn(rng: &mut Rng, args: Args) -> PyResult<Value> {
    let shape = dims_args("randn", &args)?;
    let shape = if args.pos.is_empty() {
        None
    } else {
        Some(shape)
    };
    Ok(draws(rng, shape, &mut |r| r.next_normal()))
}

fn rnd_rand(rng: &mut Rng, args: Args) -> PyResult<Value> {
    let shape = dims_args("rand", &args)?;
    let shape = if args.pos.is_empty() {
        None
    } else {
        Some(shape)
    };
    Ok(draws(rng, shape, &mut |r| r.next_uniform()))
}

fn rnd_random(rng: &mut Rng, args: Args) -> PyResult<Value> {
    let slots = bind("random", args, &["size"], 0)?;
    let shape = size_arg(&slots[0])?;
    Ok(draws(rng, shape, &mut |r| r.next_uniform()))
}

fn rnd_random_sample(rng: &mut Rng, args: Args) -> PyResult<Value> {
    let slots = bind("random_sample", args, &["size"], 0)?;
    let shape = size_arg(&slots[0])?;
    Ok(draws(rng, shape, &mut |r| r.next_uniform()))
}

fn rnd_standard_normal(rng: &mut Rng, args: Args) -> PyResult<Value> {
    let slots = bind("standard_normal", args, &["size"], 0)?;
    let shape = size_arg(&slots[0])?;
    Ok(draws(rng, shape, &mut |r| r.next_normal()))
}

/// A scalar parameter of a distribution (`loc=`, `scale=`, `low=`).
fn param(func: &str, slot: &Option<Value>, default: f64) -> PyResult<f64> {
    match given(slot) {
        None => Ok(default),
        Some(v) => match number(v) {
            Some((x, _)) => Ok(x),
            None => Err(type_err(msg!(
                "py-np-random-param",
                func = func,
                kind = v.type_name()
            ))),
        },
    }
}

fn rnd_normal(rng: &mut Rng, args: Args) -> PyResult<Value> {
    let slots = bind("normal", args, &["loc", "scale", "size"], 0)?;
    let loc = param("normal", &slots[0], 0.0)?;
    let scale = param("normal", &slots[1], 1.0)?;
    if scale < 0.0 {
        return Err(value_err(msg!("py-np-scale-negative")));
    }
    let shape = size_arg(&slots[2])?;
    Ok(draws(rng, shape, &mut |r| loc + scale * r.next_normal()))
}

fn rnd_uniform(rng: &mut Rng, args: Args) -> PyResult<Value> {
    let slots = bind("uniform", args, &["low", "high", "size"], 0)?;
    let low = param("uniform", &slots[0], 0.0)?;
    let high = param("uniform", &slots[1], 1.0)?;
    let range = high - low;
    if !range.is_finite() {
        return Err(err(ExcKind::OverflowError, msg!("py-np-uniform-range")));
    }
    let shape = size_arg(&slots[2])?;
    Ok(draws(rng, shape, &mut |r| low + range * r.next_uniform()))
}

/// numpy's `random_interval(max)`: an int in `[0, max]` by masked rejection — the same words
/// `randint(0, max + 1)` draws.
fn interval(rng: &mut Rng, max: usize) -> usize {
    rng.choice(max as u64 + 1, 1).first().copied().unwrap_or(0) as usize
}

/// The legacy `shuffle` of `n` items: for `i` from `n - 1` down to 1, swap `i` with
/// `random_interval(i)`.
fn shuffle_with(rng: &mut Rng, n: usize, swap: &mut dyn FnMut(usize, usize)) {
    for i in (1..n).rev() {
        let j = interval(rng, i);
        if i != j {
            swap(i, j);
        }
    }
}

/// Shuffles an array in place along its first axis (through the view, into the buffer).
fn shuffle_array(rng: &mut Rng, a: &ArrayObj) -> PyResult<()> {
    let Some(&n) = a.shape.first() else {
        return Err(type_err(msg!("py-np-unsized")));
    };
    let stride = a.strides[0];
    let (sub_shape, sub_strides) = (&a.shape[1..], &a.strides[1..]);
    let offsets = |row: usize| -> Vec<usize> {
        let mut list = Vec::new();
        let base = (a.offset as isize + stride * row as isize).max(0) as usize;
        for_each_offset(sub_shape, sub_strides, base, &mut |at| list.push(at));
        list
    };
    let mut buf = a.buf.borrow_mut();
    shuffle_with(rng, n, &mut |i, j| {
        for (p, q) in offsets(i).into_iter().zip(offsets(j)) {
            if p < buf.len() && q < buf.len() {
                buf.swap(p, q);
            }
        }
    });
    Ok(())
}

fn rnd_shuffle(rng: &mut Rng, args: Args) -> PyResult<Value> {
    let slots = bind("shuffle", args, &["x"], 1)?;
    match slots[0].as_ref().unwrap_or(&Value::None) {
        Value::List(items) => {
            let mut items = items.borrow_mut();
            let n = items.len();
            shuffle_with(rng, n, &mut |i, j| items.swap(i, j));
        }
        Value::Array(a) => shuffle_array(rng, a)?,
        other => {
            return Err(type_err(msg!(
                "py-np-shuffle-type",
                kind = other.type_name()
            )));
        }
    }
    Ok(Value::None)
}

/// `permutation(n)`: `arange(n)` shuffled; `permutation(a)`: a shuffled copy along axis 0.
fn permutation(rng: &mut Rng, v: &Value) -> PyResult<ArrayObj> {
    let a = match v {
        Value::Int(_) | Value::NpInt(_) | Value::Bool(_) | Value::NpBool(_) => {
            let n = int_arg(v)?;
            let n = usize::try_from(n).map_err(|_| value_err(msg!("py-np-negative-dims")))?;
            check_count(n)?;
            ArrayObj::from_vec((0..n).map(|i| i as f64).collect(), vec![n], DType::Int64)
        }
        _ => {
            let a = arr(v)?;
            if a.shape.is_empty() {
                return Err(err(ExcKind::IndexError, msg!("py-np-permutation-0d")));
            }
            ArrayObj::from_vec(a.to_vec(), a.shape.clone(), a.dtype)
        }
    };
    shuffle_array(rng, &a)?;
    Ok(a)
}

fn rnd_permutation(rng: &mut Rng, args: Args) -> PyResult<Value> {
    let slots = bind("permutation", args, &["x"], 1)?;
    Ok(Value::array(permutation(
        rng,
        slots[0].as_ref().unwrap_or(&Value::None),
    )?))
}

fn rnd_randint(rng: &mut Rng, args: Args) -> PyResult<Value> {
    let slots = bind("randint", args, &["low", "high", "size", "dtype"], 1)?;
    if let Some(d) = given(&slots[3])
        && dtype_from(d)? != DType::Int64
    {
        return Err(type_err(msg!("py-np-randint-dtype")));
    }
    let first = int_arg(slots[0].as_ref().unwrap_or(&Value::None))?;
    let (low, high) = match given(&slots[1]) {
        None => {
            if first <= 0 {
                return Err(value_err(msg!("py-np-high-nonpositive")));
            }
            (0, first)
        }
        Some(h) => {
            let high = int_arg(h)?;
            if first >= high {
                return Err(value_err(msg!("py-np-low-high")));
            }
            (first, high)
        }
    };
    let shape = size_arg(&slots[2])?;
    let count = shape.as_ref().map_or(1, |s| s.iter().product());
    let n = (i128::from(high) - i128::from(low)) as u64;
    crate::engine::random::check_choice_arguments(n, count).map_err(value_err)?;
    let picks = rng.choice(n, count);
    let value = |k: u64| (i128::from(low) + i128::from(k)) as i64;
    Ok(match shape {
        None => Value::Int(picks.first().map_or(low, |&k| value(k))),
        Some(shape) => new_array(
            picks.iter().map(|&k| value(k) as f64).collect(),
            shape,
            DType::Int64,
        ),
    })
}

/// numpy's `kahan_sum` of the probabilities `choice` checks.
fn kahan_sum(p: &[f64]) -> f64 {
    let Some((&first, rest)) = p.split_first() else {
        return 0.0;
    };
    let (mut sum, mut c) = (first, 0.0);
    for &x in rest {
        let y = x - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    sum
}

/// The cumulative distribution `choice` searches: `cumsum(p) / cumsum(p)[-1]`.
fn cdf_of(p: &[f64]) -> Vec<f64> {
    let mut acc = 0.0;
    let mut cdf: Vec<f64> = p
        .iter()
        .map(|&x| {
            acc += x;
            acc
        })
        .collect();
    let last = cdf.last().copied().unwrap_or(1.0);
    for c in &mut cdf {
        *c /= last;
    }
    cdf
}

fn search_right(cdf: &[f64], u: f64) -> usize {
    cdf.partition_point(|&c| c <= u)
}

fn rnd_choice(rng: &mut Rng, args: Args) -> PyResult<Value> {
    let slots = bind("choice", args, &["a", "size", "replace", "p"], 1)?;
    let a_val = slots[0].clone().unwrap_or(Value::None);
    let shape = size_arg(&slots[1])?;
    let count: usize = shape.as_ref().map_or(1, |s| s.iter().product());
    let replace = bool_arg(&slots[2], true)?;
    // The population: `a` itself when it is an int, else the 1-D array to pick from.
    let pool: Option<Rc<ArrayObj>> = match &a_val {
        Value::Int(_) | Value::NpInt(_) | Value::Bool(_) | Value::NpBool(_) => None,
        Value::Float(_) | Value::NpFloat(_) => {
            return Err(type_err(msg!("py-np-not-int", kind = a_val.type_name())));
        }
        other => {
            let a = arr(other)?;
            if a.shape.is_empty() {
                if a.dtype == DType::Float64 {
                    return Err(type_err(msg!("py-np-not-int", kind = "float")));
                }
                None
            } else {
                Some(a)
            }
        }
    };
    let pop: u64 = match &pool {
        None => {
            let n = match &a_val {
                Value::Array(a) => a.to_vec().first().copied().unwrap_or(0.0) as i64,
                v => int_arg(v)?,
            };
            if n <= 0 && count > 0 {
                return Err(value_err(msg!("py-np-choice-positive")));
            }
            n.max(0) as u64
        }
        Some(a) => {
            if a.shape.len() != 1 {
                return Err(value_err(msg!("py-np-choice-1d")));
            }
            if a.shape[0] == 0 && count > 0 {
                return Err(value_err(msg!("py-np-choice-empty")));
            }
            a.shape[0] as u64
        }
    };
    let p: Option<Vec<f64>> = match given(&slots[3]) {
        None => None,
        Some(pv) => {
            let pa = arr(pv)?;
            if pa.shape.len() != 1 {
                return Err(value_err(msg!("py-np-p-1d")));
            }
            if pa.size() as u64 != pop {
                return Err(value_err(msg!("py-np-p-size")));
            }
            let p = pa.to_vec();
            let total = kahan_sum(&p);
            if total.is_nan() {
                return Err(value_err(msg!("py-np-p-nan")));
            }
            if p.iter().any(|&x| x < 0.0) {
                return Err(value_err(msg!("py-np-p-negative")));
            }
            if (total - 1.0).abs() > f64::EPSILON.sqrt() {
                return Err(value_err(msg!("py-np-p-sum")));
            }
            Some(p)
        }
    };
    let idx: Vec<u64> = if replace {
        match &p {
            Some(p) => {
                let cdf = cdf_of(p);
                (0..count)
                    .map(|_| search_right(&cdf, rng.next_uniform()) as u64)
                    .collect()
            }
            None => {
                crate::engine::random::check_choice_arguments(pop, count).map_err(value_err)?;
                rng.choice(pop, count)
            }
        }
    } else {
        if count as u64 > pop {
            return Err(value_err(msg!("py-np-choice-larger")));
        }
        match &p {
            Some(p) => {
                if p.iter().filter(|&&x| x > 0.0).count() < count {
                    return Err(value_err(msg!("py-np-p-fewer")));
                }
                let mut p = p.clone();
                let mut found: Vec<u64> = Vec::with_capacity(count);
                while found.len() < count {
                    let u: Vec<f64> = (0..count - found.len())
                        .map(|_| rng.next_uniform())
                        .collect();
                    for &f in &found {
                        if let Some(slot) = p.get_mut(f as usize) {
                            *slot = 0.0;
                        }
                    }
                    let cdf = cdf_of(&p);
                    // The new picks, each first occurrence in the order drawn.
                    let mut fresh: Vec<u64> = Vec::new();
                    for &x in &u {
                        let k = search_right(&cdf, x) as u64;
                        if !fresh.contains(&k) {
                            fresh.push(k);
                        }
                    }
                    found.extend(fresh);
                }
                found.truncate(count);
                found
            }
            None => {
                let perm = permutation(rng, &Value::Int(pop as i64))?;
                perm.to_vec()
                    .iter()
                    .take(count)
                    .map(|&x| x as u64)
                    .collect()
            }
        }
    };
    match (&pool, shape) {
        (None, None) => Ok(Value::Int(idx.first().copied().unwrap_or(0) as i64)),
        (None, Some(shape)) => Ok(new_array(
            idx.iter().map(|&k| k as f64).collect(),
            shape,
            DType::Int64,
        )),
        (Some(a), shape) => {
            let data = a.to_vec();
            let picked: Vec<f64> = idx
                .iter()
                .map(|&k| data.get(k as usize).copied().unwrap_or(0.0))
                .collect();
            Ok(match shape {
                None => np_scalar(picked.first().copied().unwrap_or(0.0), a.dtype),
                Some(shape) => new_array(picked, shape, a.dtype),
            })
        }
    }
}

const RANDOM_FUNCS: &[(&str, NativeFn)] = &[
    ("seed", random!(rnd_seed)),
    ("randn", random!(rnd_randn)),
    ("rand", random!(rnd_rand)),
    ("random", random!(rnd_random)),
    ("random_sample", random!(rnd_random_sample)),
    ("standard_normal", random!(rnd_standard_normal)),
    ("normal", random!(rnd_normal)),
    ("uniform", random!(rnd_uniform)),
    ("randint", random!(rnd_randint)),
    ("choice", random!(rnd_choice)),
    ("permutation", random!(rnd_permutation)),
    ("shuffle", random!(rnd_shuffle)),
];

// ---------------------------------------------------------------------------------------------
// The module

const FUNCS: &[(&str, NativeFn)] = &[
    ("array", native!(np_array)),
    ("asarray", native!(np_asarray)),
    ("zeros", native!(np_zeros)),
    ("ones", native!(np_ones)),
    ("empty", native!(np_empty)),
    ("full", native!(np_full)),
    ("zeros_like", native!(np_zeros_like)),
    ("ones_like", native!(np_ones_like)),
    ("empty_like", native!(np_empty_like)),
    ("full_like", native!(np_full_like)),
    ("arange", native!(np_arange)),
    ("linspace", native!(np_linspace)),
    ("eye", native!(np_eye)),
    ("identity", native!(np_identity)),
    ("clip", native!(np_clip)),
    ("where", native!(np_where)),
    ("nonzero", native!(np_nonzero)),
    ("round", native!(np_round)),
    ("around", native!(np_round)),
    ("isclose", native!(np_isclose)),
    ("allclose", native!(np_allclose)),
    ("array_equal", native!(np_array_equal)),
    ("average", native!(np_average)),
    ("cumsum", native!(np_cumsum)),
    ("cumprod", native!(np_cumprod)),
    ("count_nonzero", native!(np_count_nonzero)),
    ("dot", native!(np_dot)),
    ("matmul", native!(np_matmul)),
    ("outer", native!(np_outer)),
    ("reshape", native!(np_reshape)),
    ("transpose", native!(np_transpose)),
    ("ravel", native!(np_ravel)),
    ("squeeze", native!(np_squeeze)),
    ("expand_dims", native!(np_expand_dims)),
    ("concatenate", native!(np_concatenate)),
    ("vstack", native!(np_vstack)),
    ("hstack", native!(np_hstack)),
    ("stack", native!(np_stack)),
    ("sort", native!(np_sort)),
    ("argsort", native!(np_argsort)),
    ("unique", native!(np_unique)),
    ("flip", native!(np_flip)),
    ("shape", native!(np_shape)),
    ("ndim", native!(np_ndim)),
    ("size", native!(np_size)),
    ("ndindex", native!(np_ndindex)),
];

fn module(name: &str, attrs: HashMap<String, Value>) -> Value {
    Value::Module(Rc::new(Module {
        name: name.to_string(),
        attrs: RefCell::new(attrs.into_iter().collect()),
    }))
}

/// The `numpy` module: functions, constants, dtypes and the `random` submodule.
pub fn numpy_module() -> Value {
    let mut attrs = HashMap::new();
    for table in [FUNCS, UFUNCS1, UFUNCS2, REDUCTIONS, UNSUPPORTED_DTYPES] {
        for &(name, f) in table {
            attrs.insert(name.to_string(), Value::builtin(name, f));
        }
    }
    for (name, x) in [
        ("nan", f64::NAN),
        ("inf", f64::INFINITY),
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
    ] {
        attrs.insert(name.to_string(), Value::Float(x));
    }
    attrs.insert("newaxis".to_string(), Value::None);
    attrs.insert("True_".to_string(), Value::NpBool(true));
    attrs.insert("False_".to_string(), Value::NpBool(false));
    for (name, dt) in [
        ("float64", DType::Float64),
        ("double", DType::Float64),
        ("int64", DType::Int64),
        ("intp", DType::Int64),
        ("bool_", DType::Bool),
        ("bool", DType::Bool),
    ] {
        attrs.insert(name.to_string(), Value::DType(dt));
    }
    let mut random = HashMap::new();
    for &(name, f) in RANDOM_FUNCS {
        random.insert(name.to_string(), Value::builtin(name, f));
    }
    attrs.insert("random".to_string(), module("numpy.random", random));
    module("numpy", attrs)
}

// ---------------------------------------------------------------------------------------------
// Array attributes and methods

/// The methods of `numpy.ndarray` that `call_method` answers.
pub const METHODS: &[&str] = &[
    "copy",
    "reshape",
    "flatten",
    "ravel",
    "transpose",
    "astype",
    "sum",
    "mean",
    "max",
    "min",
    "argmax",
    "argmin",
    "std",
    "var",
    "prod",
    "cumsum",
    "cumprod",
    "any",
    "all",
    "tolist",
    "item",
    "fill",
    "dot",
    "clip",
    "round",
    "sort",
    "argsort",
    "squeeze",
    "nonzero",
];

fn itemsize(dt: DType) -> i64 {
    if dt == DType::Bool { 1 } else { 8 }
}

/// An attribute of an array: `shape`, `ndim`, `size`, `dtype`, `T`, `itemsize`, `nbytes`, or a
/// method bound to it. `None` when arrays have no such attribute.
pub fn attr(a: &Rc<ArrayObj>, name: &str) -> Option<PyResult<Value>> {
    let v = match name {
        "shape" => shape_tuple(&a.shape),
        "ndim" => Value::Int(a.shape.len() as i64),
        "size" => Value::Int(a.size() as i64),
        "dtype" => Value::DType(a.dtype),
        "T" => return Some(transpose(a, None)),
        "itemsize" => Value::Int(itemsize(a.dtype)),
        "nbytes" => Value::Int(itemsize(a.dtype) * a.size() as i64),
        _ if METHODS.contains(&name) => Value::Method(Rc::new(Method {
            receiver: Value::Array(a.clone()),
            kind: MethodKind::Native(Rc::from(name)),
        })),
        _ => return None,
    };
    Some(Ok(v))
}

/// Calls the array method `name` (one of `METHODS`).
pub fn call_method(
    _interp: &mut Interp,
    a: &Rc<ArrayObj>,
    name: &str,
    args: Args,
) -> PyResult<Value> {
    array_method(a, name, args)
}

/// The nested Python lists of `tolist()`.
fn to_list(data: &[f64], shape: &[usize], dt: DType) -> Value {
    match shape.split_first() {
        None => py_number(data.first().copied().unwrap_or(0.0), dt),
        Some((&n, rest)) => {
            let each: usize = rest.iter().product();
            Value::list(
                (0..n)
                    .map(|i| to_list(data.get(i * each..(i + 1) * each).unwrap_or(&[]), rest, dt))
                    .collect(),
            )
        }
    }
}

/// `a.item(*index)`: the one element, or the element at a flat or multi-dimensional index.
fn item(a: &ArrayObj, args: Args) -> PyResult<Value> {
    if let Some((name, _)) = args.kw.first() {
        return Err(type_err(msg!(
            "py-np-arg-unknown",
            func = "item",
            name = name.clone()
        )));
    }
    let data = a.to_vec();
    let index: Vec<i64> = match args.pos.as_slice() {
        [Value::Tuple(t)] => t.iter().map(int_arg).collect::<PyResult<_>>()?,
        vals => vals.iter().map(int_arg).collect::<PyResult<_>>()?,
    };
    let flat = match index.as_slice() {
        [] => {
            if data.len() != 1 {
                return Err(value_err(msg!("py-np-item-size")));
            }
            0
        }
        [i] => bounded(*i, 0, data.len())?,
        many => {
            if many.len() != a.shape.len() {
                return Err(value_err(msg!("py-np-item-args")));
            }
            let mut flat = 0;
            for (axis, (&i, &n)) in many.iter().zip(&a.shape).enumerate() {
                flat = flat * n + bounded(i, axis, n)?;
            }
            flat
        }
    };
    Ok(py_number(data.get(flat).copied().unwrap_or(0.0), a.dtype))
}

/// An index into `n` items along `axis`, negative from the end.
fn bounded(i: i64, axis: usize, n: usize) -> PyResult<usize> {
    let at = if i < 0 { i + n as i64 } else { i };
    if at < 0 || at >= n as i64 {
        return Err(err(
            ExcKind::IndexError,
            msg!(
                "py-np-index-bounds",
                index = i.to_string(),
                axis = axis.to_string(),
                size = n.to_string()
            ),
        ));
    }
    Ok(at as usize)
}

/// Writes `x` into every element of the view.
fn fill(a: &ArrayObj, x: f64) {
    let x = cast(x, a.dtype);
    let mut buf = a.buf.borrow_mut();
    for_each_offset(&a.shape, &a.strides, a.offset, &mut |at| {
        if let Some(slot) = buf.get_mut(at) {
            *slot = x;
        }
    });
}

/// Writes C-order `data` into the elements of the view.
fn write_back(a: &ArrayObj, data: &[f64]) {
    let mut buf = a.buf.borrow_mut();
    let mut next = data.iter();
    for_each_offset(&a.shape, &a.strides, a.offset, &mut |at| {
        if let (Some(slot), Some(&x)) = (buf.get_mut(at), next.next()) {
            *slot = x;
        }
    });
}

fn no_args(func: &str, args: &Args) -> PyResult<()> {
    if let Some((name, _)) = args.kw.first() {
        return Err(type_err(msg!(
            "py-np-arg-unknown",
            func = func,
            name = name.clone()
        )));
    }
    if !args.pos.is_empty() {
        return Err(type_err(msg!(
            "py-np-args-too-many",
            func = func,
            max = "0",
            given = args.pos.len().to_string()
        )));
    }
    Ok(())
}

fn array_method(a: &Rc<ArrayObj>, name: &str, mut args: Args) -> PyResult<Value> {
    let red = match name {
        "sum" => Some(Red::Sum),
        "prod" => Some(Red::Prod),
        "mean" => Some(Red::Mean),
        "max" => Some(Red::Max),
        "min" => Some(Red::Min),
        "argmax" => Some(Red::ArgMax),
        "argmin" => Some(Red::ArgMin),
        "any" => Some(Red::Any),
        "all" => Some(Red::All),
        "std" => Some(Red::Std),
        "var" => Some(Red::Var),
        _ => None,
    };
    if let Some(red) = red {
        return reduce_call(name, a, red, args, red_params(red));
    }
    match name {
        "copy" => {
            let _ = args.take_kw("order");
            no_args(name, &args)?;
            Ok(new_array(a.to_vec(), a.shape.clone(), a.dtype))
        }
        "flatten" => {
            let _ = args.take_kw("order");
            no_args(name, &args)?;
            Ok(new_array(a.to_vec(), vec![a.size()], a.dtype))
        }
        "ravel" => {
            let _ = args.take_kw("order");
            no_args(name, &args)?;
            Ok(ravel(a))
        }
        "reshape" => {
            let _ = args.take_kw("order");
            if let Some(shape) = args.take_kw("shape") {
                args.pos.push(shape);
            }
            no_args(
                name,
                &Args {
                    pos: Vec::new(),
                    kw: args.kw.clone(),
                },
            )?;
            if args.pos.is_empty() {
                return Err(type_err(msg!(
                    "py-np-arg-missing",
                    func = "reshape",
                    name = "shape",
                    pos = "1"
                )));
            }
            reshape(a, &reshape_dims(&args.pos)?)
        }
        "transpose" => {
            no_args(
                name,
                &Args {
                    pos: Vec::new(),
                    kw: args.kw.clone(),
                },
            )?;
            transpose(a, axes_list(&args.pos)?)
        }
        "squeeze" => {
            let slots = bind(name, args, &["axis"], 0)?;
            squeeze(a, &slots[0])
        }
        "astype" => {
            let slots = bind(
                name,
                args,
                &["dtype", "order", "casting", "subok", "copy"],
                1,
            )?;
            let dt = dtype_from(slots[0].as_ref().unwrap_or(&Value::None))?;
            Ok(Value::array(astype(a, dt)))
        }
        "cumsum" | "cumprod" => {
            let slots = bind(name, args, &["axis", "dtype", "out"], 0)?;
            refuse(name, &slots[2], "out")?;
            let mut src = a.clone();
            if let Some(dt) = dtype_opt(&slots[1])? {
                src = Rc::new(astype(a, dt));
            }
            let axis = one_axis_arg(&slots[0], a.shape.len())?;
            Ok(cumulate(&src, axis, name == "cumprod"))
        }
        "tolist" => {
            no_args(name, &args)?;
            Ok(to_list(&a.to_vec(), &a.shape, a.dtype))
        }
        "item" => item(a, args),
        "fill" => {
            let slots = bind(name, args, &["value"], 1)?;
            let (x, _) = fill_value(slots[0].as_ref().unwrap_or(&Value::None))?;
            fill(a, x);
            Ok(Value::None)
        }
        "dot" => {
            let slots = bind(name, args, &["b", "out"], 1)?;
            refuse(name, &slots[1], "out")?;
            dot(a, &*arr(slots[0].as_ref().unwrap_or(&Value::None))?)
        }
        "clip" => {
            let slots = bind(name, args, &["min", "max", "out"], 0)?;
            refuse(name, &slots[2], "out")?;
            clip(a, given(&slots[0]), given(&slots[1]))
        }
        "round" => {
            let slots = bind(name, args, &["decimals", "out"], 0)?;
            refuse(name, &slots[1], "out")?;
            let decimals = given(&slots[0]).map(int_arg).transpose()?.unwrap_or(0);
            match round_array(a, decimals) {
                Value::Array(r) => Ok(Value::Array(r)),
                v => {
                    // A 0-d array's method keeps a 0-d array.
                    let (x, dt) = number(&v).unwrap_or((0.0, a.dtype));
                    Ok(new_array(vec![x], Vec::new(), dt))
                }
            }
        }
        "sort" => {
            let slots = bind(name, args, &["axis", "kind", "order"], 0)?;
            if a.shape.is_empty() {
                return Err(value_err(msg!(
                    "py-np-axis-bounds",
                    axis = "-1",
                    ndim = "0"
                )));
            }
            let axis = given(&slots[0]).map(int_arg).transpose()?.unwrap_or(-1);
            let axis = norm_axis(axis, a.shape.len())?;
            if let Value::Array(s) = sorted(a, axis, false) {
                write_back(a, &s.to_vec());
            }
            Ok(Value::None)
        }
        "argsort" => {
            let slots = bind(name, args, &["axis", "kind", "order"], 0)?;
            let (target, axis) = sort_target(a, &slots[0])?;
            Ok(sorted(&target, axis, true))
        }
        "nonzero" => {
            no_args(name, &args)?;
            Ok(nonzero(a))
        }
        _ => Err(err(
            ExcKind::AttributeError,
            msg!("py-np-no-attr", name = name.to_string()),
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// numpy scalars

/// The methods of numpy scalars that `call_scalar_method` answers.
pub const SCALAR_METHODS: &[&str] = &[
    "item", "tolist", "astype", "sum", "mean", "max", "min", "prod", "argmax", "argmin", "std",
    "var", "any", "all", "round", "reshape", "copy",
];

fn scalar_parts(v: &Value) -> Option<(f64, DType)> {
    match v {
        Value::NpFloat(_) | Value::NpInt(_) | Value::NpBool(_) => number(v),
        _ => None,
    }
}

/// An attribute of a numpy scalar: `dtype`, `shape`, `ndim`, `size`, `itemsize`, `nbytes`,
/// `T`, or a method bound to it.
pub fn scalar_attr(v: &Value, name: &str) -> Option<PyResult<Value>> {
    let (_, dt) = scalar_parts(v)?;
    let out = match name {
        "dtype" => Value::DType(dt),
        "shape" => Value::tuple(Vec::new()),
        "ndim" => Value::Int(0),
        "size" => Value::Int(1),
        "itemsize" | "nbytes" => Value::Int(itemsize(dt)),
        "T" => v.clone(),
        _ if SCALAR_METHODS.contains(&name) => Value::Method(Rc::new(Method {
            receiver: v.clone(),
            kind: MethodKind::Native(Rc::from(name)),
        })),
        _ => return None,
    };
    Some(Ok(out))
}

/// Calls the scalar method `name` (one of `SCALAR_METHODS`) on a numpy scalar.
pub fn call_scalar_method(v: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some((x, dt)) = scalar_parts(v) else {
        return Err(err(
            ExcKind::AttributeError,
            msg!("py-np-no-attr", name = name.to_string()),
        ));
    };
    match name {
        "item" | "tolist" => {
            no_args(name, &args)?;
            Ok(py_number(x, dt))
        }
        "copy" => {
            no_args(name, &args)?;
            Ok(v.clone())
        }
        "astype" => {
            let slots = bind(
                name,
                args,
                &["dtype", "order", "casting", "subok", "copy"],
                1,
            )?;
            let to = dtype_from(slots[0].as_ref().unwrap_or(&Value::None))?;
            Ok(np_scalar(cast(x, to), to))
        }
        "round" => {
            let slots = bind(name, args, &["decimals", "out"], 0)?;
            let decimals = given(&slots[0]).map(int_arg).transpose()?.unwrap_or(0);
            Ok(round_array(
                &ArrayObj::from_vec(vec![x], Vec::new(), dt),
                decimals,
            ))
        }
        _ => {
            let a = Rc::new(ArrayObj::from_vec(vec![x], Vec::new(), dt));
            array_method(&a, name, args)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    trait Fails {
        fn fails(self) -> PyErr;
    }

    impl Fails for PyResult<Value> {
        fn fails(self) -> PyErr {
            match self {
                Err(e) => e,
                Ok(v) => panic!("expected an error, got a {}", v.type_name()),
            }
        }
    }

    fn int(i: i64) -> Value {
        Value::Int(i)
    }

    fn flt(x: f64) -> Value {
        Value::Float(x)
    }

    fn list(items: Vec<Value>) -> Value {
        Value::list(items)
    }

    fn ints(xs: &[i64]) -> Value {
        list(xs.iter().map(|&i| int(i)).collect())
    }

    fn flts(xs: &[f64]) -> Value {
        list(xs.iter().map(|&x| flt(x)).collect())
    }

    fn args(pos: Vec<Value>) -> Args {
        Args::new(pos)
    }

    fn kwargs(pos: Vec<Value>, kw: &[(&str, Value)]) -> Args {
        Args {
            pos,
            kw: kw.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
        }
    }

    fn array_of(v: &Value) -> Rc<ArrayObj> {
        match v {
            Value::Array(a) => a.clone(),
            _ => panic!("not an array: {}", v.type_name()),
        }
    }

    /// The elements (C order), shape and dtype of an array result.
    fn parts_of(v: &Value) -> (Vec<f64>, Vec<usize>, DType) {
        let a = array_of(v);
        (a.to_vec(), a.shape.clone(), a.dtype)
    }

    fn assert_bits(got: &[f64], want: &[f64]) {
        assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.to_bits(), w.to_bits(), "{got:?} vs {want:?}");
        }
    }

    fn message(e: PyErr) -> (ExcKind, String) {
        (e.kind, Lang::En.say(&e.message))
    }

    fn np_float(v: &Value) -> f64 {
        match v {
            Value::NpFloat(x) => *x,
            other => panic!("not np.float64: {}", other.type_name()),
        }
    }

    fn matrix(rows: usize, cols: usize) -> Value {
        np_reshape(args(vec![
            np_arange(args(vec![int((rows * cols) as i64)])).unwrap(),
            Value::tuple(vec![int(rows as i64), int(cols as i64)]),
        ]))
        .unwrap()
    }

    #[test]
    fn randn_matches_numpy_after_seed() {
        let mut rng = Rng::new(0);
        rnd_seed(&mut rng, args(vec![int(3)])).unwrap();
        let v = rnd_randn(&mut rng, args(vec![int(3), int(4)])).unwrap();
        let (data, shape, dt) = parts_of(&v);
        assert_eq!((shape, dt), (vec![3, 4], DType::Float64));
        assert_bits(
            &data[..4],
            &[
                1.7886284734303186,
                0.43650985051198943,
                0.09649746807200862,
                -1.8634927033644908,
            ],
        );
        // No dims: a Python float.
        assert!(matches!(
            rnd_randn(&mut rng, args(vec![])).unwrap(),
            Value::Float(_)
        ));
    }

    #[test]
    fn rand_choice_randint_follow_one_stream() {
        let mut rng = Rng::new(0);
        rnd_seed(&mut rng, args(vec![int(5)])).unwrap();
        let u = rnd_rand(&mut rng, args(vec![int(3)])).unwrap();
        assert_bits(
            &parts_of(&u).0,
            &[0.22199317108973948, 0.8707323061773764, 0.20671915533942642],
        );
        let c = rnd_choice(&mut rng, args(vec![int(10), int(5)])).unwrap();
        assert_eq!(
            parts_of(&c),
            (vec![0.0, 9.0, 8.0, 4.0, 7.0], vec![5], DType::Int64)
        );
        let r = rnd_randint(&mut rng, kwargs(vec![int(3), int(10)], &[("size", int(4))])).unwrap();
        assert_eq!(parts_of(&r).0, vec![9.0, 6.0, 3.0, 9.0]);
        assert!(matches!(
            rnd_randint(&mut rng, args(vec![int(7)])).unwrap(),
            Value::Int(0)
        ));
    }

    #[test]
    fn choice_from_a_list_and_with_p() {
        let mut rng = Rng::new(0);
        let pool = flts(&[1.5, 2.5, 3.5]);
        let v = rnd_choice(
            &mut rng,
            args(vec![pool.clone(), Value::tuple(vec![int(2), int(2)])]),
        )
        .unwrap();
        assert_eq!(
            parts_of(&v),
            (vec![1.5, 2.5, 1.5, 2.5], vec![2, 2], DType::Float64)
        );
        assert!(
            matches!(rnd_choice(&mut rng, args(vec![pool])).unwrap(), Value::NpFloat(x) if x == 2.5)
        );
        let p = flts(&[0.1, 0.2, 0.3, 0.2, 0.2]);
        let mut rng = Rng::new(0);
        let v = rnd_choice(&mut rng, kwargs(vec![int(5), int(6)], &[("p", p.clone())])).unwrap();
        assert_eq!(parts_of(&v).0, vec![2.0, 3.0, 3.0, 2.0, 2.0, 3.0]);
        let mut rng = Rng::new(0);
        let v = rnd_choice(
            &mut rng,
            kwargs(
                vec![int(5), int(3)],
                &[("replace", Value::Bool(false)), ("p", p)],
            ),
        )
        .unwrap();
        assert_eq!(parts_of(&v).0, vec![2.0, 3.0, 1.0]);
        let mut rng = Rng::new(0);
        let v = rnd_choice(
            &mut rng,
            kwargs(vec![int(10), int(4)], &[("replace", Value::Bool(false))]),
        )
        .unwrap();
        assert_eq!(parts_of(&v).0, vec![2.0, 8.0, 4.0, 9.0]);
        let e = rnd_choice(&mut rng, kwargs(vec![int(2)], &[("p", flts(&[0.6, 0.6]))])).fails();
        assert_eq!(
            message(e),
            (ExcKind::ValueError, "probabilities do not sum to 1".into())
        );
        let e = rnd_choice(&mut rng, args(vec![int(0)])).fails();
        assert_eq!(
            message(e).1,
            "a must be greater than 0 unless no samples are taken"
        );
        let e = rnd_choice(
            &mut rng,
            kwargs(vec![int(5), int(6)], &[("replace", Value::Bool(false))]),
        )
        .fails();
        assert_eq!(
            message(e).1,
            "Cannot take a larger sample than population when 'replace=False'"
        );
    }

    #[test]
    fn permutation_and_shuffle_match_numpy() {
        let mut rng = Rng::new(0);
        let v = rnd_permutation(&mut rng, args(vec![int(10)])).unwrap();
        assert_eq!(
            parts_of(&v).0,
            vec![2.0, 8.0, 4.0, 9.0, 1.0, 6.0, 7.0, 3.0, 0.0, 5.0]
        );
        let mut rng = Rng::new(1);
        let l = ints(&[0, 1, 2, 3, 4, 5]);
        rnd_shuffle(&mut rng, args(vec![l.clone()])).unwrap();
        let Value::List(items) = &l else {
            unreachable!()
        };
        let got: Vec<i64> = items.borrow().iter().map(|v| int_arg(v).unwrap()).collect();
        assert_eq!(got, vec![2, 1, 4, 0, 3, 5]);
        let mut rng = Rng::new(1);
        let m = matrix(4, 3);
        rnd_shuffle(&mut rng, args(vec![m.clone()])).unwrap();
        assert_eq!(
            parts_of(&m).0,
            vec![9.0, 10.0, 11.0, 6.0, 7.0, 8.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
        );
    }

    #[test]
    fn normal_uniform_and_seed_errors() {
        let mut rng = Rng::new(2);
        let v = rnd_normal(&mut rng, args(vec![int(1), int(2), int(3)])).unwrap();
        assert_bits(
            &parts_of(&v).0,
            &[0.16648430518905877, 0.887466345547341, -3.272392191336908],
        );
        let u = rnd_uniform(&mut rng, args(vec![int(-1), int(1)])).unwrap();
        assert!(matches!(u, Value::Float(x) if x == -0.15926439582502194));
        let e = rnd_seed(&mut rng, args(vec![int(-1)])).fails();
        assert_eq!(message(e).1, "Seed must be between 0 and 2**32 - 1");
        let e = rnd_seed(&mut rng, args(vec![int(1 << 32)])).fails();
        assert_eq!(message(e).0, ExcKind::ValueError);
        let e = rnd_randint(&mut rng, args(vec![int(5), int(3)])).fails();
        assert_eq!(message(e).1, "low >= high");
    }

    #[test]
    fn linspace_and_arange_values() {
        let v = np_linspace(args(vec![int(0), int(1), int(7)])).unwrap();
        assert_bits(
            &parts_of(&v).0,
            &[
                0.0,
                0.16666666666666666,
                0.3333333333333333,
                0.5,
                0.6666666666666666,
                0.8333333333333333,
                1.0,
            ],
        );
        let v = np_linspace(args(vec![flt(-1.3), flt(2.9), int(11)])).unwrap();
        assert_bits(
            &parts_of(&v).0,
            &[
                -1.3,
                -0.88,
                -0.45999999999999996,
                -0.039999999999999813,
                0.3800000000000001,
                0.8,
                1.2200000000000004,
                1.6400000000000003,
                2.0600000000000005,
                2.4800000000000004,
                2.9,
            ],
        );
        let v = np_arange(args(vec![int(5), int(0), int(-1)])).unwrap();
        assert_eq!(
            parts_of(&v),
            (vec![5.0, 4.0, 3.0, 2.0, 1.0], vec![5], DType::Int64)
        );
        let v = np_arange(args(vec![flt(0.1), int(1), flt(0.1)])).unwrap();
        assert_bits(
            &parts_of(&v).0,
            &[
                0.1,
                0.2,
                0.30000000000000004,
                0.4,
                0.5,
                0.6,
                0.7000000000000001,
                0.8,
                0.9,
            ],
        );
        let v = np_arange(args(vec![int(1), int(2), flt(0.3)])).unwrap();
        assert_bits(&parts_of(&v).0, &[1.0, 1.3, 1.6, 1.9000000000000001]);
        let e = np_arange(args(vec![int(0), int(5), int(0)])).fails();
        assert_eq!(
            message(e),
            (ExcKind::ZeroDivisionError, "division by zero".into())
        );
        let e = np_linspace(args(vec![int(0), int(1), int(-1)])).fails();
        assert_eq!(message(e).1, "Number of samples, -1, must be non-negative.");
    }

    #[test]
    fn pairwise_sum_and_mean_match_numpy_to_the_bit() {
        let mut rng = Rng::new(0);
        let x = rnd_randn(&mut rng, args(vec![int(500)])).unwrap();
        let a = array_of(&x);
        let r =
            |name: &str, a: &Rc<ArrayObj>| np_float(&array_method(a, name, args(vec![])).unwrap());
        assert_eq!(
            r("mean", &a).to_bits(),
            (-0.025354439332433826f64).to_bits()
        );
        assert_eq!(r("sum", &a).to_bits(), (-12.677219666216914f64).to_bits());
        assert_eq!(r("std", &a).to_bits(), 0.9981567773429257f64.to_bits());
        assert_eq!(r("var", &a).to_bits(), 0.9963169521556151f64.to_bits());
        let mut rng = Rng::new(0);
        let big = array_of(&rnd_randn(&mut rng, args(vec![int(100000)])).unwrap());
        assert_eq!(r("sum", &big).to_bits(), 157.67005081253387f64.to_bits());
        assert_eq!(
            r("mean", &big).to_bits(),
            0.0015767005081253388f64.to_bits()
        );
    }

    #[test]
    fn axis_sums_follow_numpys_order() {
        let mut rng = Rng::new(0);
        let x = array_of(&rnd_randn(&mut rng, args(vec![int(7), int(9)])).unwrap());
        let ax = |name: &str, a: &Rc<ArrayObj>, axis: i64| {
            parts_of(&array_method(a, name, kwargs(vec![], &[("axis", int(axis))])).unwrap()).0
        };
        assert_bits(
            &ax("sum", &x, 0)[..3],
            &[3.064568850308983, 1.6008006138497368, 1.806061205942046],
        );
        assert_bits(
            &ax("mean", &x, 1)[..3],
            &[0.7744036894833306, 0.5508985212459494, -0.16188673476679877],
        );
        assert_bits(
            &ax("std", &x, 0)[..2],
            &[0.7346704678170931, 0.9329191763886161],
        );
        let t = array_of(&attr(&x, "T").unwrap().unwrap());
        assert_bits(
            &ax("sum", &t, 0)[..2],
            &[6.969633205349975, 4.958086691213545],
        );
        assert_eq!(
            np_float(&array_method(&t, "sum", args(vec![])).unwrap()).to_bits(),
            2.754877841914859f64.to_bits()
        );
    }

    #[test]
    fn reductions_dtypes_axes_and_keepdims() {
        let a = array_of(
            &np_reshape(args(vec![
                np_arange(args(vec![int(24)])).unwrap(),
                Value::tuple(vec![int(2), int(3), int(4)]),
            ]))
            .unwrap(),
        );
        let call =
            |name: &str, kw: &[(&str, Value)]| array_method(&a, name, kwargs(vec![], kw)).unwrap();
        let v = call("sum", &[("axis", Value::tuple(vec![int(0), int(2)]))]);
        assert_eq!(
            parts_of(&v),
            (vec![60.0, 92.0, 124.0], vec![3], DType::Int64)
        );
        let v = call("max", &[("axis", int(1)), ("keepdims", Value::Bool(true))]);
        assert_eq!(parts_of(&v).1, vec![2, 1, 4]);
        let v = call("argmax", &[("axis", int(2))]);
        assert_eq!(parts_of(&v), (vec![3.0; 6], vec![2, 3], DType::Int64));
        let v = call("mean", &[("axis", int(-1))]);
        assert_eq!(parts_of(&v).0, vec![1.5, 5.5, 9.5, 13.5, 17.5, 21.5]);
        assert!(matches!(call("sum", &[]), Value::NpInt(276)));
        assert!(matches!(call("mean", &[]), Value::NpFloat(x) if x == 11.5));
        let v = call("sum", &[("keepdims", Value::Bool(true))]);
        assert_eq!(parts_of(&v).1, vec![1, 1, 1]);
        let e = array_method(&a, "sum", kwargs(vec![], &[("axis", int(3))])).fails();
        assert_eq!(
            message(e).1,
            "axis 3 is out of bounds for array of dimension 3"
        );
        // Bool sums are int64; numpy scalars from whole reductions.
        let b = np_array(args(vec![list(vec![Value::Bool(true), Value::Bool(true)])])).unwrap();
        assert!(matches!(np_sum(args(vec![b])).unwrap(), Value::NpInt(2)));
        assert!(matches!(
            np_prod(args(vec![ints(&[2, 3, 4])])).unwrap(),
            Value::NpInt(24)
        ));
        assert!(matches!(
            np_max(args(vec![ints(&[3, 9, 2])])).unwrap(),
            Value::NpInt(9)
        ));
        assert!(matches!(
            np_any(args(vec![ints(&[0, 0])])).unwrap(),
            Value::NpBool(false)
        ));
        let m = np_mean(args(vec![ints(&[1, 2, 4])])).unwrap();
        assert_eq!(np_float(&m).to_bits(), 2.3333333333333335f64.to_bits());
        let v = np_max(args(vec![flts(&[1.0, f64::NAN, 3.0])])).unwrap();
        assert!(np_float(&v).is_nan());
        assert!(matches!(
            np_argmax(args(vec![flts(&[1.0, f64::NAN, 3.0])])).unwrap(),
            Value::NpInt(1)
        ));
        let v = np_argmax(kwargs(
            vec![list(vec![ints(&[1, 5, 5]), ints(&[7, 2, 7])])],
            &[("axis", int(1))],
        ))
        .unwrap();
        assert_eq!(parts_of(&v).0, vec![1.0, 0.0]);
        let v = np_var(kwargs(
            vec![list(vec![ints(&[1, 2]), ints(&[3, 5])])],
            &[("axis", int(0))],
        ))
        .unwrap();
        assert_eq!(parts_of(&v).0, vec![1.0, 2.25]);
        let v = np_std(kwargs(vec![ints(&[1, 2, 3, 4])], &[("ddof", int(1))])).unwrap();
        assert_eq!(np_float(&v).to_bits(), 1.2909944487358056f64.to_bits());
        let e = np_max(args(vec![list(vec![])])).fails();
        assert_eq!(
            message(e),
            (
                ExcKind::ValueError,
                "zero-size array to reduction operation maximum which has no identity".into()
            )
        );
        let e = np_argmax(args(vec![list(vec![])])).fails();
        assert_eq!(message(e).1, "attempt to get argmax of an empty sequence");
        let v = np_min(kwargs(
            vec![np_zeros(args(vec![Value::tuple(vec![int(0), int(3)])])).unwrap()],
            &[("axis", int(1))],
        ))
        .unwrap();
        assert_eq!(parts_of(&v).1, vec![0]);
        // A 0-d array reduces to a scalar.
        let z = np_array(args(vec![int(5)])).unwrap();
        assert!(matches!(
            array_method(&array_of(&z), "sum", args(vec![])).unwrap(),
            Value::NpInt(5)
        ));
    }

    #[test]
    fn averages_cumsums_and_counts() {
        let v = np_average(kwargs(
            vec![list(vec![ints(&[1, 2]), ints(&[3, 4])])],
            &[("axis", int(1)), ("weights", ints(&[1, 3]))],
        ))
        .unwrap();
        assert_eq!(parts_of(&v).0, vec![1.75, 3.75]);
        let v = np_average(kwargs(
            vec![ints(&[1, 2, 3])],
            &[("weights", ints(&[3, 2, 1]))],
        ))
        .unwrap();
        assert_eq!(np_float(&v).to_bits(), 1.6666666666666667f64.to_bits());
        let e = np_average(kwargs(vec![ints(&[1, 2])], &[("weights", ints(&[0, 0]))])).fails();
        assert_eq!(message(e).0, ExcKind::ZeroDivisionError);
        let v = np_cumsum(kwargs(
            vec![list(vec![ints(&[1, 2]), ints(&[3, 4])])],
            &[("axis", int(0))],
        ))
        .unwrap();
        assert_eq!(
            parts_of(&v),
            (vec![1.0, 2.0, 4.0, 6.0], vec![2, 2], DType::Int64)
        );
        let v = np_cumsum(args(vec![list(vec![ints(&[1, 2]), ints(&[3, 4])])])).unwrap();
        assert_eq!(parts_of(&v).0, vec![1.0, 3.0, 6.0, 10.0]);
        let v = np_cumprod(args(vec![flts(&[1.5, 2.0, 3.0])])).unwrap();
        assert_eq!(parts_of(&v).0, vec![1.5, 3.0, 9.0]);
    }

    #[test]
    fn elementwise_functions() {
        // numpy on an AVX-512 machine computes exp with SVML, which differs from the C
        // library's exp in the last bit for a few inputs: -3.2 is one of them.
        let v = np_exp(args(vec![flts(&[0.5, 1.5, -3.2, 10.1])])).unwrap();
        let want: [f64; 4] = [
            1.6487212707001282,
            4.4816890703380645,
            0.040762203978366204,
            24343.00942440838,
        ];
        for (g, w) in parts_of(&v).0.iter().zip(want) {
            assert!(g.to_bits().abs_diff(w.to_bits()) <= 1, "{g} vs {w}");
        }
        let v = np_log(args(vec![flts(&[0.5, 1.5, 3.2, 10.1])])).unwrap();
        assert_bits(
            &parts_of(&v).0,
            &[
                -std::f64::consts::LN_2,
                0.4054651081081644,
                1.1631508098056809,
                2.312535423847214,
            ],
        );
        assert!(matches!(np_exp(args(vec![int(0)])).unwrap(), Value::NpFloat(x) if x == 1.0));
        assert!(
            matches!(np_log(args(vec![int(0)])).unwrap(), Value::NpFloat(x) if x == f64::NEG_INFINITY)
        );
        assert!(np_float(&np_log(args(vec![int(-1)])).unwrap()).is_nan());
        let v = np_abs(args(vec![ints(&[-3, 2])])).unwrap();
        assert_eq!(parts_of(&v), (vec![3.0, 2.0], vec![2], DType::Int64));
        let v = np_isnan(args(vec![flts(&[1.0, f64::NAN])])).unwrap();
        assert_eq!(parts_of(&v), (vec![0.0, 1.0], vec![2], DType::Bool));
        let e = np_sign(args(vec![list(vec![Value::Bool(true)])])).fails();
        assert_eq!(message(e).0, ExcKind::TypeError);
        let v = np_maximum(args(vec![
            ints(&[1, 5]),
            list(vec![ints(&[3]), ints(&[4])]),
        ]))
        .unwrap();
        assert_eq!(
            parts_of(&v),
            (vec![3.0, 5.0, 4.0, 5.0], vec![2, 2], DType::Int64)
        );
        let v = np_maximum(args(vec![int(0), flts(&[-1.0, 2.0])])).unwrap();
        assert_eq!(parts_of(&v), (vec![0.0, 2.0], vec![2], DType::Float64));
        let v = np_clip(args(vec![ints(&[1, 5, 9]), int(2), int(6)])).unwrap();
        assert_eq!(parts_of(&v), (vec![2.0, 5.0, 6.0], vec![3], DType::Int64));
        let v = np_clip(args(vec![ints(&[1, 5, 9]), flt(2.5), int(6)])).unwrap();
        assert_eq!(parts_of(&v), (vec![2.5, 5.0, 6.0], vec![3], DType::Float64));
        let cond = list(vec![
            Value::Bool(true),
            Value::Bool(false),
            Value::Bool(true),
        ]);
        let v = np_where(args(vec![cond, ints(&[1, 2, 3]), flts(&[4.5, 5.0, 6.0])])).unwrap();
        assert_eq!(parts_of(&v), (vec![1.0, 5.0, 3.0], vec![3], DType::Float64));
        let v = np_round(kwargs(
            vec![flts(&[0.125, 2.675, -1.5, 0.5, 1.005])],
            &[("decimals", int(2))],
        ))
        .unwrap();
        assert_eq!(parts_of(&v).0, vec![0.12, 2.68, -1.5, 0.5, 1.0]);
        let v = np_round(args(vec![flts(&[0.5, 1.5, 2.5])])).unwrap();
        assert_eq!(parts_of(&v).0, vec![0.0, 2.0, 2.0]);
        assert!(matches!(np_round(args(vec![flt(2.5)])).unwrap(), Value::NpFloat(x) if x == 2.0));
        assert!(matches!(
            np_round(args(vec![int(7)])).unwrap(),
            Value::NpInt(7)
        ));
        let v = np_round(args(vec![ints(&[15, 25]), int(-1)])).unwrap();
        assert_eq!(parts_of(&v), (vec![20.0, 20.0], vec![2], DType::Int64));
        assert!(matches!(
            np_allclose(args(vec![ints(&[1]), flts(&[1.0 + 1e-9])])).unwrap(),
            Value::Bool(true)
        ));
    }

    #[test]
    fn products_and_their_errors() {
        let v = np_dot(args(vec![matrix(2, 3), matrix(3, 2)])).unwrap();
        assert_eq!(
            parts_of(&v),
            (vec![10.0, 13.0, 28.0, 40.0], vec![2, 2], DType::Int64)
        );
        assert!(matches!(
            np_dot(args(vec![ints(&[1, 2, 3]), ints(&[4, 5, 6])])).unwrap(),
            Value::NpInt(32)
        ));
        let a3 = np_reshape(args(vec![
            np_arange(args(vec![int(24)])).unwrap(),
            Value::tuple(vec![int(2), int(3), int(4)]),
        ]))
        .unwrap();
        let b3 = np_reshape(args(vec![
            np_arange(args(vec![int(40)])).unwrap(),
            Value::tuple(vec![int(2), int(4), int(5)]),
        ]))
        .unwrap();
        let v = np_dot(args(vec![a3.clone(), b3])).unwrap();
        let (data, shape, _) = parts_of(&v);
        assert_eq!(shape, vec![2, 3, 2, 5]);
        // [1, 2, 0, 3]
        assert_eq!(data[((3 + 2) * 2) * 5 + 3], 928.0);
        let v = np_matmul(args(vec![a3, matrix(4, 5)])).unwrap();
        let (data, shape, _) = parts_of(&v);
        assert_eq!(shape, vec![2, 3, 5]);
        assert_eq!(data[15..20], [430.0, 484.0, 538.0, 592.0, 646.0]);
        let e = np_dot(args(vec![matrix(2, 3), matrix(2, 3)])).fails();
        assert_eq!(
            message(e).1,
            "shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)"
        );
        let e = np_dot(args(vec![ints(&[1, 2, 3]), ints(&[1, 2, 3, 4])])).fails();
        assert_eq!(
            message(e).1,
            "shapes (3,) and (4,) not aligned: 3 (dim 0) != 4 (dim 0)"
        );
        let e = np_matmul(args(vec![matrix(2, 3), matrix(2, 3)])).fails();
        assert_eq!(
            message(e).1,
            "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)"
        );
        let v = np_outer(args(vec![ints(&[1, 2]), ints(&[3, 4, 5])])).unwrap();
        assert_eq!(
            parts_of(&v),
            (
                vec![3.0, 4.0, 5.0, 6.0, 8.0, 10.0],
                vec![2, 3],
                DType::Int64
            )
        );
    }

    #[test]
    fn reshape_is_a_view_that_writes_through() {
        let a = np_arange(args(vec![int(6)])).unwrap();
        let arr_a = array_of(&a);
        let r = array_method(&arr_a, "reshape", args(vec![int(2), int(-1)])).unwrap();
        let r = array_of(&r);
        assert_eq!(r.shape, vec![2, 3]);
        fill(
            &ArrayObj {
                buf: r.buf.clone(),
                dtype: r.dtype,
                shape: vec![1],
                strides: vec![1],
                offset: 4,
            },
            40.0,
        );
        assert_eq!(arr_a.to_vec(), vec![0.0, 1.0, 2.0, 3.0, 40.0, 5.0]);
        let t = array_of(&attr(&r, "T").unwrap().unwrap());
        assert_eq!(
            (t.shape.clone(), t.strides.clone()),
            (vec![3, 2], vec![1, 3])
        );
        // The transpose is not contiguous: its reshape is a copy.
        let flat = array_of(&array_method(&t, "reshape", args(vec![int(6)])).unwrap());
        assert_eq!(flat.to_vec(), vec![0.0, 3.0, 1.0, 40.0, 2.0, 5.0]);
        assert!(!Rc::ptr_eq(&flat.buf, &t.buf));
        let e = array_method(&arr_a, "reshape", args(vec![int(5)])).fails();
        assert_eq!(
            message(e).1,
            "cannot reshape array of size 6 into shape (5,)"
        );
        let e = array_method(
            &arr_a,
            "reshape",
            args(vec![Value::tuple(vec![int(4), int(-1)])]),
        )
        .fails();
        assert_eq!(
            message(e).1,
            "cannot reshape array of size 6 into shape (4,newaxis)"
        );
        let e = array_method(&arr_a, "reshape", args(vec![int(-1), int(-1)])).fails();
        assert_eq!(message(e).1, "can only specify one unknown dimension");
        // fill() writes through a view into the shared buffer.
        array_method(&t, "fill", args(vec![flt(2.7)])).unwrap();
        assert_eq!(arr_a.to_vec(), vec![2.0; 6]);
    }

    #[test]
    fn attributes_and_methods() {
        let m = array_of(&matrix(2, 3));
        let get = |name: &str| attr(&m, name).unwrap().unwrap();
        assert!(matches!(get("ndim"), Value::Int(2)));
        assert!(matches!(get("size"), Value::Int(6)));
        assert!(matches!(get("nbytes"), Value::Int(48)));
        assert!(matches!(get("dtype"), Value::DType(DType::Int64)));
        let Value::Tuple(shape) = get("shape") else {
            panic!()
        };
        assert!(matches!(shape.as_slice(), [Value::Int(2), Value::Int(3)]));
        assert!(matches!(get("sum"), Value::Method(_)));
        assert!(attr(&m, "nothing").is_none());
        let l = array_method(&m, "tolist", args(vec![])).unwrap();
        let Value::List(rows) = l else { panic!() };
        let Value::List(first) = &rows.borrow()[1] else {
            panic!()
        };
        assert!(matches!(first.borrow()[2], Value::Int(5)));
        let e = array_method(&m, "item", args(vec![])).fails();
        assert_eq!(
            message(e).1,
            "can only convert an array of size 1 to a Python scalar"
        );
        assert!(matches!(
            array_method(&m, "item", args(vec![int(-1)])).unwrap(),
            Value::Int(5)
        ));
        let e = array_method(&m, "item", args(vec![int(10)])).fails();
        assert_eq!(
            message(e),
            (
                ExcKind::IndexError,
                "index 10 is out of bounds for axis 0 with size 6".into()
            )
        );
        let f = np_array(args(vec![flts(&[1.7, -1.7, 0.0, f64::NAN])])).unwrap();
        let i = array_method(
            &array_of(&f),
            "astype",
            args(vec![Value::builtin("int", |_, _| Ok(Value::None))]),
        )
        .unwrap();
        assert_eq!(
            parts_of(&i),
            (vec![1.0, -1.0, 0.0, i64::MIN as f64], vec![4], DType::Int64)
        );
        let t = array_method(&m, "transpose", args(vec![int(1), int(0)])).unwrap();
        assert_eq!(parts_of(&t).0, vec![0.0, 3.0, 1.0, 4.0, 2.0, 5.0]);
        let e = array_method(&m, "transpose", args(vec![int(1), int(1)])).fails();
        assert_eq!(message(e).1, "repeated axis in transpose");
        let s = np_array(args(vec![ints(&[3, 1, 2])])).unwrap();
        array_method(&array_of(&s), "sort", args(vec![])).unwrap();
        assert_eq!(parts_of(&s).0, vec![1.0, 2.0, 3.0]);
    }

    #[test]
    fn shape_functions() {
        let v = np_concatenate(args(vec![list(vec![
            np_ones(args(vec![Value::tuple(vec![int(2), int(2)])])).unwrap(),
            np_zeros(args(vec![Value::tuple(vec![int(1), int(2)])])).unwrap(),
        ])]))
        .unwrap();
        assert_eq!(
            parts_of(&v),
            (
                vec![1.0, 1.0, 1.0, 1.0, 0.0, 0.0],
                vec![3, 2],
                DType::Float64
            )
        );
        let e = np_concatenate(args(vec![list(vec![matrix(2, 3), matrix(2, 2)])])).fails();
        assert_eq!(
            message(e).1,
            "all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2"
        );
        let v = np_hstack(args(vec![list(vec![ints(&[1, 2]), ints(&[3])])])).unwrap();
        assert_eq!(parts_of(&v).0, vec![1.0, 2.0, 3.0]);
        let v = np_vstack(args(vec![list(vec![ints(&[1, 2]), ints(&[3, 4])])])).unwrap();
        assert_eq!(parts_of(&v).1, vec![2, 2]);
        let v = np_stack(kwargs(
            vec![list(vec![ints(&[1, 2]), ints(&[3, 4])])],
            &[("axis", int(1))],
        ))
        .unwrap();
        assert_eq!(parts_of(&v).0, vec![1.0, 3.0, 2.0, 4.0]);
        let v = np_argsort(args(vec![ints(&[3, 1, 2, 1])])).unwrap();
        assert_eq!(
            parts_of(&v),
            (vec![1.0, 3.0, 2.0, 0.0], vec![4], DType::Int64)
        );
        let v = np_sort(kwargs(
            vec![list(vec![ints(&[3, 1]), ints(&[0, 2])])],
            &[("axis", int(0))],
        ))
        .unwrap();
        assert_eq!(parts_of(&v).0, vec![0.0, 1.0, 3.0, 2.0]);
        let v = np_unique(kwargs(
            vec![ints(&[3, 1, 3, 2, 1])],
            &[
                ("return_index", Value::Bool(true)),
                ("return_counts", Value::Bool(true)),
            ],
        ))
        .unwrap();
        let Value::Tuple(t) = v else { panic!() };
        assert_eq!(parts_of(&t[0]).0, vec![1.0, 2.0, 3.0]);
        assert_eq!(parts_of(&t[1]).0, vec![1.0, 3.0, 0.0]);
        assert_eq!(parts_of(&t[2]).0, vec![2.0, 1.0, 2.0]);
        let it = np_ndindex(args(vec![int(2), int(3)])).unwrap();
        let Value::Iter(state) = it else { panic!() };
        let state = state.borrow();
        assert_eq!(state.items.len(), 6);
        let Value::Tuple(last) = &state.items[5] else {
            panic!()
        };
        assert!(matches!(last.as_slice(), [Value::Int(1), Value::Int(2)]));
        let v = np_eye(kwargs(vec![int(2), int(3)], &[("k", int(1))])).unwrap();
        assert_eq!(parts_of(&v).0, vec![0.0, 1.0, 0.0, 0.0, 0.0, 1.0]);
    }

    #[test]
    fn shapes_dtypes_and_creation_errors() {
        let e = np_zeros(args(vec![int(-1)])).fails();
        assert_eq!(
            message(e),
            (
                ExcKind::ValueError,
                "negative dimensions are not allowed".into()
            )
        );
        let e = np_zeros(args(vec![Value::tuple(vec![int(1 << 20), int(1 << 20)])])).fails();
        assert_eq!(e.kind, ExcKind::MemoryError);
        let e = np_zeros(args(vec![Value::tuple(vec![
            int(1 << 40),
            int(1 << 40),
            int(1 << 40),
        ])]))
        .fails();
        assert_eq!(e.kind, ExcKind::MemoryError);
        let e = np_zeros(args(vec![flt(2.5)])).fails();
        assert_eq!(e.kind, ExcKind::TypeError);
        let v = np_full(args(vec![int(3), int(7)])).unwrap();
        assert_eq!(parts_of(&v), (vec![7.0; 3], vec![3], DType::Int64));
        let v = np_zeros_like(args(vec![ints(&[1, 2])])).unwrap();
        assert_eq!(parts_of(&v).2, DType::Int64);
        let v = np_ones(kwargs(vec![int(2)], &[("dtype", Value::str("int64"))])).unwrap();
        assert_eq!(parts_of(&v), (vec![1.0, 1.0], vec![2], DType::Int64));
        let e = np_ones(kwargs(vec![int(2)], &[("dtype", Value::str("float32"))])).fails();
        assert_eq!(
            message(e).1,
            "numpy.float32 is not supported here: arrays are float64, int64 or bool"
        );
        assert!(dtype_from(&Value::builtin("float32", |_, _| Ok(Value::None))).is_err());
        assert_eq!(
            dtype_from(&Value::builtin("bool", |_, _| Ok(Value::None))).unwrap(),
            DType::Bool
        );
        assert!(
            matches!(dtype_call(DType::Float64, args(vec![int(3)])).unwrap(), Value::NpFloat(x) if x == 3.0)
        );
        assert!(matches!(
            dtype_call(DType::Int64, args(vec![flt(2.7)])).unwrap(),
            Value::NpInt(2)
        ));
        assert!(
            matches!(dtype_call(DType::Float64, args(vec![Value::str("1.5")])).unwrap(), Value::NpFloat(x) if x == 1.5)
        );
        let e = dtype_call(DType::Int64, args(vec![flt(f64::NAN)])).fails();
        assert_eq!(message(e).1, "cannot convert float NaN to integer");
        let v = dtype_call(DType::Float64, args(vec![ints(&[1, 2])])).unwrap();
        assert_eq!(parts_of(&v), (vec![1.0, 2.0], vec![2], DType::Float64));
        // Scalars answer like 0-d arrays.
        let s = Value::NpFloat(2.5);
        assert!(matches!(
            scalar_attr(&s, "ndim").unwrap().unwrap(),
            Value::Int(0)
        ));
        assert!(
            matches!(call_scalar_method(&s, "item", args(vec![])).unwrap(), Value::Float(x) if x == 2.5)
        );
        assert!(
            matches!(call_scalar_method(&s, "sum", args(vec![])).unwrap(), Value::NpFloat(x) if x == 2.5)
        );
        assert!(matches!(
            call_scalar_method(&s, "astype", args(vec![Value::DType(DType::Int64)])).unwrap(),
            Value::NpInt(2)
        ));
    }

    #[test]
    fn every_message_id_is_in_both_catalogues() {
        let source = include_str!("numpy.rs");
        let ko = crate::i18n::ids(Lang::Ko);
        let en = crate::i18n::ids(Lang::En);
        for piece in source.split("\"py-np-").skip(1) {
            let id = format!("py-np-{}", piece.split('"').next().unwrap_or(""));
            if id == "py-np-" || id.contains('{') {
                continue;
            }
            assert!(en.contains(&id), "{id} missing in en");
            assert!(ko.contains(&id), "{id} missing in ko");
        }
    }
}
