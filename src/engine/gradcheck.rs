//! `check NAME [DOUT]`: the book's gradient check (기울기 확인). For every named leaf that NAME
//! depends on, the numerical gradient of `sum(NAME * DOUT)` by central difference with
//! h = 1e-4, each element nudged in turn, compared with the gradient `back NAME DOUT` gives.
//! Without a DOUT it is ones: the gradient of `sum(NAME)`.
//!
//! Nothing is changed: the nudged forward passes run on fresh layer objects through
//! `Graph::recompute`, and the session's variables and last gradients stay as they were.

use crate::engine::graph::{Graph, NodeId};
use crate::engine::random::Rng;
use crate::i18n::Message;
use crate::msg;
use ndarray::ArrayD;

/// The book's step for the central difference.
pub const H: f64 = 1e-4;
/// An element passes when |numerical − back| ≤ TOLERANCE · (1 + |back|).
pub const TOLERANCE: f64 = 1e-4;
/// The most element operations one check may do: elements nudged × 2 × the elements of every
/// node a forward pass recomputes. At a few hundred million simple operations a second, this
/// is a few seconds of work.
pub const MAX_WORK: usize = 1_000_000_000;
/// Work beyond which a check reports its progress (about a second of it).
pub const PROGRESS_WORK: usize = 100_000_000;
/// How many elements of each variable a check samples when the full check would pass the guard.
pub const DEFAULT_SAMPLE: usize = 100;

/// The comparison for one variable.
#[derive(Debug, Clone, PartialEq)]
pub struct VarCheck {
    pub name: String,
    pub mean_abs_diff: f64,
    pub max_abs_diff: f64,
    pub ok: bool,
    /// Elements whose nudge moved a ReLU input across or onto 0; they are left out of the
    /// comparison, because there the two gradients may rightly disagree.
    pub kinks: Vec<Kink>,
    /// How many of the variable's elements were nudged, of how many.
    pub checked: usize,
    pub total: usize,
}

/// One element left out of the comparison at a ReLU kink, with both gradients, so the learner
/// sees the disagreement instead of a count.
#[derive(Debug, Clone, PartialEq)]
pub struct Kink {
    /// The element's index, one number per axis.
    pub index: Vec<usize>,
    pub numerical: f64,
    pub back: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub target: String,
    pub vars: Vec<VarCheck>,
    /// Elements per variable when the check sampled, and whether it chose to (the full check
    /// would have passed the guard) rather than being asked to with `check NAME sample N`.
    pub sample: Option<(usize, bool)>,
    /// The dout as the learner wrote it (`check y [1, 2]`), `None` for ones.
    pub dout: Option<String>,
    /// Variables of the report that hold an older value than their name does now: the name was
    /// bound again (`W1 -= …`) after the target was computed from it. They are the last
    /// `rebound.len()` entries of `vars`, in this order.
    pub rebound: Vec<String>,
}

impl Report {
    pub fn all_ok(&self) -> bool {
        self.vars.iter().all(|v| v.ok)
    }
}

/// The check itself, on a graph and the leaves to nudge.
pub fn check_leaves(
    graph: &Graph,
    output: NodeId,
    target: &str,
    leaves: &[(String, NodeId)],
    sample: Option<usize>,
    rng: &mut Rng,
) -> Result<Report, Message> {
    check_leaves_with(
        graph,
        output,
        target,
        leaves,
        sample,
        None,
        rng,
        &mut |_, _| {},
    )
}

