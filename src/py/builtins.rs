//! Python's built-in functions, the methods of lists, dicts and tuples, Python's number
//! arithmetic, and the small modules a `.py` file may import (`collections`, `math`,
//! `dataset.digits`).

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use crate::msg;
use crate::py::ast::{BinOp, CmpOp};
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::value::{
    Args, ArrayObj, DType, Dict, Interp, IterState, Module, Value, ViewKind, as_int, dict_set,
    grow, hash_key, range_len,
};
use crate::py::{array, numpy, strings};

fn type_error(message: crate::i18n::Message) -> PyErr {
    PyErr::new(ExcKind::TypeError, message)
}

fn value_error(message: crate::i18n::Message) -> PyErr {
    PyErr::new(ExcKind::ValueError, message)
}

/// Python's built-in names.
pub fn table() -> crate::py::fasthash::NameMap<Value> {
    let fns: &[(&'static str, crate::py::value::NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("range", range),
        ("str", str_),
        ("repr", repr),
        ("int", int),
        ("float", float),
        ("bool", bool_),
        ("abs", abs),
        ("round", round),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("enumerate", enumerate),
        ("zip", zip),
        ("list", list),
        ("tuple", tuple),
        ("dict", dict),
        ("sorted", sorted),
        ("reversed", reversed),
        ("isinstance", isinstance),
        ("type", type_),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("iter", iter),
        ("next", next),
        ("map", map),
        ("filter", filter),
        ("any", any),
        ("all", all),
        ("divmod", divmod),
        ("pow", pow),
        ("format", format_),
        ("chr", chr),
        ("ord", ord),
        ("id", id),
        ("callable", callable),
        ("object", object),
        ("vars", vars),
    ];
    let mut t: crate::py::fasthash::NameMap<Value> = fns
        .iter()
        .map(|&(name, f)| (name.to_string(), Value::builtin(name, f)))
        .collect();
    for kind in ExcKind::ALL {
        t.insert(kind.name().to_string(), Value::ExcClass(kind));
    }
    t.insert(
        "ArithmeticError".into(),
        Value::ExcClass(ExcKind::ZeroDivisionError),
    );
    t.insert("LookupError".into(), Value::ExcClass(ExcKind::IndexError));
    t
}

/// An empty package, its modules set on it as they are imported.
pub fn package(name: &str) -> Value {
    Value::Module(Rc::new(Module {
        name: name.to_string(),
        attrs: RefCell::new(Default::default()),
    }))
}

/// The modules besides numpy: `collections`, `math`, `dataset.digits`, and the packages they
/// sit in.
pub fn module(name: &str) -> Option<Value> {
    let make = |name: &str, attrs: Vec<(&str, Value)>| {
        Value::Module(Rc::new(Module {
            name: name.to_string(),
            attrs: RefCell::new(attrs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()),
        }))
    };
    Some(match name {
        "collections" => make(
            "collections",
            vec![("OrderedDict", Value::builtin("OrderedDict", dict))],
        ),
        "math" => make(
            "math",
            vec![
                ("sqrt", Value::builtin("sqrt", math_sqrt)),
                ("exp", Value::builtin("exp", math_exp)),
                ("log", Value::builtin("log", math_log)),
                ("tanh", Value::builtin("tanh", math_tanh)),
                ("floor", Value::builtin("floor", math_floor)),
                ("ceil", Value::builtin("ceil", math_ceil)),
                ("fabs", Value::builtin("fabs", math_fabs)),
                ("isnan", Value::builtin("isnan", math_isnan)),
                ("isclose", Value::builtin("isclose", math_isclose)),
                ("pi", Value::Float(std::f64::consts::PI)),
                ("e", Value::Float(std::f64::consts::E)),
                ("inf", Value::Float(f64::INFINITY)),
                ("nan", Value::Float(f64::NAN)),
            ],
        ),
        "dataset" => make("dataset", vec![]),
        "dataset.digits" => make(
            "dataset.digits",
            vec![("load_digits", Value::builtin("load_digits", load_digits))],
        ),
        _ => return None,
    })
}

// ---- numbers ----

/// A Python number: bools count as ints.
#[derive(Debug, Clone, Copy)]
pub enum Num {
    Int(i64),
    Float(f64),
}

/// The number a Python int, float or bool holds (numpy scalars are the array module's).
pub fn as_number(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Bool(b) => Some(Num::Int(i64::from(*b))),
        Value::Float(x) => Some(Num::Float(*x)),
        _ => None,
    }
}

pub fn numbers_equal(a: Num, b: Num) -> bool {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x == y,
        (Num::Int(i), Num::Float(f)) | (Num::Float(f), Num::Int(i)) => {
            int_float_cmp(i, f) == Some(Ordering::Equal)
        }
        (Num::Float(x), Num::Float(y)) => x == y,
    }
}

pub fn numbers_cmp(a: Num, b: Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
        (Num::Int(i), Num::Float(f)) => int_float_cmp(i, f),
        (Num::Float(f), Num::Int(i)) => int_float_cmp(i, f).map(Ordering::reverse),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
    }
}

