//! `step NAME [dout]`: the backward pass one node at a time, each node's local rule written out
//! with its numbers, and what has been added up at each input so far, which makes fan-out
//! visible.
//!
//! The session walks the same `Graph::backward_steps` that `back` uses, so the totals are
//! `back`'s gradients by construction; this module only writes them down. Rules name a node's
//! inputs by the learner's own names (`dapple = dout × apple_num`), or by the source text that
//! made them, so that the layer's inner names can never be mistaken for the learner's variables.

use crate::engine::graph::{Op, Step};
use crate::engine::layers::cross_entropy::batch_size;
use crate::engine::shape;
use crate::engine::value::Value;
use crate::msg;
use crate::session::{BackRecord, Session};
use crate::show::names;
use crate::show::picture;
use crate::show::print::Digits;
use crate::show::view::View;
use crate::show::wrap;
use ndarray::{ArrayD, ArrayRef, IxDyn};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// One page per node that sends gradients, in the order `back` visits them, then a summary.
pub fn render(session: &Session, record: &BackRecord, steps: &[Step], view: &View) -> Vec<String> {
    let (style, lang) = (&view.style, view.lang);
    let total = steps.len();
    let mut pages = Vec::with_capacity(total + 1);
    let mut so_far: HashMap<usize, ArrayD<f64>> = HashMap::new();
    for (i, step) in steps.iter().enumerate() {
        let mut text = String::new();
        if i == 0 {
            let heading = lang.say(&msg!(
                "step-heading",
                name = &record.output,
                count = total,
                dout = inline(
                    view.digits,
                    &Value::float(record.dout().into_owned())
                        .into_int_if(record.gradients.is_int(record.output_node))
                )
            ));
            text.push_str(&style.context(&heading));
            text.push('\n');
        }
        let dout_int = record.gradients.is_int(step.node);
        text.push_str(&page(
            session,
            (step, dout_int),
            i + 1,
            total,
            &mut so_far,
            view,
        ));
        pages.push(fit(&text, view.width));
    }
    let mut summary = String::new();
    summary.push_str(&style.context(&lang.word("step-done")));
    summary.push('\n');
    for (name, then) in &record.named {
        let Some(value) = record.gradients.value(*then) else {
            continue;
        };
        summary.push_str(&format!(
            "  {} = {}\n",
            style.name(&session.grad_label(name)),
            style.grad(&inline(view.digits, &value))
        ));
    }
    pages.push(fit(&summary, view.width));
    pages
}

