//! The computation graph: an arena of nodes, each owning its layer object, and the chain rule.
//!
//! This is the only module that knows about fan-out and the order of the backward pass. A node's
//! inputs always have smaller indices than the node itself, because a node can only be built from
//! values that already exist. So walking indices downwards from the output is a reverse
//! topological order, and `backward` needs neither recursion nor a hash map: a chain of a million
//! nodes is a loop of a million steps.

use crate::engine::arena::Arena;
use crate::engine::interrupt;
use crate::engine::layers::cross_entropy::CrossEntropy;
use crate::engine::layers::{
    AddLayer, Affine, DivLayer, ExpLayer, Index, Log, MatMul, Max, Mean, MulLayer, NegLayer, Pow,
    Relu, Reshape, Sigmoid, Softmax, SoftmaxWithLoss, Sqrt, SubLayer, Sum, Tanh, Transpose,
};
use crate::engine::shape;
use crate::engine::value::{Floats, Value};
use crate::i18n::Message;
use crate::lang::ast::BinOp;
use crate::msg;
use compact_str::CompactString;
use ndarray::{ArrayD, IxDyn};
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::sync::Arc;

pub type NodeId = usize;

/// What made a node, owning the layer object that cached what its backward needs. Layers that
/// cache arrays are boxed, so that the many leaves of a long script stay small.
#[derive(Debug, Clone)]
pub enum Op {
    /// A literal, a constructor such as `ones(2, 2)`, or a value taken out of the graph
    /// (`grad(x)`, `mask(r)`). Gradients stop here.
    Leaf,
    /// Data: an array `load` gave (`x_train`), or a value computed from data alone
    /// (`x = x_train[batch]`, which the session makes a new node of this kind). Like the book's
    /// `x_batch`, it takes no gradient: `back` computes none for it (Affine skips its dx), and
    /// `check` does not nudge it.
    Data,
    Add(AddLayer),
    Sub(SubLayer),
    Mul(Box<MulLayer>),
    Div(Box<DivLayer>),
    Neg(NegLayer),
    Exp(Box<ExpLayer>),
    Relu(Box<Relu>),
    Sigmoid(Box<Sigmoid>),
    /// A comparison such as `x <= 0`. It makes a boolean array, through which no gradient flows.
    Compare(BinOp),
    /// The same layers on 0-d values, their caches inline, so that a chain of scalars makes no
    /// allocation per node. Only this file tells them apart from the array layers: everyone
    /// else reads a node's layer through `Op::widened`. (Add, Sub and Neg cache nothing, so
    /// one variant serves both.)
    MulScalar(MulLayer<f64>),
    DivScalar(DivLayer<f64>),
    ExpScalar(ExpLayer<f64>),
    ReluScalar(Relu<bool>),
    SigmoidScalar(Sigmoid<f64>),
    /// The layers of the book's section 5.6 and the operations its code uses. Their shapes are
    /// checked by the caller (each layer has its check function) before `Graph::layer`.
    MatMul(Box<MatMul>),
    Affine(Box<Affine>),
    Softmax(Box<Softmax>),
    CrossEntropy(Box<CrossEntropy>),
    SoftmaxWithLoss(Box<SoftmaxWithLoss>),
    Sum(Box<Sum>),
    Mean(Box<Mean>),
    Max(Box<Max>),
    Log(Box<Log>),
    Sqrt(Box<Sqrt>),
    Pow(Box<Pow>),
    Tanh(Box<Tanh>),
    Transpose(Transpose),
    Reshape(Box<Reshape>),
    Index(Box<Index>),
    /// A multiplication whose backward forgets to swap its inputs, the classic mistake: only in
    /// test builds, to show that the gradient check catches a wrong layer.
    #[cfg(test)]
    BrokenMul(Box<MulLayer>),
}

impl Op {
    /// The short name used in `:vars`, `graph` and `step`.
    pub fn name(&self) -> &'static str {
        match self {
            Op::Leaf => "leaf",
            Op::Data => "data",
            Op::Add(_) => "add",
            Op::Sub(_) => "sub",
            Op::Mul(_) | Op::MulScalar(_) => "mul",
            Op::Div(_) | Op::DivScalar(_) => "div",
            Op::Neg(_) => "neg",
            Op::Exp(_) | Op::ExpScalar(_) => "exp",
            Op::Relu(_) | Op::ReluScalar(_) => "relu",
            Op::Sigmoid(_) | Op::SigmoidScalar(_) => "sigmoid",
            Op::MatMul(_) => "dot",
            Op::Affine(_) => "affine",
            Op::Softmax(_) => "softmax",
            Op::CrossEntropy(_) => "cross_entropy_error",
            Op::SoftmaxWithLoss(_) => "softmax_with_loss",
            Op::Sum(_) => "sum",
            Op::Mean(_) => "mean",
            Op::Max(_) => "max",
            Op::Log(_) => "log",
            Op::Sqrt(_) => "sqrt",
            Op::Pow(_) => "pow",
            Op::Tanh(_) => "tanh",
            Op::Transpose(_) => "transpose",
            Op::Reshape(_) => "reshape",
            Op::Index(_) => "index",
            Op::Compare(_) => "compare",
            #[cfg(test)]
            Op::BrokenMul(_) => "broken_mul",
        }
    }

    /// The bytes a layer caches of its own, beyond the arrays it shares with values: ReLU's
    /// mask. (Mul, Div, Exp and Sigmoid keep references to their inputs or output.)
    pub fn cache_bytes(&self) -> usize {
        match self {
            Op::Relu(relu) => relu.mask.len(),
            _ => 0,
        }
    }

    /// The layer as an array layer: a scalar layer's cache becomes 0-d arrays, any other op is
    /// borrowed as it is. What `step`, `graph` and `back` read.
    pub fn widened(&self) -> Cow<'_, Op> {
        let a = |v: f64| Floats::from_elem(IxDyn(&[]), v);
        Cow::Owned(match self {
            Op::MulScalar(l) => Op::Mul(Box::new(MulLayer {
                x: a(l.x),
                y: a(l.y),
            })),
            Op::DivScalar(l) => Op::Div(Box::new(DivLayer {
                x: a(l.x),
                y: a(l.y),
            })),
            Op::ExpScalar(l) => Op::Exp(Box::new(ExpLayer { out: a(l.out) })),
            Op::SigmoidScalar(l) => Op::Sigmoid(Box::new(Sigmoid { out: a(l.out) })),
            Op::ReluScalar(l) => Op::Relu(Box::new(Relu {
                mask: ArrayD::from_elem(IxDyn(&[]), l.mask),
            })),
            other => return Cow::Borrowed(other),
        })
    }
}

/// The unary layers a node can be built with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryKind {
    Neg,
    Exp,
    Relu,
    Sigmoid,
}

