//! `check` on the learner's layers: each layer on its own, its `backward` against central
//! differences of its `forward`, with the object's attributes put back afterwards. A mismatch
//! names the class, the input (by `forward`'s parameter name), the largest difference and where
//! it is, and, where the numbers show a pattern (a constant factor, the batch size, a flipped
//! sign, swapped inputs, zeros from a mask), says it in words.

use std::collections::HashMap;
use std::rc::Rc;

use crate::engine::gradcheck::{H, TOLERANCE};
use crate::engine::random::Rng;
use crate::i18n::Message;
use crate::msg;
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::learner::{call_method, copy_of, fit, params_of, shape_of, split_result};
use crate::py::tape::{Input, Slot, differentiable};
use crate::py::value::{Args, ArrayObj, DType, Instance, Interp, Value, to_array};

/// Elements of one input compared at most; more are sampled.
pub const SAMPLE: usize = 40;

/// One input's (or parameter's) grade.
pub struct Row {
    pub class: String,
    pub name: String,
    pub max_diff: f64,
    pub at: Vec<usize>,
    pub ok: bool,
    pub sampled: Option<(usize, usize)>,
    /// Why it failed, in words: an error, or the pattern the numbers show.
    pub notes: Vec<Message>,
}

/// What a layer is graded on: the object, the arguments of one call and which are inputs.
pub struct Case {
    pub object: Rc<Instance>,
    pub args: Args,
    pub inputs: Vec<Input>,
}

/// A number or an array's values, in C order.
pub fn values(v: &Value) -> Vec<f64> {
    match v {
        Value::Array(a) => a.to_vec(),
        Value::Int(i) | Value::NpInt(i) => vec![*i as f64],
        Value::Float(x) | Value::NpFloat(x) => vec![*x],
        Value::Bool(b) | Value::NpBool(b) => vec![f64::from(u8::from(*b))],
        _ => Vec::new(),
    }
}

fn unravel(mut k: usize, shape: &[usize]) -> Vec<usize> {
    let mut at = vec![0; shape.len()];
    for (i, &d) in shape.iter().enumerate().rev() {
        if d > 0 {
            at[i] = k % d;
            k /= d;
        }
    }
    at
}

/// `v` with element `k` moved by `by`, as a new float value.
fn nudged(v: &Value, k: usize, by: f64) -> Value {
    match v {
        Value::Array(a) => {
            let mut data = a.to_vec();
            data[k] += by;
            Value::array(ArrayObj::from_vec(data, a.shape.clone(), DType::Float64))
        }
        v => Value::Float(values(v).first().copied().unwrap_or(0.0) + by),
    }
}

fn with_slot(args: &Args, slot: &Slot, v: Value) -> Args {
    let mut out = args.clone();
    match slot {
        Slot::Pos(i) => out.pos[*i] = v,
        Slot::Kw(k) => {
            if let Some(x) = out.kw.iter_mut().find(|(n, _)| n == k) {
                x.1 = v;
            }
        }
    }
    out
}

fn copied_args(args: &Args) -> Args {
    Args {
        pos: args.pos.iter().map(copy_of).collect(),
        kw: args
            .kw
            .iter()
            .map(|(k, v)| (k.clone(), copy_of(v)))
            .collect(),
    }
}

/// `object.forward(args)` on copies of the arrays, so that forward cannot change ours.
fn forward(interp: &mut Interp, object: &Rc<Instance>, args: &Args) -> PyResult<Value> {
    let args = copied_args(args);
    let f = interp.getattr(&Value::Instance(object.clone()), "forward")?;
    interp.call(&f, args)
}

/// `sum(forward(args) * dout)`.
fn objective(
    interp: &mut Interp,
    object: &Rc<Instance>,
    args: &Args,
    dout: &[f64],
) -> PyResult<f64> {
    let y = forward(interp, object, args)?;
    Ok(values(&y).iter().zip(dout).map(|(a, b)| a * b).sum())
}