/// What one node does on the way back.
fn page(
    session: &Session,
    (step, dout_int): (&Step, bool),
    number: usize,
    total: usize,
    so_far: &mut HashMap<usize, ArrayD<f64>>,
    view: &View,
) -> String {
    let (style, lang) = (&view.style, view.lang);
    let graph = session.graph();
    let node = graph.node(step.node);
    let heading = match session.name_of(step.node) {
        Some(name) => format!("{name} = {}", node.label),
        None => node.label.to_string(),
    };
    let inputs: Vec<String> = node
        .inputs
        .iter()
        .map(|&i| names::describe(session, i, lang))
        .collect();
    let input = |k: usize| inputs.get(k).map_or("?", String::as_str);
    // The learner's own names read as the book writes gradients (`dapple`); source text is
    // put in parentheses (`d(x * 2)`), and so is any name in a product or quotient.
    let d = |k: usize| gradient_name(input(k));
    let operand = |k: usize| operand_text(input(k));
    let mut text = format!(
        "{} {}  {}\n",
        style.context(&format!("[{number}/{total}]")),
        style.layer(node.op.name()),
        style.name(&heading),
    );
    let g = |a: &ArrayRef<f64, IxDyn>| inline(view.digits, &Value::float(a.to_owned()));
    // The same for a value of the kind `int` says: an int64 prints as whole numbers.
    let gk = |a: &ArrayRef<f64, IxDyn>, int: bool| {
        inline(view.digits, &Value::float(a.to_owned()).into_int_if(int))
    };
    let input_int = |k: usize| {
        node.inputs
            .get(k)
            .is_some_and(|&i| graph.node(i).value.is_int())
    };
    let dout = gk(&step.dout, dout_int);
    // What the layer's backward sent to the input at position `k`, as `back` adds it up.
    let result = |k: usize| {
        step.sent
            .iter()
            .find(|sent| sent.position == k)
            .map_or_else(String::new, |sent| g(&sent.grad))
    };
    // An operand inside a rule: its values when they are short, else only its shape, so that
    // the rule stays one readable line for a batch of 100 rows.
    let brief = |a: &ArrayRef<f64, IxDyn>| {
        if a.len() <= BRIEF_ELEMENTS {
            g(a)
        } else {
            wrap::keep_whole(&shape::describe(a.shape()))
        }
    };
    let constant = |k: usize| node.inputs.get(k).is_some_and(|&i| session.is_constant(i));
    // The book's `/` node: a constant 1 divided by its input.
    let reciprocal =
        |layer: &crate::engine::layers::DivLayer| constant(0) && layer.x.iter().all(|&v| v == 1.0);
    let op = node.op.widened();
    let cached = match op.as_ref() {
        Op::Mul(layer) => format!(
            "{} = {}, {} = {}",
            operand(0),
            gk(&layer.x, input_int(0)),
            operand(1),
            gk(&layer.y, input_int(1))
        ),
        Op::Div(layer) if reciprocal(layer) => format!("out = {}", g(&(&layer.x / &layer.y))),
        Op::Div(layer) => format!(
            "{} = {}, {} = {}",
            operand(0),
            g(&layer.x),
            operand(1),
            g(&layer.y)
        ),
        Op::Exp(layer) => format!("out = {}", g(&layer.out)),
        Op::Sigmoid(layer) => format!("out = {}", g(&layer.out)),
        Op::Relu(layer) => format!(
            "mask = {}",
            inline(view.digits, &Value::bools(layer.mask.clone()))
        ),
        Op::Pow(layer) => format!(
            "{} = {}, p = {}, out = {}",
            operand(0),
            g(&layer.x),
            g(&layer.p),
            g(&layer.out)
        ),
        Op::Sqrt(layer) => format!("out = {}", g(&layer.out)),
        Op::Tanh(layer) => format!("out = {}", g(&layer.out)),
        Op::Log(layer) => format!("{} = {}", operand(0), g(&layer.x)),
        Op::Softmax(layer) => format!("out = {}", g(&layer.out)),
        Op::SoftmaxWithLoss(layer) => format!("y = {}, t = {}", g(&layer.y), g(&layer.t)),
        Op::Affine(layer) => format!("{} = {}, W = {}", operand(0), g(&layer.x), g(&layer.w)),
        Op::MatMul(layer) => format!(
            "{} = {}, {} = {}",
            operand(0),
            g(&layer.a),
            operand(1),
            g(&layer.b)
        ),
        _ => lang.word("step-nothing"),
    };
    // The two labels line up by display width: Korean takes two columns a letter.
    let cached_label = lang.word("step-cached");
    let label_width = cached_label.width().max("dout".width());
    let pad = |label: &str| " ".repeat(label_width - label.width() + 2);
    text.push_str(&format!(
        "      {cached_label}{}{}\n",
        pad(&cached_label),
        style.forward(&cached)
    ));
    text.push_str(&format!("      dout{}{}\n", pad("dout"), style.grad(&dout)));
    // Each rule is the layer's own backward, with the cached numbers put in; the result is the
    // gradient as the layer computed it, before any broadcast is summed away. A constant input
    // (a literal such as the 1 of `1 / x`) gets no rule: nothing is learned about a constant.
    let rules: Vec<Option<String>> = match op.as_ref() {
        Op::Add(_) => vec![
            Some(format!("{} = dout × 1 = {dout}", d(0))),
            Some(format!("{} = dout × 1 = {dout}", d(1))),
        ],
        Op::Sub(_) => vec![
            Some(format!("{} = dout = {dout}", d(0))),
            Some(format!("{} = −dout = {}", d(1), gk(&-&step.dout, dout_int))),
        ],
        Op::Mul(layer) => vec![
            Some(format!(
                "{} = dout × {} = {dout} × {} = {}",
                d(0),
                operand(1),
                gk(&layer.y, input_int(1)),
                gk(&(&step.dout * &layer.y), dout_int && input_int(1))
            )),
            Some(format!(
                "{} = dout × {} = {dout} × {} = {}",
                d(1),
                operand(0),
                gk(&layer.x, input_int(0)),
                gk(&(&step.dout * &layer.x), dout_int && input_int(0))
            )),
        ],
        // The book's `/` node computes 1/x, and its backward is −dout·y², y being its output.
        Op::Div(layer) if reciprocal(layer) => {
            let (_, dy) = layer.backward(&step.dout);
            let out = &layer.x / &layer.y;
            vec![
                None,
                Some(format!(
                    "{} = dout × (−out²) = {dout} × (−{}²) = {}",
                    d(1),
                    g(&out),
                    g(&dy)
                )),
            ]
        }
        Op::Div(layer) => {
            let (dx, dy) = layer.backward(&step.dout);
            vec![
                Some(format!(
                    "{} = dout / {} = {dout} / {} = {}",
                    d(0),
                    operand(1),
                    g(&layer.y),
                    g(&dx)
                )),
                Some(format!(
                    "{} = −dout × {} / {}² = −{dout} × {} / {}² = {}",
                    d(1),
                    operand(0),
                    operand(1),
                    g(&layer.x),
                    g(&layer.y),
                    g(&dy)
                )),
            ]
        }
        Op::Neg(_) => vec![Some(format!("{} = −dout = {}", d(0), g(&-&step.dout)))],
        Op::Exp(layer) => vec![Some(format!(
            "{} = dout × out = {dout} × {} = {}",
            d(0),
            g(&layer.out),
            g(&layer.backward(&step.dout))
        ))],
        Op::Sigmoid(layer) => vec![Some(format!(
            "{} = dout × (1 − out) × out = {dout} × (1 − {}) × {} = {}",
            d(0),
            g(&layer.out),
            g(&layer.out),
            g(&layer.backward(&step.dout))
        ))],
        Op::Relu(layer) => vec![Some(format!(
            "{} = {} = {}",
            d(0),
            lang.word("step-relu-rule"),
            g(&layer.backward(&step.dout))
        ))],
        Op::Pow(layer) => vec![
            Some(format!(
                "{} = dout × p × {}^(p − 1) = {}",
                d(0),
                operand(0),
                g(&layer.backward(&step.dout).0)
            )),
            Some(format!(
                "dp = dout × out × log({}) = {}",
                operand(0),
                g(&layer.backward(&step.dout).1)
            )),
        ],
        // The layers of section 5.6 and the operations their code uses: the rule in the book's
        // notation, the operands' values when they are short (their shapes when not), and the
        // gradient the layer's own backward sent, which `back` adds up.
        Op::Affine(layer) => vec![
            Some(format!(
                "{} = dout · {}ᵀ = {} · {}ᵀ = {}",
                d(0),
                operand(1),
                brief(&step.dout),
                brief(&layer.w),
                result(0)
            )),
            Some(format!(
                "{} = {}ᵀ · dout = {}ᵀ · {} = {}",
                d(1),
                operand(0),
                brief(&layer.x),
                brief(&step.dout),
                result(1)
            )),
            Some(if step.dout.ndim() == 1 {
                format!("{} = dout = {}", d(2), result(2))
            } else {
                format!(
                    "{} = sum(dout, axis=0) = sum({}, axis=0) = {}",
                    d(2),
                    brief(&step.dout),
                    result(2)
                )
            }),
        ],
        Op::MatMul(layer) => vec![
            Some(format!(
                "{} = dout · {}ᵀ = {} · {}ᵀ = {}",
                d(0),
                operand(1),
                brief(&step.dout),
                brief(&layer.b),
                result(0)
            )),
            Some(format!(
                "{} = {}ᵀ · dout = {}ᵀ · {} = {}",
                d(1),
                operand(0),
                brief(&layer.a),
                brief(&step.dout),
                result(1)
            )),
        ],
        Op::SoftmaxWithLoss(layer) => {
            let batch = batch_size(layer.y.shape());
            vec![
                Some(format!(
                    "{} = (y − t) / batch_size × dout = ({} − {}) / {batch} × {dout} = {}",
                    d(0),
                    brief(&layer.y),
                    brief(&layer.t),
                    result(0)
                )),
                None,
            ]
        }
        Op::CrossEntropy(layer) => {
            let batch = batch_size(layer.y.shape());
            vec![
                Some(format!(
                    "{} = −t / ({} + 1e-7) / batch_size × dout = −{} / ({} + 1e-7) / {batch} × {dout} = {}",
                    d(0),
                    operand(0),
                    brief(&layer.t),
                    brief(&layer.y),
                    result(0)
                )),
                None,
            ]
        }
        Op::Softmax(_) => vec![Some(format!(
            "{} = out × (dout − sum(dout × out, axis=-1)) = {}",
            d(0),
            result(0)
        ))],
        Op::Log(layer) => vec![Some(format!(
            "{} = dout / {} = {dout} / {} = {}",
            d(0),
            operand(0),
            brief(&layer.x),
            result(0)
        ))],
        Op::Sqrt(layer) => vec![Some(format!(
            "{} = dout / (2 × out) = {dout} / (2 × {}) = {}",
            d(0),
            brief(&layer.out),
            result(0)
        ))],
        Op::Tanh(layer) => vec![Some(format!(
            "{} = dout × (1 − out²) = {dout} × (1 − {}²) = {}",
            d(0),
            brief(&layer.out),
            result(0)
        ))],
        Op::Sum(layer) => {
            let shape = shape::describe(&layer.shape);
            let words = match layer.axis() {
                None => lang.say(&msg!("step-rule-sum", shape = shape)),
                Some(axis) => lang.say(&msg!(
                    "step-rule-sum-axis",
                    axis = axis.to_string(),
                    shape = shape
                )),
            };
            vec![Some(format!("{} = {words} = {}", d(0), result(0)))]
        }
        Op::Mean(layer) => {
            let shape = shape::describe(&layer.shape);
            let count = layer.count().to_string();
            let words = match layer.axis() {
                None => lang.say(&msg!("step-rule-mean", count = count, shape = shape)),
                Some(axis) => lang.say(&msg!(
                    "step-rule-mean-axis",
                    count = count,
                    axis = axis.to_string(),
                    shape = shape
                )),
            };
            vec![Some(format!("{} = {words} = {}", d(0), result(0)))]
        }
        Op::Max(_) => vec![Some(format!(
            "{} = {} = {}",
            d(0),
            lang.word("step-rule-max"),
            result(0)
        ))],
        Op::Index(layer) => vec![Some(format!(
            "{} = {} = {}",
            d(0),
            lang.say(&msg!(
                "step-rule-index",
                shape = shape::describe(&layer.input_shape)
            )),
            result(0)
        ))],
        Op::Reshape(layer) => vec![Some(format!(
            "{} = reshape(dout, {}) = {}",
            d(0),
            shape::describe(&layer.input_shape),
            result(0)
        ))],
        Op::Transpose(_) => vec![Some(format!("{} = doutᵀ = {}", d(0), result(0)))],
        // Anything else: what each input received, from the layer's own backward.
        _ => (0..node.inputs.len())
            .map(|k| Some(format!("{} = {}", d(k), result(k))))
            .collect(),
    };
    // Each gradient is paired with its input by position: an input that takes no gradient
    // (data) sends nothing, so the k-th gradient sent need not be the k-th input's.
    for sent in &step.sent {
        let (input_node, sent_grad) = (&sent.input, &sent.grad);
        let input_name = input(sent.position);
        // A constant learns nothing, so its rule is not written (the book's `+ 1` and `/` nodes).
        let Some(rule) = rules
            .get(sent.position)
            .and_then(Option::as_ref)
            .filter(|_| !session.is_constant(*input_node))
        else {
            continue;
        };
        let total = match so_far.get_mut(input_node) {
            Some(total) => {
                *total += sent_grad;
                total.clone()
            }
            None => {
                so_far.insert(*input_node, sent_grad.clone());
                sent_grad.clone()
            }
        };
        // Only a broadcasting layer sums a gradient back to its input's shape; the others (a
        // product, a reduction, an index) change shapes by their own rule.
        let broadcasts = matches!(
            op.as_ref(),
            Op::Add(_) | Op::Sub(_) | Op::Mul(_) | Op::Div(_) | Op::Pow(_)
        );
        let summed = if !broadcasts || sent_grad.shape() == step.dout.shape() {
            String::new()
        } else {
            lang.say(&msg!(
                "step-summed",
                shape = shape::describe(sent_grad.shape())
            ))
        };
        let added = if total == *sent_grad {
            String::new()
        } else {
            lang.say(&msg!("step-added", total = g(&total)))
        };
        text.push_str(&format!(
            "      {}{summed}  → {}{added}\n",
            style.grad(rule),
            style.name(&wrap::keep_whole(input_name)),
        ));
    }
    text
}

