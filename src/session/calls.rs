//! The expressions of the book's section 5.6 and 5.7 code: the matrix product and `**`, `.T`
//! and indexing, and the functions `dot`, `affine`, `softmax`, the losses, the reductions with
//! `axis=` and `keepdims=`, `argmax`, `log`/`sqrt`/`tanh`, `reshape`, `eye`, `range`,
//! `arange`, `linspace`, `zeros_like` and `print`.
//!
//! Each layer's check function runs first, so a shape numpy would refuse is an error naming
//! both shapes and nothing is built; the memory budget is asked next; then the graph builds the
//! node with a fresh layer object. Values that no gradient flows through (`argmax`, `%`, the
//! constructors) are leaves.

use super::{Session, Source, refused};
use crate::engine::graph::{NodeId, Op};
use crate::engine::layers::common::normalize_axis;
use crate::engine::layers::cross_entropy::{CrossEntropy, Target};
use crate::engine::layers::reshape::resolve_shape;
use crate::engine::layers::{
    Affine, Index, IndexSpec, LayerError, Log, MatMul, Max, Mean, Pow, Reshape, Softmax,
    SoftmaxWithLoss, Sqrt, Sum, Tanh, Transpose, checks,
};
use crate::engine::memory;
use crate::engine::shape;
use crate::engine::value::Value;
use crate::lang::ast::{BinOp, Expr, Func, Ident, Index as IndexExpr, Span};
use crate::lang::error::{Error, Result};
use crate::msg;
use ndarray::{ArrayD, IxDyn};

/// The error for a layer's refusal, at `span`, naming the operation as written.
fn refusal(error: LayerError, what: &str, span: Span) -> Error {
    Error::new(error.message(what), span)
}

impl Session {
    /// The value of a node, copied out as floats.
    /// The bytes of the float copies that reading `inputs` as floats makes: a boolean array
    /// becomes 0.0 and 1.0, eight bytes an element where it held one.
    pub(super) fn float_copies(&self, inputs: &[NodeId]) -> usize {
        inputs
            .iter()
            .filter_map(|&i| match &self.graph.node(i).value {
                Value::Bool(b) => Some(b.len().saturating_mul(8)),
                _ => None,
            })
            .fold(0usize, usize::saturating_add)
    }

    fn floats_of(&self, node: NodeId) -> ArrayD<f64> {
        self.graph.node(node).value.to_float()
    }

    /// Builds a section-5.6 layer node after its check passed: asks the budget for its output
    /// (`out_shape`) first.
    fn build(
        &mut self,
        op: Op,
        inputs: &[NodeId],
        out_shape: &[usize],
        label: &str,
        span: Span,
    ) -> Result<NodeId> {
        let Some(len) = shape::checked_len(out_shape) else {
            return Err(Error::new(crate::engine::graph::too_large(out_shape), span));
        };
        // The output, the float copy a layer makes of each boolean input, and what a loss layer
        // keeps beside its 0-d output: Softmax-with-Loss its probabilities and the one-hot
        // target, the cross-entropy the one-hot target, each the size of its first input.
        let copies = self.float_copies(inputs);
        let first = inputs
            .first()
            .map_or(0, |&i| self.graph.node(i).value.len().saturating_mul(8));
        let caches = match op {
            Op::SoftmaxWithLoss(_) => first.saturating_mul(2),
            Op::CrossEntropy(_) => first,
            _ => 0,
        };
        self.reserve(
            len.saturating_mul(8)
                .saturating_add(copies)
                .saturating_add(caches),
            span,
        )?;
        Ok(self.graph.layer(op, inputs, label))
    }

