//! The learner's layers as nodes of a graph. An object whose class defines both `forward` and
//! `backward` is a layer; calling `layer.forward(…)` outside any layer's own methods records
//! one node: its inputs (the arguments that are arrays or numbers), its output and what the
//! object held when forward returned. Nothing inside `forward` is recorded, as PyTorch runs a
//! custom `autograd.Function`. `learner` walks these nodes for `back`, `step`, `graph` and
//! `check`.
//!
//! Nodes live while their output does (an array is watched by a weak reference; a number output
//! while a name still holds it, or, bound to none, among the last few) or while a live node
//! was computed from them, so a training loop leaves no trail.

use std::collections::{HashMap, HashSet};
use std::rc::{Rc, Weak};

use crate::py::ast::Pos;
use crate::py::fasthash::FastBuild;
use crate::py::value::{Args, ArrayObj, Class, Function, Instance, Value};
pub use crate::py::value::{Input, Node, Output, Slot, Tape};

/// How many nodes with a number output bound to no name are kept (a number has no identity to
/// watch).
const NUMBER_NODES: usize = 16;

/// Whether `class` (or a base) defines both `forward` and `backward`.
pub fn is_layer_class(class: &Rc<Class>) -> bool {
    fn has(class: &Rc<Class>, name: &str) -> bool {
        class.attrs.borrow().contains_key(name) || class.bases.iter().any(|b| has(b, name))
    }
    has(class, "forward") && has(class, "backward")
}

/// A value that takes a gradient: an array or a number (not a bool).
pub fn differentiable(v: &Value) -> bool {
    matches!(
        v,
        Value::Array(_) | Value::Int(_) | Value::Float(_) | Value::NpFloat(_) | Value::NpInt(_)
    )
}

/// The same number, kind and bits.
pub fn same_number(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) | (Value::NpInt(x), Value::NpInt(y)) => x == y,
        (Value::Float(x), Value::Float(y)) | (Value::NpFloat(x), Value::NpFloat(y)) => {
            x.to_bits() == y.to_bits()
        }
        _ => false,
    }
}

/// The same value as Python's graph sees it: an array by identity, a number or a bool by its
/// kind and bits.
pub fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => Rc::ptr_eq(x, y),
        (Value::Bool(x), Value::Bool(y)) | (Value::NpBool(x), Value::NpBool(y)) => x == y,
        _ => same_number(a, b),
    }
}

/// A fingerprint of an array's shape and values, to see whether it changed in place.
///
/// Elements are mixed into four lanes in turn (so the lanes run side by side), each step a
/// bijection of the lane for a fixed element and of the element for a fixed lane: one element
/// changed always changes its lane, and the lanes fold into the result the same way.
pub fn fingerprint(a: &ArrayObj) -> u64 {
    const K: u64 = 0x0100_0000_01b3;
    #[inline(always)]
    fn mix(h: u64, x: u64) -> u64 {
        (h ^ x).wrapping_mul(K).rotate_left(5)
    }
    let mut lanes: [u64; 4] = [
        0xcbf2_9ce4_8422_2325,
        0x9e37_79b9_7f4a_7c15,
        0xc2b2_ae3d_27d4_eb4f,
        0x1656_67b1_9e37_79f9,
    ];
    let buf = a.buf.borrow();
    let n = a.size();
    match a.contiguous_range(buf.len()).map(|range| &buf[range]) {
        Some(items) => {
            let mut chunks = items.chunks_exact(4);
            for c in &mut chunks {
                for (l, x) in lanes.iter_mut().zip(c) {
                    *l = mix(*l, x.to_bits());
                }
            }
            for (l, x) in lanes.iter_mut().zip(chunks.remainder()) {
                *l = mix(*l, x.to_bits());
            }
        }
        _ => {
            let mut i = 0usize;
            crate::py::value::for_each_offset(&a.shape, &a.strides, a.offset, &mut |o| {
                let x = buf.get(o).copied().unwrap_or(f64::NAN).to_bits();
                lanes[i % 4] = mix(lanes[i % 4], x);
                i += 1;
            });
        }
    }
    let mut h = mix(0xcbf2_9ce4_8422_2325, n as u64);
    for &d in &a.shape {
        h = mix(h, d as u64);
    }
    for l in lanes {
        h = mix(h, l);
    }
    h
}

/// The array attributes of `object`, each with its buffer's version (see [`Buffer`]): what
/// forward cached for backward. The gradients a backward writes (`dW` beside `W`) are left
/// out: backward makes them anew.
///
/// [`Buffer`]: crate::py::value::Buffer
pub fn cached_arrays(object: &Instance) -> Vec<(String, Weak<ArrayObj>, u64)> {
    let attrs = object.attrs.borrow();
    let has = |n: &str| attrs.iter().any(|(k, _)| k == n);
    attrs
        .iter()
        .filter(|(k, _)| !(k.len() > 1 && k.starts_with('d') && has(&k[1..])))
        .filter_map(|(k, v)| match v {
            Value::Array(a) => Some((k.clone(), Rc::downgrade(a), a.buf.version())),
            _ => None,
        })
        .collect()
}

