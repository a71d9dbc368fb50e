//! Pictures of the computational graph: `graph NAME` drawn in the terminal, and the same graph as
//! Graphviz DOT for `graph NAME --dot`.
//!
//! This module owns how a graph looks and nothing about how it computes. It reads nodes, names
//! and the last backward pass from the session, and replays that pass through
//! `Graph::backward_steps` only to learn what each edge carried back: a value used twice receives
//! two gradients, and the picture has to show both of them and their sum.
//!
//! The terminal picture is the book's figure in text. Inputs are on the left and the output on
//! the right; each value's name sits above the wire that carries it, the value is written on the
//! wire, and the gradient that came back along that wire is written underneath, after the word
//! `grad`, so that the two can be told apart without colour. It is drawn as a sideways tree:
//! each input's block is stacked above the next and joined by `┐ ├ ┘` into the layer that uses
//! them. A tree needs no crossing lines, which a terminal cannot draw well; the price is that a
//! value used twice is drawn twice, so the repeat is marked `(again)` and the sum of its
//! gradients is written under the picture.
//!
//! Past 30 nodes, or when the drawing is wider than the terminal, the picture falls back to an
//! indented tree like `cargo tree`'s. That view is built with an explicit stack and stops after
//! about 200 lines, because graphs of a million nodes exist (a loop of `y = y * 1.000001`), and
//! `graph y` must answer at once without overflowing the stack. The sideways drawing recurses,
//! but only over graphs already counted to be small.

use crate::engine::graph::{Gradients, Graph, NodeId, Op};
use crate::engine::shape;
use crate::engine::value::Value;
use crate::i18n::Lang;
use crate::msg;
use crate::session::Session;
use crate::show::names;
use crate::show::print::{self, Digits};
use crate::show::style::Style;
use crate::show::view::View;
use crate::show::wrap;
use ndarray::{Array1, ArrayD};
use std::collections::{HashMap, HashSet, VecDeque};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `graph NAME`: the graph that produced `output`, drawn for a terminal `view.width` columns wide,
/// in `view.lang`.
pub fn render(session: &Session, output: NodeId, view: &View) -> String {
    let (width, style) = (view.width, &view.style);
    let graph = session.graph();
    if output >= graph.len() {
        return format!("{}\n", view.lang.word("picture-gone"));
    }
    let (members, count) = members_of(graph, output);
    if count <= MAX_DRAWN_NODES {
        let painter = Painter::new(
            session,
            style,
            view.lang,
            Flows::collect(session, &members, usize::MAX),
        )
        .with_digits(view.digits);
        let drawing = Sideways::new(&painter, &members).draw_all(output);
        if drawing.canvas.width() <= width {
            let mut out = drawing.canvas.render(style);
            let notes = drawing.notes;
            if !notes.is_empty() {
                out.push('\n');
                for note in notes {
                    out.push_str(&wrap::wrap_line(&note, width, ""));
                    out.push('\n');
                }
            }
            out.push_str(&no_gradients_hint(&painter, &members, output, width));
            return out;
        }
    }
    tree_view(session, output, &members, count, view)
}

/// `graph NAME --dot`: the same graph as Graphviz DOT, in `lang`. Its labels are names, values, layer symbols and the label
/// `grad`, which read the same in every language; only a gradient summed over more uses than
/// a box writes out says so in words.
pub fn dot(session: &Session, output: NodeId, lang: Lang) -> String {
    let mut out = String::from("digraph backprop {\n");
    out.push_str("  rankdir=LR;\n");
    out.push_str("  node [fontname=\"Helvetica\", fontsize=11];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    let graph = session.graph();
    if output < graph.len() {
        let (members, _) = members_of(graph, output);
        // Per-edge gradients only say something new where a value has more than one use: for a
        // value used once, the edge carries the gradient already written in its box.
        let uses = uses_within(graph, &members);
        let fan_out: Vec<bool> = uses.iter().map(|&n| n > 1).collect();
        let plain = Style::plain();
        let painter = Painter::new(
            session,
            &plain,
            lang,
            Flows::collect(session, &fan_out, usize::MAX),
        );
        for id in (0..=output).filter(|&id| members[id]) {
            let node = graph.node(id);
            // A constant is its value alone, as in the terminal picture: no title, no gradient.
            let mut fields = Vec::with_capacity(3);
            if !session.is_constant(id) {
                let title = names::title(session, id, lang)
                    .unwrap_or_else(|| truncate(strip_parens(node.label.trim())));
                fields.push(escape_record(&title));
            }
            fields.push(escape_record(&painter.forward_text(id)));
            if let Some(grad) = painter.grad_expression(id) {
                fields.push(escape_record(&format!("{GRAD} {grad}")));
            }
            out.push_str(&format!(
                "  v{id} [shape=record, label=\"{{{}}}\"];\n",
                fields.join(" | ")
            ));
            if matches!(node.op, Op::Leaf | Op::Data) {
                continue;
            }
            let symbol = op_symbol(&node.op);
            let shape = if symbol.chars().count() == 1 {
                "circle"
            } else {
                "ellipse"
            };
            out.push_str(&format!(
                "  op{id} [shape={shape}, label=\"{}\"];\n",
                escape_string(symbol)
            ));
            for (k, &input) in node.inputs.iter().enumerate() {
                match painter.edge_grad((id, k)) {
                    Some(grad) if fan_out[input] => out.push_str(&format!(
                        "  v{input} -> op{id} [label=\"{}\"];\n",
                        escape_string(&format!(
                            "{GRAD} {}",
                            grad_text(&grad, painter.digits, painter.grad_int(input))
                        ))
                    )),
                    _ => out.push_str(&format!("  v{input} -> op{id};\n")),
                }
            }
            out.push_str(&format!("  op{id} -> v{id};\n"));
        }
    }
    out.push_str("}\n");
    out
}

/// The word in front of a gradient in every picture. It is what `grad(x)` is called, so it is a
/// label of the language, the same in Korean and English, like the layers' names.
const GRAD: &str = "grad";
/// Graphs with more nodes than this are shown as a tree, since a drawing of them would not fit.
const MAX_DRAWN_NODES: usize = 30;
/// The tree view stops after about this many lines and says how many nodes it left out.
const MAX_TREE_LINES: usize = 200;
/// Arrays with at most this many elements print whole, on one line.
const INLINE_ELEMENTS: usize = 6;
/// How many leading elements a larger array's preview shows.
const PREVIEW_ELEMENTS: usize = 3;
/// Source text used as a title is cut to this many columns, so that one long expression cannot
/// push the drawing past the terminal's edge.
const MAX_TITLE_WIDTH: usize = 24;
/// A gradient that is the sum of more uses than this is shown as its total only.
const MAX_SUM_TERMS: usize = 4;

/// The nodes `output` depends on, itself included, as a mask indexed by node, and how many there
/// are. Unlike `Graph::ancestors` this walks through comparisons too: no gradient flows through
/// them, but their inputs are still part of what made the value.
fn members_of(graph: &Graph, output: NodeId) -> (Vec<bool>, usize) {
    let mut seen = vec![false; output + 1];
    let mut stack = vec![output];
    seen[output] = true;
    let mut count = 1;
    while let Some(id) = stack.pop() {
        for &input in &graph.node(id).inputs {
            if let Some(slot) = seen.get_mut(input)
                && !*slot
            {
                *slot = true;
                count += 1;
                stack.push(input);
            }
        }
    }
    (seen, count)
}

/// How many times each node is an input of another node of the picture.
fn uses_within(graph: &Graph, members: &[bool]) -> Vec<u32> {
    let mut uses = vec![0u32; members.len()];
    for id in (0..members.len()).filter(|&id| members[id]) {
        for &input in &graph.node(id).inputs {
            if let Some(n) = uses.get_mut(input) {
                *n += 1;
            }
        }
    }
    uses
}

/// What the last backward pass sent along each edge into the nodes of interest.
#[derive(Debug, Default)]
struct Flows {
    /// For each node of interest that the pass reached, the edges its gradient came back along,
    /// as (consumer, input position), in order.
    into: HashMap<NodeId, Vec<(NodeId, usize)>>,
    /// The gradient that went back along each edge into a value whose gradient is shown as a
    /// sum. An edge into a value with one use carried that value's whole gradient, so it is not
    /// stored.
    edges: HashMap<(NodeId, usize), ArrayD<f64>>,
}

impl Flows {
    /// Finds which edges the last `back` sent gradients along into the nodes marked in `wanted`,
    /// and what it sent along those into values with between two and `max_terms` uses.
    ///
    /// Only those need the pass replayed, so a picture of a long chain after `back` costs one
    /// loop over the nodes, not a second backward pass: every value of a chain has one use.
    fn collect(session: &Session, wanted: &[bool], max_terms: usize) -> Flows {
        let mut flows = Flows::default();
        let Some(record) = session.last_back() else {
            return flows;
        };
        let graph = session.graph();
        let is_wanted = |id: NodeId| wanted.get(id).copied().unwrap_or(false);
        let last = record.output_node.min(graph.len().saturating_sub(1));
        for consumer in 0..=last {
            let node = graph.node(consumer);
            // A node sends gradients to its inputs when the pass reached it, unless it is a
            // comparison, through which no gradient flows.
            if !record.gradients.has(consumer) || matches!(node.op, Op::Compare(_)) {
                continue;
            }
            for (k, &input) in node.inputs.iter().enumerate() {
                if is_wanted(input) {
                    flows.into.entry(input).or_default().push((consumer, k));
                }
            }
        }
        let sums: HashSet<NodeId> = flows
            .into
            .iter()
            .filter(|(_, edges)| (2..=max_terms).contains(&edges.len()))
            .map(|(&id, _)| id)
            .collect();
        if sums.is_empty() || record.output_node >= graph.len() {
            return flows;
        }
        graph.backward_steps(record.output_node, record.dout().into_owned(), |step| {
            for sent in step.sent {
                if sums.contains(&sent.input) {
                    flows.edges.insert((step.node, sent.position), sent.grad);
                }
            }
        });
        flows
    }
}

/// Everything the pictures say about a single node, as text, in one language.
struct Painter<'a> {
    session: &'a Session,
    graph: &'a Graph,
    style: &'a Style,
    lang: Lang,
    gradients: Option<&'a Gradients>,
    flows: Flows,
    digits: Digits,
}