    /// `a @ b`, `a ** p` and `a % b`.
    pub(super) fn eval_new_binary(
        &mut self,
        op: BinOp,
        x: NodeId,
        y: NodeId,
        label: &str,
        span: Span,
    ) -> Result<NodeId> {
        let (xs, ys) = (
            self.graph.node(x).value.shape().to_vec(),
            self.graph.node(y).value.shape().to_vec(),
        );
        match op {
            BinOp::MatMul => {
                let out = checks::matmul(&xs, &ys).map_err(|e| refusal(e, "@", span))?;
                self.build(
                    Op::MatMul(Box::new(MatMul::new())),
                    &[x, y],
                    &out,
                    label,
                    span,
                )
            }
            BinOp::Pow => {
                let out = checks::pow(&xs, &ys).map_err(|e| refusal(e, "**", span))?;
                self.build(Op::Pow(Box::new(Pow::new())), &[x, y], &out, label, span)
            }
            _ => {
                // numpy's remainder: the sign of the divisor, as Python's `%`. No gradient flows
                // through it; it is for loop counters such as `i % 100 == 0`.
                let Some(out) = shape::broadcast(&xs, &ys) else {
                    return Err(Error::new(
                        msg!(
                            "broadcast-shapes",
                            lhs = shape::describe(&xs),
                            rhs = shape::describe(&ys)
                        ),
                        span,
                    ));
                };
                self.reserve_floats(shape::checked_len(&out).unwrap_or(usize::MAX), span)?;
                let (a, b) = (self.floats_of(x), self.floats_of(y));
                let (Some(a), Some(b)) = (a.broadcast(IxDyn(&out)), b.broadcast(IxDyn(&out)))
                else {
                    return Err(Error::new(msg!("dout-not-broadcast"), span));
                };
                let floor_div = op == BinOp::FloorDiv;
                let r = ndarray::Zip::from(&a).and(&b).map_collect(|&a, &b| {
                    if floor_div {
                        return python_floor_div(a, b);
                    }
                    let r = a % b;
                    if r != 0.0 && (r < 0.0) != (b < 0.0) {
                        r + b
                    } else {
                        r
                    }
                });
                // A remainder by 0 is nan, which numpy warns of; only finite operands count.
                let invalid = ndarray::Zip::from(&a).and(&b).fold(0usize, |n, &a, &b| {
                    n + usize::from(a.is_finite() && b == 0.0)
                });
                if invalid > 0 {
                    let message = msg!(
                        "overflow-warning",
                        numpy = if floor_div {
                            msg!("numpy-divide-by-zero-floor-divide")
                        } else {
                            msg!("numpy-invalid-remainder")
                        },
                        bad = invalid,
                        count = r.len()
                    );
                    self.warnings.push(Error::new(message, span));
                }
                // int64 % int64 is int64, as numpy's is (a remainder by 0 stays a float nan).
                let ints = self.graph.node(x).value.is_int() && self.graph.node(y).value.is_int();
                Ok(self.graph.leaf(Value::float(r).into_int_if(ints), label))
            }
        }
    }

    /// `x.T`
    pub(super) fn eval_transpose(&mut self, x: NodeId, label: &str, span: Span) -> Result<NodeId> {
        let mut out = self.graph.node(x).value.shape().to_vec();
        out.reverse();
        self.build(Op::Transpose(Transpose), &[x], &out, label, span)
    }

    /// `x[i, a:b, idx]`: each index evaluated to a whole number, a slice or an integer array.
    pub(super) fn eval_index(
        &mut self,
        base: NodeId,
        indices: &[IndexExpr],
        label: &str,
        span: Span,
        source: &Source,
    ) -> Result<NodeId> {
        let spec = self.index_spec(base, indices, source)?;
        let in_shape = self.graph.node(base).value.shape().to_vec();
        let (layer, out) = Index::checked(spec, &in_shape).map_err(|e| refusal(e, label, span))?;
        self.build(Op::Index(Box::new(layer)), &[base], &out, label, span)
    }