/// An int and a float compared exactly, as Python does (not by rounding the int to a float).
fn int_float_cmp(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= 9.3e18 {
        return Some(Ordering::Less);
    }
    if f <= -9.3e18 {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    match i.cmp(&(t as i64)) {
        Ordering::Equal => 0.0f64.partial_cmp(&(f - t)),
        o => Some(o),
    }
}

fn overflow() -> PyErr {
    PyErr::new(ExcKind::OverflowError, msg!("py-int-overflow"))
}

fn zero_div(text: &'static str) -> PyErr {
    PyErr::new(
        ExcKind::ZeroDivisionError,
        msg!("py-zero-division", what = text),
    )
}

/// Python's `divmod` of two floats (`float_divmod` in CPython): the floor quotient and the
/// remainder with the divisor's sign.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

fn int_pow(base: i64, exp: i64) -> PyResult<Value> {
    if exp < 0 {
        if base == 0 {
            return Err(zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::Float((base as f64).powf(exp as f64)));
    }
    let exp = u32::try_from(exp).map_err(|_| overflow())?;
    base.checked_pow(exp).map(Value::Int).ok_or_else(overflow)
}

fn float_pow(a: f64, b: f64) -> PyResult<Value> {
    if a == 0.0 && b < 0.0 {
        return Err(zero_div("0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
        return Err(value_error(msg!("py-complex-power")));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(PyErr::new(ExcKind::OverflowError, msg!("py-float-range")));
    }
    Ok(Value::Float(r))
}

/// Python's arithmetic on two Python numbers, `None` when either is not one.
pub fn number_binary(op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (as_number(a), as_number(b)) else {
        return Ok(None);
    };
    Ok(Some(match (x, y) {
        (Num::Int(x), Num::Int(y)) => match op {
            BinOp::Add => Value::Int(x.checked_add(y).ok_or_else(overflow)?),
            BinOp::Sub => Value::Int(x.checked_sub(y).ok_or_else(overflow)?),
            BinOp::Mul => Value::Int(x.checked_mul(y).ok_or_else(overflow)?),
            BinOp::Div => {
                if y == 0 {
                    return Err(zero_div("division by zero"));
                }
                Value::Float(x as f64 / y as f64)
            }
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(zero_div("integer division or modulo by zero"));
                }
                Value::Int(
                    x.checked_div_euclid(y)
                        .ok_or_else(overflow)
                        .map(|_| floor_div(x, y))?,
                )
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(zero_div("integer modulo by zero"));
                }
                Value::Int(x.wrapping_sub(floor_div(x, y).wrapping_mul(y)))
            }
            BinOp::Pow => int_pow(x, y)?,
            BinOp::MatMul => return Ok(None),
            BinOp::BitAnd => Value::Int(x & y),
            BinOp::BitOr => Value::Int(x | y),
            BinOp::BitXor => Value::Int(x ^ y),
            BinOp::LShift => {
                if y < 0 {
                    return Err(value_error(msg!("py-negative-shift")));
                }
                let r = if y >= 64 {
                    None
                } else {
                    x.checked_shl(y as u32).filter(|r| r >> y == x)
                };
                Value::Int(r.ok_or_else(overflow)?)
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(value_error(msg!("py-negative-shift")));
                }
                Value::Int(x >> y.min(63))
            }
        },
        (x, y) => {
            if matches!(
                op,
                BinOp::MatMul
                    | BinOp::BitAnd
                    | BinOp::BitOr
                    | BinOp::BitXor
                    | BinOp::LShift
                    | BinOp::RShift
            ) {
                return Ok(None);
            }
            let f = |n: Num| match n {
                Num::Int(i) => i as f64,
                Num::Float(f) => f,
            };
            let (x, y) = (f(x), f(y));
            Value::Float(match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => x * y,
                BinOp::Div => {
                    if y == 0.0 {
                        return Err(zero_div("float division by zero"));
                    }
                    x / y
                }
                BinOp::FloorDiv => {
                    if y == 0.0 {
                        return Err(zero_div("float floor division by zero"));
                    }
                    float_divmod(x, y).0
                }
                BinOp::Mod => {
                    if y == 0.0 {
                        return Err(zero_div("float modulo"));
                    }
                    float_divmod(x, y).1
                }
                BinOp::Pow => return float_pow(x, y).map(Some),
                _ => return Ok(None),
            })
        }
    }))
}

fn floor_div(x: i64, y: i64) -> i64 {
    let q = x.wrapping_div(y);
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

// ---- argument helpers ----

fn arity(name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len();
    if n < min || n > max {
        return Err(type_error(if min == max {
            msg!("py-arity-exact", name = name, expected = min, given = n)
        } else if n < min {
            msg!("py-arity-least", name = name, expected = min, given = n)
        } else {
            msg!("py-arity-most", name = name, expected = max, given = n)
        }));
    }
    Ok(())
}

fn no_kw(name: &str, args: &Args) -> PyResult<()> {
    match args.kw.first() {
        Some((k, _)) => Err(type_error(msg!(
            "py-unexpected-kw",
            name = name,
            arg = k.as_str()
        ))),
        None => Ok(()),
    }
}

fn iter_value(items: Vec<Value>) -> Value {
    Value::Iter(Rc::new(RefCell::new(IterState { items, next: 0 })))
}

// ---- the functions ----

fn print(it: &mut Interp, mut args: Args) -> PyResult<Value> {
    let sep = match args.take_kw("sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(v) => return Err(type_error(msg!("py-print-sep", kind = v.type_name()))),
    };
    let end = match args.take_kw("end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(v) => return Err(type_error(msg!("py-print-end", kind = v.type_name()))),
    };
    args.take_kw("flush");
    args.take_kw("file");
    no_kw("print", &args)?;
    let mut text = String::new();
    for (k, v) in args.pos.iter().enumerate() {
        if k > 0 {
            text.push_str(&sep);
        }
        text.push_str(&it.str_of(v)?);
    }
    text.push_str(&end);
    it.out
        .write_all(text.as_bytes())
        .and_then(|_| it.out.flush())
        .map_err(|e| PyErr::new(ExcKind::RuntimeError, msg!("py-text", text = e.to_string())))?;
    Ok(Value::None)
}

fn len(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("len", &args, 1, 1)?;
    let v = &args.pos[0];
    let n = match v {
        Value::Str(s) => strings::str_len(s),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.borrow().entries.len(),
        Value::DictView(v) => v.dict.borrow().entries.len(),
        Value::Range(r) => range_len(r.0, r.1, r.2),
        Value::Array(a) => array::len(a)?,
        Value::Instance(inst) => match it.class_attr(&inst.class, "__len__") {
            Some(f) => {
                let r = it.call(&f_bound(v, f), Args::default())?;
                return match r {
                    Value::Int(i) if i >= 0 => Ok(Value::Int(i)),
                    _ => Err(type_error(msg!("py-len-int"))),
                };
            }
            None => return Err(type_error(msg!("py-no-len", kind = v.type_name()))),
        },
        _ => return Err(type_error(msg!("py-no-len", kind = v.type_name()))),
    };
    Ok(Value::Int(n as i64))
}

fn f_bound(recv: &Value, f: Value) -> Value {
    match f {
        Value::Func(func) => Value::Method(Rc::new(crate::py::value::Method {
            receiver: recv.clone(),
            kind: crate::py::value::MethodKind::Func(func),
        })),
        other => other,
    }
}

fn int_arg(v: &Value, name: &str) -> PyResult<i64> {
    as_int(v).ok_or_else(|| type_error(msg!("py-int-arg", name = name, kind = v.type_name())))
}

fn range(_: &mut Interp, args: Args) -> PyResult<Value> {
    no_kw("range", &args)?;
    arity("range", &args, 1, 3)?;
    let n: Vec<i64> = args
        .pos
        .iter()
        .map(|v| int_arg(v, "range"))
        .collect::<PyResult<_>>()?;
    let (start, stop, step) = match n.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => unreachable!(),
    };
    if step == 0 {
        return Err(value_error(msg!("py-range-step")));
    }
    Ok(Value::Range(Rc::new((start, stop, step))))
}