/// The most elements an operand of a rule shows as values; a larger one shows its shape.
const BRIEF_ELEMENTS: usize = 6;

/// `dapple` for a name, `d(x * 2)` for source text.
fn gradient_name(text: &str) -> String {
    if is_word(text) {
        format!("d{text}")
    } else {
        format!("d({text})")
    }
}

/// A name or number as it is, source text in parentheses, for use inside a product.
fn operand_text(text: &str) -> String {
    if is_word(text) || text.parse::<f64>().is_ok() {
        text.to_string()
    } else {
        format!("({text})")
    }
}

fn is_word(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !text.starts_with(|c: char| c.is_ascii_digit())
}

/// A value on one line, as the graph pictures write it, glued so that wrapping a rule never
/// breaks inside it (`fit` gives its spaces back).
fn inline(digits: Digits, value: &Value) -> String {
    wrap::keep_whole(&picture::value_text(value, digits))
}

/// Every line of a page wrapped to `columns`, at spaces outside the values; a line's
/// continuation starts four columns further in than the line, under its rule.
fn fit(text: &str, columns: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let leading = line.len() - line.trim_start_matches(' ').len();
        let indent = " ".repeat(leading + 4);
        out.push_str(&wrap::wrap_line(line, columns, &indent));
        out.push('\n');
    }
    out
}