    /// What each written index means, for the array at `base`.
    pub(super) fn index_spec(
        &mut self,
        base: NodeId,
        indices: &[IndexExpr],
        source: &Source,
    ) -> Result<Vec<IndexSpec>> {
        let mut spec = Vec::with_capacity(indices.len());
        for (axis, index) in indices.iter().enumerate() {
            spec.push(match index {
                IndexExpr::Slice {
                    start, stop, step, ..
                } => {
                    let mut part = |e: &Option<Expr>| -> Result<Option<isize>> {
                        e.as_ref().map(|e| self.whole_number(e, source)).transpose()
                    };
                    let (start, end, step) = (part(start)?, part(stop)?, part(step)?);
                    if start.is_none() && end.is_none() && step.is_none() {
                        IndexSpec::Full
                    } else {
                        IndexSpec::Slice { start, end, step }
                    }
                }
                IndexExpr::Expr(e) => {
                    let node = self.eval(e, source)?;
                    let value = &self.graph.node(node).value;
                    match value {
                        _ if value.number().is_some() => IndexSpec::Int(
                            value
                                .number()
                                .and_then(whole)
                                .ok_or_else(|| Error::new(msg!("index-not-whole"), e.span))?,
                        ),
                        Value::Bool(mask) if mask.ndim() == 1 => {
                            let size = self.graph.node(base).value.shape().get(axis).copied();
                            if size != Some(mask.len()) {
                                return Err(Error::new(
                                    msg!(
                                        "index-mask-length",
                                        length = mask.len(),
                                        size = size.unwrap_or(0)
                                    ),
                                    e.span,
                                ));
                            }
                            IndexSpec::Array(
                                mask.iter()
                                    .enumerate()
                                    .filter(|(_, keep)| **keep)
                                    .map(|(i, _)| i as isize)
                                    .collect(),
                            )
                        }
                        Value::Float(a) | Value::Int(a) if a.ndim() == 1 => {
                            // Sized at once: a batch's positions, every iteration.
                            let mut positions = Vec::with_capacity(a.len());
                            for &v in a.iter() {
                                positions.push(
                                    whole(v).ok_or_else(|| {
                                        Error::new(msg!("index-not-whole"), e.span)
                                    })?,
                                );
                            }
                            IndexSpec::Array(positions)
                        }
                        other => {
                            return Err(Error::new(
                                msg!("index-shape", shape = shape::describe(other.shape())),
                                e.span,
                            ));
                        }
                    }
                }
            });
        }
        Ok(spec)
    }

    /// An expression that must be one whole number (an index, a slice bound, an axis).
    pub(super) fn whole_number(&mut self, e: &Expr, source: &Source) -> Result<isize> {
        self.whole_number_for(e, Whole::Index, source)
    }

    /// `whole_number` where the number is not an index: its error says what it is for (a size
    /// of `reshape` or `eye`, an `axis=`, a `height=`) instead of speaking of `x[0.5]`.
    pub(super) fn whole_number_for(
        &mut self,
        e: &Expr,
        what: Whole,
        source: &Source,
    ) -> Result<isize> {
        let not_whole = || match what {
            Whole::Index => msg!("index-not-whole"),
            Whole::Size(Func::Reshape) => msg!("reshape-not-whole"),
            Whole::Size(Func::Eye) => msg!("eye-not-whole"),
            Whole::Size(func) => msg!("sizes-not-whole", func = func.name()),
            Whole::Axis => msg!("axis-not-whole"),
            Whole::Height { min, max } => msg!("plot-height", min = min, max = max),
        };
        match self.eval_detached(e, source)? {
            value if value.number().is_some() => value
                .number()
                .and_then(whole)
                .ok_or_else(|| Error::new(not_whole(), e.span)),
            other => Err(Error::new(
                msg!("index-shape", shape = shape::describe(other.shape())),
                e.span,
            )),
        }
    }

    /// `axis=` and `keepdims=` of `sum`, `mean`, `max` and `argmax`.
    fn reduce_options(
        &mut self,
        kwargs: &[(Ident, Expr)],
        source: &Source,
    ) -> Result<(Option<isize>, bool)> {
        let (mut axis, mut keepdims) = (None, false);
        for (key, value) in kwargs {
            match key.name.as_str() {
                "axis" => axis = Some(self.whole_number_for(value, Whole::Axis, source)?),
                _ => {
                    let node = self.eval(value, source)?;
                    keepdims = match &self.graph.node(node).value {
                        Value::Bool(b) if b.ndim() == 0 => b.iter().any(|&b| b),
                        number if number.number().is_some() => number.number() != Some(0.0),
                        _ => return Err(Error::new(msg!("keepdims-not-bool"), value.span)),
                    };
                }
            }
        }
        Ok((axis, keepdims))
    }