fn str_(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("str", &args, 0, 1)?;
    match args.pos.first() {
        None => Ok(Value::str("")),
        Some(v) => Ok(Value::string(it.str_of(v)?)),
    }
}

fn repr(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("repr", &args, 1, 1)?;
    Ok(Value::string(it.repr_of(&args.pos[0])?))
}

fn int(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("int", &args, 0, 2)?;
    let Some(v) = args.pos.first() else {
        return Ok(Value::Int(0));
    };
    match v {
        Value::Int(_) => Ok(v.clone()),
        Value::Bool(b) | Value::NpBool(b) => Ok(Value::Int(i64::from(*b))),
        Value::NpInt(i) => Ok(Value::Int(*i)),
        Value::Float(x) | Value::NpFloat(x) => float_to_int(*x),
        Value::Str(s) => {
            let base = match args.pos.get(1) {
                Some(b) => int_arg(b, "int")?,
                None => 10,
            };
            parse_int(s, base)
        }
        Value::Array(a) if a.size() == 1 => {
            let x = a.to_vec()[0];
            float_to_int(x)
        }
        Value::Array(_) => Err(type_error(msg!("py-array-to-scalar"))),
        Value::Instance(_) => {
            let r = it.getattr(v, "__int__")?;
            it.call(&r, Args::default())
        }
        other => Err(type_error(msg!("py-int-from", kind = other.type_name()))),
    }
}

pub fn float_to_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(value_error(msg!("py-nan-to-int")));
    }
    if x.is_infinite() {
        return Err(PyErr::new(ExcKind::OverflowError, msg!("py-inf-to-int")));
    }
    let t = x.trunc();
    if t.abs() >= 9.223_372_036_854_776e18 {
        return Err(overflow());
    }
    Ok(Value::Int(t as i64))
}

fn parse_int(s: &str, base: i64) -> PyResult<Value> {
    let text = s.trim();
    let bad = || {
        value_error(msg!(
            "py-int-literal",
            base = base as u64,
            text = strings::str_repr(s)
        ))
    };
    let (neg, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__")
    {
        return Err(bad());
    }
    let radix = u32::try_from(base)
        .ok()
        .filter(|b| (2..=36).contains(b))
        .ok_or_else(bad)?;
    let magnitude = i128::from_str_radix(&clean, radix).map_err(|_| bad())?;
    let v = if neg { -magnitude } else { magnitude };
    i64::try_from(v).map(Value::Int).map_err(|_| overflow())
}

fn float(_: &mut Interp, args: Args) -> PyResult<Value> {
    arity("float", &args, 0, 1)?;
    let Some(v) = args.pos.first() else {
        return Ok(Value::Float(0.0));
    };
    match v {
        Value::Float(_) => Ok(v.clone()),
        Value::Int(i) | Value::NpInt(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) | Value::NpBool(b) => Ok(Value::Float(f64::from(u8::from(*b)))),
        Value::NpFloat(x) => Ok(Value::Float(*x)),
        Value::Str(s) => parse_float(s).map(Value::Float),
        Value::Array(a) if a.size() == 1 => Ok(Value::Float(a.to_vec()[0])),
        Value::Array(_) => Err(type_error(msg!("py-array-to-scalar"))),
        other => Err(type_error(msg!("py-float-from", kind = other.type_name()))),
    }
}

fn parse_float(s: &str) -> PyResult<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let sign = if lower.starts_with('-') { -1.0 } else { 1.0 };
    match body {
        "inf" | "infinity" => return Ok(sign * f64::INFINITY),
        "nan" => return Ok(f64::NAN),
        _ => {}
    }
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    let valid = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || "+-.eE_".contains(c))
        && !t.contains("__");
    match (valid, clean.parse::<f64>()) {
        (true, Ok(x)) => Ok(x),
        _ => Err(value_error(msg!(
            "py-float-literal",
            text = strings::str_repr(s)
        ))),
    }
}

fn bool_(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("bool", &args, 0, 1)?;
    match args.pos.first() {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(it.truthy(v)?)),
    }
}

fn abs(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("abs", &args, 1, 1)?;
    let v = &args.pos[0];
    match v {
        Value::Int(i) => i.checked_abs().map(Value::Int).ok_or_else(overflow),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(x) => Ok(Value::Float(x.abs())),
        Value::Array(_) | Value::NpFloat(_) | Value::NpInt(_) | Value::NpBool(_) => {
            let f = it.getattr(&numpy::numpy_module(), "abs")?;
            it.call(&f, Args::new(vec![v.clone()]))
        }
        Value::Instance(_) => {
            let f = it.getattr(v, "__abs__")?;
            it.call(&f, Args::default())
        }
        other => Err(type_error(msg!("py-bad-abs", kind = other.type_name()))),
    }
}

