//! What `back` prints: `dNAME = …` for each named variable that took part, then each ReLU that
//! took part with its mask, its dout and its dx beside each other (stacked when they do not fit).

use crate::engine::graph::{Gradients, NodeId, Op};
use crate::engine::value::Value;
use crate::session::{BackRecord, Session};
use crate::show::names;
use crate::show::print::{self, Digits};
use crate::show::style::Style;
use crate::show::view::View;
use crate::show::wrap;
use ndarray::{ArrayD, IxDyn};
use unicode_width::UnicodeWidthStr;

/// The text of the last `back`.
pub fn render(session: &Session, record: &BackRecord, view: &View) -> String {
    let style = &view.style;
    let mut out = String::new();
    for (name, then) in &record.named {
        let Some(grad) = record.gradients.get(*then) else {
            continue;
        };
        let label = session.grad_label(name);
        let node = session.node_of(name);
        let mask = node.and_then(|n| mask_feeding(session, n, &record.gradients));
        let text = styled_grad(
            &grad,
            &format!("{label} = "),
            mask.as_ref(),
            style,
            (view.digits, record.gradients.is_int(*then)),
        );
        out.push_str(&style.name(&label));
        out.push_str(&style.context(" = "));
        out.push_str(&text[label.len() + 3..]);
        out.push('\n');
    }
    for node in record.gradients.nodes() {
        if let Op::Relu(relu) = session.graph().node(node).op.widened().as_ref() {
            relu_panel(session, node, &relu.mask, record, view, &mut out);
        }
    }
    out.push_str(&rebound_note(record, view));
    out
}

/// When the output was computed from values whose names were bound again since (the `W1` a
/// loss used before `W1 -= …`), a line that says so: their gradients are not `dW1`. It wraps to
/// the view's width, each line coloured on its own.
pub fn rebound_note(record: &BackRecord, view: &View) -> String {
    let names = record.former.iter().map(|(name, _)| name.as_str());
    let Some(note) = names::rebound_note(names, &record.output, view.lang) else {
        return String::new();
    };
    wrap::wrap(&note, view.width)
        .lines()
        .map(|line| format!("{}\n", view.style.context(line)))
        .collect()
}

/// The mask of the ReLU that `node` feeds, when there is exactly one, so that the zeros it made
/// in `node`'s gradient can be dimmed.
fn mask_feeding(session: &Session, node: NodeId, gradients: &Gradients) -> Option<ArrayD<bool>> {
    let mut found = None;
    for id in gradients.nodes() {
        let n = session.graph().node(id);
        if n.inputs.contains(&node) {
            match n.op.widened().as_ref() {
                Op::Relu(relu) if found.is_none() => found = Some(relu.mask.clone()),
                _ => return None,
            }
        }
    }
    found
}