/// The positions compared in an array of `size` elements: all, or `sample` drawn.
fn positions(size: usize, sample: usize, rng: &mut Rng) -> Vec<usize> {
    if size <= sample {
        return (0..size).collect();
    }
    let mut p: Vec<usize> = rng
        .choice(size as u64, sample)
        .into_iter()
        .map(|x| x as usize)
        .collect();
    p.sort_unstable();
    p.dedup();
    p
}

/// The object's attributes, with a copy of each array's values, to put back after a check.
struct Snapshot {
    attrs: Vec<(String, Value)>,
    arrays: Vec<Saved>,
}

/// An array attribute before a check: its values, and its whole buffer with that buffer's
/// version.
struct Saved {
    array: Rc<ArrayObj>,
    values: Vec<f64>,
    buffer: Vec<u64>,
    version: u64,
}

/// The bits of every element of a buffer.
fn buffer_bits(a: &ArrayObj) -> Vec<u64> {
    a.buf.borrow().iter().map(|x| x.to_bits()).collect()
}

fn snapshot(object: &Instance) -> Snapshot {
    let attrs = object.attrs.borrow().clone();
    let arrays = attrs
        .iter()
        .filter_map(|(_, v)| match v {
            Value::Array(a) => Some(Saved {
                array: a.clone(),
                values: a.to_vec(),
                buffer: buffer_bits(a),
                version: a.buf.version(),
            }),
            _ => None,
        })
        .collect();
    Snapshot { attrs, arrays }
}

/// Puts the attributes and the arrays' values back. A buffer left as it was, bit for bit, gets
/// its version back too: a check's nudges are no change in place for a later `back`.
fn restore(object: &Instance, s: Snapshot) {
    *object.attrs.borrow_mut() = s.attrs;
    for saved in s.arrays {
        write_all(&saved.array, &saved.values);
        if buffer_bits(&saved.array) == saved.buffer {
            saved.array.buf.restore_version(saved.version);
        }
    }
}

/// Writes `data` (in C order) into the elements of the view `a`.
fn write_all(a: &ArrayObj, data: &[f64]) {
    let mut offsets = Vec::with_capacity(a.size());
    crate::py::value::for_each_offset(&a.shape, &a.strides, a.offset, &mut |o| offsets.push(o));
    let mut buf = a.buf.borrow_mut();
    for (o, v) in offsets.into_iter().zip(data) {
        if let Some(slot) = buf.get_mut(o) {
            *slot = *v;
        }
    }
}

/// Sets element `k` (in C order) of the view `a`, in its buffer.
pub fn set_element(a: &ArrayObj, k: usize, v: f64) {
    let at = unravel(k, &a.shape);
    let offset = at
        .iter()
        .zip(&a.strides)
        .fold(a.offset as isize, |o, (&i, &s)| o + i as isize * s);
    if let Ok(offset) = usize::try_from(offset)
        && let Some(slot) = a.buf.borrow_mut().get_mut(offset)
    {
        *slot = v;
    }
}

/// An error while grading, as a note: its kind and message, and for a missing cache a hint.
fn error_note(e: &PyErr) -> Vec<Message> {
    let mut notes = vec![msg!(
        "lr-check-error",
        kind = e.kind.name(),
        message = e.message.clone()
    )];
    let text = crate::i18n::Lang::En.say(&e.message);
    if e.kind == ExcKind::AttributeError || text.contains("NoneType") {
        notes.push(msg!("lr-hint-cache"));
    }
    notes
}

/// Grades one layer on `case`. The object's attributes are as they were afterwards.
pub fn grade(interp: &mut Interp, case: &Case, sample: usize) -> Vec<Row> {
    let class = case.object.class.name.clone();
    let saved = snapshot(&case.object);
    let was_paused = interp.tape.paused;
    interp.tape.paused = true;
    let rows = grade_inner(interp, case, sample, &class);
    interp.tape.paused = was_paused;
    restore(&case.object, saved);
    rows
}

/// A row for a check that could not run: the error, in words.
pub fn error_row(name: &str, e: &PyErr) -> Row {
    failed("", name, error_note(e))
}

fn failed(class: &str, name: &str, notes: Vec<Message>) -> Row {
    Row {
        class: class.to_string(),
        name: name.to_string(),
        max_diff: f64::NAN,
        at: Vec::new(),
        ok: false,
        sampled: None,
        notes,
    }
}

