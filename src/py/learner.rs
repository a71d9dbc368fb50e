//! `back`, `step`, `graph` and `check` over the learner's own layers, the nodes `tape`
//! records. Only this walk knows the chain rule for them: it hands each node's `backward` the
//! gradient of its output (as its own: a copy, or the walk's buffer lent, see `Lent`), maps
//! what it returns to the node's inputs, sums a broadcast gradient back to its input's shape,
//! adds gradients where a value forks, and collects `self.dW` beside `self.W` as that array's
//! gradient.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::i18n::Message;
use crate::msg;
use crate::py::ast::BinOp;
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::fasthash::FastBuild;
use crate::py::tape::{Input, Node, Output, Slot, differentiable, same_value};
use crate::py::value::shape_text;
use crate::py::value::{Args, ArrayObj, DType, Instance, Interp, Value, to_array};

/// What one node's backward gave.
pub struct Visit {
    pub serial: u64,
    pub dout: Value,
    /// For each input, what backward gave it.
    pub returned: Vec<Returned>,
    /// `self.dW` beside `self.W`.
    pub params: Vec<(String, Value)>,
    /// The object's cached attributes as backward found them: name and short text.
    pub cached: Vec<(String, String)>,
}

/// What backward gave one input: its parameter name, the gradient (after summing back a
/// broadcast one, whose shape is kept) and where it went.
pub struct Returned {
    pub param: String,
    pub grad: Option<Value>,
    pub summed: Option<Vec<usize>>,
    pub to: String,
}

/// An array a layer holds as a parameter (`self.W`), and the gradient it left (`self.dW`).
pub struct Param {
    pub name: String,
    pub array: Rc<ArrayObj>,
    pub grad: Value,
}

/// A `dNAME` whose shape is not `NAME`'s: which name, and the error that says so.
pub struct ParamError {
    pub name: String,
    pub error: PyErr,
}

/// A value no layer made, with its gradient.
pub struct Leaf {
    pub label: Option<String>,
    /// Where forward first met it: the node and the input's index there.
    pub first: (u64, usize),
    pub value: Value,
    pub grad: Value,
}

/// One walk of `back` from a node.
pub struct Walk {
    pub root: u64,
    pub seed: Value,
    /// What each node's backward gave, for `step` (only a walk that describes keeps them).
    pub visits: Vec<Visit>,
    pub leaves: Vec<Leaf>,
    /// Gradients of the nodes' outputs.
    pub outputs: Vec<(u64, Value)>,
    /// Gradients of arrays the layers hold as parameters (`W` of `self.W`), summed over every
    /// layer that holds them.
    pub params: Vec<(Rc<ArrayObj>, Value)>,
    pub warnings: Vec<Message>,
}

fn err(kind: ExcKind, message: Message) -> PyErr {
    PyErr::new(kind, message)
}

/// The shape of a number or an array.
pub fn shape_of(v: &Value) -> Vec<usize> {
    match v {
        Value::Array(a) => a.shape.clone(),
        _ => Vec::new(),
    }
}

/// Calls `f` with an array's elements in C order: a slice of its buffer where they lie there
/// in a row, else a copy.
fn with_elements<R>(a: &ArrayObj, f: impl FnOnce(&[f64]) -> R) -> R {
    {
        let buf = a.buf.borrow();
        if let Some(range) = a.contiguous_range(buf.len()) {
            return f(&buf[range]);
        }
    }
    f(&a.to_vec())
}

/// Whether two runs of numbers have the very same bits.
fn same_bits(x: &[f64], y: &[f64]) -> bool {
    x.len() == y.len()
        && x.iter()
            .zip(y)
            .fold(0u64, |acc, (p, q)| acc | (p.to_bits() ^ q.to_bits()))
            == 0
}

/// A gradient's buffer lent to a backward as its dout, in place of a copy: `given` is a new
/// array on the same elements, and the first write keeps the elements as they were (see
/// [`Buffer::lend`]). Only a gradient nothing but the walk can reach is lent ([`lendable`]), so
/// it changes only through `given`; a backward that leaves `given` alone and keeps no hold of
/// it (as most do) costs no copy.
///
/// [`Buffer::lend`]: crate::py::value::Buffer::lend
struct Lent {
    given: Rc<ArrayObj>,
}