impl Node {
    /// The bytes of a float64 array shaped like this node's value: its gradient's size.
    fn len_bytes_f64(&self) -> usize {
        self.value.len().saturating_mul(std::mem::size_of::<f64>())
    }
}

#[derive(Debug, Clone)]
pub struct Node {
    pub op: Op,
    pub inputs: Inputs,
    pub value: Value,
    /// The source text that made this node, e.g. `relu(x)` or `100`, for pictures of the graph.
    pub label: Label,
}

/// A node's label: shared by every node made from the same text (see `Labels`), so that a node
/// holds a pointer to it and nothing more. It reads as a `str`.
#[derive(Clone, PartialEq, Eq)]
pub struct Label(Arc<CompactString>);

impl Label {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Label {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl std::fmt::Debug for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Hashed as its text, so that the table of labels can be asked for a `&str`.
impl std::hash::Hash for Label {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::borrow::Borrow<str> for Label {
    fn borrow(&self) -> &str {
        self
    }
}

/// The labels of the graph's nodes, each text kept once. A script labels its nodes with the
/// same few texts over and over (a loop body's, a chain's `y * 1.000001`), so a node costs a
/// look-up here instead of a copy of its text; the texts no node holds any more are dropped
/// when the graph is compacted and the table has doubled since the last time, so a loop that
/// collects every iteration does not walk its labels every iteration.
#[derive(Debug, Clone, Default)]
struct Labels {
    texts: FxHashSet<Label>,
    /// The size at which `prune` next walks the table.
    prune_at: usize,
}

/// The table is walked no sooner than when it holds this many texts.
const MIN_LABELS_PRUNED: usize = 64;

impl Labels {
    fn get(&mut self, text: &str) -> Label {
        if let Some(label) = self.texts.get(text) {
            return label.clone();
        }
        let label = Label(Arc::new(CompactString::new(text)));
        self.texts.insert(label.clone());
        label
    }

    /// Drops the texts only this table holds, once the table has doubled since the last time.
    fn prune(&mut self) {
        if self.texts.len() < self.prune_at {
            return;
        }
        self.texts.retain(|label| Arc::strong_count(&label.0) > 1);
        self.prune_at = (2 * self.texts.len()).max(MIN_LABELS_PRUNED);
    }
}

/// A node's inputs: at most three (Affine's x, W and b), kept inline so that a node needs no
/// allocation for them; the slots not used hold `NodeId::MAX`. It reads as a slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inputs {
    ids: [NodeId; 3],
}

impl Inputs {
    fn of(ids: &[NodeId]) -> Inputs {
        let mut inputs = Inputs {
            ids: [NodeId::MAX; 3],
        };
        for (slot, &id) in inputs.ids.iter_mut().zip(ids) {
            *slot = id;
        }
        inputs
    }
}

impl std::ops::Deref for Inputs {
    type Target = [NodeId];

    fn deref(&self) -> &[NodeId] {
        let len = self.ids.iter().take_while(|&&id| id != NodeId::MAX).count();
        &self.ids[..len]
    }
}

impl<'a> IntoIterator for &'a Inputs {
    type Item = &'a NodeId;
    type IntoIter = std::slice::Iter<'a, NodeId>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// One node's gradient: a 0-d gradient is a plain number, as 0-d values are, so that the
/// backward pass over a chain of scalars allocates nothing per node.
#[derive(Debug, Clone, PartialEq)]
enum Grad {
    Scalar(f64),
    /// An array gradient while the pass adds to it.
    Array(Box<ArrayD<f64>>),
    /// An array gradient once the pass is over: shared, so that `grad(W)` takes it as a value
    /// without a copy, as the book's `grads['W1']` is the array itself.
    Shared(Box<Floats>),
}

impl Grad {
    fn of(array: ArrayD<f64>) -> Grad {
        if array.ndim() == 0 {
            Grad::Scalar(array.first().copied().unwrap_or(0.0))
        } else {
            Grad::Array(Box::new(array))
        }
    }

    /// The finished form: an array gradient becomes shared (no copy).
    fn finished(self) -> Grad {
        match self {
            Grad::Array(a) => Grad::Shared(Box::new(a.into_shared())),
            other => other,
        }
    }

    fn array(&self) -> Cow<'_, ArrayD<f64>> {
        match self {
            Grad::Scalar(v) => Cow::Owned(ArrayD::from_elem(IxDyn(&[]), *v)),
            Grad::Array(a) => Cow::Borrowed(a),
            Grad::Shared(a) => Cow::Owned((**a).to_owned()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Grad::Scalar(_) => 1,
            Grad::Array(a) => a.len(),
            Grad::Shared(a) => a.len(),
        }
    }

    fn bytes(&self) -> usize {
        self.len() * std::mem::size_of::<f64>()
    }

    /// Adds another use's gradient: a value used more than once receives the sum.
    fn add(&mut self, other: Grad) {
        if let Grad::Shared(a) = self {
            *self = Grad::Array(Box::new((**a).to_owned()));
        }
        let other = match other {
            Grad::Shared(b) => Grad::Array(Box::new((*b).to_owned())),
            other => other,
        };
        match (&mut *self, other) {
            (Grad::Scalar(a), Grad::Scalar(b)) => *a += b,
            (Grad::Array(a), Grad::Array(b)) => crate::engine::layers::common::add_into(a, &b),
            (Grad::Array(a), Grad::Scalar(b)) => **a += b,
            (Grad::Scalar(a), Grad::Array(b)) => *self = Grad::Array(Box::new(*b + *a)),
            // Neither side is shared any more.
            (_, Grad::Shared(_)) | (Grad::Shared(_), _) => {}
        }
    }
}

/// The gradients of one backward pass, indexed by node. `None` means the node took no part.
#[derive(Debug, Clone, Default)]
pub struct Gradients {
    grads: Vec<Option<Grad>>,
    /// What the gradients hold, counted once when they are made.
    bytes: usize,
    /// The nodes whose gradient is an int64, as the book's layer classes compute it on ints
    /// (`dout * self.x` with `dout = 1` and `x = 200`): indexed as `grads`, empty when none is.
    ints: Vec<bool>,
}

impl Gradients {
    /// The gradient of `node` as an array, for showing it: borrowed during the pass, a copy
    /// once it is finished (shared) or a scalar. `value`, `has` and `len_of` make no copy.
    pub fn get(&self, node: NodeId) -> Option<Cow<'_, ArrayD<f64>>> {
        self.grads
            .get(node)
            .and_then(Option::as_ref)
            .map(Grad::array)
    }