/// Backward's gradient of an input as numbers, or why there is none.
type Graded = Result<Vec<f64>, Vec<Message>>;

/// The central differences of one input: its name, shape, the positions taken and the values.
struct Numeric {
    name: String,
    shape: Vec<usize>,
    pos: Vec<usize>,
    num: Vec<f64>,
}

fn grade_inner(interp: &mut Interp, case: &Case, sample: usize, class: &str) -> Vec<Row> {
    let mut rng = Rng::new(20);
    let graded: Vec<&Input> = case.inputs.iter().filter(|i| i.param != "t").collect();
    let all_failed = |notes: Vec<Message>| -> Vec<Row> {
        graded
            .iter()
            .map(|i| failed(class, &i.param, notes.clone()))
            .collect()
    };
    let y = match forward(interp, &case.object, &case.args) {
        Ok(y) => y,
        Err(e) => return all_failed(error_note(&e)),
    };
    let dout_values: Vec<f64> = match &y {
        Value::Array(a) => (0..a.size()).map(|_| rng.next_normal()).collect(),
        _ => vec![1.0],
    };
    let dout = match &y {
        Value::Array(a) => Value::array(ArrayObj::from_vec(
            dout_values.clone(),
            a.shape.clone(),
            DType::Float64,
        )),
        _ => Value::Int(1),
    };
    let result = call_method(interp, &case.object, "backward", vec![copy_of(&dout)])
        .and_then(|r| split_result(class, &case.inputs, r));
    let split = match result {
        Ok(s) => s,
        Err(e) => return all_failed(error_note(&e)),
    };
    // Backward's gradient of each graded input, fitted to its shape.
    let mut analytic: Vec<(String, Graded)> = Vec::new();
    for (input, g) in case.inputs.iter().zip(split) {
        if input.param == "t" {
            continue;
        }
        let got = match g {
            None => Err(vec![msg!(
                "lr-no-grad",
                class = class,
                param = input.param.as_str()
            )]),
            Some(g) => fit(class, input, g)
                .map(|(g, _)| values(&g))
                .map_err(|e| error_note(&e)),
        };
        analytic.push((input.param.clone(), got));
    }
    let params = params_of(class, &case.object, &case.inputs);
    let mut rows = Vec::new();
    // The same positions for inputs of one shape, so that swapped gradients show.
    let mut picked: HashMap<Vec<usize>, Vec<usize>> = HashMap::new();
    let mut numeric: Vec<Numeric> = Vec::new();
    for input in &graded {
        let shape = shape_of(&input.value);
        let size = shape.iter().product::<usize>().max(1);
        let pos = picked
            .entry(shape.clone())
            .or_insert_with(|| positions(size, sample, &mut rng))
            .clone();
        let mut num = Vec::with_capacity(pos.len());
        for &k in &pos {
            let up = with_slot(&case.args, &input.slot, nudged(&input.value, k, H));
            let down = with_slot(&case.args, &input.slot, nudged(&input.value, k, -H));
            let f = objective(interp, &case.object, &up, &dout_values).and_then(|a| {
                objective(interp, &case.object, &down, &dout_values).map(|b| (a - b) / (2.0 * H))
            });
            match f {
                Ok(v) => num.push(v),
                Err(e) => {
                    num.clear();
                    rows.push(failed(class, &input.param, error_note(&e)));
                    break;
                }
            }
        }
        if num.len() == pos.len() {
            numeric.push(Numeric {
                name: input.param.clone(),
                shape,
                pos,
                num,
            });
        }
    }
    for Numeric {
        name,
        shape,
        pos,
        num,
    } in &numeric
    {
        let size = shape.iter().product::<usize>().max(1);
        let Some((_, got)) = analytic.iter().find(|(n, _)| n == name) else {
            continue;
        };
        let ana = match got {
            Ok(a) => a,
            Err(notes) => {
                rows.push(failed(class, name, notes.clone()));
                continue;
            }
        };
        let mut row = compare(class, name, shape, pos, num, ana, size);
        if !row.ok {
            row.notes
                .extend(patterns(pos, num, ana, batch(&case.inputs)));
            // Another input's numerical gradient matches this one's: swapped.
            for o in &numeric {
                if o.name != *name
                    && o.shape == *shape
                    && o.pos == *pos
                    && close_all(pos, &o.num, ana)
                {
                    row.notes.push(msg!(
                        "lr-pattern-swapped",
                        name = name.as_str(),
                        other = o.name.as_str()
                    ));
                }
            }
        }
        rows.push(row);
    }
    match params {
        Err(e) => rows.push(failed(class, &e.name, error_note(&e.error))),
        Ok(params) => {
            for crate::py::learner::Param {
                name,
                array,
                grad: g,
            } in params
            {
                let ana = values(&g);
                let size = array.size();
                let pos = positions(size, sample, &mut rng);
                let before = array.to_vec();
                let mut num = Vec::new();
                let mut error = None;
                for &k in &pos {
                    set_element(&array, k, before[k] + H);
                    let a = objective(interp, &case.object, &case.args, &dout_values);
                    set_element(&array, k, before[k] - H);
                    let b = objective(interp, &case.object, &case.args, &dout_values);
                    set_element(&array, k, before[k]);
                    match (a, b) {
                        (Ok(a), Ok(b)) => num.push((a - b) / (2.0 * H)),
                        (Err(e), _) | (_, Err(e)) => {
                            error = Some(e);
                            break;
                        }
                    }
                }
                if let Some(e) = error {
                    rows.push(failed(class, &name, error_note(&e)));
                    continue;
                }
                let mut row = compare(class, &name, &array.shape, &pos, &num, &ana, size);
                if !row.ok {
                    row.notes
                        .extend(patterns(&pos, &num, &ana, batch(&case.inputs)));
                }
                rows.push(row);
            }
        }
    }
    rows
}