fn round(it: &mut Interp, mut args: Args) -> PyResult<Value> {
    let nd = args.take_kw("ndigits");
    no_kw("round", &args)?;
    arity("round", &args, 1, 2)?;
    let digits = match args.pos.get(1).or(nd.as_ref()) {
        None | Some(Value::None) => None,
        Some(d) => Some(int_arg(d, "round")?),
    };
    let v = &args.pos[0];
    match (v, digits) {
        (Value::Int(_), None) => Ok(v.clone()),
        (Value::Bool(b), None) => Ok(Value::Int(i64::from(*b))),
        (Value::Int(i), Some(d)) => {
            if d >= 0 {
                return Ok(Value::Int(*i));
            }
            let p = 10i64.checked_pow((-d) as u32).unwrap_or(i64::MAX);
            let (q, r) = (i.div_euclid(p), i.rem_euclid(p));
            let up = r * 2 > p || (r * 2 == p && q % 2 != 0);
            Ok(Value::Int((q + i64::from(up)) * p))
        }
        (Value::Float(x) | Value::NpFloat(x), None) => {
            let r = x.round_ties_even();
            float_to_int(r)
        }
        (Value::Float(x), Some(d)) => Ok(Value::Float(round_float(*x, d))),
        (Value::NpFloat(x), Some(d)) => Ok(Value::NpFloat(round_float(*x, d))),
        (Value::NpInt(i), _) => Ok(Value::Int(*i)),
        (Value::Array(_), _) => {
            let f = it.getattr(&numpy::numpy_module(), "round")?;
            let mut a = vec![v.clone()];
            if let Some(d) = digits {
                a.push(Value::Int(d));
            }
            it.call(&f, Args::new(a))
        }
        (other, _) => Err(type_error(msg!("py-bad-round", kind = other.type_name()))),
    }
}

/// Python's `round(x, n)`: the float nearest to the correctly rounded decimal.
fn round_float(x: f64, d: i64) -> f64 {
    if !x.is_finite() || d > 320 {
        return x;
    }
    if d >= 0 {
        format!("{:.*}", d as usize, x).parse().unwrap_or(x)
    } else {
        let p = 10f64.powi((-d).min(400) as i32);
        let y = (x / p).round_ties_even() * p;
        if y.is_finite() { y } else { 0.0 }
    }
}

fn min_max(it: &mut Interp, mut args: Args, name: &str, want: Ordering) -> PyResult<Value> {
    let key = args.take_kw("key");
    let default = args.take_kw("default");
    no_kw(name, &args)?;
    let items = match args.pos.len() {
        0 => return Err(type_error(msg!("py-minmax-empty-args", name = name))),
        1 => it.collect(&args.pos[0])?,
        _ => args.pos,
    };
    let mut best: Option<(Value, Value)> = None;
    for x in items {
        let k = match &key {
            Some(Value::None) | None => x.clone(),
            Some(f) => it.call(f, Args::new(vec![x.clone()]))?,
        };
        best = match best {
            None => Some((x, k)),
            Some((bx, bk)) => {
                if it.order(
                    &k,
                    &bk,
                    if want == Ordering::Less {
                        CmpOp::Lt
                    } else {
                        CmpOp::Gt
                    },
                )? == want
                {
                    Some((x, k))
                } else {
                    Some((bx, bk))
                }
            }
        };
    }
    match (best, default) {
        (Some((x, _)), _) => Ok(x),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(value_error(msg!("py-minmax-empty", name = name))),
    }
}

fn min(it: &mut Interp, args: Args) -> PyResult<Value> {
    min_max(it, args, "min", Ordering::Less)
}

fn max(it: &mut Interp, args: Args) -> PyResult<Value> {
    min_max(it, args, "max", Ordering::Greater)
}

fn sum(it: &mut Interp, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    no_kw("sum", &args)?;
    arity("sum", &args, 1, 2)?;
    let mut total = args.pos.get(1).cloned().or(start).unwrap_or(Value::Int(0));
    if let Value::Str(_) = total {
        return Err(type_error(msg!("py-sum-str")));
    }
    // One item at a time: a list of a million numbers is summed without a copy of it.
    let mut items = it.iter_of(&args.pos[0])?;
    while let Some(x) = it.next_item(&mut items)? {
        total = it.binary(BinOp::Add, &total, &x)?;
    }
    Ok(total)
}

fn enumerate(it: &mut Interp, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    no_kw("enumerate", &args)?;
    arity("enumerate", &args, 1, 2)?;
    let start = match args.pos.get(1).or(start.as_ref()) {
        Some(v) => int_arg(v, "enumerate")?,
        None => 0,
    };
    let items = it.collect(&args.pos[0])?;
    Ok(iter_value(
        items
            .into_iter()
            .enumerate()
            .map(|(k, x)| Value::tuple(vec![Value::Int(start + k as i64), x]))
            .collect(),
    ))
}

fn zip(it: &mut Interp, args: Args) -> PyResult<Value> {
    no_kw("zip", &args)?;
    let mut columns = Vec::new();
    for a in &args.pos {
        columns.push(it.collect(a)?);
    }
    let n = columns.iter().map(Vec::len).min().unwrap_or(0);
    Ok(iter_value(
        (0..n)
            .map(|k| Value::tuple(columns.iter().map(|c| c[k].clone()).collect()))
            .collect(),
    ))
}

fn list(it: &mut Interp, args: Args) -> PyResult<Value> {
    no_kw("list", &args)?;
    arity("list", &args, 0, 1)?;
    match args.pos.first() {
        None => Ok(Value::list(Vec::new())),
        Some(v) => Ok(Value::list(it.collect(v)?)),
    }
}

fn tuple(it: &mut Interp, args: Args) -> PyResult<Value> {
    no_kw("tuple", &args)?;
    arity("tuple", &args, 0, 1)?;
    match args.pos.first() {
        None => Ok(Value::tuple(Vec::new())),
        Some(Value::Tuple(t)) => Ok(Value::Tuple(t.clone())),
        Some(v) => Ok(Value::tuple(it.collect(v)?)),
    }
}

