//! The computation graph: an arena of nodes, each owning its layer object, and the chain rule.
//!
//! This is the only module that knows about fan-out and the order of the backward pass. A node's
//! inputs always have smaller indices than the node itself, because a node can only be built from
//! values that already exist. So walking indices downwards from the output is a reverse
//! topological order, and `backward` needs neither recursion nor a hash map: a chain of a million
//! nodes is a loop of a million steps.

use crate::engine::interrupt;
use crate::engine::layers::{
    AddLayer, DivLayer, ExpLayer, MulLayer, NegLayer, Relu, Sigmoid, SubLayer,
};
use crate::engine::shape;
use crate::engine::value::{Floats, Value};
use crate::i18n::Message;
use crate::lang::ast::BinOp;
use crate::msg;
use ndarray::{ArrayD, Zip};

pub type NodeId = usize;

/// What made a node, owning the layer object that cached what its backward needs. Layers that
/// cache arrays are boxed, so that the many leaves of a long script stay small.
#[derive(Debug, Clone)]
pub enum Op {
    /// A literal, a constructor such as `ones(2, 2)`, or a value taken out of the graph
    /// (`grad(x)`, `mask(r)`). Gradients stop here.
    Leaf,
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
            Op::Add(_) => "add",
            Op::Sub(_) => "sub",
            Op::Mul(_) => "mul",
            Op::Div(_) => "div",
            Op::Neg(_) => "neg",
            Op::Exp(_) => "exp",
            Op::Relu(_) => "relu",
            Op::Sigmoid(_) => "sigmoid",
            Op::Compare(_) => "compare",
            #[cfg(test)]
            Op::BrokenMul(_) => "broken_mul",
        }
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

#[derive(Debug, Clone)]
pub struct Node {
    pub op: Op,
    pub inputs: Inputs,
    pub value: Value,
    /// The source text that made this node, e.g. `relu(x)` or `100`, for pictures of the graph.
    pub label: String,
}

/// A node's inputs: at most two, kept inline so that a node needs no allocation for them. It
/// reads as a slice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Inputs {
    ids: [NodeId; 2],
    len: u8,
}

impl Inputs {
    fn of(ids: &[NodeId]) -> Inputs {
        let mut inputs = Inputs::default();
        for (slot, &id) in inputs.ids.iter_mut().zip(ids) {
            *slot = id;
            inputs.len += 1;
        }
        inputs
    }
}

impl std::ops::Deref for Inputs {
    type Target = [NodeId];

    fn deref(&self) -> &[NodeId] {
        &self.ids[..usize::from(self.len)]
    }
}

impl<'a> IntoIterator for &'a Inputs {
    type Item = &'a NodeId;
    type IntoIter = std::slice::Iter<'a, NodeId>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The gradients of one backward pass, indexed by node. `None` means the node took no part.
#[derive(Debug, Clone, Default)]
pub struct Gradients {
    grads: Vec<Option<ArrayD<f64>>>,
}

impl Gradients {
    pub fn get(&self, node: NodeId) -> Option<&ArrayD<f64>> {
        self.grads.get(node).and_then(Option::as_ref)
    }

    /// The same gradients after `Graph::compact` moved the nodes (`map` from old to new ids).
    pub fn remap(self, map: &[Option<NodeId>]) -> Gradients {
        let len = map.iter().filter_map(|m| *m).max().map_or(0, |m| m + 1);
        let mut grads = vec![None; len];
        for (old, grad) in self.grads.into_iter().enumerate() {
            if let (Some(grad), Some(Some(new))) = (grad, map.get(old)) {
                grads[*new] = Some(grad);
            }
        }
        Gradients { grads }
    }