/// The session's `check` bound: |numerical − back| ≤ TOLERANCE · (1 + |back|).
fn tolerance(back: f64) -> f64 {
    TOLERANCE * (1.0 + back.abs())
}

fn close_all(pos: &[usize], num: &[f64], ana: &[f64]) -> bool {
    pos.iter()
        .zip(num)
        .all(|(&k, n)| ana.get(k).is_some_and(|a| (a - n).abs() <= tolerance(*a)))
}

fn compare(
    class: &str,
    name: &str,
    shape: &[usize],
    pos: &[usize],
    num: &[f64],
    ana: &[f64],
    size: usize,
) -> Row {
    let mut worst = (0.0f64, 0usize);
    let mut ok = true;
    for (&k, n) in pos.iter().zip(num) {
        let a = ana.get(k).copied().unwrap_or(f64::NAN);
        let d = (a - n).abs();
        if d.is_nan() || d > tolerance(a) {
            ok = false;
        }
        if d > worst.0 || d.is_nan() {
            worst = (if d.is_nan() { f64::INFINITY } else { d }, k);
        }
    }
    Row {
        class: class.to_string(),
        name: name.to_string(),
        max_diff: worst.0,
        at: unravel(worst.1, shape),
        ok,
        sampled: (pos.len() < size).then_some((pos.len(), size)),
        notes: Vec::new(),
    }
}

/// The batch size: the first axis of the first array input, when there is one above 1.
fn batch(inputs: &[Input]) -> Option<usize> {
    inputs.iter().find_map(|i| match &i.value {
        Value::Array(a) if a.shape.len() >= 2 && a.shape[0] > 1 => Some(a.shape[0]),
        _ => None,
    })
}