    /// The functions of section 5.6 onwards; the caller sends no other.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn eval_new_call(
        &mut self,
        func: Func,
        func_span: Span,
        args: &[Expr],
        kwargs: &[(Ident, Expr)],
        span: Span,
        label: &str,
        source: &Source,
    ) -> Result<NodeId> {
        let name = func.name();
        {
            let mut nodes = Vec::with_capacity(args.len());
            // `reshape`'s sizes, `range`'s bounds and `eye`'s size are numbers, not nodes.
            let numeric = matches!(
                func,
                Func::Range | Func::Arange | Func::Linspace | Func::Eye | Func::Reshape
            );
            if !numeric {
                for arg in args {
                    nodes.push(self.eval(arg, source)?);
                }
            }
            let shape_of = |s: &Session, i: usize| s.graph.node(nodes[i]).value.shape().to_vec();
            match func {
                Func::Dot => {
                    let out = checks::matmul(&shape_of(self, 0), &shape_of(self, 1))
                        .map_err(|e| refusal(e, name, span))?;
                    self.build(
                        Op::MatMul(Box::new(MatMul::new())),
                        &nodes,
                        &out,
                        label,
                        span,
                    )
                }
                Func::Affine => {
                    let (xs, ws) = (shape_of(self, 0), shape_of(self, 1));
                    let out =
                        checks::affine(&xs, &ws, &shape_of(self, 2)).map_err(|e| match e {
                            // The book's argument order is fixed: say which shape W needs.
                            LayerError::NotAligned { .. } if ws.len() == 2 => {
                                let features = xs.last().copied().unwrap_or(0);
                                Error::new(
                                    msg!(
                                        "affine-not-aligned",
                                        x = shape::describe(&xs),
                                        w = shape::describe(&ws),
                                        features = features,
                                        rows = ws[0],
                                        expected = shape::describe(&[features, ws[1]])
                                    ),
                                    span,
                                )
                            }
                            e => refusal(e, name, span),
                        })?;
                    self.build(
                        Op::Affine(Box::new(Affine::new())),
                        &nodes,
                        &out,
                        label,
                        span,
                    )
                }
                Func::Softmax => {
                    let out = shape_of(self, 0);
                    checks::softmax(&out).map_err(|e| refusal(e, name, span))?;
                    self.build(
                        Op::Softmax(Box::new(Softmax::new())),
                        &nodes,
                        &out,
                        label,
                        span,
                    )
                }
                Func::CrossEntropyError | Func::SoftmaxWithLoss => {
                    let (ys, ts) = (shape_of(self, 0), shape_of(self, 1));
                    let target =
                        checks::cross_entropy(&ys, &ts).map_err(|e| refusal(e, name, span))?;
                    if target == Target::Labels {
                        let classes = ys.last().copied().unwrap_or(1);
                        let t = self.floats_of(nodes[1]);
                        checks::labels(&t.view(), classes)
                            .map_err(|e| refusal(e, name, args[1].span))?;
                    }
                    let op = if func == Func::CrossEntropyError {
                        Op::CrossEntropy(Box::new(CrossEntropy::new()))
                    } else {
                        Op::SoftmaxWithLoss(Box::new(SoftmaxWithLoss::new()))
                    };
                    self.build(op, &nodes, &[], label, span)
                }
                Func::Sum | Func::Mean | Func::Max => {
                    let (axis, keepdims) = self.reduce_options(kwargs, source)?;
                    let xs = shape_of(self, 0);
                    // The sum or mean of a whole boolean mask (an accuracy, a count) is counted
                    // as it is read: no float copy of the mask, and nothing to differentiate.
                    if let (Func::Sum | Func::Mean, None, false, Value::Bool(mask)) =
                        (func, axis, keepdims, &self.graph.node(nodes[0]).value)
                    {
                        let trues = crate::engine::layers::common::count_true(mask) as f64;
                        // numpy counts booleans in int64, and a mean is a float64.
                        let value = match func {
                            Func::Sum => Value::Scalar(trues).into_int(),
                            _ => Value::Scalar(trues / mask.len() as f64),
                        };
                        return Ok(self.graph.leaf(value, label));
                    }
                    let (op, out) = match func {
                        Func::Sum => {
                            let l = Sum::new(axis, keepdims);
                            let out = l.check(&xs);
                            (Op::Sum(Box::new(l)), out)
                        }
                        Func::Mean => {
                            let l = Mean::new(axis, keepdims);
                            let out = l.check(&xs);
                            (Op::Mean(Box::new(l)), out)
                        }
                        _ => {
                            let l = Max::new(axis, keepdims);
                            let out = l.check(&xs);
                            (Op::Max(Box::new(l)), out)
                        }
                    };
                    // An axis out of bounds is pointed at where it was written.
                    let axis_span = kwargs
                        .iter()
                        .find(|(key, _)| key.name == "axis")
                        .map_or(span, |(key, value)| key.span.to(value.span));
                    let out = out.map_err(|e| match e {
                        LayerError::Axis { .. } => refusal(e, name, axis_span),
                        e => refusal(e, name, span),
                    })?;
                    self.build(op, &nodes, &out, label, span)
                }
                Func::Argmax => {
                    let (axis, _) = self.reduce_options(kwargs, source)?;
                    // A float array is read where it is; a mask's float copy and the result
                    // (at most one number per element) are asked for first.
                    let xs = shape_of(self, 0);
                    let out_len = match axis.and_then(|a| normalize_axis(a, xs.len()).ok()) {
                        Some(a) if xs[a] > 0 => xs.iter().product::<usize>() / xs[a],
                        _ => 1,
                    };
                    let copies = self.float_copies(&nodes[..1]);
                    self.reserve(copies.saturating_add(out_len.saturating_mul(8)), span)?;
                    let x = self.graph.node(nodes[0]).value.as_float().into_owned();
                    let out = argmax(&x.view(), axis).map_err(|e| refusal(e, name, span))?;
                    // numpy's positions are int64.
                    Ok(self.graph.leaf(Value::float(out).into_int(), label))
                }
                Func::Log | Func::Sqrt | Func::Tanh | Func::Transpose => {
                    let mut out = shape_of(self, 0);
                    let op = match func {
                        Func::Log => Op::Log(Box::new(Log::new())),
                        Func::Sqrt => Op::Sqrt(Box::new(Sqrt::new())),
                        Func::Tanh => Op::Tanh(Box::new(Tanh::new())),
                        _ => {
                            out.reverse();
                            Op::Transpose(Transpose)
                        }
                    };
                    self.build(op, &nodes, &out, label, span)
                }
                Func::Reshape => {
                    let x = self.eval(&args[0], source)?;
                    let mut dims = Vec::with_capacity(args.len() - 1);
                    for arg in &args[1..] {
                        dims.push(self.whole_number_for(arg, Whole::Size(func), source)?);
                    }
                    let size = self.graph.node(x).value.len();
                    let out = resolve_shape(size, &dims).map_err(|e| refusal(e, name, span))?;
                    self.build(
                        Op::Reshape(Box::new(Reshape::new(out.clone()))),
                        &[x],
                        &out,
                        label,
                        span,
                    )
                }
                Func::ZerosLike => {
                    let dims = shape_of(self, 0);
                    self.reserve_floats(self.graph.node(nodes[0]).value.len(), span)?;
                    let zeros =
                        memory::try_array(&dims, || 0.0).ok_or_else(|| refused(&dims, span))?;
                    // numpy's zeros_like keeps the dtype of x.
                    let int = self.graph.node(nodes[0]).value.is_int();
                    Ok(self.graph.leaf(Value::float(zeros).into_int_if(int), label))
                }
                Func::Print => match nodes.as_slice() {
                    [only] => Ok(*only),
                    _ => Err(Error::new(msg!("print-not-value"), span)),
                },
                // numpy's `np.array(x)`: a copy, a new array of its own, holding no gradient
                // path back to `x` (numpy's arrays have none).
                Func::Array => {
                    let value = &self.graph.node(nodes[0]).value;
                    self.reserve_floats(value.len(), span)?;
                    let copy = value.copied();
                    Ok(self.graph.leaf(copy, label))
                }
                Func::Eye => {
                    let n = self.whole_number_for(&args[0], Whole::Size(func), source)?;
                    let n = usize::try_from(n).map_err(|_| {
                        Error::new(msg!("sizes-not-whole", func = name), args[0].span)
                    })?;
                    let dims = [n, n];
                    let Some(len) = shape::checked_len(&dims) else {
                        return Err(Error::new(crate::engine::graph::too_large(&dims), span));
                    };
                    self.reserve_floats(len, span)?;
                    let mut eye =
                        memory::try_array(&dims, || 0.0).ok_or_else(|| refused(&dims, span))?;
                    eye.diag_mut().fill(1.0);
                    Ok(self.graph.leaf(Value::float(eye), label))
                }
                Func::Range | Func::Arange | Func::Linspace => {
                    let sequence = self.sequence(func, args, span, source, false)?;
                    // The count is known before anything is made: the budget is asked first,
                    // then the system, and only then are the values written.
                    let len = sequence.count;
                    self.reserve_floats(len, span)?;
                    let mut i = 0;
                    let array = memory::try_array(&[len], || {
                        let value = sequence.value(i);
                        i += 1;
                        value
                    })
                    .ok_or_else(|| refused(&[len], span))?;
                    let value = if sequence.int {
                        Value::Int(Box::new(array.into_shared()))
                    } else {
                        Value::float(array)
                    };
                    Ok(self.graph.leaf(value, label))
                }
                _ => unreachable_call(func, func_span),
            }
        }
    }
}