/// Whether the walk may lend `d`'s buffer: its elements lie in C order (as a copy's would),
/// and no reference to it or to its buffer is held but the walk's own (the node's dout, and
/// the seed when it is the root's).
fn lendable(d: &Rc<ArrayObj>, seed: &Value) -> bool {
    let by_seed = matches!(seed, Value::Array(s) if Rc::ptr_eq(s, d));
    Rc::strong_count(d) == 1 + usize::from(by_seed)
        && Rc::strong_count(&d.buf) == 1
        && d.is_contiguous()
}

impl Lent {
    fn new(d: &Rc<ArrayObj>) -> Lent {
        d.buf.lend();
        Lent {
            given: Rc::new(ArrayObj {
                buf: d.buf.clone(),
                dtype: d.dtype,
                shape: d.shape.clone(),
                strides: crate::py::value::contiguous_strides(&d.shape),
                offset: d.offset,
            }),
        }
    }

    /// Ends the loan once backward returned: the gradient, on a buffer of its own again if
    /// backward wrote to `given` or still holds it (or a view of it) somewhere, and whether
    /// backward changed a value (looked at only when `watch`).
    fn take_back(self, dout: Value, watch: bool) -> (Value, bool) {
        let Value::Array(d) = &dout else {
            return (dout, false);
        };
        let kept = d.buf.take_back();
        // `given`'s elements lie in a row from its offset, in `kept` as in the buffer.
        let range = d.offset..d.offset + d.size();
        let changed = watch
            && kept.as_ref().is_some_and(|k| {
                !with_elements(&self.given, |now| {
                    k.get(range).is_some_and(|k| same_bits(now, k))
                })
            });
        // The walk's `given` and `d` are two; a third holds the buffer still.
        let held = Rc::strong_count(&self.given) > 1 || Rc::strong_count(&d.buf) > 2;
        if kept.is_none() && !held {
            return (dout, changed);
        }
        let elements = kept.unwrap_or_else(|| d.buf.borrow().clone());
        let own = ArrayObj {
            buf: Rc::new(crate::py::value::Buffer::new(elements)),
            dtype: d.dtype,
            shape: d.shape.clone(),
            strides: d.strides.clone(),
            offset: d.offset,
        };
        (Value::array(own), changed)
    }
}

/// A copy of an array (a number is its own copy).
pub fn copy_of(v: &Value) -> Value {
    match v {
        Value::Array(a) => Value::array(ArrayObj::from_vec(a.to_vec(), a.shape.clone(), a.dtype)),
        v => v.clone(),
    }
}

/// `g` summed over the axes it was broadcast along, down to `shape`.
fn sum_to(g: &Value, shape: &[usize], number: bool) -> PyResult<Value> {
    let mut a = to_array(g)?.to_ndarray();
    while a.ndim() > shape.len() {
        a = a.sum_axis(ndarray::Axis(0));
    }
    for (i, &d) in shape.iter().enumerate() {
        if d == 1 && a.shape()[i] != 1 {
            a = a.sum_axis(ndarray::Axis(i)).insert_axis(ndarray::Axis(i));
        }
    }
    if number || shape.is_empty() {
        return Ok(Value::NpFloat(a.iter().next().copied().unwrap_or(0.0)));
    }
    Ok(Value::array(ArrayObj::from_ndarray(a, DType::Float64)))
}

/// The global name that holds `v` (an array by identity; a number under the name the call used).
pub fn global_name(interp: &Interp, v: &Value, hint: Option<&str>) -> Option<String> {
    let globals = interp.globals.borrow();
    if let Some(h) = hint
        && let Some(g) = globals.vars.get(h)
        && same_value(g, v)
    {
        return Some(h.to_string());
    }
    drop(globals);
    match v {
        Value::Array(a) => {
            first_global(interp, |g| matches!(g, Value::Array(b) if Rc::ptr_eq(a, b)))
        }
        _ => None,
    }
}