/// `check_leaves` with a chosen `dout` (already of the output's shape; `None` is ones), calling
/// `progress(done, total)` in elements nudged after each one when the check's estimated work
/// passes `PROGRESS_WORK`, so that a long check can show how far it got.
#[allow(clippy::too_many_arguments)]
pub fn check_leaves_with(
    graph: &Graph,
    output: NodeId,
    target: &str,
    leaves: &[(String, NodeId)],
    sample: Option<usize>,
    dout: Option<&ArrayD<f64>>,
    rng: &mut Rng,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Report, Message> {
    let out_value = &graph.node(output).value;
    if !out_value.is_float() {
        return Err(msg!("check-boolean", name = target));
    }
    if leaves.is_empty() {
        return Err(msg!("check-no-variable", name = target));
    }
    let per_pass = work_per_pass(graph, output);
    let nudged_elements = |per_variable: usize| -> usize {
        leaves
            .iter()
            .map(|(_, n)| graph.node(*n).value.len().min(per_variable))
            .sum()
    };
    let work = |per_variable: usize| {
        nudged_elements(per_variable)
            .saturating_mul(2)
            .saturating_mul(per_pass)
    };
    let sample = match sample {
        Some(n) => Some((n, false)),
        None if work(usize::MAX) <= MAX_WORK => None,
        None => Some((DEFAULT_SAMPLE, true)),
    };
    let per_variable = sample.map_or(usize::MAX, |(n, _)| n);
    if work(per_variable) > MAX_WORK {
        return Err(msg!(
            "check-too-large",
            name = target,
            elements = nudged_elements(per_variable),
            work = work(per_variable).to_string(),
            max = MAX_WORK.to_string()
        ));
    }
    let gradients = graph.backward(
        output,
        dout.cloned()
            .unwrap_or_else(|| ArrayD::ones(ndarray::IxDyn(out_value.shape()))),
    );
    // sum(value * dout), in logical order; with no dout, the plain sum the book differentiates.
    let weighted_sum = |value: &ArrayD<f64>| match dout {
        Some(dout) => value.iter().zip(dout.iter()).map(|(v, d)| v * d).sum(),
        None => value.sum(),
    };
    let mut vars = Vec::new();
    let (all, mut done) = (nudged_elements(per_variable), 0);
    let reports = work(per_variable) >= PROGRESS_WORK;
    for (name, leaf) in leaves {
        let leaf = *leaf;
        // Both in row-major order, so that the i-th element of memory is the same element of
        // each: a layer's gradient may come back column-major (a product with a transpose).
        let original = graph
            .node(leaf)
            .value
            .to_float()
            .as_standard_layout()
            .into_owned();
        let backprop = gradients
            .get(leaf)
            .map(|g| g.as_standard_layout().into_owned())
            .unwrap_or_else(|| ArrayD::zeros(original.raw_dim()));
        let mut nudged = original.clone();
        let (mut sum_diff, mut max_diff, mut compared, mut ok) = (0.0, 0.0f64, 0usize, true);
        let mut kinks = Vec::new();
        // A sample is drawn from the session's random stream, so `seed N` repeats it.
        let indices: Vec<usize> = if per_variable >= original.len() {
            (0..original.len()).collect()
        } else {
            let mut picked: Vec<usize> = rng
                .choice(original.len() as u64, per_variable)
                .into_iter()
                .map(|i| i as usize)
                .collect();
            picked.sort_unstable();
            picked.dedup();
            picked
        };
        let (checked, total) = (indices.len(), original.len());
        for i in indices {
            // Ctrl-C: stop nudging; the session sees the flag and drops the report.
            if crate::engine::interrupt::requested() {
                break;
            }
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
            if reports {
                done += 1;
                progress(done, all);
            }
            // The derivative of sum(output * dout): what `back` computes with that dout.
            let numerical = (weighted_sum(&plus) - weighted_sum(&minus)) / (2.0 * H);
            let analytic = original_order(&backprop, i);
            if kink_plus || kink_minus {
                kinks.push(Kink {
                    index: unravel(i, original.shape()),
                    numerical,
                    back: analytic,
                });
                continue;
            }
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
            kinks,
            checked,
            total,
        });
    }
    Ok(Report {
        target: target.to_string(),
        vars,
        sample,
        dout: None,
        rebound: Vec::new(),
    })
}

/// The element operations of one forward pass from the leaves to `output`: the elements of
/// every node it depends on. `recompute` does at most this much.
pub fn work_per_pass(graph: &Graph, output: NodeId) -> usize {
    graph
        .ancestors(output)
        .iter()
        .enumerate()
        .filter(|(_, part)| **part)
        .map(|(id, _)| graph.node(id).value.len().max(1))
        .sum()
}

/// The index of element `i` of a row-major array of `shape`, one number per axis.
fn unravel(mut i: usize, shape: &[usize]) -> Vec<usize> {
    let mut index = vec![0; shape.len()];
    for (axis, &len) in shape.iter().enumerate().rev() {
        if len > 0 {
            index[axis] = i % len;
            i /= len;
        }
    }
    index
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
        graph.leaf(crate::engine::value::Value::float(array), "leaf")
    }

    #[test]
    fn a_wrong_layer_fails_the_check_and_a_right_one_passes() {
        let mut graph = Graph::new();
        let x = leaf(&mut graph, &[1.5, -2.0]);
        let y = leaf(&mut graph, &[0.5, 3.0]);
        let right = graph
            .binary(crate::lang::ast::BinOp::Mul, x, y, "x * y")
            .expect("same shapes");
        let wrong = graph.broken_mul(x, y);
        let leaves = vec![("x".to_string(), x), ("y".to_string(), y)];
        let passed = check_leaves(&graph, right, "right", &leaves, None, &mut Rng::new(0))
            .expect("checkable");
        assert!(passed.all_ok(), "{passed:?}");
        let failed = check_leaves(&graph, wrong, "wrong", &leaves, None, &mut Rng::new(0))
            .expect("checkable");
        assert!(!failed.all_ok(), "the broken layer must fail: {failed:?}");
        assert!(failed.vars.iter().all(|v| !v.ok && v.max_abs_diff > 1.0));
    }

    #[test]
    fn a_kink_is_left_out_and_counted() {
        let mut graph = Graph::new();
        let x = leaf(&mut graph, &[0.0, 1.0, -1.0]);
        let r = graph.unary(crate::engine::graph::UnaryKind::Relu, x, "relu(x)");
        let report = check_leaves(
            &graph,
            r,
            "r",
            &[("x".to_string(), x)],
            None,
            &mut Rng::new(0),
        )
        .expect("checkable");
        assert_eq!(report.vars[0].kinks.len(), 1);
        let kink = &report.vars[0].kinks[0];
        assert_eq!(kink.index, vec![0]);
        assert!((kink.numerical - 0.5).abs() < 1e-9, "{kink:?}");
        assert_eq!(kink.back, 0.0);
        assert!(report.all_ok());
    }
}