/// Only the functions `eval_new_call` lists reach its body.
fn unreachable_call(func: Func, span: Span) -> Result<NodeId> {
    Err(Error::new(
        msg!("not-yet-supported", what = func.name()),
        span,
    ))
}

/// A float that is a whole number, as an index.
fn whole(v: f64) -> Option<isize> {
    (v.fract() == 0.0 && v.abs() < 1e15).then_some(v as isize)
}

/// What a whole number is asked for, which its error names.
#[derive(Debug, Clone, Copy)]
pub(super) enum Whole {
    Index,
    /// A size of `reshape` or `eye`.
    Size(Func),
    Axis,
    /// `plot`'s `height=`, from `min` to `max` rows.
    Height {
        min: usize,
        max: usize,
    },
}

/// The values of `range`, `arange` or `linspace`, described without being made: `count`
/// values, the i-th `start + i * step`, and linspace's last exactly its `stop`. A `for` over
/// one walks it without an array; a call makes the array after the budget said yes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Sequence {
    pub start: f64,
    pub step: f64,
    pub count: usize,
    /// linspace's `stop`, which its last value is exactly.
    pub last: Option<f64>,
    /// Whether the values are int64s: `range`'s always, `arange`'s when its bounds are ints.
    pub int: bool,
}

impl Sequence {
    /// The `i`-th value, `i < count`.
    pub fn value(&self, i: usize) -> f64 {
        match self.last {
            Some(last) if i + 1 == self.count && self.count > 1 => last,
            _ => self.start + i as f64 * self.step,
        }
    }