/// The first name, in sorted order, of the globals that `holds`.
fn first_global(interp: &Interp, holds: impl Fn(&Value) -> bool) -> Option<String> {
    let globals = interp.globals.borrow();
    globals
        .vars
        .iter()
        .filter(|(_, v)| holds(v))
        .map(|(k, _)| k)
        .min()
        .cloned()
}

/// The global name of a node's output.
pub fn output_name(interp: &Interp, node: &Node) -> Option<String> {
    let globals = interp.globals_key();
    let named = node
        .names
        .iter()
        .rev()
        .find(|(s, _)| *s == globals)
        .map(|(_, n)| n.clone());
    named.or_else(|| {
        node.output_value()
            .and_then(|v| matches!(v, Value::Array(_)).then(|| global_name(interp, &v, None)))
            .flatten()
    })
}

/// What a layer object is called: the global that holds it, or its class.
pub fn object_name(interp: &Interp, object: &Rc<Instance>) -> String {
    first_global(
        interp,
        |v| matches!(v, Value::Instance(o) if Rc::ptr_eq(o, object)),
    )
    .unwrap_or_else(|| object.class.name.clone())
}

/// The label of an input: the name of the value, or the layer output it is.
pub fn input_label(interp: &Interp, input: &Input) -> String {
    if let Some(from) = input.from
        && let Some(n) = interp.tape.node(from)
    {
        return output_name(interp, n)
            .unwrap_or_else(|| format!("{}.forward(…)", object_name(interp, &n.object)));
    }
    global_name(interp, &input.value, input.name.as_deref()).unwrap_or_else(|| unnamed(input))
}

/// An input without a name: a number as Python writes it, an array by its shape.
fn unnamed(input: &Input) -> String {
    match &input.value {
        Value::Int(i) | Value::NpInt(i) => i.to_string(),
        Value::Float(x) | Value::NpFloat(x) => crate::py::format::float_repr(*x),
        Value::Array(a) => format!("<{} {}>", input.param, shape_text(&a.shape)),
        _ => input.param.clone(),
    }
}

/// How a node's call reads: `price = mul_tax.forward(apple_price, tax)`.
pub fn call_text(interp: &Interp, serial: u64) -> String {
    let Some(node) = interp.tape.node(serial) else {
        return String::new();
    };
    let args: Vec<String> = node.inputs.iter().map(|i| input_label(interp, i)).collect();
    let call = format!(
        "{}.forward({})",
        object_name(interp, &node.object),
        args.join(", ")
    );
    match output_name(interp, node) {
        Some(out) => format!("{out} = {call}"),
        None => call,
    }
}

/// The nodes `root` depends on, root first, each after every node that uses its output.
pub fn order(interp: &Interp, root: u64) -> Vec<u64> {
    order_from(interp, &[root])
}

/// [`order`] from several nodes at once: each node after every node that uses its output.
pub fn order_from(interp: &Interp, roots: &[u64]) -> Vec<u64> {
    let mut seen: HashSet<u64, FastBuild> = HashSet::default();
    let mut post = Vec::new();
    let mut stack: Vec<(u64, bool)> = roots.iter().rev().map(|&r| (r, false)).collect();
    while let Some((s, done)) = stack.pop() {
        if done {
            post.push(s);
            continue;
        }
        if !seen.insert(s) {
            continue;
        }
        stack.push((s, true));
        if let Some(n) = interp.tape.node(s) {
            for i in n.inputs.iter().rev() {
                if let Some(f) = i.from
                    && interp.tape.node(f).is_some()
                    && !seen.contains(&f)
                {
                    stack.push((f, false));
                }
            }
        }
    }
    post.reverse();
    post
}

/// The dout `back` starts from when none is given: 1 for a number (the book's `dout = 1`),
/// ones for an array.
pub fn default_seed(v: &Value) -> Value {
    match v {
        Value::Array(a) => Value::array(ArrayObj::from_vec(
            vec![1.0; a.size()],
            a.shape.clone(),
            DType::Float64,
        )),
        _ => Value::Int(1),
    }
}