impl<'a> Painter<'a> {
    fn new(session: &'a Session, style: &'a Style, lang: Lang, flows: Flows) -> Painter<'a> {
        Painter {
            session,
            graph: session.graph(),
            style,
            lang,
            gradients: session.last_back().map(|back| &back.gradients),
            flows,
            digits: Digits::Numpy,
        }
    }

    /// With `:digits full`, every digit.
    fn with_digits(mut self, digits: Digits) -> Painter<'a> {
        self.digits = digits;
        self
    }

    /// The text above a value: its variable name, or, for a value that has none (an
    /// intermediate, or one whose name was bound to something else since), the source text
    /// that made it. A literal such as `1` has no title, since its value says the same.
    fn title(&self, id: NodeId) -> Option<(Role, String)> {
        if let Some(name) = names::title(self.session, id, self.lang) {
            return Some((Role::Name, name));
        }
        let node = self.graph.node(id);
        let label = strip_parens(node.label.trim());
        let literal = self.session.is_constant(id) || label.starts_with('[');
        if (matches!(node.op, Op::Leaf | Op::Data) && literal) || label.is_empty() {
            None
        } else {
            Some((Role::Label, truncate(label)))
        }
    }

    /// The title, or the value itself when there is none, for sentences about a node.
    fn mention(&self, id: NodeId) -> String {
        self.title(id)
            .map_or_else(|| self.forward_text(id), |(_, text)| text)
    }

    /// The forward value. What a layer computed gets every digit it needs, as the session prints
    /// it; what the learner typed prints as numpy's default `print()` does.
    fn forward_text(&self, id: NodeId) -> String {
        let node = self.graph.node(id);
        value_text(&node.value, self.digits)
    }

    /// The node's whole gradient from the last `back`, if it took part. A constant the learner
    /// wrote into an expression (the `1` of `1 / t`) has none to show: nothing is learned about
    /// it, so it is drawn as its value alone.
    fn total(&self, id: NodeId) -> Option<std::borrow::Cow<'a, ArrayD<f64>>> {
        if self.session.is_constant(id) {
            return None;
        }
        self.gradients.and_then(|g| g.get(id))
    }

    /// Whether the node's gradient from the last `back` is an int64.
    fn grad_int(&self, id: NodeId) -> bool {
        self.gradients.is_some_and(|g| g.is_int(id))
    }

    /// The node's gradient written as the sum of what its uses sent back, when it has more than
    /// one: `3.0 + 3.0 = 6.0`. This is where fan-out becomes visible.
    fn grad_expression(&self, id: NodeId) -> Option<String> {
        let int = self.grad_int(id);
        let total = grad_text(self.total(id)?.as_ref(), self.digits, int);
        let edges = self.flows.into.get(&id).map_or(&[][..], Vec::as_slice);
        let terms: Vec<String> = edges
            .iter()
            .filter_map(|e| self.flows.edges.get(e))
            .map(|g| grad_text(g, self.digits, int))
            .collect();
        Some(match edges.len() {
            0 | 1 => total,
            n if n > MAX_SUM_TERMS => {
                self.lang
                    .say(&msg!("picture-sum-over", total = total, count = n))
            }
            n if terms.len() == n => format!("{} = {total}", terms.join(" + ")),
            _ => total,
        })
    }

    /// The gradient that went back along `edge`, (consumer, input position), if the last `back`
    /// sent one along it.
    fn edge_grad(&self, edge: (NodeId, usize)) -> Option<std::borrow::Cow<'_, ArrayD<f64>>> {
        let input = *self.graph.node(edge.0).inputs.get(edge.1)?;
        if self.session.is_constant(input) {
            return None;
        }
        if let Some(grad) = self.flows.edges.get(&edge) {
            return Some(std::borrow::Cow::Borrowed(grad));
        }
        match self.flows.into.get(&input)?.as_slice() {
            [only] if *only == edge => self.total(input),
            _ => None,
        }
    }

    /// The label of one appearance of a node in the sideways drawing. `edge` is the consumer and
    /// input position this appearance feeds, whose gradient is the one shown; the output itself
    /// feeds nothing and shows its whole gradient.
    fn label(&self, id: NodeId, edge: Option<(NodeId, usize)>, repeat: bool) -> Label {
        // A layer's output without a name is drawn as the book draws it, by its value alone:
        // the drawing already shows what made it, and its source text would only widen it.
        let untitled = names::title(self.session, id, self.lang).is_none()
            && !matches!(self.graph.node(id).op, Op::Leaf | Op::Data);
        let mut title: Vec<(Role, String)> = if untitled {
            Vec::new()
        } else {
            self.title(id).into_iter().collect()
        };
        if repeat {
            let again = self.lang.word("picture-again");
            let note = if title.is_empty() {
                again
            } else {
                format!(" {again}")
            };
            title.push((Role::Note, note));
        }
        let grad = match edge {
            Some(edge) => self.edge_grad(edge),
            None => self.total(id),
        };
        Label {
            title,
            value: self.forward_text(id),
            grad: grad
                .as_deref()
                .map(|g| grad_text(g, self.digits, self.grad_int(id))),
        }
    }
}

