//! The statements of the book's training loop: `W -= lr * grad(W)` and `losses[i] = loss`,
//! which change a variable's value as numpy's in-place operators do, and `for` and `if` blocks.
//!
//! An update makes the variable a new leaf holding the new value. So a parameter stays a leaf
//! through any number of iterations, and the graph does not grow a chain of old values: what the
//! previous iteration built becomes garbage. (numpy changes the array in place; a second name for
//! the same array, `y = W`, keeps the old value here.)
//!
//! A block's statements were parsed once, with the block; each iteration runs them again. Inside
//! a block only `print(e)`, `check` and `graph` show anything, as in a Python script. A statement
//! that fails stops the block there; what the iterations before it did stays, as in Python.

use super::{Outcome, Progress, Session, Source, interrupted};
use crate::engine::graph::{NodeId, Op};
use crate::engine::interrupt;
use crate::engine::layers::checks;
use crate::engine::shape;
use crate::engine::value::Value;
use crate::lang::ast::{BinOp, Expr, ExprKind, Func, Ident, Index, Statement, StatementKind};
use crate::lang::error::{Error, Result};
use crate::msg;
use ndarray::Axis;

/// The most iterations one `for` may run, so that a typo such as `range(10**12)` is an error and
/// not a session that never answers. (Ctrl-C stops a loop too.)
pub const MAX_ITERATIONS: usize = 100_000_000;

/// Whether `statement` is `print(e)`, which prints inside blocks and even after `;`.
pub fn is_print(statement: &Statement) -> bool {
    matches!(
        &statement.kind,
        StatementKind::Expr(Expr {
            kind: ExprKind::Call {
                func: Func::Print,
                ..
            },
            ..
        })
    )
}

impl Session {
    /// Runs one statement: a block runs its body, anything else is executed and its outcome
    /// handed to `each` (inside a block, only what a script would show). Garbage is collected
    /// after each statement, in a block after each of its statements.
    pub(super) fn run_statement(
        &mut self,
        statement: &Statement,
        source: &Source,
        each: &mut dyn FnMut(&Session, &Statement, Outcome) -> Result<()>,
        in_block: bool,
    ) -> Result<()> {
        match &statement.kind {
            StatementKind::For { var, iter, body } => {
                return self.run_for(var, iter, body, source, each);
            }
            StatementKind::If {
                cond,
                then_body,
                else_body,
            } => {
                let taken = self.truth(cond, source)?;
                let body = if taken { then_body } else { else_body };
                for inner in body {
                    self.run_statement(inner, source, each, true)?;
                }
                return Ok(());
            }
            _ => {}
        }
        let outcome = match self.execute(statement, source) {
            // Garbage may still hold what the budget needs: collect it (the failed statement
            // left nothing behind, so no node id is in use) and try once more.
            Err(e) if e.is_over_budget() => {
                self.collect_soon = true;
                self.collect_garbage();
                self.execute(statement, source)?
            }
            result => result?,
        };
        let shows = !in_block
            || is_print(statement)
            || matches!(
                outcome,
                Outcome::Check(_)
                    | Outcome::Graph { .. }
                    | Outcome::Plot { .. }
                    | Outcome::Image { .. }
            );
        let shown = if shows {
            each(self, statement, outcome)
        } else {
            Ok(())
        };
        // The outcome has been rendered; now node ids may move.
        self.collect_garbage();
        shown
    }