fn dict(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("dict", &args, 0, 1)?;
    let mut d = Dict::default();
    if let Some(src) = args.pos.first() {
        match src {
            Value::Dict(x) => d = x.borrow().clone(),
            other => {
                for item in it.collect(other)? {
                    let pair = it.collect(&item)?;
                    let [k, v]: [Value; 2] = pair.try_into().map_err(|p: Vec<Value>| {
                        value_error(msg!("py-dict-pair", got = p.len()))
                    })?;
                    dict_set(&mut d, k, v)?;
                }
            }
        }
    }
    for (k, v) in args.kw {
        dict_set(&mut d, Value::str(&k), v)?;
    }
    Ok(Value::dict(d))
}

/// A stable sort whose comparison may fail: Python's `sorted` and `list.sort`.
fn sort_values(
    it: &mut Interp,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let mut keyed = Vec::with_capacity(items.len());
    for x in items {
        let k = match key {
            Some(Value::None) | None => x.clone(),
            Some(f) => it.call(f, Args::new(vec![x.clone()]))?,
        };
        keyed.push((k, x));
    }
    let mut failure = None;
    keyed.sort_by(|a, b| {
        if failure.is_some() {
            return Ordering::Equal;
        }
        let r = it.order(&a.0, &b.0, CmpOp::Lt);
        match r {
            Ok(o) => {
                if reverse {
                    o.reverse()
                } else {
                    o
                }
            }
            Err(e) => {
                failure = Some(e);
                Ordering::Equal
            }
        }
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(keyed.into_iter().map(|(_, x)| x).collect()),
    }
}

fn sorted(it: &mut Interp, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key");
    let reverse = match args.take_kw("reverse") {
        Some(v) => it.truthy(&v)?,
        None => false,
    };
    no_kw("sorted", &args)?;
    arity("sorted", &args, 1, 1)?;
    let items = it.collect(&args.pos[0])?;
    Ok(Value::list(sort_values(it, items, key.as_ref(), reverse)?))
}

fn reversed(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("reversed", &args, 1, 1)?;
    let mut items = it.collect(&args.pos[0])?;
    items.reverse();
    Ok(iter_value(items))
}

/// Whether `v` is an instance of the type `t` names.
fn instance_of(v: &Value, t: &Value) -> PyResult<bool> {
    Ok(match t {
        Value::Tuple(ts) => {
            for t in ts.iter() {
                if instance_of(v, t)? {
                    return Ok(true);
                }
            }
            false
        }
        Value::Builtin(b) => match b.name {
            "int" => matches!(v, Value::Int(_) | Value::Bool(_)),
            "float" => matches!(v, Value::Float(_) | Value::NpFloat(_)),
            "str" => matches!(v, Value::Str(_)),
            "bool" => matches!(v, Value::Bool(_)),
            "list" => matches!(v, Value::List(_)),
            "tuple" => matches!(v, Value::Tuple(_)),
            "dict" | "OrderedDict" => matches!(v, Value::Dict(_)),
            "object" => true,
            "ndarray" => matches!(v, Value::Array(_)),
            _ => return Err(type_error(msg!("py-isinstance-arg"))),
        },
        Value::Class(c) => match v {
            Value::Instance(inst) => class_derives(&inst.class, c),
            _ => false,
        },
        Value::ExcClass(k) => matches!(v, Value::Exception(e) if k.catches(e.kind)),
        Value::DType(d) => matches!(
            (v, d),
            (Value::NpFloat(_), DType::Float64)
                | (Value::NpInt(_), DType::Int64)
                | (Value::NpBool(_), DType::Bool)
        ),
        _ => return Err(type_error(msg!("py-isinstance-arg"))),
    })
}

fn class_derives(c: &Rc<crate::py::value::Class>, base: &Rc<crate::py::value::Class>) -> bool {
    Rc::ptr_eq(c, base) || c.bases.iter().any(|b| class_derives(b, base))
}

fn isinstance(_: &mut Interp, args: Args) -> PyResult<Value> {
    arity("isinstance", &args, 2, 2)?;
    Ok(Value::Bool(instance_of(&args.pos[0], &args.pos[1])?))
}

fn type_(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("type", &args, 1, 1)?;
    let v = &args.pos[0];
    Ok(match v {
        Value::Instance(inst) => Value::Class(inst.class.clone()),
        Value::Exception(e) => Value::ExcClass(e.kind),
        Value::NpFloat(_) => Value::DType(DType::Float64),
        Value::NpInt(_) => Value::DType(DType::Int64),
        Value::NpBool(_) => Value::DType(DType::Bool),
        _ => {
            let name = match v {
                Value::Bool(_) => "bool",
                Value::Int(_) => "int",
                Value::Float(_) => "float",
                Value::Str(_) => "str",
                Value::List(_) => "list",
                Value::Tuple(_) => "tuple",
                Value::Dict(_) => "dict",
                Value::Range(..) => "range",
                _ => "",
            };
            match it.builtins.get(name) {
                Some(t) => t.clone(),
                None => Value::str(&format!("<class '{}'>", v.type_name())),
            }
        }
    })
}

fn attr_name(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(type_error(msg!("py-attr-name", kind = other.type_name()))),
    }
}