    /// The bytes the gradients hold.
    pub fn bytes(&self) -> usize {
        self.grads
            .iter()
            .flatten()
            .map(|g| g.len() * std::mem::size_of::<f64>())
            .sum()
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

/// One node's turn in the backward pass, as `step` shows it.
#[derive(Debug, Clone)]
pub struct Step {
    pub node: NodeId,
    /// The gradient that reached this node's output: the sum over all its uses.
    pub dout: ArrayD<f64>,
    /// Each input and the gradient this node sends to it, already summed to the input's shape.
    pub sent: Vec<(NodeId, ArrayD<f64>)>,
}

#[derive(Debug, Clone, Default)]
pub struct Graph {
    nodes: Vec<Node>,
    /// The bytes the nodes' values hold, kept up to date so that the session can decide when
    /// collecting garbage pays without walking the arena.
    bytes: usize,
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

    /// Forgets every node made after the first `len`. A statement that fails calls this, so that
    /// it leaves no half-built nodes behind.
    pub fn truncate(&mut self, len: usize) {
        let dropped: usize = self
            .nodes
            .iter()
            .skip(len)
            .map(|n| value_bytes(&n.value))
            .sum();
        self.bytes -= dropped;
        self.nodes.truncate(len);
    }

    /// The bytes the nodes' values hold (float64 values at 8 bytes an element, booleans at 1).
    pub fn value_bytes(&self) -> usize {
        self.bytes
    }

    /// Keeps the nodes marked in `keep` (which must hold every input of a kept node), in their
    /// order, and drops the rest with their arrays. Returns where each old node went: the map
    /// the holders of node ids (names, the last `back`) use to follow. Order is kept, so inputs
    /// still have smaller indices than the nodes using them and the backward walk is unchanged.
    pub fn compact(&mut self, keep: &[bool]) -> Vec<Option<NodeId>> {
        let mut map = vec![None; self.nodes.len()];
        let mut next = 0;
        for (old, kept) in keep.iter().enumerate().take(self.nodes.len()) {
            if *kept {
                map[old] = Some(next);
                next += 1;
            }
        }
        let old_nodes = std::mem::take(&mut self.nodes);
        self.bytes = 0;
        for (old, mut node) in old_nodes.into_iter().enumerate() {
            if map[old].is_none() {
                continue;
            }
            let inputs: Vec<NodeId> = node.inputs.iter().filter_map(|&i| map[i]).collect();
            node.inputs = Inputs::of(&inputs);
            self.bytes += value_bytes(&node.value);
            self.nodes.push(node);
        }
        map
    }

    pub fn leaf(&mut self, value: Value, label: impl Into<String>) -> NodeId {
        self.push(Op::Leaf, &[], value, label.into())
    }

    pub fn unary(&mut self, kind: UnaryKind, input: NodeId, label: String) -> NodeId {
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
        self.push(op, &[input], Value::Float(out), label)
    }

    /// Builds `lhs OP rhs`. Shapes are checked first, because ndarray panics on shapes numpy
    /// would refuse; the error names both shapes.
    pub fn binary(
        &mut self,
        op: BinOp,
        lhs: NodeId,
        rhs: NodeId,
        label: String,
    ) -> Result<NodeId, Message> {
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
                (Op::Add(layer), Value::Float(out))
            }
            BinOp::Sub => {
                let mut layer = SubLayer::new();
                let out = layer.forward(&x, &y);
                (Op::Sub(layer), Value::Float(out))
            }
            BinOp::Mul => {
                let mut layer = MulLayer::new();
                let out = layer.forward(&x, &y);
                (Op::Mul(Box::new(layer)), Value::Float(out))
            }
            BinOp::Div => {
                let mut layer = DivLayer::new();
                let out = layer.forward(&x, &y);
                (Op::Div(Box::new(layer)), Value::Float(out))
            }
            compare => (
                Op::Compare(compare),
                Value::Bool(compare_arrays(compare, x.as_ref(), y.as_ref())),
            ),
        };
        Ok(self.push(layer, &[lhs, rhs], out, label))
    }

    /// The nodes `output` depends on, itself included, as a mask indexed by node.
    pub fn ancestors(&self, output: NodeId) -> Vec<bool> {
        let mut seen = vec![false; output + 1];
        let mut stack = vec![output];
        seen[output] = true;
        while let Some(id) = stack.pop() {
            if matches!(self.nodes[id].op, Op::Compare(_)) {
                continue;
            }
            for &input in &self.nodes[id].inputs {
                if !seen[input] {
                    seen[input] = true;
                    stack.push(input);
                }
            }
        }
        seen
    }

    /// The backward pass from `output`, starting from `dout` (already of the output's shape).
    /// Every call starts from zero, so running it twice gives the same numbers.
    pub fn backward(&self, output: NodeId, dout: ArrayD<f64>) -> Gradients {
        self.backward_walk(output, dout, None)
    }

    /// The backward pass, calling `on_step` as each node sends its gradients to its inputs, in
    /// the order the pass visits them.
    pub fn backward_steps(
        &self,
        output: NodeId,
        dout: ArrayD<f64>,
        mut on_step: impl FnMut(Step),
    ) -> Gradients {
        self.backward_walk(output, dout, Some(&mut on_step))
    }