    fn run_for(
        &mut self,
        var: &Ident,
        iter: &Expr,
        body: &[Statement],
        source: &Source,
        each: &mut dyn FnMut(&Session, &Statement, Outcome) -> Result<()>,
    ) -> Result<()> {
        // A `for` over range, arange or linspace walks the numbers without making the array:
        // `for i in range(10**12)` costs nothing until it runs, and is refused by its count.
        let sequence = match &iter.kind {
            ExprKind::Call {
                func: func @ (Func::Range | Func::Arange | Func::Linspace),
                args,
                ..
            } => Some(self.sequence(*func, args, iter.span, source, true)?),
            _ => None,
        };
        // Any other iterable is walked by its rows where it is: only one row at a time is
        // copied, as the loop variable.
        let items = match sequence {
            Some(_) => None,
            None => Some(self.eval_detached(iter, source)?),
        };
        let count = match (&sequence, &items) {
            (Some(sequence), _) => sequence.count,
            (None, Some(items)) if !items.shape().is_empty() => items.shape()[0],
            _ => return Err(Error::new(msg!("for-not-iterable"), iter.span)),
        };
        if count > MAX_ITERATIONS {
            return Err(Error::new(
                msg!("for-too-long", count = count, max = MAX_ITERATIONS),
                iter.span,
            ));
        }
        let started = std::time::Instant::now();
        let result = (|| {
            for done in 0..count {
                self.report_loop(done, count, started);
                if interrupt::requested() {
                    return Err((done, interrupted(var.span).unwrap_err()));
                }
                let item = match (&sequence, &items) {
                    // range's numbers are ints, as Python's are; arange's and linspace's
                    // are what the sequence says.
                    (Some(sequence), _) => sequence.item(done),
                    (None, Some(Value::Float(items))) => {
                        Value::float(items.index_axis(Axis(0), done).to_owned())
                    }
                    (None, Some(Value::Int(items))) => {
                        Value::Int(Box::new(items.index_axis(Axis(0), done).to_shared()))
                    }
                    // A mask's rows are masks, as numpy's are.
                    (None, Some(Value::Bool(items))) => {
                        Value::bools(items.index_axis(Axis(0), done).to_owned())
                    }
                    (None, Some(Value::Scalar(_))) => break,
                    (None, None) => break,
                };
                let leaf = self.graph.leaf(item, &var.name);
                self.bind(&var.name, leaf);
                for statement in body {
                    self.run_statement(statement, source, each, true)
                        .map_err(|e| (done, e))?;
                }
            }
            Ok(())
        })();
        self.report_loop(count, count, started);
        match result {
            Ok(()) => Ok(()),
            // Ctrl-C: what finished stands; say how much that was.
            Err((done, e)) if e.is_interrupt() => Err(Error::new(
                msg!("interrupted-loop", done = done, total = count),
                e.span,
            )),
            Err((_, e)) => Err(e),
        }
    }

    /// Tells the progress hook how far a loop got, with the latest 0-d `loss`.
    fn report_loop(&self, done: usize, total: usize, started: std::time::Instant) {
        let Some(hook) = &self.progress else {
            return;
        };
        let loss = self.value("loss").and_then(Value::number);
        (hook.0)(Progress::Loop {
            done,
            total,
            elapsed: started.elapsed(),
            loss,
        });
    }

    /// An `if`'s condition: one value, true when it is not 0 (or False), as numpy's `bool()`.
    fn truth(&mut self, cond: &Expr, source: &Source) -> Result<bool> {
        let value = self.eval_detached(cond, source)?;
        if value.is_empty() {
            return Err(Error::new(
                msg!("if-empty", shape = shape::describe(value.shape())),
                cond.span,
            ));
        }
        if value.len() != 1 {
            return Err(Error::new(
                msg!("if-ambiguous", shape = shape::describe(value.shape())),
                cond.span,
            ));
        }
        Ok(value.to_float().iter().any(|&v| v != 0.0))
    }

    /// `NAME op= value`: the variable becomes a leaf holding `NAME op value`, of its own shape.
    pub(super) fn aug_assign(
        &mut self,
        name: &Ident,
        op: BinOp,
        value: &Expr,
        span: crate::lang::ast::Span,
        source: &Source,
    ) -> Result<Outcome> {
        let old = self.lookup_bound(name)?;
        let rhs = self.eval(value, source)?;
        let old_shape = self.graph.node(old).value.shape().to_vec();
        let rhs_shape = self.graph.node(rhs).value.shape().to_vec();
        if op != BinOp::MatMul
            && shape::broadcast(&old_shape, &rhs_shape).as_deref() != Some(&old_shape[..])
        {
            return Err(Error::new(
                msg!(
                    "update-shape",
                    name = &name.name,
                    shape = shape::describe(&old_shape),
                    result = shape::describe(
                        &shape::broadcast(&old_shape, &rhs_shape).unwrap_or(rhs_shape)
                    )
                ),
                span,
            ));
        }
        let new = self.combine(op, old, rhs, span)?;
        interrupted(span)?;
        let result = self.graph.node(new).value.clone();
        if result.shape() != old_shape.as_slice() {
            return Err(Error::new(
                msg!(
                    "update-shape",
                    name = &name.name,
                    shape = shape::describe(&old_shape),
                    result = shape::describe(result.shape())
                ),
                span,
            ));
        }
        self.bind_update(&name.name, old, result.clone());
        Ok(Outcome::Value {
            name: Some(name.name.clone()),
            value: result,
            origin: super::Origin::Computed,
        })
    }