/// What a node keeps to be walked: a copy of the parts the walk reads while Python runs.
struct Held {
    object: Rc<Instance>,
    inputs: Vec<Input>,
    class: String,
}

fn held(interp: &Interp, serial: u64) -> Option<Held> {
    let n = interp.tape.node(serial)?;
    Some(Held {
        object: n.object.clone(),
        inputs: n.inputs.clone(),
        class: n.class().to_string(),
    })
}

/// Calls `object.NAME(args…)`: a layer's `forward` or `backward`, a network's `gradient`.
pub fn call_method(
    interp: &mut Interp,
    object: &Rc<Instance>,
    name: &str,
    args: Vec<Value>,
) -> PyResult<Value> {
    let method = interp.getattr(&Value::Instance(object.clone()), name)?;
    interp.call(&method, Args::new(args))
}

/// Maps what `backward` returned to the node's inputs: one value for one input, a tuple for
/// several. Trailing inputs named `t` (the labels, as the book names them) may be left out.
pub fn split_result(class: &str, inputs: &[Input], result: Value) -> PyResult<Vec<Option<Value>>> {
    if matches!(result, Value::None) {
        return Err(err(
            ExcKind::TypeError,
            msg!("lr-returned-none", class = class),
        ));
    }
    let items: Vec<Value> = match (&result, inputs.len()) {
        (Value::Tuple(t), n) if n != 1 || t.len() == 1 => t.to_vec(),
        (Value::List(l), n) if n != 1 => l.borrow().clone(),
        _ => vec![result.clone()],
    };
    let labels_only = inputs.iter().skip(items.len()).all(|i| i.param == "t");
    if items.len() > inputs.len() || (items.len() < inputs.len() && !labels_only) {
        let names: Vec<&str> = inputs.iter().map(|i| i.param.as_str()).collect();
        return Err(err(
            ExcKind::ValueError,
            msg!(
                "lr-count",
                class = class,
                count = items.len(),
                inputs = inputs.len(),
                names = names.join(", ")
            ),
        ));
    }
    let mut out: Vec<Option<Value>> = items
        .into_iter()
        .map(|v| (!matches!(v, Value::None)).then_some(v))
        .collect();
    out.resize(inputs.len(), None);
    Ok(out)
}

/// A gradient checked against its input's shape: as it is, summed back from the shape the
/// input was broadcast to (with that shape), or an error naming both shapes.
pub fn fit(class: &str, input: &Input, g: Value) -> PyResult<(Value, Option<Vec<usize>>)> {
    if !differentiable(&g) {
        return Err(err(
            ExcKind::TypeError,
            msg!(
                "lr-grad-type",
                class = class,
                param = input.param.as_str(),
                kind = g.type_name()
            ),
        ));
    }
    let want = shape_of(&input.value);
    let got = shape_of(&g);
    if want == got {
        return Ok((g, None));
    }
    let number = !matches!(input.value, Value::Array(_));
    if crate::py::value::broadcast_shape(&want, &got).as_deref() == Some(got.as_slice()) {
        return Ok((sum_to(&g, &want, number)?, Some(got)));
    }
    Err(err(
        ExcKind::ValueError,
        msg!(
            "lr-shape",
            class = class,
            param = input.param.as_str(),
            got = shape_text(&got),
            want = shape_text(&want)
        ),
    ))
}