/// Calls `f` with the address of each array a node's arguments hold (once per reference).
fn for_each_array(n: &Node, mut f: impl FnMut(usize)) {
    let values = n.args.pos.iter().chain(n.args.kw.iter().map(|(_, v)| v));
    for v in values.chain(n.inputs.iter().map(|x| &x.value)) {
        if let Value::Array(a) = v {
            f(Rc::as_ptr(a) as usize);
        }
    }
}

impl Tape {
    pub fn node(&self, serial: u64) -> Option<&Node> {
        self.nodes
            .binary_search_by_key(&serial, |n| n.serial)
            .ok()
            .map(|i| &self.nodes[i])
    }

    /// The node whose output `v` is: an array by identity; a number bound to `name` in the
    /// scope `scope`, or failing that the latest node with that very number.
    pub fn producer(&self, v: &Value, scope: Option<(usize, &str)>) -> Option<u64> {
        match v {
            Value::Array(a) => self.nodes.iter().rev().find_map(|n| match &n.output {
                Output::Array(w, _) if w.as_ptr() == Rc::as_ptr(a) && w.strong_count() > 0 => {
                    Some(n.serial)
                }
                _ => None,
            }),
            v if differentiable(v) => {
                let numbers = || {
                    self.nodes.iter().rev().filter(
                        move |n| matches!(&n.output, Output::Number(o) if same_number(o, v)),
                    )
                };
                match scope {
                    Some((s, name)) => numbers()
                        .find(|n| n.names.iter().any(|(ns, nn)| *ns == s && nn == name))
                        .map(|n| n.serial),
                    None => numbers().next().map(|n| n.serial),
                }
            }
            _ => None,
        }
    }

    /// Records a call of `object.forward(args)` that returned `output`.
    #[allow(clippy::too_many_arguments)]
    pub fn record(
        &mut self,
        object: Rc<Instance>,
        forward: Rc<Function>,
        args: Args,
        arg_names: Vec<Option<String>>,
        scope: usize,
        output: &Value,
        pos: Pos,
    ) {
        let output = match output {
            Value::Array(a) => Output::Array(Rc::downgrade(a), a.shape.clone()),
            v if differentiable(v) => Output::Number(v.clone()),
            _ => return,
        };
        // `forward(self, x, y)`: the names after `self`.
        let params = forward.params.positional.get(1..).unwrap_or_default();
        let mut inputs = Vec::with_capacity(args.pos.len() + args.kw.len());
        for (i, v) in args.pos.iter().enumerate() {
            if !differentiable(v) {
                continue;
            }
            let name = arg_names.get(i).cloned().flatten();
            let from = self.producer(v, name.as_deref().map(|n| (scope, n)));
            inputs.push(Input {
                param: params
                    .get(i)
                    .map_or_else(|| format!("arg{i}"), |(n, _)| n.clone()),
                slot: Slot::Pos(i),
                value: v.clone(),
                from,
                name,
            });
        }
        for (k, v) in &args.kw {
            if differentiable(v) {
                inputs.push(Input {
                    param: k.clone(),
                    slot: Slot::Kw(k.clone()),
                    value: v.clone(),
                    from: self.producer(v, None),
                    name: None,
                });
            }
        }
        let serial = self.next;
        self.next += 1;
        let cached = cached_arrays(&object);
        self.last_forward.insert(
            Rc::as_ptr(&object) as usize,
            (Rc::downgrade(&object), serial),
        );
        self.nodes.push(Node {
            serial,
            object,
            forward,
            args,
            inputs,
            output,
            names: Vec::new(),
            held: 0,
            pos,
            cached,
        });
        if self.nodes.len() > 2 * self.kept + 64 {
            self.prune();
        }
    }

    /// The serial the next node will have: a statement compares it before and after to see
    /// whether it recorded one.
    pub fn next_serial(&self) -> u64 {
        self.next
    }

    /// Notes that the last node's output was bound to `name` in `scope`. The node that name
    /// held before no longer has it: a number output held by no name goes at the next pruning
    /// (with the chain only it needed), which comes at once when enough nodes were recorded
    /// since the last: a loop that rebinds `loss` keeps one loss's chain, not sixteen.
    pub fn bound(&mut self, since: u64, value: &Value, scope: usize, name: &str) {
        let Some(n) = self.nodes.last_mut() else {
            return;
        };
        let same = match (&n.output, value) {
            (Output::Array(w, _), Value::Array(a)) => w.as_ptr() == Rc::as_ptr(a),
            (Output::Number(o), v) => same_number(o, v),
            _ => false,
        };
        if n.serial < since || !same {
            return;
        }
        self.hold(self.nodes.len() - 1, scope, name);
    }