    /// The `i`-th value as a value of its kind.
    pub fn item(&self, i: usize) -> Value {
        let v = self.value(i);
        if self.int {
            Value::int_scalar(v)
        } else {
            Value::Scalar(v)
        }
    }
}

/// Why a sequence cannot be made.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum SequenceError {
    /// arange or range with a step of 0.
    ZeroStep,
    /// linspace's count is negative or not whole.
    BadCount,
    /// More values than an array may hold; the count, as numpy would compute it.
    TooMany(f64),
}

/// numpy's `arange(stop)`, `arange(start, stop)`, `arange(start, stop, step)`: `ceil((stop −
/// start) / step)` values.
pub(super) fn arange(bounds: &[f64]) -> std::result::Result<Sequence, SequenceError> {
    let (start, stop, step) = match *bounds {
        [stop] => (0.0, stop, 1.0),
        [start, stop] => (start, stop, 1.0),
        [start, stop, step] => (start, stop, step),
        _ => return Err(SequenceError::BadCount),
    };
    if step == 0.0 {
        return Err(SequenceError::ZeroStep);
    }
    let count = ((stop - start) / step).ceil().max(0.0);
    if count > shape::MAX_ELEMENTS as f64 {
        return Err(SequenceError::TooMany(count));
    }
    Ok(Sequence {
        start,
        step,
        count: count as usize,
        last: None,
        int: false,
    })
}