/// The parameters of a layer object after its backward: each array attribute `NAME` with a
/// `dNAME` beside it that is not one of the node's inputs (nor a view of one).
pub fn params_of(
    class: &str,
    object: &Instance,
    inputs: &[Input],
) -> Result<Vec<Param>, Box<ParamError>> {
    let attrs = object.attrs.borrow();
    let mut out = Vec::new();
    for (name, v) in attrs.iter() {
        let Value::Array(a) = v else { continue };
        let shares_input = inputs
            .iter()
            .any(|i| matches!(&i.value, Value::Array(b) if Rc::ptr_eq(&a.buf, &b.buf)));
        if shares_input {
            continue;
        }
        let Some((_, g)) = attrs
            .iter()
            .find(|(k, _)| k.strip_prefix('d') == Some(name.as_str()))
        else {
            continue;
        };
        if !differentiable(g) {
            continue;
        }
        let got = shape_of(g);
        if got != a.shape {
            let hint = if got.iter().rev().eq(a.shape.iter()) && got.len() == 2 {
                msg!("lr-hint-transposed")
            } else if got.len() == a.shape.len() + 1 && got[1..] == a.shape[..] {
                msg!("lr-hint-batch")
            } else {
                msg!("lr-hint-none")
            };
            return Err(Box::new(ParamError {
                name: name.clone(),
                error: err(
                    ExcKind::ValueError,
                    msg!(
                        "lr-param-shape",
                        class = class,
                        name = name.as_str(),
                        got = shape_text(&got),
                        want = shape_text(&a.shape),
                        hint = hint
                    ),
                ),
            }));
        }
        out.push(Param {
            name: name.clone(),
            array: a.clone(),
            grad: g.clone(),
        });
    }
    Ok(out)
}

/// A short text of a value for `step`: small arrays in full, big ones by shape.
pub fn short_text(interp: &mut Interp, v: &Value) -> String {
    match v {
        Value::Array(a) if a.size() > 12 => format!("array of shape {}", shape_text(&a.shape)),
        Value::Array(_) => interp
            .str_of(v)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default(),
        Value::None => "None".to_string(),
        v if differentiable(v) || matches!(v, Value::Bool(_)) => {
            interp.str_of(v).unwrap_or_default()
        }
        v => format!("<{}>", v.type_name()),
    }
}

/// Runs `back` from node `root` with `seed` as its dout.
pub fn back(interp: &mut Interp, root: u64, seed: Value) -> PyResult<Walk> {
    walk(interp, vec![(root, seed)], false)
}

/// [`back`] that also keeps, for `step`, each object's cache as backward found it.
pub fn back_described(interp: &mut Interp, root: u64, seed: Value) -> PyResult<Walk> {
    walk(interp, vec![(root, seed)], true)
}

/// [`back`] from several nodes, each with the gradient of its output (where the session's
/// `back` reached values the learner's layers made).
pub fn back_from(interp: &mut Interp, roots: Vec<(u64, Value)>) -> PyResult<Walk> {
    walk(interp, roots, false)
}