/// The pattern a wrong gradient shows, in words.
fn patterns(pos: &[usize], num: &[f64], ana: &[f64], batch: Option<usize>) -> Vec<Message> {
    let pairs: Vec<(f64, f64)> = pos
        .iter()
        .zip(num)
        .filter_map(|(&k, &n)| ana.get(k).map(|&a| (a, n)))
        .collect();
    let big: Vec<&(f64, f64)> = pairs.iter().filter(|(_, n)| n.abs() > 1e-6).collect();
    // Zeros where the numbers are not, or numbers where they are zeros: a mask.
    let wrong: Vec<&(f64, f64)> = pairs
        .iter()
        .filter(|(a, n)| (a - n).abs() > tolerance(*a))
        .collect();
    let masked = !wrong.is_empty() && wrong.iter().all(|(a, n)| *a == 0.0 || n.abs() <= 1e-6);
    if big.is_empty() {
        if masked {
            return vec![msg!("lr-pattern-mask")];
        }
        if pairs.iter().any(|(a, _)| a.abs() > 1e-6) {
            return vec![msg!("lr-pattern-should-be-zero")];
        }
        return Vec::new();
    }
    // One factor for every element.
    let ratios: Vec<f64> = big.iter().map(|(a, n)| a / n).collect();
    let c = ratios[0];
    let constant = ratios
        .iter()
        .all(|r| (r - c).abs() <= 1e-4 * c.abs().max(1e-12))
        && pairs
            .iter()
            .all(|(a, n)| (a - c * n).abs() <= tolerance(*a) * c.abs().max(1.0));
    if constant {
        if (c + 1.0).abs() < 1e-4 {
            return vec![msg!("lr-pattern-sign")];
        }
        if let Some(b) = batch {
            let b = b as f64;
            if (c - b).abs() < 1e-4 * b {
                return vec![msg!("lr-pattern-batch-times", n = b as usize)];
            }
            if (c - 1.0 / b).abs() < 1e-4 / b {
                return vec![msg!("lr-pattern-batch-divided", n = b as usize)];
            }
        }
        if c.abs() > 1e-9 {
            return vec![msg!("lr-pattern-factor", factor = format!("{c:.4}"))];
        }
        return vec![msg!("lr-pattern-all-zero")];
    }
    if masked {
        return vec![msg!("lr-pattern-mask")];
    }
    Vec::new()
}

/// A case for `check CLASS`: inputs drawn from the class's last use (its shapes, its labels),
/// or, never used, one array of `shape` for each of `forward`'s parameters.
pub fn class_case(
    interp: &mut Interp,
    class: &Rc<crate::py::value::Class>,
    shape: Option<Vec<usize>>,
) -> PyResult<Case> {
    let mut rng = Rng::new(7);
    let mut random = |shape: &[usize]| -> Value {
        let n: usize = shape.iter().product();
        let data = (0..n).map(|_| rng.next_normal()).collect();
        Value::array(ArrayObj::from_vec(data, shape.to_vec(), DType::Float64))
    };
    let last = interp
        .tape
        .nodes
        .iter()
        .rev()
        .find(|n| Rc::ptr_eq(&n.object.class, class));
    if let Some(node) = last
        && shape.is_none()
    {
        let object = node.object.clone();
        let mut args = node.args.clone();
        let mut inputs = node.inputs.clone();
        for input in inputs.iter_mut() {
            if input.param == "t" {
                continue;
            }
            let v = match &input.value {
                Value::Array(a) => random(&a.shape.clone()),
                v => Value::Float(values(v).first().copied().unwrap_or(1.0) + 0.5),
            };
            args = with_slot(&args, &input.slot, v.clone());
            input.value = v;
        }
        // A fresh object where the class makes one without arguments.
        let object = match interp.call(&Value::Class(class.clone()), Args::default()) {
            Ok(Value::Instance(fresh)) if !has_params(&object) => fresh,
            _ => object,
        };
        return Ok(Case {
            object,
            args,
            inputs,
        });
    }
    let shape = shape.unwrap_or_else(|| vec![2, 3]);
    let object = match interp.call(&Value::Class(class.clone()), Args::default()) {
        Ok(Value::Instance(o)) => o,
        Err(e) if e.kind != ExcKind::TypeError => return Err(e),
        _ => {
            return Err(PyErr::new(
                ExcKind::TypeError,
                msg!("lr-check-class-use", class = class.name.as_str()),
            ));
        }
    };
    let f = interp.class_attr(class, "forward");
    let params: Vec<String> = match &f {
        Some(Value::Func(f)) => f
            .params
            .positional
            .iter()
            .skip(1)
            .filter(|(_, d)| d.is_none())
            .map(|(n, _)| n.clone())
            .collect(),
        _ => Vec::new(),
    };
    let mut args = Args::default();
    let mut inputs = Vec::new();
    for (i, p) in params.iter().enumerate() {
        let v = if p == "t" {
            labels(&shape)
        } else {
            random(&shape)
        };
        args.pos.push(v.clone());
        inputs.push(Input {
            param: p.clone(),
            slot: Slot::Pos(i),
            value: v,
            from: None,
            name: None,
        });
    }
    Ok(Case {
        object,
        args,
        inputs,
    })
}