/// numpy's `linspace(start, stop, num)`: `start + i * step` with the last value exactly `stop`.
pub(super) fn linspace(
    start: f64,
    stop: f64,
    num: f64,
) -> std::result::Result<Sequence, SequenceError> {
    if num < 0.0 || num.fract() != 0.0 {
        return Err(SequenceError::BadCount);
    }
    if num > shape::MAX_ELEMENTS as f64 {
        return Err(SequenceError::TooMany(num));
    }
    let count = num as usize;
    let div = count.saturating_sub(1).max(1) as f64;
    Ok(Sequence {
        start,
        step: (stop - start) / div,
        count,
        last: Some(stop),
        int: false,
    })
}

impl Session {
    /// The sequence a call of `range`, `arange` or `linspace` stands for, checked: finite
    /// numbers, whole ones for `range`, a step that is not 0, a count an array may have (or a
    /// loop may run, `for_loop`).
    pub(super) fn sequence(
        &mut self,
        func: Func,
        args: &[Expr],
        span: Span,
        source: &Source,
        for_loop: bool,
    ) -> Result<Sequence> {
        let name = func.name();
        let mut bounds = Vec::with_capacity(args.len());
        let mut ints = true;
        for arg in args {
            let node = self.eval(arg, source)?;
            ints &= self.graph.node(node).value.is_int();
            match self.graph.node(node).value.number() {
                Some(v) if v.is_finite() => bounds.push(v),
                _ => {
                    return Err(Error::new(msg!("range-not-number", func = name), arg.span));
                }
            }
        }
        let sequence = if func == Func::Linspace {
            linspace(bounds[0], bounds[1], bounds[2])
        } else {
            if func == Func::Range
                && let Some(k) = bounds.iter().position(|b| b.fract() != 0.0)
            {
                return Err(Error::new(msg!("range-not-whole"), args[k].span));
            }
            arange(&bounds)
        };
        let sequence = sequence.map(|s| Sequence {
            int: func == Func::Range || (func == Func::Arange && ints),
            ..s
        });
        sequence.map_err(|e| {
            let message = match e {
                SequenceError::ZeroStep => msg!("range-zero-step", func = name),
                SequenceError::BadCount => msg!("linspace-count"),
                SequenceError::TooMany(count) => {
                    // Exact up to 10^16; beyond, numpy's own way of writing a huge count.
                    let count = if count < 1e16 {
                        format!("{count:.0}")
                    } else {
                        format!("{count:e}")
                    };
                    if for_loop {
                        msg!(
                            "for-too-long",
                            count = count,
                            max = super::blocks::MAX_ITERATIONS
                        )
                    } else {
                        msg!(
                            "array-too-large",
                            shape = format!("({count},)"),
                            count = count,
                            max = shape::MAX_ELEMENTS
                        )
                    }
                }
            };
            Error::new(message, span)
        })
    }
}

/// Python's `a // b` on floats, as numpy's `floor_divide` computes it: `floor(a / b)` corrected
/// by the remainder, so that `7 // 2` is 3, `-7 // 2` is -4 and `7.5 // 2` is 3.0; a division
/// by 0 is ±inf (or nan for 0 // 0), as numpy's is.
fn python_floor_div(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        return a / b;
    }
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && (b < 0.0) != (m < 0.0) {
        div -= 1.0;
    }
    if div == 0.0 {
        return 0.0_f64.copysign(a / b);
    }
    let floor = div.floor();
    if div - floor > 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