fn walk(interp: &mut Interp, roots: Vec<(u64, Value)>, describe: bool) -> PyResult<Walk> {
    let root = roots.first().map(|(r, _)| *r).unwrap_or(0);
    let seed = roots.first().map(|(_, s)| s.clone()).unwrap_or(Value::None);
    let starts: Vec<u64> = roots.iter().map(|(r, _)| *r).collect();
    let order = order_from(interp, &starts);
    let mut grads: HashMap<u64, Value, FastBuild> = HashMap::default();
    for (r, g) in roots {
        let sum = match grads.remove(&r) {
            Some(old) => interp.binary(BinOp::Add, &old, &g)?,
            None => g,
        };
        grads.insert(r, sum);
    }
    let mut outputs = Vec::new();
    let mut leaves: Vec<(LeafKey, (u64, usize), Leaf)> = Vec::new();
    let mut params: Vec<(Rc<ArrayObj>, Value)> = Vec::new();
    let mut visits = Vec::new();
    let mut warnings = Vec::new();
    let in_walk: HashSet<u64, FastBuild> = order.iter().copied().collect();
    for &serial in &order {
        // A node's dout is complete when the walk reaches it, and read no more.
        let Some(dout) = grads.remove(&serial) else {
            continue;
        };
        let Some(h) = held(interp, serial) else {
            outputs.push((serial, dout));
            continue;
        };
        // The object ran forward again since this node: its cache is the later call's.
        let obj_key = Rc::as_ptr(&h.object) as usize;
        if let Some(&(_, latest)) = interp.tape.last_forward.get(&obj_key)
            && latest != serial
        {
            warnings.push(msg!(
                "lr-reused",
                object = object_name(interp, &h.object),
                class = h.class.as_str(),
                first = call_text(interp, serial),
                later = call_text(interp, latest)
            ));
        } else {
            if let Some(name) = interp.tape.node(serial).and_then(changed_in_place) {
                return Err(err(
                    ExcKind::RuntimeError,
                    msg!(
                        "lr-changed-in-place",
                        class = h.class.as_str(),
                        name = name.as_str(),
                        call = call_text(interp, serial)
                    ),
                ));
            }
        }
        let cached = if !describe {
            Vec::new()
        } else {
            let attrs = h.object.attrs.borrow().clone();
            let has = |n: &str| attrs.iter().any(|(k, _)| k == n);
            attrs
                .iter()
                .filter(|(k, _)| !(k.len() > 1 && k.starts_with('d') && has(&k[1..])))
                .map(|(k, v)| (k.clone(), short_text(interp, v)))
                .collect()
        };
        // Backward gets its own dout: a copy, or the gradient's buffer lent (see `Lent`).
        let lent = match &dout {
            Value::Array(d) if lendable(d, &seed) => Some(Lent::new(d)),
            _ => None,
        };
        let watch = !interp.tape.warned_dout.contains(&h.class);
        let (given, before) = match &lent {
            Some(_) => (Value::None, None),
            None => {
                let given = copy_of(&dout);
                // What `given` held, to see whether backward changed it (no Python code holds
                // this). (Once said for a class, it is not looked for again.)
                let before = match &given {
                    Value::Array(a) if watch => Some(a.to_vec()),
                    _ => None,
                };
                (given, before)
            }
        };
        interp.tape.layer_depth += 1;
        let arg = match &lent {
            Some(l) => Value::Array(l.given.clone()),
            None => given.clone(),
        };
        let result = call_method(interp, &h.object, "backward", vec![arg]);
        interp.tape.layer_depth -= 1;
        let (dout, changed) = match (lent, &given) {
            (Some(l), _) => l.take_back(dout, watch),
            (None, Value::Array(a)) => {
                let changed = before.is_some_and(|b| !with_elements(a, |now| same_bits(now, &b)));
                (dout, changed)
            }
            (None, _) => (dout, false),
        };
        let result = result?;
        outputs.push((serial, dout.clone()));
        if changed && interp.tape.warned_dout.insert(h.class.clone()) {
            warnings.push(msg!("lr-dout-changed", class = h.class.as_str()));
        }
        let split = split_result(&h.class, &h.inputs, result)?;
        let mut returned = Vec::new();
        for (index, (input, g)) in h.inputs.iter().zip(split).enumerate() {
            let Some(g) = g else {
                if describe {
                    returned.push(Returned {
                        param: input.param.clone(),
                        grad: None,
                        summed: None,
                        to: input_label(interp, input),
                    });
                }
                continue;
            };
            let (g, summed) = fit(&h.class, input, g)?;
            if describe {
                returned.push(Returned {
                    param: input.param.clone(),
                    grad: Some(g.clone()),
                    summed,
                    to: input_label(interp, input),
                });
            }
            match input.from.filter(|f| in_walk.contains(f)) {
                Some(f) => {
                    let sum = match grads.remove(&f) {
                        Some(old) => interp.binary(BinOp::Add, &old, &g)?,
                        None => g,
                    };
                    grads.insert(f, sum);
                }
                None => {
                    let key = leaf_key(input, serial);
                    match leaves.iter_mut().find(|(k, _, _)| *k == key) {
                        Some((_, first, leaf)) => {
                            leaf.grad = interp.binary(BinOp::Add, &leaf.grad, &g)?;
                            *first = (*first).min((serial, index));
                        }
                        None => leaves.push((
                            key,
                            (serial, index),
                            Leaf {
                                label: global_name(interp, &input.value, input.name.as_deref()),
                                first: (serial, index),
                                value: input.value.clone(),
                                grad: g,
                            },
                        )),
                    }
                }
            }
        }
        let mut visit_params = Vec::new();
        for Param {
            name,
            array,
            grad: g,
        } in params_of(&h.class, &h.object, &h.inputs).map_err(|e| e.error)?
        {
            if describe {
                visit_params.push((name, g.clone()));
            }
            // The layer's own `dW`, not a copy, as the book's `gradient()` hands it on (a sum
            // over layers sharing `W` is a new array).
            match params.iter_mut().find(|(a, _)| Rc::ptr_eq(a, &array)) {
                Some((_, sum)) => *sum = interp.binary(BinOp::Add, sum, &g)?,
                None => params.push((array, g)),
            }
        }
        if describe {
            visits.push(Visit {
                serial,
                dout,
                returned,
                params: visit_params,
                cached,
            });
        }
    }
    // Leaves in the order forward met them.
    leaves.sort_by_key(|(_, first, _)| *first);
    let leaves = leaves
        .into_iter()
        .map(|(_, first, mut l)| {
            l.first = first;
            l
        })
        .collect();
    Ok(Walk {
        root,
        seed,
        visits,
        leaves,
        outputs,
        params,
        warnings,
    })
}