/// Whether the object holds arrays besides its cache (`W`, `b`): then it is graded itself.
fn has_params(object: &Instance) -> bool {
    object.attrs.borrow().iter().any(|(k, v)| {
        matches!(v, Value::Array(_))
            && object
                .attrs
                .borrow()
                .iter()
                .any(|(d, _)| *d == format!("d{k}"))
    })
}

/// One-hot labels of `shape`: a 1 in each row.
fn labels(shape: &[usize]) -> Value {
    let cols = shape.last().copied().unwrap_or(1).max(1);
    let n: usize = shape.iter().product();
    let data = (0..n)
        .map(|i| {
            if (i / cols) % cols == i % cols {
                1.0
            } else {
                0.0
            }
        })
        .collect();
    Value::array(ArrayObj::from_vec(data, shape.to_vec(), DType::Float64))
}

/// Whether every value given is differentiable (a check needs numbers).
pub fn gradable(v: &Value) -> bool {
    differentiable(v) && to_array(v).is_ok()
}

/// `check y` over the whole graph of the learner's layers: for every array or number `y`
/// depends on (and every parameter a layer holds), `back`'s gradient against central
/// differences of `sum(y * dout)`, each nudge running the layers' forwards again in order.
/// Every layer object is as it was afterwards.
pub fn whole(interp: &mut Interp, root: u64, seed: &Value, sample: usize) -> PyResult<Vec<Row>> {
    let mut forward_order = crate::py::learner::order(interp, root);
    forward_order.reverse();
    let nodes: Vec<(u64, Rc<Instance>, Args, Vec<Input>)> = forward_order
        .iter()
        .filter_map(|s| {
            interp
                .tape
                .node(*s)
                .map(|n| (n.serial, n.object.clone(), n.args.clone(), n.inputs.clone()))
        })
        .collect();
    let mut objects: Vec<Rc<Instance>> = Vec::new();
    for (_, o, _, _) in &nodes {
        if !objects.iter().any(|x| Rc::ptr_eq(x, o)) {
            objects.push(o.clone());
        }
    }
    let saved: Vec<Snapshot> = objects.iter().map(|o| snapshot(o)).collect();
    let was_paused = interp.tape.paused;
    interp.tape.paused = true;
    let result = whole_inner(interp, root, seed, sample, &nodes);
    interp.tape.paused = was_paused;
    for (o, s) in objects.iter().zip(saved) {
        restore(o, s);
    }
    result
}

type NodeCopy = (u64, Rc<Instance>, Args, Vec<Input>);

/// Runs the forwards again with `swap` deciding each leaf input's value; `sum(y * dout)`.
fn replay(
    interp: &mut Interp,
    nodes: &[NodeCopy],
    swap: &dyn Fn(u64, usize, &Input) -> Option<Value>,
    dout: &[f64],
) -> PyResult<f64> {
    let mut outs: HashMap<u64, Value> = HashMap::new();
    let mut last = Value::None;
    for (serial, object, args, inputs) in nodes {
        let mut a = args.clone();
        for (index, input) in inputs.iter().enumerate() {
            let v = match input.from.and_then(|f| outs.get(&f)) {
                Some(v) => v.clone(),
                None => match swap(*serial, index, input) {
                    Some(v) => v,
                    None => continue,
                },
            };
            a = with_slot(&a, &input.slot, v);
        }
        let y = forward(interp, object, &a)?;
        outs.insert(*serial, y.clone());
        last = y;
    }
    Ok(values(&last).iter().zip(dout).map(|(a, b)| a * b).sum())
}