    /// Whether any name holds a node's output.
    pub fn has_holders(&self) -> bool {
        !self.holders.is_empty()
    }

    /// Whether `name` in `scope` holds a node's output.
    pub fn holds(&self, scope: usize, name: &str) -> bool {
        !self.holders.is_empty() && self.holders.contains_key(&(scope, name.to_string()))
    }

    /// `target = source`, where `source` (in the same scope) holds a number output and `value`
    /// is that number: `target` holds it too, so `first = loss` keeps the first loss's chain
    /// after `loss` is rebound.
    pub fn alias(&mut self, value: &Value, scope: usize, source: &str, target: &str) {
        if self.holders.is_empty() || source == target {
            return;
        }
        let Some(&serial) = self.holders.get(&(scope, source.to_string())) else {
            return;
        };
        let Ok(i) = self.nodes.binary_search_by_key(&serial, |n| n.serial) else {
            return;
        };
        if matches!(&self.nodes[i].output, Output::Number(o) if same_number(o, value)) {
            self.hold(i, scope, target);
        }
    }

    /// Notes that `name` in `scope` now holds the output of node `i`, taking it from the node
    /// it held before; prunes when that left a number output held by none and enough nodes
    /// were recorded since the last pruning.
    fn hold(&mut self, i: usize, scope: usize, name: &str) {
        let n = &mut self.nodes[i];
        let serial = n.serial;
        let had = n.names.iter().any(|(s, nn)| *s == scope && nn == name);
        n.names.retain(|(s, nn)| !(*s == scope && nn == name));
        n.names.push((scope, name.to_string()));
        if !had {
            n.held += 1;
        }
        let before = self.holders.insert((scope, name.to_string()), serial);
        let released = match before {
            Some(old) if old != serial => self.release(old),
            _ => false,
        };
        if released && self.nodes.len() > self.kept + self.kept / 2 {
            self.prune();
        }
    }

    /// Takes one name from the node `serial`: whether that left a number output held by none.
    fn release(&mut self, serial: u64) -> bool {
        let Ok(i) = self.nodes.binary_search_by_key(&serial, |n| n.serial) else {
            return false;
        };
        let n = &mut self.nodes[i];
        n.held = n.held.saturating_sub(1);
        n.held == 0 && matches!(n.output, Output::Number(_))
    }

    /// Drops the nodes nothing can reach any more.
    ///
    /// An array output counts as live while something besides the nodes' own arguments holds
    /// it, or a node that stays holds it: a chain of layer calls whose last output is gone goes
    /// all at once, not one node per pruning.
    pub fn prune(&mut self) {
        // How many strong references the nodes' arguments hold to each array.
        // Sized once: a node holds about four arrays (its arguments, its inputs).
        let arrays = 4 * self.nodes.len();
        let mut by_nodes: HashMap<usize, usize, FastBuild> =
            HashMap::with_capacity_and_hasher(arrays, FastBuild::default());
        for n in &self.nodes {
            for_each_array(n, |p| *by_nodes.entry(p).or_default() += 1);
        }
        let mut by_kept: HashMap<usize, usize, FastBuild> =
            HashMap::with_capacity_and_hasher(arrays, FastBuild::default());
        let mut needed: HashSet<u64, FastBuild> =
            HashSet::with_capacity_and_hasher(self.nodes.len(), FastBuild::default());
        let mut numbers = 0;
        let mut keep = vec![false; self.nodes.len()];
        // Newest first: a node's output is an argument only of the nodes after it.
        for (i, n) in self.nodes.iter().enumerate().rev() {
            let live = match &n.output {
                Output::Array(w, _) => {
                    let p = w.as_ptr() as usize;
                    let inside = by_nodes.get(&p).copied().unwrap_or(0);
                    w.strong_count() > inside || by_kept.get(&p).is_some_and(|&k| k > 0)
                }
                // A number bound to a name lives while the name holds it; of the others, the
                // newest few.
                Output::Number(_) if !n.names.is_empty() => n.held > 0,
                Output::Number(_) => {
                    numbers += 1;
                    numbers <= NUMBER_NODES
                }
            };
            if live || needed.contains(&n.serial) {
                keep[i] = true;
                needed.extend(n.inputs.iter().filter_map(|x| x.from));
                for_each_array(n, |p| *by_kept.entry(p).or_default() += 1);
            }
        }
        let mut i = 0;
        self.nodes.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        self.last_forward.retain(|_, (w, _)| w.strong_count() > 0);
        let nodes = &self.nodes;
        self.holders
            .retain(|_, serial| nodes.binary_search_by_key(serial, |n| n.serial).is_ok());
        self.kept = self.nodes.len();
    }

    /// Forgets every node (a new session).
    pub fn clear(&mut self) {
        self.nodes.clear();
        self.last_forward.clear();
        self.holders.clear();
        self.warned_dout.clear();
        self.kept = 0;
    }
}