#[derive(PartialEq)]
enum LeafKey {
    Array(usize),
    Named(String),
    Slot(u64, Slot),
}

fn leaf_key(input: &Input, serial: u64) -> LeafKey {
    match (&input.value, &input.name) {
        (Value::Array(a), _) => LeafKey::Array(Rc::as_ptr(a) as usize),
        (_, Some(n)) => LeafKey::Named(n.clone()),
        _ => LeafKey::Slot(serial, input.slot.clone()),
    }
}

/// An array the node's object cached, written in place since forward (back would use values
/// forward never saw): its attribute's name. Its buffer's version tells (any write counts, as
/// in PyTorch's autograd, even one that leaves every value as it was).
fn changed_in_place(n: &Node) -> Option<String> {
    let attrs = n.object.attrs.borrow();
    n.cached.iter().find_map(|(name, weak, version)| {
        let a = weak.upgrade()?;
        let still = attrs
            .iter()
            .any(|(k, v)| k == name && matches!(v, Value::Array(b) if Rc::ptr_eq(&a, b)));
        (still && a.buf.version() != *version).then(|| name.clone())
    })
}

/// Where the last `back`'s gradients are found from Python: `dNAME` and `grad(array)`.
pub fn publish(interp: &mut Interp, walk: &Walk) -> Vec<(String, Value)> {
    interp.after_back.clear();
    interp.grads_by_object.clear();
    publish_more(interp, walk)
}

/// [`publish`] beside the gradients already there (the session's, where its `back` went on
/// into the learner's layers).
pub fn publish_more(interp: &mut Interp, walk: &Walk) -> Vec<(String, Value)> {
    let mut named: Vec<(String, Value)> = Vec::new();
    let mut by_object: Vec<(Rc<ArrayObj>, Value)> = Vec::new();
    for leaf in &walk.leaves {
        if let Some(l) = &leaf.label {
            named.push((format!("d{l}"), leaf.grad.clone()));
        }
        if let Value::Array(a) = &leaf.value {
            by_object.push((a.clone(), leaf.grad.clone()));
        }
    }
    for (array, g) in &walk.params {
        if let Some(n) = global_name(interp, &Value::Array(array.clone()), None)
            && !named.iter().any(|(k, _)| *k == format!("d{n}"))
        {
            named.push((format!("d{n}"), g.clone()));
        }
        by_object.push((array.clone(), g.clone()));
    }
    for (serial, g) in walk.outputs.iter().rev() {
        let Some(node) = interp.tape.node(*serial) else {
            continue;
        };
        if let Some(n) = output_name(interp, node) {
            named.push((format!("d{n}"), g.clone()));
        }
        if let Output::Array(w, _) = &node.output
            && let Some(a) = w.upgrade()
        {
            by_object.push((a, g.clone()));
        }
    }
    interp.after_back.extend(named.iter().cloned());
    interp.grads_by_object.extend(by_object);
    interp.grads_from_layers = true;
    named
}