/// The layer's symbol, as the book draws it inside the node's circle. It goes through the layer's
/// name so that a layer added later is drawn by its name rather than breaking this match.
fn op_symbol(op: &Op) -> &'static str {
    if let Op::Compare(cmp) = op {
        return cmp.symbol();
    }
    match op.name() {
        "add" => "+",
        "sub" => "−",
        "mul" => "×",
        "div" => "÷",
        "neg" => "×(−1)",
        "leaf" | "data" => "",
        other => other,
    }
}

/// A value on one line: a scalar as Python's repr, a small array as numpy prints it with its
/// line breaks folded into spaces, and a larger one as its shape and first few elements.
pub(crate) fn value_text(value: &Value, digits: Digits) -> String {
    match value {
        Value::Float(a) if a.len() > INLINE_ELEMENTS => {
            let head: Vec<f64> = a.iter().take(PREVIEW_ELEMENTS).copied().collect();
            preview(
                a.shape(),
                &Value::float(Array1::from(head).into_dyn()),
                digits,
            )
        }
        Value::Bool(a) if a.len() > INLINE_ELEMENTS => {
            let head: Vec<bool> = a.iter().take(PREVIEW_ELEMENTS).copied().collect();
            preview(
                a.shape(),
                &Value::bools(Array1::from(head).into_dyn()),
                digits,
            )
        }
        _ => one_line(&print::to_string_with(value, "", digits, &mut |_, text| {
            text.to_string()
        })),
    }
}

/// A gradient on one line, with the digits `back` prints gradients with; an int64 one (`int`)
/// as whole numbers.
fn grad_text(grad: &ArrayD<f64>, digits: Digits, int: bool) -> String {
    if grad.len() > INLINE_ELEMENTS {
        let head: Vec<f64> = grad.iter().take(PREVIEW_ELEMENTS).copied().collect();
        preview(
            grad.shape(),
            &Value::float(Array1::from(head).into_dyn()).into_int_if(int),
            digits,
        )
    } else {
        value_text(&Value::float(grad.clone()).into_int_if(int), digits)
    }
}

/// `(3, 4) [0.5 1.2 3. ...]`: the shape, then the leading elements as numpy prints them.
fn preview(shape: &[usize], head: &Value, digits: Digits) -> String {
    let text = one_line(&print::to_string_with(head, "", digits, &mut |_, text| {
        text.to_string()
    }));
    let open = text.trim_end_matches(']').trim_end();
    format!("{} {open} ...]", shape::describe(shape))
}

/// numpy's multi-line text on one line: each line trimmed, blank lines dropped, joined by spaces.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Source text without the parentheses around all of it: `(1 + exp(-x))` becomes `1 + exp(-x)`.
fn strip_parens(text: &str) -> &str {
    let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else {
        return text;
    };
    // `(a) * (b)` starts and ends with a parenthesis that are not a pair: the depth must not
    // drop below zero inside.
    let mut depth = 0i32;
    for ch in inner.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return text;
        }
    }
    if depth == 0 { inner.trim() } else { text }
}

/// Cuts `text` to `MAX_TITLE_WIDTH` display columns, ending in `…` when anything was cut.
fn truncate(text: &str) -> String {
    if text.width() <= MAX_TITLE_WIDTH {
        return text.to_string();
    }
    let mut out = String::new();
    let mut width = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if width + w + 1 > MAX_TITLE_WIDTH {
            break;
        }
        out.push(ch);
        width += w;
    }
    out.push('…');
    out
}