    fn backward_walk(
        &self,
        output: NodeId,
        dout: ArrayD<f64>,
        mut on_step: Option<&mut dyn FnMut(Step)>,
    ) -> Gradients {
        let took_part = self.ancestors(output);
        let mut grads: Vec<Option<ArrayD<f64>>> = vec![None; output + 1];
        grads[output] = Some(dout);
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
            let (first, second) = match local_backward(&node.op, upstream) {
                Some(local) => local,
                None => continue,
            };
            let sent =
                node.inputs
                    .iter()
                    .zip([Some(first), second])
                    .filter_map(|(&input, grad)| {
                        let grad = shape::sum_to_shape(grad?, self.nodes[input].value.shape());
                        Some((input, grad))
                    });
            // Only `step` needs a record of what went where; `back` moves the gradients.
            let (sent, step): (Vec<_>, _) = match on_step {
                Some(_) => {
                    let sent: Vec<_> = sent.collect();
                    let step = Step {
                        node: id,
                        dout: upstream.clone(),
                        sent: sent.clone(),
                    };
                    (sent, Some(step))
                }
                None => (sent.collect(), None),
            };
            for (input, grad) in sent {
                // A value used more than once receives the sum of the gradients of its uses.
                match &mut grads[input] {
                    Some(total) => *total += &grad,
                    slot @ None => *slot = Some(grad),
                }
            }
            if let (Some(callback), Some(step)) = (on_step.as_mut(), step) {
                callback(step);
            }
        }
        Gradients { grads }
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
            if matches!(node.op, Op::Leaf) || node.inputs.iter().all(|&i| values[i].is_none()) {
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
            if let Op::Relu(relu) = &node.op {
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
            Value::Float(out),
            "broken".into(),
        )
    }

    fn push(&mut self, op: Op, inputs: &[NodeId], value: Value, label: String) -> NodeId {
        let inputs = Inputs::of(inputs);
        self.bytes += value_bytes(&value);
        self.nodes.push(Node {
            op,
            inputs,
            value,
            label,
        });
        self.nodes.len() - 1
    }
}

/// The bytes a value's elements take.
fn value_bytes(value: &Value) -> usize {
    match value {
        Value::Float(a) => a.len() * std::mem::size_of::<f64>(),
        Value::Bool(a) => a.len(),
    }
}

/// A layer's forward with a fresh layer object, for `recompute`.
fn forward_again(op: &Op, input: &dyn Fn(usize) -> Floats) -> Value {
    match op {
        // `recompute` never asks a leaf to run again: it has nothing to compute from.
        Op::Leaf => Value::float(ArrayD::zeros(ndarray::IxDyn(&[]))),
        Op::Add(_) => Value::Float(AddLayer::new().forward(&input(0), &input(1))),
        Op::Sub(_) => Value::Float(SubLayer::new().forward(&input(0), &input(1))),
        Op::Mul(_) => Value::Float(MulLayer::new().forward(&input(0), &input(1))),
        Op::Div(_) => Value::Float(DivLayer::new().forward(&input(0), &input(1))),
        Op::Neg(_) => Value::Float(NegLayer::new().forward(&input(0))),
        Op::Exp(_) => Value::Float(ExpLayer::new().forward(&input(0))),
        Op::Relu(_) => Value::Float(Relu::new().forward(&input(0))),
        Op::Sigmoid(_) => Value::Float(Sigmoid::new().forward(&input(0))),
        Op::Compare(cmp) => Value::Bool(compare_arrays(*cmp, &input(0), &input(1))),
        #[cfg(test)]
        Op::BrokenMul(_) => Value::Float(MulLayer::new().forward(&input(0), &input(1))),
    }
}

/// The error for an array that would pass `shape::MAX_ELEMENTS`.
pub fn too_large(shape: &[usize]) -> Message {
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
fn local_backward(op: &Op, dout: &ArrayD<f64>) -> Option<(ArrayD<f64>, Option<ArrayD<f64>>)> {
    let pair = |(dx, dy): (ArrayD<f64>, ArrayD<f64>)| Some((dx, Some(dy)));
    match op {
        Op::Leaf | Op::Compare(_) => None,
        Op::Add(layer) => pair(layer.backward(dout)),
        Op::Sub(layer) => pair(layer.backward(dout)),
        Op::Mul(layer) => pair(layer.backward(dout)),
        Op::Div(layer) => pair(layer.backward(dout)),
        Op::Neg(layer) => Some((layer.backward(dout), None)),
        Op::Exp(layer) => Some((layer.backward(dout), None)),
        Op::Relu(layer) => Some((layer.backward(dout), None)),
        Op::Sigmoid(layer) => Some((layer.backward(dout), None)),
        #[cfg(test)]
        Op::BrokenMul(layer) => Some((dout * &layer.x, Some(dout * &layer.y))),
    }
}

fn compare_arrays(op: BinOp, x: &Floats, y: &Floats) -> ArrayD<bool> {
    let test: fn(f64, f64) -> bool = match op {
        BinOp::Lt => |a, b| a < b,
        BinOp::Le => |a, b| a <= b,
        BinOp::Gt => |a, b| a > b,
        BinOp::Ge => |a, b| a >= b,
        BinOp::Eq => |a, b| a == b,
        _ => |a, b| a != b,
    };
    // Shapes were checked by the caller, so both broadcast to the output shape.
    let shape = shape::broadcast(x.shape(), y.shape()).unwrap_or_default();
    match (x.broadcast(shape.clone()), y.broadcast(shape)) {
        (Some(xb), Some(yb)) => Zip::from(&xb).and(&yb).map_collect(|&a, &b| test(a, b)),
        _ => ArrayD::from_elem(ndarray::IxDyn(&[0]), false),
    }
}