/// numpy's `argmax`: the first position of the largest value (a NaN counts as largest), over
/// the flattened array or along `axis`.
fn argmax(
    x: &ndarray::ArrayViewD<'_, f64>,
    axis: Option<isize>,
) -> std::result::Result<ArrayD<f64>, LayerError> {
    fn first_max<'a>(lane: impl Iterator<Item = &'a f64>) -> f64 {
        let mut best = 0;
        let mut best_value = f64::NEG_INFINITY;
        for (i, &v) in lane.enumerate() {
            if v.is_nan() {
                return i as f64;
            }
            if i == 0 || v > best_value {
                best = i;
                best_value = v;
            }
        }
        best as f64
    }
    match axis {
        None => {
            if x.is_empty() {
                return Err(LayerError::EmptyMax);
            }
            Ok(ArrayD::from_elem(IxDyn(&[]), first_max(x.iter())))
        }
        Some(axis) => {
            let axis = crate::engine::layers::common::normalize_axis(axis, x.ndim())?;
            if x.shape()[axis] == 0 {
                return Err(LayerError::EmptyMax);
            }
            // Row after row where the lanes are strided, with the same answer.
            let found = crate::engine::layers::common::fold_axis(
                &x.view(),
                axis,
                (f64::NEG_INFINITY, 0),
                |(best, at), i, v| {
                    if best.is_nan() {
                        (best, at)
                    } else if v.is_nan() || i == 0 || v > best {
                        (v, i)
                    } else {
                        (best, at)
                    }
                },
                |lane| (0.0, first_max(lane.iter()) as usize),
            );
            Ok(found.mapv(|(_, at)| at as f64))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_numpys() {
        let values = |s: Sequence| (0..s.count).map(|i| s.value(i)).collect::<Vec<f64>>();
        assert_eq!(arange(&[3.0]).map(values), Ok(vec![0.0, 1.0, 2.0]));
        assert_eq!(
            arange(&[1.0, 7.0, 2.0]).map(values),
            Ok(vec![1.0, 3.0, 5.0])
        );
        assert_eq!(
            arange(&[3.0, 0.0, -1.0]).map(values),
            Ok(vec![3.0, 2.0, 1.0])
        );
        assert_eq!(arange(&[0.0, 1.0, 0.0]), Err(SequenceError::ZeroStep));
        assert!(matches!(
            arange(&[0.0, 1.0, 1e-300]),
            Err(SequenceError::TooMany(count)) if count > 9.99e299
        ));
        let l = values(linspace(-3.0, 3.0, 61.0).expect("61 values"));
        assert_eq!((l.len(), l[0], l[30], l[60]), (61, -3.0, 0.0, 3.0));
        assert_eq!(
            linspace(0.0, 1.0, 5.0).map(values),
            Ok(vec![0.0, 0.25, 0.5, 0.75, 1.0])
        );
        assert_eq!(linspace(0.0, 1.0, 2.5), Err(SequenceError::BadCount));
    }

    #[test]
    fn argmax_takes_the_first_of_equals_along_an_axis() {
        let x = ArrayD::from_shape_vec(IxDyn(&[2, 3]), vec![1.0, 5.0, 5.0, 7.0, 0.0, 2.0])
            .expect("2x3");
        let rows = argmax(&x.view(), Some(1)).expect("axis 1");
        assert_eq!(rows.iter().copied().collect::<Vec<_>>(), [1.0, 0.0]);
        let cols = argmax(&x.view(), Some(0)).expect("axis 0");
        assert_eq!(cols.iter().copied().collect::<Vec<_>>(), [1.0, 0.0, 0.0]);
        assert_eq!(argmax(&x.view(), None).expect("flat").first(), Some(&3.0));
        assert!(argmax(&x.view(), Some(2)).is_err());
    }
}