fn hasattr(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("hasattr", &args, 2, 2)?;
    let name = attr_name(&args.pos[1])?;
    match it.getattr(&args.pos[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.kind == ExcKind::AttributeError => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("getattr", &args, 2, 3)?;
    let name = attr_name(&args.pos[1])?;
    match (it.getattr(&args.pos[0], &name), args.pos.get(2)) {
        (Ok(v), _) => Ok(v),
        (Err(e), Some(d)) if e.kind == ExcKind::AttributeError => Ok(d.clone()),
        (Err(e), _) => Err(e),
    }
}

fn setattr(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("setattr", &args, 3, 3)?;
    let name = attr_name(&args.pos[1])?;
    it.setattr(&args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn iter(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("iter", &args, 1, 1)?;
    match &args.pos[0] {
        Value::Iter(_) => Ok(args.pos[0].clone()),
        v => Ok(iter_value(it.collect(v)?)),
    }
}

fn next(_: &mut Interp, args: Args) -> PyResult<Value> {
    arity("next", &args, 1, 2)?;
    match &args.pos[0] {
        Value::Iter(state) => {
            let mut s = state.borrow_mut();
            match s.items.get(s.next).cloned() {
                Some(v) => {
                    s.next += 1;
                    Ok(v)
                }
                None => {
                    args.pos.get(1).cloned().ok_or_else(|| {
                        PyErr::new(ExcKind::StopIteration, msg!("py-text", text = ""))
                    })
                }
            }
        }
        other => Err(type_error(msg!(
            "py-not-iterator",
            kind = other.type_name()
        ))),
    }
}

fn map(it: &mut Interp, args: Args) -> PyResult<Value> {
    no_kw("map", &args)?;
    if args.pos.len() < 2 {
        return Err(type_error(msg!("py-map-args")));
    }
    let f = args.pos[0].clone();
    let mut columns = Vec::new();
    for a in &args.pos[1..] {
        columns.push(it.collect(a)?);
    }
    let n = columns.iter().map(Vec::len).min().unwrap_or(0);
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let call_args = columns.iter().map(|c| c[k].clone()).collect();
        out.push(it.call(&f, Args::new(call_args))?);
    }
    Ok(iter_value(out))
}

fn filter(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("filter", &args, 2, 2)?;
    let items = it.collect(&args.pos[1])?;
    let mut out = Vec::new();
    for x in items {
        let keep = match &args.pos[0] {
            Value::None => it.truthy(&x)?,
            f => {
                let r = it.call(f, Args::new(vec![x.clone()]))?;
                it.truthy(&r)?
            }
        };
        if keep {
            out.push(x);
        }
    }
    Ok(iter_value(out))
}

fn any(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("any", &args, 1, 1)?;
    for x in it.collect(&args.pos[0])? {
        if it.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("all", &args, 1, 1)?;
    for x in it.collect(&args.pos[0])? {
        if !it.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn divmod(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("divmod", &args, 2, 2)?;
    let q = it.binary(BinOp::FloorDiv, &args.pos[0], &args.pos[1])?;
    let r = it.binary(BinOp::Mod, &args.pos[0], &args.pos[1])?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("pow", &args, 2, 2)?;
    it.binary(BinOp::Pow, &args.pos[0], &args.pos[1])
}

fn format_(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("format", &args, 1, 2)?;
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => return Err(type_error(msg!("py-format-spec", kind = other.type_name()))),
        None => String::new(),
    };
    Ok(Value::str(&it.format(&args.pos[0], &spec)?))
}

fn chr(_: &mut Interp, args: Args) -> PyResult<Value> {
    arity("chr", &args, 1, 1)?;
    let i = int_arg(&args.pos[0], "chr")?;
    u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
        .ok_or_else(|| value_error(msg!("py-chr-range")))
}

fn ord(_: &mut Interp, args: Args) -> PyResult<Value> {
    arity("ord", &args, 1, 1)?;
    match &args.pos[0] {
        Value::Str(s) if s.chars().count() == 1 => {
            Ok(Value::Int(s.chars().next().map_or(0, |c| c as i64)))
        }
        Value::Str(s) => Err(type_error(msg!("py-ord-len", count = s.chars().count()))),
        other => Err(type_error(msg!("py-ord-type", kind = other.type_name()))),
    }
}

fn id(_: &mut Interp, args: Args) -> PyResult<Value> {
    arity("id", &args, 1, 1)?;
    let key = hash_key(&args.pos[0]).ok();
    let n = match (&args.pos[0], key) {
        (Value::List(l), _) => Rc::as_ptr(l) as usize,
        (Value::Dict(d), _) => Rc::as_ptr(d) as usize,
        (Value::Array(a), _) => Rc::as_ptr(a) as usize,
        (_, Some(crate::py::value::HashKey::Ptr(p))) => p,
        (_, Some(k)) => {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            k.hash(&mut h);
            h.finish() as usize
        }
        _ => 0,
    };
    Ok(Value::Int((n >> 1) as i64))
}

fn callable(_: &mut Interp, args: Args) -> PyResult<Value> {
    arity("callable", &args, 1, 1)?;
    Ok(Value::Bool(matches!(
        args.pos[0],
        Value::Func(_)
            | Value::Builtin(_)
            | Value::Method(_)
            | Value::Class(_)
            | Value::ExcClass(_)
            | Value::DType(_)
    )))
}

fn object(_: &mut Interp, args: Args) -> PyResult<Value> {
    arity("object", &args, 0, 0)?;
    Ok(Value::Instance(Rc::new(crate::py::value::Instance {
        class: Rc::new(crate::py::value::Class {
            name: "object".into(),
            attrs: RefCell::new(Default::default()),
            bases: Vec::new(),
        }),
        attrs: RefCell::new(Vec::new()),
    })))
}

fn vars(it: &mut Interp, args: Args) -> PyResult<Value> {
    arity("vars", &args, 1, 1)?;
    it.getattr(&args.pos[0], "__dict__")
}

// ---- math ----

fn math_arg(args: &Args, name: &str) -> PyResult<f64> {
    arity(name, args, 1, 1)?;
    match &args.pos[0] {
        Value::Int(i) | Value::NpInt(i) => Ok(*i as f64),
        Value::Bool(b) | Value::NpBool(b) => Ok(f64::from(u8::from(*b))),
        Value::Float(x) | Value::NpFloat(x) => Ok(*x),
        other => Err(type_error(msg!("py-math-arg", kind = other.type_name()))),
    }
}

fn math_domain(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        Err(value_error(msg!("py-math-domain")))
    } else {
        Ok(Value::Float(x))
    }
}

fn math_sqrt(_: &mut Interp, args: Args) -> PyResult<Value> {
    let x = math_arg(&args, "sqrt")?;
    if x < 0.0 {
        Err(value_error(msg!("py-math-domain")))
    } else {
        Ok(Value::Float(x.sqrt()))
    }
}

fn math_exp(_: &mut Interp, args: Args) -> PyResult<Value> {
    let r = math_arg(&args, "exp")?.exp();
    if r.is_infinite() {
        return Err(PyErr::new(ExcKind::OverflowError, msg!("py-math-range")));
    }
    Ok(Value::Float(r))
}

fn math_log(_: &mut Interp, args: Args) -> PyResult<Value> {
    let x = math_arg(&args, "log")?;
    if x <= 0.0 {
        return Err(value_error(msg!("py-math-domain")));
    }
    math_domain(x.ln())
}

fn math_tanh(_: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Float(math_arg(&args, "tanh")?.tanh()))
}

fn math_floor(_: &mut Interp, args: Args) -> PyResult<Value> {
    float_to_int(math_arg(&args, "floor")?.floor())
}

fn math_ceil(_: &mut Interp, args: Args) -> PyResult<Value> {
    float_to_int(math_arg(&args, "ceil")?.ceil())
}

fn math_fabs(_: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Float(math_arg(&args, "fabs")?.abs()))
}

fn math_isnan(_: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(math_arg(&args, "isnan")?.is_nan()))
}

fn math_isclose(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let rel = args.take_kw("rel_tol");
    let abs_tol = args.take_kw("abs_tol");
    arity("isclose", &args, 2, 2)?;
    let a = math_arg(&Args::new(vec![args.pos[0].clone()]), "isclose")?;
    let b = math_arg(&Args::new(vec![args.pos[1].clone()]), "isclose")?;
    let num = |v: Option<Value>, d: f64| match v {
        Some(v) => math_arg(&Args::new(vec![v]), "isclose"),
        None => Ok(d),
    };
    let rel = num(rel, 1e-9)?;
    let abs_tol = num(abs_tol, 0.0)?;
    let close = a == b || (a - b).abs() <= (rel * b.abs()).max(rel * a.abs()).max(abs_tol);
    Ok(Value::Bool(close))
}

// ---- dataset.digits ----

fn load_digits(it: &mut Interp, mut args: Args) -> PyResult<Value> {
    let mut flag = |it: &mut Interp, name: &str, default: bool| -> PyResult<bool> {
        match args.take_kw(name) {
            Some(v) => it.truthy(&v),
            None => Ok(default),
        }
    };
    let normalize = flag(it, "normalize", true)?;
    let flatten = flag(it, "flatten", true)?;
    let one_hot = flag(it, "one_hot_label", false)?;
    no_kw("load_digits", &args)?;
    arity("load_digits", &args, 0, 0)?;
    let d = crate::engine::digits::load();
    let images = |x: ndarray::ArrayD<f64>| {
        let n = x.shape()[0];
        let (data, dtype) = if normalize {
            (x, DType::Float64)
        } else {
            (x.mapv(|v| (v * 16.0).round()), DType::Int64)
        };
        let mut a = ArrayObj::from_ndarray(data, dtype);
        if !flatten {
            a = ArrayObj::from_vec(a.to_vec(), vec![n, 1, 8, 8], dtype);
        }
        Value::array(a)
    };
    let labels = |t: ndarray::ArrayD<f64>| {
        if one_hot {
            Value::array(ArrayObj::from_ndarray(t, DType::Float64))
        } else {
            let n = t.shape()[0];
            let idx: Vec<f64> = t
                .outer_iter()
                .map(|row| row.iter().position(|&v| v == 1.0).unwrap_or(0) as f64)
                .collect();
            Value::array(ArrayObj::from_vec(idx, vec![n], DType::Int64))
        }
    };
    Ok(Value::tuple(vec![
        Value::tuple(vec![images(d.x_train), labels(d.t_train)]),
        Value::tuple(vec![images(d.x_test), labels(d.t_test)]),
    ]))
}

// ---- methods of lists, dicts and tuples ----

const LIST_METHODS: &[&str] = &[
    "append", "pop", "reverse", "extend", "insert", "remove", "index", "count", "sort", "copy",
    "clear",
];
const DICT_METHODS: &[&str] = &[
    "keys",
    "values",
    "items",
    "get",
    "pop",
    "setdefault",
    "update",
    "copy",
    "clear",
];
const TUPLE_METHODS: &[&str] = &["index", "count"];

/// The methods of a built-in type, by the type's name (`list`, `dict`, `tuple`, `str`).
pub fn type_methods(type_name: &str) -> &'static [&'static str] {
    match type_name {
        "list" => LIST_METHODS,
        "dict" => DICT_METHODS,
        "tuple" => TUPLE_METHODS,
        "str" => strings::STR_METHODS,
        _ => &[],
    }
}