/// A ReLU's mask, dout and dx side by side, titled `relu: r = relu(x)`.
fn relu_panel(
    session: &Session,
    node: NodeId,
    mask: &ArrayD<bool>,
    record: &BackRecord,
    view: &View,
    out: &mut String,
) {
    let style = &view.style;
    let relu = session.graph().node(node);
    let input = relu.inputs[0];
    let (Some(dout), Some(dx)) = (record.gradients.get(node), record.gradients.get(input)) else {
        return;
    };
    let (dout_int, dx_int) = (
        record.gradients.is_int(node),
        record.gradients.is_int(input),
    );
    let out_name = names::describe(session, node, view.lang);
    let in_name = names::describe(session, input, view.lang);
    // `d(w * 2 + b)`, not `dw * 2 + b`: an unnamed input is source text, which a `d` prefix
    // would misread unless it is one word.
    let gradient_of = |name: &str| {
        if is_one_word(name) {
            format!("d{name}")
        } else {
            format!("d({name})")
        }
    };
    let in_text = if is_one_word(&in_name) {
        in_name.clone()
    } else {
        format!("({in_name})")
    };
    // A named output reads as its statement; an unnamed one is its source text already.
    let title = match session.name_of(node) {
        Some(name) => format!("relu: {name} = relu({in_name})"),
        None => format!("relu: {out_name}"),
    };
    let mask_value = Value::bools(mask.clone());
    let columns = [
        (
            format!("mask = ({in_text} <= 0)"),
            print::to_string_styled(&mask_value, "", &mut |index, text| {
                if mask.get(IxDyn(index)).copied().unwrap_or(false) {
                    style.blocked(text)
                } else {
                    style.passed(text)
                }
            }),
            print::to_string(&mask_value),
        ),
        (
            format!("dout ({})", gradient_of(&out_name)),
            styled_grad(&dout, "", None, style, (view.digits, dout_int)),
            styled_grad(&dout, "", None, &Style::plain(), (view.digits, dout_int)),
        ),
        (
            gradient_of(&in_name),
            styled_grad(&dx, "", Some(mask), style, (view.digits, dx_int)),
            styled_grad(&dx, "", Some(mask), &Style::plain(), (view.digits, dx_int)),
        ),
    ];
    out.push_str(&style.layer(&title));
    out.push('\n');
    out.push_str(&side_by_side(&columns, view.width, style));
}

/// Whether `text` is a name or a number, which reads unambiguously after a `d`.
fn is_one_word(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

/// A gradient as numpy prints it, with zeros a mask made dimmed.
pub fn styled_grad(
    grad: &ArrayD<f64>,
    prefix: &str,
    mask: Option<&ArrayD<bool>>,
    style: &Style,
    (digits, int): (Digits, bool),
) -> String {
    let mut paint = |index: &[usize], text: &str| {
        let blocked = mask
            .filter(|m| m.shape() == grad.shape())
            .and_then(|m| m.get(IxDyn(index)).copied())
            .unwrap_or(false);
        let zero = grad.get(IxDyn(index)).is_some_and(|v| *v == 0.0);
        if blocked && zero {
            style.zeroed(text)
        } else {
            style.grad(text)
        }
    };
    if int {
        print::ints_to_string_with(grad, prefix, &mut paint)
    } else {
        print::floats_to_string_with(grad, prefix, digits, &mut paint)
    }
}

/// Lays out columns of (heading, styled text, plain text) beside each other when they fit in
/// `width`, measuring the plain text by display width; otherwise stacks them.
fn side_by_side(columns: &[(String, String, String)], width: usize, style: &Style) -> String {
    const GAP: &str = "   ";
    let widths: Vec<usize> = columns
        .iter()
        .map(|(heading, _, plain)| {
            plain
                .lines()
                .map(UnicodeWidthStr::width)
                .chain([heading.width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let total = widths.iter().sum::<usize>() + GAP.len() * columns.len().saturating_sub(1);
    let mut out = String::new();
    if total > width {
        for (heading, styled, _) in columns {
            out.push_str(&style.context(heading));
            out.push('\n');
            out.push_str(styled);
            out.push('\n');
        }
        return out;
    }
    let rows = columns
        .iter()
        .map(|(_, _, plain)| plain.lines().count())
        .max()
        .unwrap_or(0);
    let headings: Vec<String> = columns
        .iter()
        .zip(&widths)
        .map(|((heading, _, _), w)| {
            format!(
                "{}{}",
                style.context(heading),
                " ".repeat(w - heading.width())
            )
        })
        .collect();
    out.push_str(headings.join(GAP).trim_end());
    out.push('\n');
    for row in 0..rows {
        let mut line = String::new();
        for (i, ((_, styled, plain), w)) in columns.iter().zip(&widths).enumerate() {
            let cell_plain = plain.lines().nth(row).unwrap_or("");
            let cell_styled = styled.lines().nth(row).unwrap_or("");
            if i > 0 {
                line.push_str(GAP);
            }
            line.push_str(cell_styled);
            if i + 1 < columns.len() {
                line.push_str(&" ".repeat(w - cell_plain.width()));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