    /// `lhs op rhs` as a node, for the updates.
    fn combine(
        &mut self,
        op: BinOp,
        lhs: usize,
        rhs: usize,
        span: crate::lang::ast::Span,
    ) -> Result<usize> {
        match op {
            BinOp::MatMul | BinOp::Pow | BinOp::Mod | BinOp::FloorDiv => {
                self.eval_new_binary(op, lhs, rhs, "", span)
            }
            _ => {
                self.reserve_binary(op, lhs, rhs, span)?;
                self.graph
                    .binary(op, lhs, rhs, "")
                    .map_err(|m| Error::new(m, span))
            }
        }
    }

    /// Binds `name` to the updated `value`, a new leaf of the same kind as `old` was: an update
    /// of data is data, of anything else a leaf, outside the graph.
    fn bind_update(&mut self, name: &str, old: NodeId, value: Value) {
        let leaf = if matches!(self.graph.node(old).op, Op::Data) {
            self.graph.data(value, name)
        } else {
            self.graph.leaf(value, name)
        };
        self.bind(name, leaf);
    }

    /// Whether an index assignment may change `target`'s array where it is, instead of making
    /// an updated copy: only one name holds it, no node made before this statement (which
    /// began with `nodes_before` nodes) reads it, and the last `back` did not reach it, so no
    /// value, picture or gradient could tell the difference.
    fn writes_in_place(&self, target: NodeId, nodes_before: NodeId) -> bool {
        let one_name = self.bindings.iter().filter(|(_, n)| *n == target).count() == 1;
        let in_back = self.last_back.as_ref().is_some_and(|back| {
            back.output_node == target
                || back.gradients.has(target)
                || back.former.iter().any(|&(_, n)| n == target)
        });
        one_name
            && !in_back
            && !self.former.contains_key(&target)
            && !self.graph.is_read_between(target, target + 1, nodes_before)
    }

    /// `NAME[index] = value` and `NAME[index] op= value`: the selection is written into the
    /// array where it is when nothing else can see it (`writes_in_place`); otherwise the
    /// variable becomes a leaf holding a copy with the selection replaced.
    pub(super) fn index_assign(
        &mut self,
        name: &Ident,
        indices: &[Index],
        op: Option<BinOp>,
        value: &Expr,
        span: crate::lang::ast::Span,
        source: &Source,
    ) -> Result<Outcome> {
        let target = self.lookup_bound(name)?;
        let nodes_before = self.graph.len();
        let spec = self.index_spec(target, indices, source)?;
        let mut rhs = self.eval(value, source)?;
        let target_shape = self.graph.node(target).value.shape().to_vec();
        if let Some(op) = op {
            let selection = self.eval_index(target, indices, "", span, source)?;
            rhs = self.combine(op, selection, rhs, span)?;
        }
        interrupted(span)?;
        let rhs_value = self.graph.node(rhs).value.to_float().into_shared();
        checks::assign(&target_shape, &spec, rhs_value.shape())
            .map_err(|e| Error::new(e.message(&format!("{}[...] =", name.name)), span))?;
        if self.writes_in_place(target, nodes_before) {
            // Nothing else can see the array: write the selected elements where they are.
            if let Some(flat) = self.graph.leaf_elements_mut(target) {
                crate::engine::layers::index::assign_into(flat, &target_shape, &spec, &rhs_value);
                return Ok(Outcome::Value {
                    name: Some(name.name.clone()),
                    value: self.graph.node(target).value.clone(),
                    origin: super::Origin::Computed,
                });
            }
        }
        self.reserve_floats(self.graph.node(target).value.len(), span)?;
        let current = self.graph.node(target).value.as_float().into_owned();
        let mut updated = crate::engine::layers::index::assign(&current, &spec, &rhs_value);
        // An int64 array stays one, as numpy's does: what is written is cut to a whole number.
        let result = if self.graph.node(target).value.is_int() {
            updated.mapv_inplace(f64::trunc);
            Value::float(updated).into_int()
        } else {
            Value::float(updated)
        };
        self.bind_update(&name.name, target, result.clone());
        Ok(Outcome::Value {
            name: Some(name.name.clone()),
            value: result,
            origin: super::Origin::Computed,
        })
    }
}