pub fn has_method(v: &Value, name: &str) -> bool {
    match v {
        Value::List(_) => LIST_METHODS.contains(&name),
        Value::Dict(_) => DICT_METHODS.contains(&name),
        Value::Tuple(_) => TUPLE_METHODS.contains(&name),
        Value::Float(_) => name == "is_integer",
        _ => false,
    }
}

/// A live view of `d`: `d.keys()`, `d.values()`, `d.items()`.
fn dict_view(d: &Rc<RefCell<Dict>>, kind: ViewKind) -> Value {
    Value::DictView(Rc::new(crate::py::value::DictViewOf {
        dict: d.clone(),
        kind,
    }))
}

/// `list.append(x)`, or a `MemoryError` when the list cannot grow.
pub fn list_append(list: &RefCell<Vec<Value>>, x: Value) -> PyResult<Value> {
    let mut items = list.borrow_mut();
    grow(&mut items)?;
    items.push(x);
    Ok(Value::None)
}

pub fn call_method(it: &mut Interp, recv: &Value, name: &str, mut args: Args) -> PyResult<Value> {
    match recv {
        Value::List(l) => {
            let qual = format!("list.{name}");
            match name {
                "append" => {
                    arity(&qual, &args, 1, 1)?;
                    list_append(l, args.pos.remove(0))
                }
                "extend" => {
                    arity(&qual, &args, 1, 1)?;
                    let items = it.collect(&args.pos[0])?;
                    l.borrow_mut().extend(items);
                    Ok(Value::None)
                }
                "insert" => {
                    arity(&qual, &args, 2, 2)?;
                    let i = int_arg(&args.pos[0], "insert")?;
                    let mut l = l.borrow_mut();
                    let n = l.len() as i64;
                    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
                    l.insert(at, args.pos[1].clone());
                    Ok(Value::None)
                }
                "pop" => {
                    arity(&qual, &args, 0, 1)?;
                    let mut l = l.borrow_mut();
                    if l.is_empty() {
                        return Err(PyErr::new(ExcKind::IndexError, msg!("py-pop-empty")));
                    }
                    let n = l.len() as i64;
                    let i = match args.pos.first() {
                        Some(v) => int_arg(v, "pop")?,
                        None => -1,
                    };
                    let at = if i < 0 { i + n } else { i };
                    if at < 0 || at >= n {
                        return Err(PyErr::new(ExcKind::IndexError, msg!("py-pop-range")));
                    }
                    Ok(l.remove(at as usize))
                }
                "reverse" => {
                    arity(&qual, &args, 0, 0)?;
                    l.borrow_mut().reverse();
                    Ok(Value::None)
                }
                "remove" | "index" | "count" => {
                    arity(&qual, &args, 1, 1)?;
                    let items = l.borrow().clone();
                    let mut found = Vec::new();
                    for (k, x) in items.iter().enumerate() {
                        if it.equal(x, &args.pos[0])? {
                            found.push(k);
                        }
                    }
                    match name {
                        "count" => Ok(Value::Int(found.len() as i64)),
                        "index" => found
                            .first()
                            .map(|&k| Value::Int(k as i64))
                            .ok_or_else(|| value_error(msg!("py-not-in-list"))),
                        _ => match found.first() {
                            Some(&k) => {
                                l.borrow_mut().remove(k);
                                Ok(Value::None)
                            }
                            None => Err(value_error(msg!("py-remove-missing"))),
                        },
                    }
                }
                "sort" => {
                    let key = args.take_kw("key");
                    let reverse = match args.take_kw("reverse") {
                        Some(v) => it.truthy(&v)?,
                        None => false,
                    };
                    no_kw(&qual, &args)?;
                    arity(&qual, &args, 0, 0)?;
                    let items = l.borrow().clone();
                    let sorted = sort_values(it, items, key.as_ref(), reverse)?;
                    *l.borrow_mut() = sorted;
                    Ok(Value::None)
                }
                "copy" => Ok(Value::list(l.borrow().clone())),
                "clear" => {
                    l.borrow_mut().clear();
                    Ok(Value::None)
                }
                _ => Err(no_attr(recv, name)),
            }
        }
        Value::Dict(d) => {
            let qual = format!("dict.{name}");
            match name {
                "keys" => Ok(dict_view(d, ViewKind::Keys)),
                "values" => Ok(dict_view(d, ViewKind::Values)),
                "items" => Ok(dict_view(d, ViewKind::Items)),
                "get" => {
                    arity(&qual, &args, 1, 2)?;
                    let key = hash_key(&args.pos[0])?;
                    let d = d.borrow();
                    Ok(match d.index.get(&key) {
                        Some(&at) => d.entries[at].1.clone(),
                        None => args.pos.get(1).cloned().unwrap_or(Value::None),
                    })
                }
                "setdefault" => {
                    arity(&qual, &args, 1, 2)?;
                    let key = hash_key(&args.pos[0])?;
                    let existing = {
                        let d = d.borrow();
                        d.index.get(&key).map(|&at| d.entries[at].1.clone())
                    };
                    match existing {
                        Some(v) => Ok(v),
                        None => {
                            let v = args.pos.get(1).cloned().unwrap_or(Value::None);
                            dict_set(&mut d.borrow_mut(), args.pos[0].clone(), v.clone())?;
                            Ok(v)
                        }
                    }
                }
                "pop" => {
                    arity(&qual, &args, 1, 2)?;
                    let key = hash_key(&args.pos[0])?;
                    let removed = d.borrow_mut().remove(&key);
                    match (removed, args.pos.get(1)) {
                        (Some(v), _) => Ok(v),
                        (None, Some(default)) => Ok(default.clone()),
                        (None, None) => {
                            let text = it.repr_of(&args.pos[0])?;
                            Err(PyErr::new(ExcKind::KeyError, msg!("py-text", text = text)))
                        }
                    }
                }
                "update" => {
                    arity(&qual, &args, 0, 1)?;
                    let other = dict(it, args)?;
                    if let Value::Dict(o) = other {
                        let entries = o.borrow().entries.clone();
                        let mut dd = d.borrow_mut();
                        for (k, v) in entries {
                            dict_set(&mut dd, k, v)?;
                        }
                    }
                    Ok(Value::None)
                }
                "copy" => Ok(Value::dict(d.borrow().clone())),
                "clear" => {
                    *d.borrow_mut() = Dict::default();
                    Ok(Value::None)
                }
                _ => Err(no_attr(recv, name)),
            }
        }
        Value::Tuple(t) => {
            arity(&format!("tuple.{name}"), &args, 1, 1)?;
            let mut found = Vec::new();
            for (k, x) in t.iter().enumerate() {
                if it.equal(x, &args.pos[0])? {
                    found.push(k);
                }
            }
            match name {
                "count" => Ok(Value::Int(found.len() as i64)),
                _ => found
                    .first()
                    .map(|&k| Value::Int(k as i64))
                    .ok_or_else(|| value_error(msg!("py-not-in-tuple"))),
            }
        }
        Value::Float(x) if name == "is_integer" => {
            Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
        }
        _ => Err(no_attr(recv, name)),
    }
}

fn no_attr(v: &Value, name: &str) -> PyErr {
    PyErr::new(
        ExcKind::AttributeError,
        msg!("py-no-attr", kind = v.type_name(), name = name),
    )
}
