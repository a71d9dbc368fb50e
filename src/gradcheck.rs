//! `check NAME`: the book's gradient check (기울기 확인). For every named leaf that NAME depends
//! on, the numerical gradient of `sum(NAME)` by central difference with h = 1e-4, each element
//! nudged in turn, compared with the gradient `back` gives with a dout of ones.
//!
//! Nothing is changed: the nudged forward passes run on fresh layer objects through
//! `Graph::recompute`, and the session's variables and last gradients stay as they were.

use crate::graph::{Graph, NodeId, Op};
use crate::session::Session;
use crate::style::Style;
use crate::value::Value;
use ndarray::ArrayD;

/// The book's step for the central difference.
pub const H: f64 = 1e-4;
/// An element passes when |numerical − back| ≤ TOLERANCE · (1 + |back|).
pub const TOLERANCE: f64 = 1e-4;
/// The most forward passes one check may run (two per element of every leaf).
pub const MAX_WORK: usize = 20_000_000;

/// The comparison for one variable.
#[derive(Debug, Clone, PartialEq)]
pub struct VarCheck {
    pub name: String,
    pub mean_abs_diff: f64,
    pub max_abs_diff: f64,
    pub ok: bool,
    /// Elements whose nudge moved a ReLU input across or onto 0; they are left out of the
    /// comparison, because there the two gradients may rightly disagree.
    pub at_kink: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub target: String,
    pub vars: Vec<VarCheck>,
}

impl Report {
    pub fn all_ok(&self) -> bool {
        self.vars.iter().all(|v| v.ok)
    }
}

/// Runs the check of `sum(output)` for every named leaf it depends on.
pub fn check(session: &Session, output: NodeId, target: &str) -> Result<Report, String> {
    let graph = session.graph();
    let took_part = graph.ancestors(output);
    let leaves: Vec<(String, NodeId)> = session
        .bindings()
        .filter(|&(_, node)| {
            node <= output
                && took_part[node]
                && matches!(graph.node(node).op, Op::Leaf)
                && matches!(graph.node(node).value, Value::Float(_))
        })
        .map(|(name, node)| (name.to_string(), node))
        .collect();
    check_leaves(graph, output, target, &leaves)
}

/// The check itself, on a graph and the leaves to nudge.
pub fn check_leaves(
    graph: &Graph,
    output: NodeId,
    target: &str,
    leaves: &[(String, NodeId)],
) -> Result<Report, String> {
    let Value::Float(out_value) = &graph.node(output).value else {
        return Err(format!(
            "'{target}' is a boolean array; check needs numbers"
        ));
    };
    if leaves.is_empty() {
        return Err(format!(
            "'{target}' depends on no named variable; check compares gradients of names such as x = [1.0, 2.0]"
        ));
    }
    let elements: usize = leaves.iter().map(|(_, n)| graph.node(*n).value.len()).sum();
    let work = elements.saturating_mul(2).saturating_mul(output + 1);
    if work > MAX_WORK {
        return Err(format!(
            "checking '{target}' would take {elements} × 2 forward passes over {} nodes; check a smaller graph (at most {MAX_WORK} node evaluations)",
            output + 1
        ));
    }
    let gradients = graph.backward(output, ArrayD::ones(out_value.raw_dim()));
    let mut vars = Vec::new();
    for (name, leaf) in leaves {
        let leaf = *leaf;
        let original = graph.node(leaf).value.to_float();
        let backprop = gradients
            .get(leaf)
            .cloned()
            .unwrap_or_else(|| ArrayD::zeros(original.raw_dim()));
        let mut nudged = original.clone();
        let (mut sum_diff, mut max_diff, mut compared, mut at_kink, mut ok) =
            (0.0, 0.0f64, 0usize, 0usize, true);
        for i in 0..original.len() {
            let Some(cell) = nudged
                .as_slice_memory_order_mut()
                .and_then(|s| s.get_mut(i))
            else {
                continue;
            };
            let x = *cell;
            *cell = x + H;
            let (plus, kink_plus) = graph.recompute(output, leaf, &nudged);
            set(&mut nudged, i, x - H);
            let (minus, kink_minus) = graph.recompute(output, leaf, &nudged);
            set(&mut nudged, i, x);
            if kink_plus || kink_minus {
                at_kink += 1;
                continue;
            }
            let numerical = (plus.sum() - minus.sum()) / (2.0 * H);
            let analytic = original_order(&backprop, i);
            let diff = (numerical - analytic).abs();
            let agree = diff <= TOLERANCE * (1.0 + analytic.abs())
                || (numerical.is_nan() && analytic.is_nan());
            ok &= agree;
            let diff = if diff.is_nan() { f64::INFINITY } else { diff };
            sum_diff += diff;
            max_diff = max_diff.max(diff);
            compared += 1;
        }
        vars.push(VarCheck {
            name: name.clone(),
            mean_abs_diff: if compared > 0 {
                sum_diff / compared as f64
            } else {
                0.0
            },
            max_abs_diff: max_diff,
            ok,
            at_kink,
        });
    }
    Ok(Report {
        target: target.to_string(),
        vars,
    })
}