    /// The same gradients after `Graph::compact` moved the nodes (`map` from old to new ids).
    pub fn remap(self, map: &[Option<NodeId>]) -> Gradients {
        let len = map.iter().filter_map(|m| *m).max().map_or(0, |m| m + 1);
        let mut grads = vec![None; len];
        let mut ints = vec![false; if self.ints.is_empty() { 0 } else { len }];
        for (old, grad) in self.grads.into_iter().enumerate() {
            if let (Some(grad), Some(Some(new))) = (grad, map.get(old)) {
                grads[*new] = Some(grad);
                if let Some(slot) = ints.get_mut(*new) {
                    *slot = self.ints.get(old).copied().unwrap_or(false);
                }
            }
        }
        Gradients {
            ints,
            ..Gradients::new(grads)
        }
    }

    fn new(grads: Vec<Option<Grad>>) -> Gradients {
        let bytes = grads.iter().flatten().map(Grad::bytes).sum::<usize>();
        Gradients {
            grads,
            bytes,
            ints: Vec::new(),
        }
    }

    /// Whether the gradient of `node` is an int64.
    pub fn is_int(&self, node: NodeId) -> bool {
        self.ints.get(node).copied().unwrap_or(false)
    }

    /// The gradient of `node` as a value of its kind: an int64 where the book's layers would
    /// compute one on ints, a float otherwise. A finished array gradient is shared, not copied.
    pub fn value(&self, node: NodeId) -> Option<Value> {
        let grad = match self.grads.get(node)?.as_ref()? {
            Grad::Scalar(v) => Value::Scalar(*v),
            Grad::Array(a) => Value::float((**a).clone()),
            Grad::Shared(a) => Value::shared((**a).clone()),
        };
        Some(grad.into_int_if(self.is_int(node)))
    }

    /// Whether `node` took part (has a gradient).
    pub fn has(&self, node: NodeId) -> bool {
        self.grads.get(node).is_some_and(Option::is_some)
    }

    /// How many elements the gradient of `node` has, if it took part.
    pub fn len_of(&self, node: NodeId) -> Option<usize> {
        self.grads.get(node)?.as_ref().map(Grad::len)
    }

    /// The bytes the gradients' arrays hold.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// The bytes of the slots themselves, one for each node up to the output.
    pub fn slot_bytes(&self) -> usize {
        self.grads.capacity() * std::mem::size_of::<Option<Grad>>()
    }

