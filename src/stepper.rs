//! `step NAME [dout]`: the backward pass one node at a time, each node's local rule written out
//! with its numbers, and what has been added up at each input so far, which makes fan-out
//! visible.
//!
//! It walks the same `Graph::backward_steps` that `back` uses, so its totals are `back`'s
//! gradients by construction; this module only writes them down.

use crate::graph::{Op, Step};
use crate::picture;
use crate::print::Digits;
use crate::session::{BackRecord, Session};
use crate::shape;
use crate::style::Style;
use crate::value::Value;
use ndarray::{ArrayD, ArrayRef, IxDyn};
use std::collections::HashMap;

/// One page per node that sends gradients, in the order `back` visits them, then a summary.
pub fn walk(session: &Session, record: &BackRecord, style: &Style) -> Vec<String> {
    let graph = session.graph();
    let mut steps = Vec::new();
    graph.backward_steps(record.output_node, record.dout().clone(), |step| {
        if !step.sent.is_empty() {
            steps.push(step);
        }
    });
    let total = steps.len();
    let mut pages = Vec::with_capacity(total + 1);
    let mut so_far: HashMap<usize, ArrayD<f64>> = HashMap::new();
    for (i, step) in steps.iter().enumerate() {
        let mut text = String::new();
        if i == 0 {
            text.push_str(&style.context(&format!(
                "step {}: {total} node(s), in the order back visits them; dout = {}\n",
                record.output,
                inline(&Value::float(record.dout().clone()))
            )));
        }
        text.push_str(&page(session, step, i + 1, total, &mut so_far, style));
        pages.push(text);
    }
    let mut summary = String::new();
    summary.push_str(&style.context("done: these are the gradients back gives\n"));
    for (name, grad) in record.named_grads() {
        let value = Value::float(grad.clone());
        summary.push_str(&format!(
            "  {} = {}\n",
            style.name(&format!("d{name}")),
            style.grad(&inline(&value))
        ));
    }
    pages.push(summary);
    pages
}

/// What one node does on the way back.
fn page(
    session: &Session,
    step: &Step,
    number: usize,
    total: usize,
    so_far: &mut HashMap<usize, ArrayD<f64>>,
    style: &Style,
) -> String {
    let graph = session.graph();
    let node = graph.node(step.node);
    let heading = match session.name_of(step.node) {
        Some(name) => format!("{name} = {}", node.label),
        None => node.label.clone(),
    };
    let inputs: Vec<String> = node
        .inputs
        .iter()
        .map(|&i| session.describe_node(i))
        .collect();
    let mut text = format!(
        "{} {}  {}\n",
        style.context(&format!("[{number}/{total}]")),
        style.layer(node.op.name()),
        style.name(&heading),
    );
    let g = |a: &ArrayRef<f64, IxDyn>| inline(&Value::float(a.to_owned()));
    let dout = g(&step.dout);
    let cached = match &node.op {
        Op::Mul(layer) => format!("x = {}, y = {}", g(&layer.x), g(&layer.y)),
        Op::Div(layer) => format!("x = {}, y = {}", g(&layer.x), g(&layer.y)),
        Op::Exp(layer) => format!("out = {}", g(&layer.out)),
        Op::Sigmoid(layer) => format!("out = {}", g(&layer.out)),
        Op::Relu(layer) => format!("mask = {}", inline(&Value::Bool(layer.mask.clone()))),
        _ => "nothing".to_string(),
    };
    text.push_str(&format!("      cached  {}\n", style.forward(&cached)));
    text.push_str(&format!("      dout    {}\n", style.grad(&dout)));
    // Each rule is the layer's own backward, with the cached numbers put in; the result is the
    // gradient as the layer computed it, before any broadcast is summed away.
    let rules: Vec<String> = match &node.op {
        Op::Add(_) => vec![
            format!("dx = dout × 1 = {dout}"),
            format!("dy = dout × 1 = {dout}"),
        ],
        Op::Sub(_) => vec![
            format!("dx = dout = {dout}"),
            format!("dy = −dout = {}", g(&-&step.dout)),
        ],
        Op::Mul(layer) => vec![
            format!(
                "dx = dout × y = {dout} × {} = {}",
                g(&layer.y),
                g(&(&step.dout * &layer.y))
            ),
            format!(
                "dy = dout × x = {dout} × {} = {}",
                g(&layer.x),
                g(&(&step.dout * &layer.x))
            ),
        ],
        Op::Div(layer) => {
            let (dx, dy) = layer.backward(&step.dout);
            vec![
                format!("dx = dout / y = {dout} / {} = {}", g(&layer.y), g(&dx)),
                format!(
                    "dy = −dout × x / y² = −{dout} × {} / {}² = {}",
                    g(&layer.x),
                    g(&layer.y),
                    g(&dy)
                ),
            ]
        }
        Op::Neg(_) => vec![format!("dx = −dout = {}", g(&-&step.dout))],
        Op::Exp(layer) => vec![format!(
            "dx = dout × out = {dout} × {} = {}",
            g(&layer.out),
            g(&layer.backward(&step.dout))
        )],
        Op::Sigmoid(layer) => vec![format!(
            "dx = dout × (1 − out) × out = {dout} × (1 − {}) × {} = {}",
            g(&layer.out),
            g(&layer.out),
            g(&layer.backward(&step.dout))
        )],
        Op::Relu(layer) => vec![format!(
            "dx = dout, zeroed where mask is True = {}",
            g(&layer.backward(&step.dout))
        )],
        _ => Vec::new(),
    };
    for ((rule, (input, sent)), input_name) in rules.iter().zip(&step.sent).zip(&inputs) {
        let total = match so_far.get_mut(input) {
            Some(total) => {
                *total += sent;
                total.clone()
            }
            None => {
                so_far.insert(*input, sent.clone());
                sent.clone()
            }
        };
        let summed = if sent.shape() == step.dout.shape() {
            String::new()
        } else {
            format!(" (summed to shape {})", shape::describe(sent.shape()))
        };
        let added = if total == sent {
            String::new()
        } else {
            format!(", added up so far: {}", g(&total))
        };
        text.push_str(&format!(
            "      {}{summed}  → {}{added}\n",
            style.grad(rule),
            style.name(input_name),
        ));
    }
    text
}

/// A value on one line, as the graph pictures write it.
fn inline(value: &Value) -> String {
    picture::value_text(value, Digits::Faithful)
}