/// The check as the learner reads it.
pub fn render(report: &Report, style: &Style) -> String {
    let mut out = format!(
        "{}\n",
        style.context(&format!(
            "check {}: numerical gradient of sum({}) (central difference, h = 1e-4) against back with dout = ones",
            report.target, report.target
        ))
    );
    let width = report.vars.iter().map(|v| v.name.len()).max().unwrap_or(0);
    for var in &report.vars {
        let verdict = if var.ok {
            style.ok("ok")
        } else {
            style.error("MISMATCH")
        };
        let pad = " ".repeat(width - var.name.len());
        out.push_str(&format!(
            "  {}{pad}  mean |diff| {}  max |diff| {}  {verdict}\n",
            style.name(&var.name),
            short(var.mean_abs_diff),
            short(var.max_abs_diff)
        ));
    }
    for var in report.vars.iter().filter(|v| v.at_kink > 0) {
        out.push_str(&format!(
            "{} {} element(s) of {} sit at a ReLU kink (an input at or within h of 0), where the numerical and the backprop gradient may rightly disagree; they were left out\n",
            style.warning("warning:"),
            var.at_kink,
            var.name
        ));
    }
    out.push_str(&style.context(&format!(
        "tolerance: |numerical − back| ≤ {TOLERANCE:e} × (1 + |back|) in every element\n"
    )));
    out
}

/// A difference in three significant digits: `1.22e-11`, or `0` when there is none.
fn short(x: f64) -> String {
    if x == 0.0 {
        "0".to_string()
    } else {
        format!("{x:.2e}")
    }
}

fn set(array: &mut ArrayD<f64>, i: usize, value: f64) {
    if let Some(cell) = array.as_slice_memory_order_mut().and_then(|s| s.get_mut(i)) {
        *cell = value;
    }
}

/// Element `i` of `array` in memory order, the order the nudges walk.
fn original_order(array: &ArrayD<f64>, i: usize) -> f64 {
    array
        .as_slice_memory_order()
        .and_then(|s| s.get(i))
        .copied()
        .unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::IxDyn;

    fn leaf(graph: &mut Graph, values: &[f64]) -> NodeId {
        let array = ArrayD::from_shape_vec(IxDyn(&[values.len()]), values.to_vec()).expect("1-d");
        graph.leaf(Value::float(array), "leaf")
    }

    #[test]
    fn a_wrong_layer_fails_the_check_and_a_right_one_passes() {
        let mut graph = Graph::new();
        let x = leaf(&mut graph, &[1.5, -2.0]);
        let y = leaf(&mut graph, &[0.5, 3.0]);
        let right = graph
            .binary(crate::ast::BinOp::Mul, x, y, "x * y".into())
            .expect("same shapes");
        let wrong = graph.broken_mul(x, y);
        let leaves = vec![("x".to_string(), x), ("y".to_string(), y)];
        let passed = check_leaves(&graph, right, "right", &leaves).expect("checkable");
        assert!(passed.all_ok(), "{passed:?}");
        let failed = check_leaves(&graph, wrong, "wrong", &leaves).expect("checkable");
        assert!(!failed.all_ok(), "the broken layer must fail: {failed:?}");
        assert!(failed.vars.iter().all(|v| !v.ok && v.max_abs_diff > 1.0));
    }

    #[test]
    fn a_kink_is_left_out_and_counted() {
        let mut graph = Graph::new();
        let x = leaf(&mut graph, &[0.0, 1.0, -1.0]);
        let r = graph.unary(crate::graph::UnaryKind::Relu, x, "relu(x)".into());
        let report = check_leaves(&graph, r, "r", &[("x".to_string(), x)]).expect("checkable");
        assert_eq!(report.vars[0].at_kink, 1);
        assert!(report.all_ok());
    }
}