    /// The nodes that took part, in the order they were made.
    pub fn nodes(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.grads
            .iter()
            .enumerate()
            .filter(|(_, g)| g.is_some())
            .map(|(i, _)| i)
    }
}

/// One gradient a node sends on the way back: to its input at `position` (0 for the first
/// argument), which is the node `input`.
#[derive(Debug, Clone)]
pub struct Sent {
    pub position: usize,
    pub input: NodeId,
    pub grad: ArrayD<f64>,
}

/// One node's turn in the backward pass, as `step` shows it.
#[derive(Debug, Clone)]
pub struct Step {
    pub node: NodeId,
    /// The gradient that reached this node's output: the sum over all its uses.
    pub dout: ArrayD<f64>,
    /// Each input that takes a gradient, by its position among the node's inputs, and the
    /// gradient this node sends to it, already summed to the input's shape. An input that
    /// takes none (data, such as Affine's `x_train[batch]`) is left out, so the position is
    /// what pairs a gradient with its input.
    pub sent: Vec<Sent>,
}

/// The nodes a backward pass from `output` reaches (`Graph::backward_plan`).
#[derive(Debug, Clone)]
pub struct BackwardPlan {
    output: NodeId,
    took_part: Vec<bool>,
}

#[derive(Debug, Clone, Default)]
pub struct Graph {
    /// In chunks (see `Arena`): a long chain of statements writes each node once.
    nodes: Arena<Node>,
    /// The bytes the nodes' values hold, kept up to date so that the session can decide when
    /// collecting garbage pays without walking the arena.
    bytes: usize,
    labels: Labels,
}

impl Graph {
    pub fn new() -> Graph {
        Graph::default()
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    /// The elements of a leaf's or data's float array, row-major, to write in place; `None`
    /// for any other node, or when the array is not one contiguous row-major block. The
    /// caller makes sure no other node reads it: a write here changes the value every
    /// consumer would see. The buffer is copied first only if another array shares it.
    pub fn leaf_elements_mut(&mut self, id: NodeId) -> Option<&mut [f64]> {
        let node = self.nodes.get_mut(id)?;
        if !matches!(node.op, Op::Leaf | Op::Data) {
            return None;
        }
        match &mut node.value {
            Value::Float(array) if array.is_standard_layout() => array.as_slice_mut(),
            _ => None,
        }
    }

    /// Whether a node in `from..to` reads `id` as an input.
    pub fn is_read_between(&self, id: NodeId, from: NodeId, to: NodeId) -> bool {
        let to = to.min(self.nodes.len());
        from < to
            && self
                .nodes
                .iter_from(from)
                .take(to - from)
                .any(|n| n.inputs.contains(&id))
    }

    /// Forgets every node made after the first `len`. A statement that fails calls this, so that
    /// it leaves no half-built nodes behind.
    pub fn truncate(&mut self, len: usize) {
        let dropped: usize = self
            .nodes
            .iter_from(len)
            .map(|n| n.value.bytes() + n.op.cache_bytes())
            .sum();
        self.bytes -= dropped;
        self.nodes.truncate(len);
    }

    /// The bytes the nodes' values hold (float64 values at 8 bytes an element, booleans at 1),
    /// with the layers' own caches (ReLU's mask).
    pub fn value_bytes(&self) -> usize {
        self.bytes
    }

    /// Keeps the nodes marked in `keep` (which must hold every input of a kept node), in their
    /// order, and drops the rest with their arrays. Returns where each old node went: the map
    /// the holders of node ids (names, the last `back`) use to follow. Order is kept, so inputs
    /// still have smaller indices than the nodes using them and the backward walk is unchanged.
    ///
    /// The kept nodes move down in place (`Arena::retain`), and the chunks left empty are
    /// freed, so the memory the arena holds afterwards is what the kept nodes take, with room
    /// for one chunk more at most.
    pub fn compact(&mut self, keep: &[bool]) -> Vec<Option<NodeId>> {
        let mut map = vec![None; self.nodes.len()];
        let mut next = 0;
        for (old, kept) in keep.iter().enumerate().take(self.nodes.len()) {
            if *kept {
                map[old] = Some(next);
                next += 1;
            }
        }
        if next == self.nodes.len() {
            return map;
        }
        self.nodes.retain(|old| map[old].is_some());
        self.bytes = 0;
        for node in self.nodes.iter_mut() {
            let mut inputs = [0; 3];
            let mut len = 0;
            for &i in &node.inputs {
                if let Some(new) = map[i] {
                    inputs[len] = new;
                    len += 1;
                }
            }
            node.inputs = Inputs::of(&inputs[..len]);
            self.bytes += node.value.bytes() + node.op.cache_bytes();
        }
        self.labels.prune();
        map
    }

    /// The bytes the arena itself takes (its nodes, with room for more), apart from what their
    /// arrays hold.
    pub fn arena_bytes(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<Node>()
    }

    pub fn leaf(&mut self, value: Value, label: &str) -> NodeId {
        self.push(Op::Leaf, &[], value, label)
    }

    /// A leaf that holds data, which takes no gradient (see `Op::Data`).
    pub fn data(&mut self, value: Value, label: &str) -> NodeId {
        self.push(Op::Data, &[], value, label)
    }

    pub fn unary(&mut self, kind: UnaryKind, input: NodeId, label: &str) -> NodeId {
        if let Value::Scalar(x) = self.nodes[input].value {
            let (op, out) = match kind {
                UnaryKind::Neg => (Op::Neg(NegLayer::new()), -x),
                UnaryKind::Exp => {
                    let mut layer = ExpLayer::<f64>::default();
                    let out = layer.forward(x);
                    (Op::ExpScalar(layer), out)
                }
                UnaryKind::Relu => {
                    let mut layer = Relu::<bool>::default();
                    let out = layer.forward(x);
                    (Op::ReluScalar(layer), out)
                }
                UnaryKind::Sigmoid => {
                    let mut layer = Sigmoid::<f64>::default();
                    let out = layer.forward(x);
                    (Op::SigmoidScalar(layer), out)
                }
            };
            return self.push(op, &[input], Value::Scalar(out), label);
        }
        let x = self.nodes[input].value.as_float();
        let (op, out) = match kind {
            UnaryKind::Neg => {
                let mut layer = NegLayer::new();
                let out = layer.forward(&x);
                (Op::Neg(layer), out)
            }
            UnaryKind::Exp => {
                let mut layer = ExpLayer::new();
                let out = layer.forward(&x);
                (Op::Exp(Box::new(layer)), out)
            }
            UnaryKind::Relu => {
                let mut layer = Relu::new();
                let out = layer.forward(&x);
                (Op::Relu(Box::new(layer)), out)
            }
            UnaryKind::Sigmoid => {
                let mut layer = Sigmoid::new();
                let out = layer.forward(&x);
                (Op::Sigmoid(Box::new(layer)), out)
            }
        };
        self.push(op, &[input], Value::shared(out), label)
    }

    /// Builds `lhs OP rhs`. Shapes are checked first, because ndarray panics on shapes numpy
    /// would refuse; the error names both shapes.
    pub fn binary(
        &mut self,
        op: BinOp,
        lhs: NodeId,
        rhs: NodeId,
        label: &str,
    ) -> Result<NodeId, Message> {
        if let (Value::Scalar(x), Value::Scalar(y)) =
            (&self.nodes[lhs].value, &self.nodes[rhs].value)
            && let Some((layer, out)) = scalar_binary(op, *x, *y)
        {
            return Ok(self.push(layer, &[lhs, rhs], Value::Scalar(out), label));
        }
        let lhs_shape = self.nodes[lhs].value.shape();
        let rhs_shape = self.nodes[rhs].value.shape();
        let Some(out_shape) = shape::broadcast(lhs_shape, rhs_shape) else {
            return Err(msg!(
                "broadcast-shapes",
                lhs = shape::describe(lhs_shape),
                rhs = shape::describe(rhs_shape)
            ));
        };
        if shape::checked_len(&out_shape).is_none() {
            return Err(too_large(&out_shape));
        }
        let x = self.nodes[lhs].value.as_float();
        let y = self.nodes[rhs].value.as_float();
        let (layer, out) = match op {
            BinOp::Add => {
                let mut layer = AddLayer::new();
                let out = layer.forward(&x, &y);
                (Op::Add(layer), Value::shared(out))
            }
            BinOp::Sub => {
                let mut layer = SubLayer::new();
                let out = layer.forward(&x, &y);
                (Op::Sub(layer), Value::shared(out))
            }
            BinOp::Mul => {
                let mut layer = MulLayer::new();
                let out = layer.forward(&x, &y);
                (Op::Mul(Box::new(layer)), Value::shared(out))
            }
            BinOp::Div => {
                let mut layer = DivLayer::new();
                let out = layer.forward(&x, &y);
                (Op::Div(Box::new(layer)), Value::shared(out))
            }
            compare => (
                Op::Compare(compare),
                Value::bools(compare_arrays(compare, x.as_ref(), y.as_ref())),
            ),
        };
        Ok(self.push(layer, &[lhs, rhs], out, label))
    }

    /// The nodes `output` depends on, itself included, as a mask indexed by node.
    pub fn ancestors(&self, output: NodeId) -> Vec<bool> {
        let mut seen = vec![false; output + 1];
        let mut met_data = false;
        let mut stack = vec![output];
        seen[output] = true;
        while let Some(id) = stack.pop() {
            if matches!(self.nodes[id].op, Op::Compare(_)) {
                continue;
            }
            // A loss's targets `t` are data: no gradient reaches them, so they take no part
            // (and `check` does not nudge them).
            let inputs = match self.nodes[id].op {
                Op::CrossEntropy(_) | Op::SoftmaxWithLoss(_) => &self.nodes[id].inputs[..1],
                _ => &self.nodes[id].inputs[..],
            };
            for &input in inputs {
                // Data takes no gradient, so it takes no part either.
                if matches!(self.nodes[input].op, Op::Data) {
                    met_data = true;
                } else if !seen[input] {
                    seen[input] = true;
                    stack.push(input);
                }
            }
        }
        // Nor does what was computed from data alone, as `x_train[batch]` inside an expression
        // is: a gradient could teach nothing there. Inputs come before the nodes that read them,
        // so one pass in order settles every ancestor. Without data there is nothing to settle.
        if met_data {
            for id in 0..output {
                if seen[id] {
                    let node = &self.nodes[id];
                    seen[id] = matches!(node.op, Op::Leaf | Op::Compare(_))
                        || node.inputs.iter().any(|&input| seen[input]);
                }
            }
        }
        seen
    }

    /// What a backward pass from `output` will hold: a gradient as large as each value it
    /// reaches, and a slot for every node up to `output`. The session asks before running one.
    pub fn backward_bytes(&self, output: NodeId) -> usize {
        self.planned_bytes(&self.backward_plan(output))
    }

    /// Which nodes a backward pass from `output` reaches, found once for both the memory it
    /// will hold (`planned_bytes`) and the pass itself (`backward_planned`).
    pub fn backward_plan(&self, output: NodeId) -> BackwardPlan {
        BackwardPlan {
            output,
            took_part: self.ancestors(output),
        }
    }

    /// `backward_bytes` of a plan.
    pub fn planned_bytes(&self, plan: &BackwardPlan) -> usize {
        let output = plan.output;
        let grads: usize = plan
            .took_part
            .iter()
            .zip(self.nodes.iter_from(0))
            .filter(|(took, _)| **took)
            .map(|(_, node)| node.len_bytes_f64())
            .sum();
        grads + (output + 1) * (std::mem::size_of::<Option<Grad>>() + 1)
    }

    /// The backward pass from `output`, starting from `dout` (already of the output's shape).
    /// Every call starts from zero, so running it twice gives the same numbers.
    pub fn backward(&self, output: NodeId, dout: ArrayD<f64>) -> Gradients {
        self.backward_walk(self.backward_plan(output), dout, None)
    }

    /// The same pass, with a `dout` that is an int64 when `dout_int`: each gradient is then
    /// marked as the book's layer classes would type it (see `sends_int`).
    pub fn backward_typed(&self, output: NodeId, dout: ArrayD<f64>, dout_int: bool) -> Gradients {
        self.backward_planned(self.backward_plan(output), dout, dout_int)
    }

    /// `backward_typed` along a plan made for it.
    pub fn backward_planned(
        &self,
        plan: BackwardPlan,
        dout: ArrayD<f64>,
        dout_int: bool,
    ) -> Gradients {
        let output = plan.output;
        let mut gradients = self.backward_walk(plan, dout, None);
        if dout_int {
            gradients.ints = self.int_gradients(output, &gradients);
        }
        gradients
    }

    /// Which gradients of a pass from an int64 dout are int64s: numpy's result types through
    /// each layer's backward, and a sum of uses is int64 only if every use sent one.
    fn int_gradients(&self, output: NodeId, gradients: &Gradients) -> Vec<bool> {
        let mut ints: Vec<Option<bool>> = vec![None; output + 1];
        ints[output] = Some(true);
        for id in (0..=output).rev() {
            let (Some(dout_int), true) = (ints[id], gradients.has(id)) else {
                continue;
            };
            let node = &self.nodes[id];
            for (position, &input) in node.inputs.iter().enumerate() {
                if !gradients.has(input) {
                    continue;
                }
                let sent = dout_int && sends_int(&node.op, position, &node.inputs, &self.nodes);
                ints[input] = Some(ints[input].unwrap_or(true) && sent);
            }
        }
        ints.into_iter().map(|i| i == Some(true)).collect()
    }

    /// The backward pass, calling `on_step` as each node sends its gradients to its inputs, in
    /// the order the pass visits them.
    pub fn backward_steps(
        &self,
        output: NodeId,
        dout: ArrayD<f64>,
        mut on_step: impl FnMut(Step),
    ) -> Gradients {
        self.backward_walk(self.backward_plan(output), dout, Some(&mut on_step))
    }

    fn backward_walk(
        &self,
        plan: BackwardPlan,
        dout: ArrayD<f64>,
        mut on_step: Option<&mut dyn FnMut(Step)>,
    ) -> Gradients {
        let BackwardPlan { output, took_part } = plan;
        let mut grads: Vec<Option<Grad>> = vec![None; output + 1];
        grads[output] = Some(Grad::of(dout));
        for id in (0..=output).rev() {
            // Ctrl-C: stop here; the session sees the flag and drops this pass.
            if interrupt::requested() {
                break;
            }
            if !took_part[id] {
                continue;
            }
            let node = &self.nodes[id];
            let Some(upstream) = grads[id].as_ref() else {
                continue;
            };
            let sent: [Option<(NodeId, Grad)>; 3] = match upstream {
                // A 0-d gradient reaching a node means its inputs are 0-d too (broadcasting never
                // shrinks a shape), so the scalar rule needs no shapes.
                Grad::Scalar(d) if is_scalar_rule(&node.op) => {
                    let Some((first, second)) = scalar_backward(&node.op, *d) else {
                        continue;
                    };
                    let mut sent = [None, None, None];
                    for (slot, (&input, grad)) in sent
                        .iter_mut()
                        .zip(node.inputs.iter().zip([Some(first), second]))
                    {
                        *slot = grad.map(|g| (input, Grad::Scalar(g)));
                    }
                    sent
                }
                _ => {
                    // Only the inputs that take part need a gradient; Affine skips the rest.
                    let mut wants = [false; 3];
                    for (want, &input) in wants.iter_mut().zip(node.inputs.iter()) {
                        *want = took_part[input];
                    }
                    let Some(local) = local_backward(&node.op, &upstream.array(), wants) else {
                        continue;
                    };
                    let mut sent = [None, None, None];
                    for (slot, (&input, grad)) in sent.iter_mut().zip(node.inputs.iter().zip(local))
                    {
                        *slot = grad.map(|g| {
                            let g = crate::engine::layers::common::sum_to_shape(
                                g,
                                self.nodes[input].value.shape(),
                            );
                            (input, Grad::of(g))
                        });
                    }
                    sent
                }
            };
            // Only `step` needs a record of what went where; `back` moves the gradients.
            let step = on_step.as_ref().map(|_| Step {
                node: id,
                dout: upstream.array().into_owned(),
                sent: sent
                    .iter()
                    .enumerate()
                    .filter_map(|(position, slot)| {
                        slot.as_ref().map(|(input, g)| Sent {
                            position,
                            input: *input,
                            grad: g.array().into_owned(),
                        })
                    })
                    .collect(),
            });
            for (input, grad) in sent.into_iter().flatten() {
                // A value used more than once receives the sum of the gradients of its uses.
                match &mut grads[input] {
                    Some(total) => total.add(grad),
                    slot @ None => *slot = Some(grad),
                }
            }
            if let (Some(callback), Some(step)) = (on_step.as_mut(), step) {
                callback(step);
            }
        }
        Gradients::new(grads.into_iter().map(|g| g.map(Grad::finished)).collect())
    }

    /// The forward pass again, from scratch, with the leaf `changed` holding `value` instead:
    /// what `output` would be. Nothing in the graph changes; fresh layer objects do the work.
    /// This is what the gradient check nudges.
    ///
    /// Also says whether the change moved any ReLU input across its kink at 0 (or onto it),
    /// where a numerical gradient is no check of the backward one.
    pub fn recompute(
        &self,
        output: NodeId,
        changed: NodeId,
        value: &ArrayD<f64>,
    ) -> (ArrayD<f64>, bool) {
        // `None` means "as in the graph": only nodes downstream of `changed` are computed again.
        let mut values: Vec<Option<Value>> = vec![None; output + 1];
        if changed > output {
            return (self.nodes[output].value.to_float(), false);
        }
        let mut crossed_kink = false;
        values[changed] = Some(Value::float(value.clone()));
        for id in changed + 1..=output {
            let node = &self.nodes[id];
            if matches!(node.op, Op::Leaf | Op::Data)
                || node.inputs.iter().all(|&i| values[i].is_none())
            {
                continue;
            }
            let input = |k: usize| {
                let i = node.inputs[k];
                values[i]
                    .as_ref()
                    .unwrap_or(&self.nodes[i].value)
                    .as_float()
                    .into_owned()
            };
            if let Op::Relu(relu) = node.op.widened().as_ref() {
                let x = input(0);
                let before = self.nodes[node.inputs[0]].value.as_float();
                // Only the cells this nudge moved count: did one cross 0, or start or land on it?
                crossed_kink |= x.len() == relu.mask.len()
                    && x.iter().zip(before.iter()).zip(relu.mask.iter()).any(
                        |((&v, &was), &blocked)| {
                            v != was && (v == 0.0 || was == 0.0 || (v <= 0.0) != blocked)
                        },
                    );
            }
            values[id] = Some(forward_again(&node.op, &input));
        }
        let out = values[output]
            .take()
            .map_or_else(|| self.nodes[output].value.to_float(), |v| v.to_float());
        (out, crossed_kink)
    }

    /// Builds a node with one of the section-5.6 layers, `op` being a fresh layer object (with
    /// its settings, such as `Sum`'s axis): its forward runs on the inputs' values here. The
    /// caller has checked the shapes with the layer's check function.
    pub fn layer(&mut self, mut op: Op, inputs: &[NodeId], label: &str) -> NodeId {
        let values: Vec<Cow<'_, Floats>> = inputs
            .iter()
            .map(|&i| self.nodes[i].value.as_float())
            .collect();
        let refs: Vec<&Floats> = values.iter().map(|v| v.as_ref()).collect();
        let out = forward_layer(&mut op, &refs);
        drop(values);
        self.push(op, inputs, Value::shared(out), label)
    }

    /// Builds the test-only wrong layer.
    #[cfg(test)]
    pub fn broken_mul(&mut self, lhs: NodeId, rhs: NodeId) -> NodeId {
        let mut layer = MulLayer::new();
        let out = layer.forward(
            &self.nodes[lhs].value.as_float(),
            &self.nodes[rhs].value.as_float(),
        );
        self.push(
            Op::BrokenMul(Box::new(layer)),
            &[lhs, rhs],
            Value::shared(out),
            "broken",
        )
    }

    fn push(&mut self, op: Op, inputs: &[NodeId], value: Value, label: &str) -> NodeId {
        // numpy's result type: an int64 stays int64 through the layers that only add,
        // multiply, pick or move whole numbers, when every input is int64.
        // A boolean counts as an int beside one, as numpy's `True + 1` is 2.
        let value = if !inputs.is_empty()
            && keeps_int(&op)
            && inputs.iter().any(|&i| self.nodes[i].value.is_int())
            && inputs.iter().all(|&i| {
                let v = &self.nodes[i].value;
                v.is_int() || matches!(v, Value::Bool(_))
            })
            && !(matches!(op, Op::Pow(_))
                && inputs
                    .get(1)
                    .is_some_and(|&p| self.nodes[p].value.as_float().iter().any(|&v| v < 0.0)))
        {
            value.into_int()
        } else {
            value
        };
        let inputs = Inputs::of(inputs);
        self.bytes += value.bytes() + op.cache_bytes();
        self.nodes.push(Node {
            op,
            inputs,
            value,
            label: self.labels.get(label),
        });
        self.nodes.len() - 1
    }
}

/// Whether the gradient `op`'s backward sends to its input at `position` is an int64, given an
/// int64 dout: the book's `dout * self.y` is one when `y` is, `dout * 1` always is, and the
/// layers that only move, sum or zero the gradient keep it. Every other rule divides or takes a
/// smooth function, and gives a float.
fn sends_int(op: &Op, position: usize, inputs: &Inputs, nodes: &Arena<Node>) -> bool {
    let other_is_int = |other: usize| inputs.get(other).is_some_and(|&i| nodes[i].value.is_int());
    match op {
        Op::Add(_)
        | Op::Sub(_)
        | Op::Neg(_)
        | Op::Relu(_)
        | Op::ReluScalar(_)
        | Op::Sum(_)
        | Op::Reshape(_)
        | Op::Transpose(_)
        | Op::Index(_) => true,
        Op::Mul(_) | Op::MulScalar(_) | Op::MatMul(_) => other_is_int(1 - position.min(1)),
        // dx = dout · Wᵀ, dW = xᵀ · dout, db = the sum of dout.
        Op::Affine(_) => match position {
            0 => other_is_int(1),
            1 => other_is_int(0),
            _ => true,
        },
        _ => false,
    }
}

/// Whether `op` gives int64 for int64 inputs, as numpy's result type does: sums, products,
/// remainders, powers (by exponents that are not negative), maxima, ReLU (the book's copy with
/// zeros written in) and the layers that only pick or move elements. Division, `mean` and the
/// smooth functions give float64.
fn keeps_int(op: &Op) -> bool {
    matches!(
        op,
        Op::Add(_)
            | Op::Sub(_)
            | Op::Mul(_)
            | Op::MulScalar(_)
            | Op::Neg(_)
            | Op::Relu(_)
            | Op::ReluScalar(_)
            | Op::MatMul(_)
            | Op::Affine(_)
            | Op::Sum(_)
            | Op::Max(_)
            | Op::Pow(_)
            | Op::Reshape(_)
            | Op::Transpose(_)
            | Op::Index(_)
    )
}

/// A binary layer on two 0-d values, with its cache inline; `None` for comparisons, which make
/// booleans and go the array way.
fn scalar_binary(op: BinOp, x: f64, y: f64) -> Option<(Op, f64)> {
    Some(match op {
        BinOp::Add => (Op::Add(AddLayer::new()), x + y),
        BinOp::Sub => (Op::Sub(SubLayer::new()), x - y),
        BinOp::Mul => {
            let mut layer = MulLayer::<f64>::default();
            let out = layer.forward(x, y);
            (Op::MulScalar(layer), out)
        }
        BinOp::Div => {
            let mut layer = DivLayer::<f64>::default();
            let out = layer.forward(x, y);
            (Op::DivScalar(layer), out)
        }
        _ => return None,
    })
}

/// Whether `scalar_backward` knows this op's rule on a 0-d gradient.
fn is_scalar_rule(op: &Op) -> bool {
    matches!(
        op,
        Op::Leaf
            | Op::Compare(_)
            | Op::Add(_)
            | Op::Sub(_)
            | Op::Neg(_)
            | Op::MulScalar(_)
            | Op::DivScalar(_)
            | Op::ExpScalar(_)
            | Op::ReluScalar(_)
            | Op::SigmoidScalar(_)
    )
}

/// `local_backward` on a 0-d gradient, with the same rules as the array layers: Add and Sub
/// pass `dout` on (Sub negates it for `y`), Neg negates it, the scalar layers use their own
/// `backward`.
fn scalar_backward(op: &Op, dout: f64) -> Option<(f64, Option<f64>)> {
    let pair = |(dx, dy): (f64, f64)| Some((dx, Some(dy)));
    match op {
        Op::Add(_) => pair((dout, dout)),
        Op::Sub(_) => pair((dout, -dout)),
        Op::Neg(_) => Some((-dout, None)),
        Op::MulScalar(layer) => pair(layer.backward(dout)),
        Op::DivScalar(layer) => pair(layer.backward(dout)),
        Op::ExpScalar(layer) => Some((layer.backward(dout), None)),
        Op::ReluScalar(layer) => Some((layer.backward(dout), None)),
        Op::SigmoidScalar(layer) => Some((layer.backward(dout), None)),
        _ => None,
    }
}

/// A layer's forward with a fresh layer object, for `recompute`.
fn forward_again(op: &Op, input: &dyn Fn(usize) -> Floats) -> Value {
    let f = |out: Floats| Value::shared(out);
    if let Some(count) = layer_inputs(op) {
        let values: Vec<Floats> = (0..count).map(input).collect();
        let refs: Vec<&Floats> = values.iter().collect();
        return f(forward_layer(&mut op.clone(), &refs));
    }
    match op.widened().as_ref() {
        // `recompute` never asks a leaf to run again: it has nothing to compute from.
        Op::Add(_) => f(AddLayer::new().forward(&input(0), &input(1))),
        Op::Sub(_) => f(SubLayer::new().forward(&input(0), &input(1))),
        Op::Mul(_) => f(MulLayer::new().forward(&input(0), &input(1))),
        Op::Div(_) => f(DivLayer::new().forward(&input(0), &input(1))),
        Op::Neg(_) => f(NegLayer::new().forward(&input(0))),
        Op::Exp(_) => f(ExpLayer::new().forward(&input(0))),
        Op::Relu(_) => f(Relu::new().forward(&input(0))),
        Op::Sigmoid(_) => f(Sigmoid::new().forward(&input(0))),
        Op::Compare(cmp) => Value::bools(compare_arrays(*cmp, &input(0), &input(1))),
        #[cfg(test)]
        Op::BrokenMul(_) => f(MulLayer::new().forward(&input(0), &input(1))),
        // `recompute` never asks a leaf to run again: it has nothing to compute from. (The
        // scalar layers were widened above.)
        _ => Value::Scalar(0.0),
    }
}

/// How many inputs a section-5.6 layer takes; `None` for the others.
fn layer_inputs(op: &Op) -> Option<usize> {
    Some(match op {
        Op::Affine(_) => 3,
        Op::MatMul(_) | Op::CrossEntropy(_) | Op::SoftmaxWithLoss(_) | Op::Pow(_) => 2,
        Op::Softmax(_)
        | Op::Sum(_)
        | Op::Mean(_)
        | Op::Max(_)
        | Op::Log(_)
        | Op::Sqrt(_)
        | Op::Tanh(_)
        | Op::Transpose(_)
        | Op::Reshape(_)
        | Op::Index(_) => 1,
        _ => return None,
    })
}

/// A section-5.6 layer's forward on `x`, caching what its backward needs in `op`.
fn forward_layer(op: &mut Op, x: &[&Floats]) -> Floats {
    match op {
        Op::MatMul(l) => l.forward(x[0], x[1]),
        Op::Affine(l) => l.forward(x[0], x[1], x[2]),
        Op::Softmax(l) => l.forward(x[0]),
        Op::CrossEntropy(l) => l.forward(x[0], x[1]),
        Op::SoftmaxWithLoss(l) => l.forward(x[0], x[1]),
        Op::Sum(l) => l.forward(x[0]),
        Op::Mean(l) => l.forward(x[0]),
        Op::Max(l) => l.forward(x[0]),
        Op::Log(l) => l.forward(x[0]),
        Op::Sqrt(l) => l.forward(x[0]),
        Op::Pow(l) => l.forward(x[0], x[1]),
        Op::Tanh(l) => l.forward(x[0]),
        Op::Transpose(l) => l.forward(x[0]),
        Op::Reshape(l) => l.forward(x[0]),
        Op::Index(l) => l.forward(x[0]),
        // Only the layers `layer_inputs` names come here.
        _ => x[0].clone(),
    }
}

/// The error for an array that `shape::checked_len` refuses: more than `shape::MAX_DIMS`
/// dimensions, or more than `shape::MAX_ELEMENTS` elements.
pub fn too_large(shape: &[usize]) -> Message {
    if shape.len() > shape::MAX_DIMS {
        return msg!("too-many-dims", count = shape.len(), max = shape::MAX_DIMS);
    }
    let count = shape
        .iter()
        .try_fold(1u128, |acc, &d| acc.checked_mul(d as u128));
    match count {
        Some(count) => msg!(
            "array-too-large",
            shape = shape::describe(shape),
            count = count.to_string(),
            max = shape::MAX_ELEMENTS
        ),
        None => msg!(
            "array-too-large-overflow",
            shape = shape::describe(shape),
            max = shape::MAX_ELEMENTS
        ),
    }
}

/// Each layer's own backward: the gradient of its first input and, for two-input layers, of
/// its second, in the output's (broadcast) shape. `None` for nodes no gradient flows through.
/// `wants` says which inputs take part in the backward pass; a layer may leave out the others.
fn local_backward(op: &Op, dout: &ArrayD<f64>, wants: [bool; 3]) -> Option<LocalGrads> {
    let one = |dx: ArrayD<f64>| Some([Some(dx), None, None]);
    let pair = |(dx, dy): (ArrayD<f64>, ArrayD<f64>)| Some([Some(dx), Some(dy), None]);
    match op {
        Op::Leaf | Op::Data | Op::Compare(_) => None,
        // A scalar layer reached by an array gradient (a `dout` typed for a 0-d output):
        // the same rule on its widened cache.
        Op::MulScalar(_)
        | Op::DivScalar(_)
        | Op::ExpScalar(_)
        | Op::ReluScalar(_)
        | Op::SigmoidScalar(_) => local_backward(&op.widened(), dout, wants),
        Op::Add(layer) => pair(layer.backward(dout)),
        Op::Sub(layer) => pair(layer.backward(dout)),
        Op::Mul(layer) => pair(layer.backward(dout)),
        Op::Div(layer) => pair(layer.backward(dout)),
        Op::Neg(layer) => one(layer.backward(dout)),
        Op::Exp(layer) => one(layer.backward(dout)),
        Op::Relu(layer) => one(layer.backward(dout)),
        Op::Sigmoid(layer) => one(layer.backward(dout)),
        Op::MatMul(layer) => pair(layer.backward(dout)),
        Op::Affine(layer) => Some(layer.backward_for(dout, wants)),
        Op::Softmax(layer) => one(layer.backward(dout)),
        // The labels `t` are data: no gradient goes to them, as in the book.
        Op::CrossEntropy(layer) => one(layer.backward(dout)),
        Op::SoftmaxWithLoss(layer) => one(layer.backward(dout)),
        Op::Sum(layer) => one(layer.backward(dout)),
        Op::Mean(layer) => one(layer.backward(dout)),
        Op::Max(layer) => one(layer.backward(dout)),
        Op::Log(layer) => one(layer.backward(dout)),
        Op::Sqrt(layer) => one(layer.backward(dout)),
        Op::Pow(layer) => pair(layer.backward(dout)),
        Op::Tanh(layer) => one(layer.backward(dout)),
        Op::Transpose(layer) => one(layer.backward(dout)),
        Op::Reshape(layer) => one(layer.backward(dout)),
        Op::Index(layer) => one(layer.backward(dout)),
        #[cfg(test)]
        Op::BrokenMul(layer) => pair((dout * &layer.x, dout * &layer.y)),
    }
}

/// What a layer's backward sends to each of its inputs, in order (`None` past the last, and for
/// an input that gets no gradient).
type LocalGrads = [Option<ArrayD<f64>>; 3];

fn compare_arrays(op: BinOp, x: &Floats, y: &Floats) -> ArrayD<bool> {
    let test: fn(f64, f64) -> bool = match op {
        BinOp::Lt => |a, b| a < b,
        BinOp::Le => |a, b| a <= b,
        BinOp::Gt => |a, b| a > b,
        BinOp::Ge => |a, b| a >= b,
        BinOp::Eq => |a, b| a == b,
        _ => |a, b| a != b,
    };
    // Shapes were checked by the caller; zip2 needs them to broadcast, so this is asked again.
    if shape::broadcast(x.shape(), y.shape()).is_none() {
        return ArrayD::from_elem(ndarray::IxDyn(&[0]), false);
    }
    crate::engine::layers::common::zip2(x, y, test)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_is_small() {
        // A chain of 10^6 scalar statements makes two nodes a statement (the literal and the
        // layer), and each new page of them costs the kernel a fault: 72 bytes is the op (24),
        // three input ids (24), the value (16) and a pointer to the shared label.
        assert!(
            std::mem::size_of::<Node>() <= 72,
            "a node is {} bytes",
            std::mem::size_of::<Node>()
        );
    }

    #[test]
    fn a_finished_gradient_is_shared_with_the_values_made_of_it() {
        let mut g = Graph::new();
        let w = g.leaf(Value::float(ArrayD::from_elem(IxDyn(&[2, 3]), 0.5)), "W");
        let x = g.leaf(Value::float(ArrayD::from_elem(IxDyn(&[2, 3]), 2.0)), "x");
        let y = g.binary(BinOp::Mul, w, x, "W * x").unwrap();
        let grads = g.backward(y, ArrayD::from_elem(IxDyn(&[2, 3]), 1.5));
        let (Some(Value::Float(first)), Some(Value::Float(second))) =
            (grads.value(w), grads.value(w))
        else {
            panic!("W's gradient is a float array");
        };
        assert!(first.iter().all(|&v| v == 3.0), "dW = dout * x");
        assert_eq!(first.as_ptr(), second.as_ptr(), "one array, not two copies");
        assert!(grads.has(x) && grads.len_of(x) == Some(6));
        // Changing a value made of it copies first, and leaves the gradient as it was.
        let mut changed = *first;
        changed[[0, 0]] = 7.0;
        assert_eq!(grads.get(w).unwrap()[[0, 0]], 3.0);
    }

    /// Builds `f(a, b)` once on 0-d values and once on shape-(1,) arrays, runs backward from
    /// the same dout, and asserts that the output and both gradients are the same bits.
    fn both_ways(build: &dyn Fn(&mut Graph, NodeId, NodeId) -> NodeId, a: f64, b: f64) {
        let run = |shape: &[usize]| {
            let mut g = Graph::new();
            let x = g.leaf(Value::float(ArrayD::from_elem(IxDyn(shape), a)), "a");
            let y = g.leaf(Value::float(ArrayD::from_elem(IxDyn(shape), b)), "b");
            let out = build(&mut g, x, y);
            let grads = g.backward(out, ArrayD::from_elem(IxDyn(shape), 1.7));
            // NaN's sign bit is not part of its value (numpy prints `nan` either way).
            let bit = |f: f64| {
                if f.is_nan() {
                    f64::NAN.to_bits()
                } else {
                    f.to_bits()
                }
            };
            let bits =
                |v: Option<Cow<'_, ArrayD<f64>>>| v.and_then(|v| v.iter().next().map(|&f| bit(f)));
            (
                g.node(out)
                    .value
                    .to_float()
                    .iter()
                    .map(|&v| bit(v))
                    .collect::<Vec<_>>(),
                bits(grads.get(x)),
                bits(grads.get(y)),
                matches!(g.node(out).value, Value::Scalar(_)),
            )
        };
        let (scalar, array) = (run(&[]), run(&[1]));
        assert!(scalar.3, "0-d inputs take the scalar path");
        assert_eq!(
            (&scalar.0, scalar.1, scalar.2),
            (&array.0, array.1, array.2),
            "a = {a}, b = {b}"
        );
    }

    #[test]
    fn the_scalar_layers_compute_what_the_array_layers_do_bit_for_bit() {
        let values = [0.0, -0.0, 1.5, -2.25, 3.3, 1e-300, 710.0, -710.0, f64::NAN];
        let unary = [
            UnaryKind::Neg,
            UnaryKind::Exp,
            UnaryKind::Relu,
            UnaryKind::Sigmoid,
        ];
        for &a in &values {
            for &b in &values {
                for op in [BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div] {
                    both_ways(
                        &|g, x, y| g.binary(op, x, y, "f").expect("shapes match"),
                        a,
                        b,
                    );
                }
            }
            for kind in unary {
                // Uses `a` twice (fan-out): the sum of two uses goes through `Grad::add`.
                both_ways(
                    &|g, x, _| {
                        let u = g.unary(kind, x, "u");
                        g.binary(BinOp::Mul, u, x, "m").expect("shapes match")
                    },
                    a,
                    0.0,
                );
            }
        }
    }
}