/// Whether the input at (`serial`, `index`) is the leaf first met at `first`: an array by
/// identity, a named number by name, an unnamed number only there.
fn same_leaf(input: &Input, at: (u64, usize), leaf: &Input, first: (u64, usize)) -> bool {
    if input.from.is_some() {
        return false;
    }
    match (&input.value, &leaf.value) {
        (Value::Array(x), Value::Array(y)) => Rc::ptr_eq(x, y),
        (Value::Array(_), _) | (_, Value::Array(_)) => false,
        _ => match (&input.name, &leaf.name) {
            (Some(a), Some(b)) => a == b,
            _ => at == first,
        },
    }
}

fn whole_inner(
    interp: &mut Interp,
    root: u64,
    seed: &Value,
    sample: usize,
    nodes: &[NodeCopy],
) -> PyResult<Vec<Row>> {
    let walk = crate::py::learner::back(interp, root, seed.clone())?;
    let mut rng = Rng::new(21);
    let root_value = interp.tape.node(root).and_then(|n| n.output_value());
    let size = root_value.as_ref().map(|v| values(v).len()).unwrap_or(1);
    let dout: Vec<f64> = {
        let d = values(seed);
        if d.len() == 1 { vec![d[0]; size] } else { d }
    };
    // Each leaf once: the first input that holds it.
    let mut leaves: Vec<(Input, (u64, usize), String)> = Vec::new();
    for (serial, object, _, inputs) in nodes {
        for (index, input) in inputs.iter().enumerate() {
            if input.from.is_some() || input.param == "t" {
                continue;
            }
            let at = (*serial, index);
            if leaves.iter().any(|(l, f, _)| same_leaf(input, at, l, *f)) {
                continue;
            }
            let label = match crate::py::learner::global_name(
                interp,
                &input.value,
                input.name.as_deref(),
            ) {
                Some(name) => name,
                None => format!(
                    "{}.forward: {}",
                    crate::py::learner::object_name(interp, object),
                    input.param
                ),
            };
            leaves.push((input.clone(), at, label));
        }
    }
    let mut rows = Vec::new();
    for (leaf, first, label) in &leaves {
        let Some(grad) = walk.leaves.iter().find(|l| l.first == *first) else {
            continue;
        };
        let ana = values(&grad.grad);
        let shape = shape_of(&leaf.value);
        let n = shape.iter().product::<usize>().max(1);
        let pos = positions(n, sample, &mut rng);
        let mut num = Vec::new();
        for &k in &pos {
            let mut f = [0.0; 2];
            for (j, by) in [H, -H].into_iter().enumerate() {
                let moved = nudged(&leaf.value, k, by);
                let swap = |serial: u64, index: usize, i: &Input| {
                    same_leaf(i, (serial, index), leaf, *first).then(|| moved.clone())
                };
                f[j] = replay(interp, nodes, &swap, &dout)?;
            }
            num.push((f[0] - f[1]) / (2.0 * H));
        }
        rows.push(compare("", label, &shape, &pos, &num, &ana, n));
    }
    for (array, g) in &walk.params {
        let ana = values(g);
        let n = array.size();
        let pos = positions(n, sample, &mut rng);
        let before = array.to_vec();
        let mut num = Vec::new();
        for &k in &pos {
            let mut f = [0.0; 2];
            for (j, by) in [H, -H].into_iter().enumerate() {
                set_element(array, k, before[k] + by);
                let r = replay(interp, nodes, &|_, _, _| None, &dout);
                set_element(array, k, before[k]);
                f[j] = r?;
            }
            num.push((f[0] - f[1]) / (2.0 * H));
        }
        let label = crate::py::learner::global_name(interp, &Value::Array(array.clone()), None)
            .unwrap_or_else(|| param_label(nodes, array));
        rows.push(compare("", &label, &array.shape, &pos, &num, &ana, n));
    }
    Ok(rows)
}

/// `Affine.W`: the first layer holding `array`, and under which name.
fn param_label(nodes: &[NodeCopy], array: &Rc<ArrayObj>) -> String {
    for (_, o, _, _) in nodes {
        for (k, v) in o.attrs.borrow().iter() {
            if matches!(v, Value::Array(a) if Rc::ptr_eq(a, array)) {
                return format!("{}.{k}", o.class.name);
            }
        }
    }
    "?".to_string()
}