/// Text for a field of a Graphviz record label inside a quoted DOT string. The record syntax
/// gives `{ } | < >` meaning, and the DOT string gives `"` and `\` meaning, so each gets a
/// backslash; a line break has no place in a field, so it becomes a space.
fn escape_record(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '{' | '}' | '|' | '<' | '>' | '"' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Text for a plain quoted DOT string (op and edge labels), where only `"` and `\` are special.
fn escape_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '"' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// A hint under a picture that shows no gradient at all, saying how to get them.
fn no_gradients_hint(
    painter: &Painter,
    members: &[bool],
    output: NodeId,
    columns: usize,
) -> String {
    let any = members
        .iter()
        .enumerate()
        .any(|(id, &m)| m && painter.total(id).is_some());
    // `back` refuses a boolean array, so a comparison's picture has no hint to give.
    if any || matches!(painter.graph.node(output).value, Value::Bool(_)) {
        return String::new();
    }
    let name = painter.session.name_of(output).unwrap_or("NAME");
    let hint = painter.lang.say(&msg!("picture-no-gradients", name = name));
    context_lines(&hint, painter.style, columns)
}

/// A sentence under a picture, wrapped to `columns` and coloured line by line.
fn context_lines(text: &str, style: &Style, columns: usize) -> String {
    wrap::wrap(text, columns)
        .lines()
        .map(|line| format!("{}\n", style.context(line)))
        .collect()
}

/// A tree line's pieces with every array preview in the piece of `role` one element shorter,
/// `(50, 10) [a b c ...]` becoming `(50, 10) [a b ...]` (a sum of gradients has several);
/// false when none has more than one element left, or the piece has no preview.
fn shorten_preview(pieces: &mut [(Role, String)], role: Role) -> bool {
    let Some((_, text)) = pieces.iter_mut().find(|(r, _)| *r == role) else {
        return false;
    };
    const MORE: &str = " ...]";
    let mut shortened = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text.as_str();
    while let Some(end) = rest.find(MORE) {
        let (before, after) = rest.split_at(end);
        let elements = before
            .rfind('[')
            .map(|open| (open, before[open + 1..].trim_end()));
        match elements {
            // The last element goes with the spaces before it; at least one stays.
            Some((open, inside)) if inside.trim_start().contains(char::is_whitespace) => {
                let cut = inside.trim_end().rfind(char::is_whitespace).unwrap_or(0);
                shortened.push_str(&before[..=open]);
                shortened.push_str(inside[..cut].trim_end());
                changed = true;
            }
            _ => shortened.push_str(before),
        }
        shortened.push_str(MORE);
        rest = &after[MORE.len()..];
    }
    shortened.push_str(rest);
    if changed {
        *text = shortened;
    }
    changed
}

/// What a stretch of text in the drawing is, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Padding between pieces.
    Space,
    /// Wires and connectors.
    Wire,
    /// A variable name.
    Name,
    /// Source text standing in for a name.
    Label,
    /// A layer's symbol.
    Layer,
    /// A forward value.
    Forward,
    /// A gradient, with the word `grad` in front.
    Grad,
    /// Remarks such as `(again)`.
    Note,
}

impl Role {
    fn paint(self, text: &str, style: &Style) -> String {
        match self {
            Role::Space | Role::Wire => text.to_string(),
            Role::Name => style.name(text),
            Role::Label | Role::Note => style.context(text),
            Role::Layer => style.layer(text),
            Role::Forward => style.forward(text),
            Role::Grad => style.grad(text),
        }
    }
}

/// One row of the drawing: pieces of text with their roles, and its display width.
#[derive(Debug, Clone, Default)]
struct Row {
    width: usize,
    spans: Vec<(Role, String)>,
}

/// The drawing, built row by row. Text is only ever added to the right of what a row already
/// holds, which the layout guarantees, so nothing is overwritten and widths are measured on the
/// plain text before any colour is added.
#[derive(Debug, Clone, Default)]
struct Canvas {
    rows: Vec<Row>,
}

impl Canvas {
    fn height(&self) -> usize {
        self.rows.len()
    }

    fn width(&self) -> usize {
        self.rows.iter().map(|r| r.width).max().unwrap_or(0)
    }

    fn row_width(&self, row: usize) -> usize {
        self.rows.get(row).map_or(0, |r| r.width)
    }

    fn ensure_rows(&mut self, height: usize) {
        if self.rows.len() < height {
            self.rows.resize_with(height, Row::default);
        }
    }

    /// Writes `text` starting at column `col` of `row`, padding with spaces to reach it.
    fn put(&mut self, row: usize, col: usize, text: &str, role: Role) {
        self.ensure_rows(row + 1);
        let r = &mut self.rows[row];
        if r.width < col {
            r.spans.push((Role::Space, " ".repeat(col - r.width)));
            r.width = col;
        }
        r.width += text.width();
        r.spans.push((role, text.to_string()));
    }

    /// Draws a wire from the end of `row`'s text (after one space) up to column `col`.
    fn wire_to(&mut self, row: usize, col: usize) {
        let start = self.row_width(row) + 1;
        if start < col {
            self.put(row, start, &"─".repeat(col - start), Role::Wire);
        }
    }

    /// Adds `other` below this canvas.
    fn stack(&mut self, other: Canvas) {
        self.rows.extend(other.rows);
    }

    /// The drawing as text, each row without trailing spaces, and without the empty rows that
    /// a label with no title or no gradient leaves at the top or the bottom.
    fn render(&self, style: &Style) -> String {
        let ink = |row: &Row| row.spans.iter().rposition(|(role, _)| *role != Role::Space);
        let first = self.rows.iter().position(|r| ink(r).is_some()).unwrap_or(0);
        let last = self
            .rows
            .iter()
            .rposition(|r| ink(r).is_some())
            .map_or(0, |i| i + 1);
        let mut out = String::new();
        for row in self.rows.get(first..last).unwrap_or_default() {
            let end = ink(row).map_or(0, |i| i + 1);
            for (role, text) in &row.spans[..end] {
                out.push_str(&role.paint(text, style));
            }
            out.push('\n');
        }
        out
    }
}

/// The three lines that stand for one appearance of a value: its title above the wire, the
/// value on it, and the gradient below.
#[derive(Debug, Clone)]
struct Label {
    title: Vec<(Role, String)>,
    value: String,
    grad: Option<String>,
}

impl Label {
    /// Writes the label with its value at (`anchor`, `col`).
    fn place(&self, canvas: &mut Canvas, anchor: usize, col: usize) {
        if let Some(row) = anchor.checked_sub(1) {
            let mut at = col;
            for (role, text) in &self.title {
                canvas.put(row, at, text, *role);
                at += text.width();
            }
        }
        canvas.put(anchor, col, &self.value, Role::Forward);
        if let Some(grad) = &self.grad {
            canvas.put(anchor + 1, col, &format!("{GRAD} {grad}"), Role::Grad);
        }
    }
}

/// A drawn subtree and the row its value leaves on.
struct Block {
    canvas: Canvas,
    anchor: usize,
}

/// The finished sideways drawing and the sentences that go under it.
struct Drawing {
    canvas: Canvas,
    notes: Vec<String>,
}

/// The left-to-right drawing of a small graph.
struct Sideways<'p, 'a> {
    painter: &'p Painter<'a>,
    /// Nodes already drawn in full; later appearances are drawn as `(again)`.
    expanded: HashSet<NodeId>,
    /// Each node in the order it was first drawn, for the notes under the drawing.
    order: Vec<NodeId>,
    /// The edges drawn, as (consumer, input position).
    drawn_edges: HashSet<(NodeId, usize)>,
    /// Whether any node of the picture has a gradient; then every label keeps a row for one, so
    /// that the rows of the drawing keep an even rhythm.
    with_grads: bool,
}

impl<'p, 'a> Sideways<'p, 'a> {
    fn new(painter: &'p Painter<'a>, members: &[bool]) -> Sideways<'p, 'a> {
        let with_grads = members
            .iter()
            .enumerate()
            .any(|(id, &m)| m && painter.total(id).is_some());
        Sideways {
            painter,
            expanded: HashSet::new(),
            order: Vec::new(),
            drawn_edges: HashSet::new(),
            with_grads,
        }
    }

    fn draw_all(mut self, output: NodeId) -> Drawing {
        let block = self.draw(output, None);
        let notes = self.notes();
        Drawing {
            canvas: block.canvas,
            notes,
        }
    }

    /// Draws one appearance of `id`, feeding `edge`. The recursion is as deep as the graph,
    /// which the caller has checked to have at most `MAX_DRAWN_NODES` nodes.
    fn draw(&mut self, id: NodeId, edge: Option<(NodeId, usize)>) -> Block {
        if let Some(edge) = edge {
            self.drawn_edges.insert(edge);
        }
        let repeat = !self.expanded.insert(id);
        if !repeat {
            self.order.push(id);
        }
        let label = self.painter.label(id, edge, repeat);
        let node = self.painter.graph.node(id);
        if repeat || node.inputs.is_empty() {
            return self.leaf(&label);
        }
        let symbol = format!("({})", op_symbol(&node.op));
        let inputs = node.inputs;
        let children: Vec<Block> = inputs
            .iter()
            .enumerate()
            .map(|(k, &input)| self.draw(input, Some((id, k))))
            .collect();
        if let [child] = &children[..] {
            self.unary(child, &symbol, &label)
        } else {
            self.join(children, &symbol, &label)
        }
    }

    fn leaf(&self, label: &Label) -> Block {
        let mut canvas = Canvas::default();
        label.place(&mut canvas, 1, 0);
        canvas.ensure_rows(if self.with_grads { 3 } else { 2 });
        Block { canvas, anchor: 1 }
    }

    /// A layer with one input continues its input's wire: `3.0 ─(exp)─ 20.085536923187668`.
    fn unary(&self, child: &Block, symbol: &str, label: &Label) -> Block {
        let mut canvas = child.canvas.clone();
        let a = child.anchor;
        let above = a.checked_sub(1).map_or(0, |r| canvas.row_width(r));
        let col = (above + 1)
            .max(canvas.row_width(a) + 2)
            .max(canvas.row_width(a + 1) + 1);
        canvas.wire_to(a, col);
        canvas.put(a, col, symbol, Role::Layer);
        canvas.put(a, col + symbol.width(), "─", Role::Wire);
        label.place(&mut canvas, a, col + symbol.width() + 2);
        Block { canvas, anchor: a }
    }

    /// A layer with several inputs: their blocks stacked with a blank row between them, each
    /// wire running right to one column where `┐ ├ ┘` gather them into the layer, which sits
    /// on a row between the first and the last wire.
    fn join(&self, children: Vec<Block>, symbol: &str, label: &Label) -> Block {
        let mut canvas = Canvas::default();
        let mut anchors = Vec::with_capacity(children.len());
        for (i, child) in children.into_iter().enumerate() {
            if i > 0 {
                canvas.ensure_rows(canvas.height() + 1);
            }
            anchors.push(canvas.height() + child.anchor);
            canvas.stack(child.canvas);
        }
        let (first, last) = match (anchors.first(), anchors.last()) {
            (Some(&first), Some(&last)) => (first, last),
            _ => return Block { canvas, anchor: 0 },
        };
        let x = canvas.width() + 2;
        // Blocks are at least two rows tall and separated by a blank row, so the middle row
        // lies strictly between the first and the last wire.
        let op_row = (first + last).div_ceil(2);
        for row in first..=last {
            let is_anchor = anchors.contains(&row);
            if is_anchor {
                canvas.wire_to(row, x);
            }
            let glyph = match (row == first, row == last, is_anchor, row == op_row) {
                (true, _, _, _) => "┐",
                (_, true, _, _) => "┘",
                (_, _, true, true) => "┼",
                (_, _, true, false) => "┤",
                (_, _, false, true) => "├",
                _ => "│",
            };
            canvas.put(row, x, glyph, Role::Wire);
        }
        canvas.put(op_row, x + 1, "─", Role::Wire);
        canvas.put(op_row, x + 2, symbol, Role::Layer);
        canvas.put(op_row, x + 2 + symbol.width(), "─", Role::Wire);
        label.place(&mut canvas, op_row, x + 4 + symbol.width());
        Block {
            canvas,
            anchor: op_row,
        }
    }

    /// One sentence for each node whose gradient is a sum: the fan-out that the drawing shows
    /// as repeats, and uses outside the picture that the last `back` also went through.
    fn notes(&self) -> Vec<String> {
        let painter = self.painter;
        let style = painter.style;
        let mut notes = Vec::new();
        for &id in &self.order {
            let Some(edges) = painter.flows.into.get(&id) else {
                continue;
            };
            if edges.len() < 2 {
                continue;
            }
            let Some(grad) = painter.grad_expression(id) else {
                continue;
            };
            // Uses are counted by the gradients they sent back, so a comparison that reads the
            // value, and sends nothing, does not count.
            let here = edges
                .iter()
                .filter(|e| self.drawn_edges.contains(e))
                .count();
            let elsewhere = edges.len() - here;
            let times = |count: usize| msg!("picture-times", count = count);
            let uses = match (here, elsewhere) {
                (_, 0) => msg!("picture-used", times = times(here)),
                (0, _) => msg!("picture-used-outside", times = times(elsewhere)),
                _ => msg!(
                    "picture-used-both",
                    here = times(here),
                    elsewhere = times(elsewhere)
                ),
            };
            // The name and the gradient are code: the sentence may wrap around them, never
            // through them.
            let note = msg!(
                "picture-note",
                name = Role::Name.paint(&wrap::keep_whole(&painter.mention(id)), style),
                uses = style.context(&painter.lang.say(&uses)),
                grad = style.grad(&wrap::keep_whole(&format!("{GRAD} {grad}")))
            );
            notes.push(painter.lang.say(&note));
        }
        notes
    }
}

/// How a tree line refers to a node that is not expanded on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Shown in full here.
    Full,
    /// Already shown above, or, when it has a number, in that numbered section.
    Repeat(Option<usize>),
    /// Too deep to indent further: its inputs are listed in the numbered section below.
    Continued(usize),
}

/// One line of the tree view, planned before any text is made, so that the last backward pass
/// is only replayed for the nodes that are actually shown.
#[derive(Debug, Clone)]
enum TreeLine {
    Blank,
    Node {
        /// The guides for the ancestors' columns, then this line's branch.
        prefix: String,
        /// The guides the lines under this one start with.
        child_prefix: String,
        node: NodeId,
        section: Option<usize>,
        mark: Mark,
    },
}

/// One node waiting on the tree view's stack.
struct Frame {
    node: NodeId,
    prefix: String,
    child_prefix: String,
    depth: usize,
    /// The root of a section is always expanded, even though it was shown before as `Continued`.
    root: bool,
    section: Option<usize>,
}

/// The indented tree, output at the top, like `cargo tree`. A line too wide for the terminal
/// moves its gradient to a line of its own under it, so that long arrays stay readable.
fn tree_view(
    session: &Session,
    output: NodeId,
    members: &[bool],
    count: usize,
    view: &View,
) -> String {
    let (width, style, lang) = (view.width, &view.style, view.lang);
    let graph = session.graph();
    let (plan, planned) = plan_tree(graph, output, width);
    let painter = Painter::new(
        session,
        style,
        lang,
        Flows::collect(session, &planned, MAX_SUM_TERMS),
    )
    .with_digits(view.digits);
    let mut lines: Vec<Vec<(Role, String)>> = Vec::new();
    let mut printed = vec![false; output + 1];
    let mut printed_count = 0;
    let mut repeats = false;
    for line in &plan {
        let TreeLine::Node {
            prefix,
            child_prefix,
            node,
            section,
            mark,
        } = line
        else {
            lines.push(Vec::new());
            continue;
        };
        let (mut text, grad) = tree_text(&painter, *node, *section, *mark);
        let mut row = vec![(Role::Wire, prefix.clone())];
        let grad_inline = grad
            .as_ref()
            .map(|g| (Role::Grad, format!(" ({GRAD} {g})")));
        let inline_width: usize = row
            .iter()
            .chain(&text)
            .chain(&grad_inline)
            .map(|(_, t)| t.width())
            .sum();
        let mut extra: Vec<Vec<(Role, String)>> = Vec::new();
        match (grad, grad_inline) {
            (Some(grad), Some(_)) if inline_width > width => {
                let expanded = *mark == Mark::Full && !graph.node(*node).inputs.is_empty();
                let guide = if expanded { "│   " } else { "    " };
                let mut grad_line = vec![
                    (Role::Wire, format!("{child_prefix}{guide}")),
                    (Role::Grad, format!("{GRAD} {grad}")),
                ];
                while pieces_width(&grad_line) > width
                    && shorten_preview(&mut grad_line, Role::Grad)
                {}
                extra = grad_rows(grad_line, width);
            }
            (_, Some(inline)) => text.insert(tree_grad_position(&text), inline),
            _ => {}
        }
        row.extend(text);
        // A line still too wide shows fewer of its array's first elements: the picture is
        // code, which a terminal must not wrap.
        while pieces_width(&row) > width && shorten_preview(&mut row, Role::Forward) {}
        let needed = 1 + extra.len();
        if lines.len() + needed > MAX_TREE_LINES {
            break;
        }
        lines.push(row);
        lines.extend(extra);
        repeats |= matches!(mark, Mark::Repeat(None));
        if let Some(seen) = printed.get_mut(*node)
            && !*seen
        {
            *seen = true;
            printed_count += 1;
        }
    }
    let mut out = String::new();
    for line in &lines {
        for (role, text) in line {
            out.push_str(&role.paint(text, style));
        }
        out.push('\n');
    }
    let hidden = count.saturating_sub(printed_count);
    if hidden > 0 {
        let more = lang.say(&msg!("picture-more-nodes", count = hidden));
        out.push_str(&context_lines(&more, style, width));
    }
    if repeats {
        out.push_str(&context_lines(
            &lang.word("picture-shown-above"),
            style,
            width,
        ));
    }
    out.push_str(&no_gradients_hint(&painter, members, output, width));
    out
}

/// Walks the tree with an explicit stack, depth first with the inputs in order, and returns
/// its lines and which nodes they show. Each node is expanded once; a line deeper than the
/// terminal can indent ends with a reference to a numbered section that continues it from the
/// left margin.
fn plan_tree(graph: &Graph, output: NodeId, width: usize) -> (Vec<TreeLine>, Vec<bool>) {
    // A third of the width for the guides leaves the rest for the text of the line.
    let max_depth = (width / 12).clamp(3, 10);
    let mut expanded = vec![false; output + 1];
    let mut shown = vec![false; output + 1];
    let mut section_of: HashMap<NodeId, usize> = HashMap::new();
    let mut sections: VecDeque<(NodeId, Option<usize>)> = VecDeque::from([(output, None)]);
    let mut lines = Vec::new();
    'sections: while let Some((root, section)) = sections.pop_front() {
        if section.is_some() {
            if lines.len() + 2 > MAX_TREE_LINES {
                break;
            }
            lines.push(TreeLine::Blank);
        }
        let mut stack = vec![Frame {
            node: root,
            prefix: String::new(),
            child_prefix: String::new(),
            depth: 0,
            root: true,
            section,
        }];
        while let Some(frame) = stack.pop() {
            if lines.len() >= MAX_TREE_LINES {
                break 'sections;
            }
            let id = frame.node;
            let inputs = &graph.node(id).inputs;
            let mark = if frame.root {
                Mark::Full
            } else if expanded[id] {
                Mark::Repeat(section_of.get(&id).copied())
            } else if !inputs.is_empty() && frame.depth >= max_depth {
                let number = section_of.len() + 1;
                section_of.insert(id, number);
                sections.push_back((id, Some(number)));
                Mark::Continued(number)
            } else {
                Mark::Full
            };
            expanded[id] = true;
            shown[id] = true;
            if mark == Mark::Full {
                for (k, &input) in inputs.iter().enumerate().rev() {
                    let last = k + 1 == inputs.len();
                    let (branch, guide) = if last {
                        ("└── ", "    ")
                    } else {
                        ("├── ", "│   ")
                    };
                    stack.push(Frame {
                        node: input,
                        prefix: format!("{}{branch}", frame.child_prefix),
                        child_prefix: format!("{}{guide}", frame.child_prefix),
                        depth: frame.depth + 1,
                        root: false,
                        section: None,
                    });
                }
            }
            lines.push(TreeLine::Node {
                prefix: frame.prefix,
                child_prefix: frame.child_prefix,
                node: id,
                section: frame.section,
                mark,
            });
        }
    }
    (lines, shown)
}

/// A tree line after its prefix, `[1] apple_price = 200.0  ← mul`, as pieces with their roles,
/// and the gradient to show with it (none on a repeat, whose gradient is shown where it is
/// expanded).
fn tree_text(
    painter: &Painter,
    id: NodeId,
    section: Option<usize>,
    mark: Mark,
) -> (Vec<(Role, String)>, Option<String>) {
    let node = painter.graph.node(id);
    let mut text = Vec::new();
    if let Some(number) = section {
        text.push((Role::Note, format!("[{number}] ")));
    }
    if let Some((role, title)) = painter.title(id) {
        text.push((role, title));
        text.push((Role::Space, " = ".to_string()));
    }
    text.push((Role::Forward, painter.forward_text(id)));
    if !matches!(node.op, Op::Leaf | Op::Data) {
        text.push((Role::Space, "  ← ".to_string()));
        let layer = match node.op {
            Op::Compare(cmp) => format!("compare {}", cmp.symbol()),
            _ => node.op.name().to_string(),
        };
        text.push((Role::Layer, layer));
    }
    let lang = painter.lang;
    match mark {
        Mark::Full => {}
        Mark::Repeat(None) => text.push((Role::Note, " (*)".to_string())),
        Mark::Repeat(Some(n)) => {
            let see = lang.say(&msg!("picture-see", number = n.to_string()));
            text.push((Role::Note, format!(" {see}")));
        }
        Mark::Continued(n) => {
            let continued = lang.say(&msg!("picture-continued", number = n.to_string()));
            text.push((Role::Note, format!("  {continued}")));
        }
    }
    let grad = if matches!(mark, Mark::Repeat(_)) {
        None
    } else {
        painter.grad_expression(id)
    };
    (text, grad)
}

/// A gradient's own line under a tree line, `[guide, grad text]`, as one row when it fits, or
/// else as several: a sum of gradients breaks before a `+` or the `=`, each term kept whole,
/// the later rows under the first term, so a terminal never cuts one.
fn grad_rows(line: Vec<(Role, String)>, width: usize) -> Vec<Vec<(Role, String)>> {
    let [(Role::Wire, guide), (Role::Grad, text)] = line.as_slice() else {
        return vec![line];
    };
    if pieces_width(&line) <= width {
        return vec![line];
    }
    let terms: Vec<String> = text
        .replace(" + ", "\n+ ")
        .replace(" = ", "\n= ")
        .lines()
        .map(wrap::keep_whole)
        .collect();
    let room = width.saturating_sub(guide.width());
    let indent = " ".repeat(GRAD.len() + 1);
    wrap::wrap_line(&terms.join(" "), room, &indent)
        .lines()
        .map(|row| vec![(Role::Wire, guide.clone()), (Role::Grad, row.to_string())])
        .collect()
}

/// The display width of a line's pieces.
fn pieces_width(pieces: &[(Role, String)]) -> usize {
    pieces.iter().map(|(_, text)| text.width()).sum()
}

/// Where an inline `(grad …)` goes among a tree line's pieces: right after the value.
fn tree_grad_position(text: &[(Role, String)]) -> usize {
    text.iter()
        .position(|(role, _)| *role == Role::Forward)
        .map_or(text.len(), |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::IxDyn;

    fn floats(shape: &[usize], values: Vec<f64>) -> Value {
        Value::float(ArrayD::from_shape_vec(IxDyn(shape), values).expect("shape matches"))
    }

    #[test]
    fn scalars_print_as_python_repr() {
        let v = floats(&[], vec![220.00000000000003]);
        assert_eq!(value_text(&v, Digits::Unique), "220.00000000000003");
        assert_eq!(value_text(&floats(&[], vec![2.0]), Digits::Numpy), "2.0");
        assert_eq!(
            grad_text(
                &ArrayD::from_elem(IxDyn(&[]), 110.00000000000001),
                Digits::Unique,
                false
            ),
            "110.00000000000001"
        );
        // An int64 gradient, the book's dtax, is a whole number.
        assert_eq!(
            grad_text(&ArrayD::from_elem(IxDyn(&[]), 200.0), Digits::Unique, true),
            "200"
        );
    }

    #[test]
    fn small_arrays_print_on_one_line() {
        let v = floats(&[3], vec![-1.0, 0.0, 2.0]);
        assert_eq!(value_text(&v, Digits::Numpy), "[-1.  0.  2.]");
        let m = floats(&[2, 2], vec![1.0, -2.0, 3.0, 4.0]);
        assert_eq!(value_text(&m, Digits::Numpy), "[[ 1. -2.] [ 3.  4.]]");
        let cube = floats(&[2, 1, 1], vec![1.0, 2.0]);
        assert_eq!(value_text(&cube, Digits::Numpy), "[[[1.]] [[2.]]]");
        let b =
            Value::bools(ArrayD::from_shape_vec(IxDyn(&[2]), vec![true, false]).expect("shape"));
        assert_eq!(value_text(&b, Digits::Numpy), "[ True False]");
        assert_eq!(
            value_text(
                &Value::bools(ArrayD::from_elem(IxDyn(&[]), true)),
                Digits::Numpy
            ),
            "True"
        );
    }

    #[test]
    fn large_arrays_print_their_shape_and_a_preview() {
        let v = floats(&[3, 4], (0..12).map(|i| f64::from(i) / 2.0).collect());
        assert_eq!(value_text(&v, Digits::Numpy), "(3, 4) [0.  0.5 1. ...]");
        let b = Value::bools(ArrayD::from_elem(IxDyn(&[7]), true));
        assert_eq!(
            value_text(&b, Digits::Numpy),
            "(7,) [ True  True  True ...]"
        );
        assert_eq!(
            grad_text(
                &ArrayD::from_elem(IxDyn(&[2, 4]), 0.5),
                Digits::Numpy,
                false
            ),
            "(2, 4) [0.5 0.5 0.5 ...]"
        );
    }

    #[test]
    fn empty_arrays_do_not_panic() {
        assert_eq!(value_text(&floats(&[0], vec![]), Digits::Numpy), "[]");
        assert_eq!(value_text(&floats(&[0, 3], vec![]), Digits::Numpy), "[]");
    }

    #[test]
    fn record_fields_escape_what_graphviz_would_read() {
        assert_eq!(escape_record("{a|b}"), "\\{a\\|b\\}");
        assert_eq!(escape_record("x < 0 > y"), "x \\< 0 \\> y");
        assert_eq!(escape_record("say \"hi\"\\"), "say \\\"hi\\\"\\\\");
        assert_eq!(escape_record("two\nlines"), "two lines");
        assert_eq!(escape_record("[1. 2.] × 3"), "[1. 2.] × 3");
    }

    #[test]
    fn plain_strings_escape_only_quotes_and_backslashes() {
        assert_eq!(escape_string("a \"b\" \\ {c}"), "a \\\"b\\\" \\\\ {c}");
    }

    #[test]
    fn only_parentheses_around_everything_are_stripped() {
        assert_eq!(strip_parens("(1 + exp(-x))"), "1 + exp(-x)");
        assert_eq!(strip_parens("(a) * (b)"), "(a) * (b)");
        assert_eq!(strip_parens("((a))"), "(a)");
        assert_eq!(strip_parens("(a"), "(a");
        assert_eq!(strip_parens("()"), "");
    }

    #[test]
    fn shortening_drops_the_last_element_of_every_preview_and_keeps_one() {
        let mut pieces = vec![(
            Role::Grad,
            "grad (7,) [1. 2. 3. ...] + (7,) [ 1. -2. ...] = (7,) [4. ...]".to_string(),
        )];
        assert!(shorten_preview(&mut pieces, Role::Grad));
        assert_eq!(
            pieces[0].1,
            "grad (7,) [1. 2. ...] + (7,) [ 1. ...] = (7,) [4. ...]"
        );
        assert!(shorten_preview(&mut pieces, Role::Grad));
        assert_eq!(
            pieces[0].1,
            "grad (7,) [1. ...] + (7,) [ 1. ...] = (7,) [4. ...]"
        );
        assert!(!shorten_preview(&mut pieces, Role::Grad));
        let mut scalar = vec![(Role::Forward, "2.0".to_string())];
        assert!(!shorten_preview(&mut scalar, Role::Forward));
    }

    #[test]
    fn long_titles_are_cut_by_display_width() {
        assert_eq!(truncate("apple * n"), "apple * n");
        let long = "a".repeat(40);
        let cut = truncate(&long);
        assert_eq!(cut.width(), MAX_TITLE_WIDTH);
        assert!(cut.ends_with('…'));
        let wide = "価".repeat(20);
        assert!(truncate(&wide).width() <= MAX_TITLE_WIDTH);
    }

    #[test]
    fn the_canvas_pads_by_display_width_and_trims_row_ends() {
        let mut canvas = Canvas::default();
        canvas.put(0, 0, "価格", Role::Name);
        canvas.put(0, 6, "x", Role::Forward);
        canvas.put(2, 1, "y", Role::Grad);
        canvas.wire_to(2, 5);
        assert_eq!(canvas.width(), 7);
        assert_eq!(canvas.render(&Style::plain()), "価格  x\n\n y ──\n");
    }

    /// A session after `lines`, which must run.
    fn session_after(lines: &str) -> Session {
        let mut session = Session::new();
        session
            .run(lines, 0, &mut |_, _, _| Ok(()))
            .expect("the lines run");
        session
    }

    /// `graph NAME` with colour off, `width` columns wide, in `lang`.
    fn picture(session: &Session, name: &str, width: usize, lang: Lang) -> String {
        let node = session.node_of(name).expect("the name is bound");
        render(session, node, &View::new(Style::plain(), width, lang))
    }

    #[test]
    fn a_constant_is_drawn_as_its_value_alone_without_a_gradient() {
        // d(3/t)/d3 = 1/t = 0.5 is computed by back, but nothing is learned about the `3`.
        let session = session_after("t = 2.0; y = 3 / t; back y");
        let y = session.node_of("y").expect("y is bound");
        for width in [100, 20] {
            let drawn = picture(&session, "y", width, Lang::En);
            // The int 3 is drawn as Python writes it.
            assert!(
                drawn
                    .lines()
                    .any(|l| l.starts_with("3 ") || l.ends_with("── 3")),
                "{drawn}"
            );
            assert!(drawn.contains("grad -0.75"), "{drawn}");
            assert!(
                !drawn.contains("0.5"),
                "the constant's gradient is back:\n{drawn}"
            );
            assert_eq!(drawn.matches("grad").count(), 2, "{drawn}");
        }
        // The tree view, when the drawing does not fit: `├── 1.0`, with nothing after it.
        let tree = picture(&session, "y", 20, Lang::En);
        assert!(tree.lines().any(|line| line == "├── 3"), "{tree}");
        let graphviz = dot(&session, y, Lang::En);
        assert!(
            graphviz.contains("[shape=record, label=\"{3}\"]"),
            "{graphviz}"
        );
        assert!(!graphviz.contains("0.5"), "{graphviz}");
    }

    #[test]
    fn constants_in_parentheses_or_with_a_sign_are_constants_too() {
        let session = session_after("t = 2.0; y = (3) * t + - 1; back y");
        let drawn = picture(&session, "y", 100, Lang::En);
        // The gradient of `(3)` would be t = 2.0; `- 1` would get 1.0 beside its value.
        assert!(!drawn.contains("grad 2.0"), "{drawn}");
        assert!(drawn.contains("grad 3.0"), "{drawn}");
        assert!(!drawn.contains("- 1"), "a constant has no title:\n{drawn}");
    }

    /// The English words of the pictures, none of which may show in a Korean picture.
    const ENGLISH: [&str; 12] = [
        "again",
        "used",
        "once",
        "times",
        "elsewhere",
        "outside",
        "more",
        "node",
        "shown",
        "see [",
        "continued",
        "no gradients",
    ];

    fn assert_korean(drawn: &str) {
        for word in ENGLISH {
            assert!(
                !drawn.contains(word),
                "'{word}' in a Korean picture:\n{drawn}"
            );
        }
    }

    #[test]
    fn a_korean_picture_says_everything_in_korean() {
        let fan_out = session_after("x = 3.0; y = x * x; back y");
        let drawn = picture(&fan_out, "y", 100, Lang::Ko);
        assert!(drawn.contains("x (다시)"), "{drawn}");
        assert!(
            drawn.contains("x는 2번 쓰입니다: grad 3.0 + 3.0 = 6.0"),
            "{drawn}"
        );
        assert_korean(&drawn);

        let before_back = session_after("x = 3.0; y = x * x");
        let drawn = picture(&before_back, "y", 100, Lang::Ko);
        assert!(drawn.contains("back y를 실행한 다음"), "{drawn}");
        assert_korean(&drawn);

        let wide = session_after(
            "a = 0.1234567; b = a * 3.3333333; c = b + 0.7777777; d = exp(c); \
             e = d / 1.9999999; f = sigmoid(e); g = f * a; back g",
        );
        let drawn = picture(&wide, "g", 100, Lang::Ko);
        assert!(drawn.contains("(*) 위에 이미 나온 노드"), "{drawn}");
        assert_korean(&drawn);
        // Narrow enough that the tree continues in numbered sections.
        let drawn = picture(&wide, "g", 40, Lang::Ko);
        assert!(drawn.contains("에서 이어짐"), "{drawn}");
        assert_korean(&drawn);

        let mut chain = session_after("y = 1.0");
        for _ in 0..300 {
            chain
                .run("y = y * 1.5", 0, &mut |_, _, _| Ok(()))
                .expect("the chain grows");
        }
        chain
            .run("back y", 0, &mut |_, _, _| Ok(()))
            .expect("back runs");
        let drawn = picture(&chain, "y", 100, Lang::Ko);
        assert!(drawn.contains("… 노드 "), "{drawn}");
        assert_korean(&drawn);
        let english = picture(&chain, "y", 100, Lang::En);
        assert!(english.contains(" more nodes"), "{english}");
    }

    #[test]
    fn a_sum_over_many_uses_is_said_in_the_language_of_the_picture() {
        let session = session_after("x = 1.0; y = x * x * x * x * x * x; back y");
        let drawn = picture(&session, "y", 300, Lang::Ko);
        assert!(drawn.contains("곳에서 받은 기울기의 합"), "{drawn}");
        assert_korean(&drawn);
        let english = picture(&session, "y", 300, Lang::En);
        assert!(english.contains(", the sum over 6 uses"), "{english}");
        let y = session.node_of("y").expect("y is bound");
        assert!(dot(&session, y, Lang::Ko).contains("6곳에서"));
    }

    #[test]
    fn empty_rows_at_the_top_and_bottom_are_not_printed() {
        let mut canvas = Canvas::default();
        canvas.put(1, 0, "a", Role::Forward);
        canvas.put(3, 0, "b", Role::Forward);
        canvas.ensure_rows(6);
        assert_eq!(canvas.render(&Style::plain()), "a\n\nb\n");
        assert_eq!(Canvas::default().render(&Style::plain()), "");
    }
}
