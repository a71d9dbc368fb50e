//! The text of `:help` and `:help NAME`, in Korean and English.
//!
//! Every built-in function, operator and statement of the language has a page. The words of a
//! page live in the catalogue (`help_pages.ftl`, one message per page, all in one language);
//! this module owns the table of names, each page's example and the layer file it names, so
//! the example is the same code in both languages and a test can run it.
//!
//! A layer's page ends with the path of the layer's Rust file, not its text: the files' doc
//! comments mix the Korean edition's terms into English prose, and a page must be in one
//! language. The path tells a reader who wants the code where to read it.

use crate::i18n::{self, Lang};
use crate::lang::suggest;
use crate::msg;
use unicode_width::UnicodeWidthStr;

/// What kind of name a page describes, which decides the group the overview lists it under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A node of the graph with a backward rule: `back` flows through it.
    Layer,
    /// A function or operator whose value is a leaf: no gradient flows through it.
    Function,
    /// A statement: it does something rather than make a value.
    Statement,
}

/// One page: the name it is listed under, the other names that reach it, the catalogue id of
/// its words, a two-line example that runs as typed, and for a layer the file of its Rust code.
#[derive(Debug, Clone, Copy)]
pub struct Topic {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub kind: Kind,
    page: &'static str,
    pub example: [&'static str; 2],
    pub source: Option<&'static str>,
}

impl Topic {
    /// The name and its aliases, the name first.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name).chain(self.aliases.iter().copied())
    }
}

const fn layer(
    name: &'static str,
    aliases: &'static [&'static str],
    page: &'static str,
    example: [&'static str; 2],
    source: &'static str,
) -> Topic {
    Topic {
        name,
        aliases,
        kind: Kind::Layer,
        page,
        example,
        source: Some(source),
    }
}

const fn function(
    name: &'static str,
    aliases: &'static [&'static str],
    page: &'static str,
    example: [&'static str; 2],
) -> Topic {
    Topic {
        name,
        aliases,
        kind: Kind::Function,
        page,
        example,
        source: None,
    }
}

const fn statement(
    name: &'static str,
    aliases: &'static [&'static str],
    page: &'static str,
    example: [&'static str; 2],
) -> Topic {
    Topic {
        name,
        aliases,
        kind: Kind::Statement,
        page,
        example,
        source: None,
    }
}

/// Every page, in the order the overview lists them.
pub const TOPICS: &[Topic] = &[
    layer(
        "add",
        &["+"],
        "help-page-add",
        ["x = array([1.0, 2.0]); y = x + 3", "back y; grad(x)"],
        "add.rs",
    ),
    layer(
        "sub",
        &["-"],
        "help-page-sub",
        [
            "x = array([1.0, 2.0]); w = array([3.0, 1.0]); y = x - w",
            "back y; grad(w)",
        ],
        "sub.rs",
    ),
    layer(
        "mul",
        &["*"],
        "help-page-mul",
        [
            "x = array([1.0, 2.0]); w = array([3.0, 4.0]); y = x * w",
            "back y; grad(x)",
        ],
        "mul.rs",
    ),
    layer(
        "div",
        &["/"],
        "help-page-div",
        ["x = array([1.0, 2.0]); y = 1 / x", "back y; grad(x)"],
        "div.rs",
    ),
    layer(
        "neg",
        &["-x"],
        "help-page-neg",
        ["x = array([1.0, -2.0]); y = -x", "back y; grad(x)"],
        "neg.rs",
    ),
    layer(
        "dot",
        &["@", "matmul"],
        "help-page-dot",
        [
            "x = array([[1.0, 2.0]]); W = array([[1.0, 0.0], [0.0, 2.0]]); y = x @ W",
            "back y; grad(W)",
        ],
        "matmul.rs",
    ),
    layer(
        "pow",
        &["**"],
        "help-page-pow",
        ["x = array([1.0, 3.0]); y = x ** 2", "back y; grad(x)"],
        "pow.rs",
    ),
    layer(
        "exp",
        &[],
        "help-page-exp",
        ["x = array([0.0, 1.0]); y = exp(x)", "back y; grad(x)"],
        "exp.rs",
    ),
    layer(
        "log",
        &[],
        "help-page-log",
        ["x = array([1.0, 4.0]); y = log(x)", "back y; grad(x)"],
        "log.rs",
    ),
    layer(
        "sqrt",
        &[],
        "help-page-sqrt",
        ["x = array([1.0, 4.0]); y = sqrt(x)", "back y; grad(x)"],
        "sqrt.rs",
    ),
    layer(
        "relu",
        &[],
        "help-page-relu",
        [
            "x = array([1.0, -2.0]); r = relu(x)",
            "back r; grad(x); mask(r)",
        ],
        "relu.rs",
    ),
    layer(
        "sigmoid",
        &[],
        "help-page-sigmoid",
        ["x = array([0.0, 2.0]); y = sigmoid(x)", "back y; grad(x)"],
        "sigmoid.rs",
    ),
    layer(
        "tanh",
        &[],
        "help-page-tanh",
        ["x = array([0.0, 1.0]); y = tanh(x)", "back y; grad(x)"],
        "tanh.rs",
    ),
    layer(
        "affine",
        &[],
        "help-page-affine",
        [
            "x = array([[1.0, 2.0]]); W = array([[1.0, 0.0], [0.0, 1.0]])",
            "b = array([0.5, 0.5]); y = affine(x, W, b); back y; grad(W)",
        ],
        "affine.rs",
    ),
    layer(
        "softmax",
        &[],
        "help-page-softmax",
        [
            "a = array([[0.3, 2.9, 4.0]]); y = softmax(a)",
            "back y [[1.0, 0.0, 0.0]]; grad(a)",
        ],
        "softmax.rs",
    ),
    layer(
        "cross_entropy_error",
        &["cross_entropy"],
        "help-page-cross-entropy-error",
        [
            "y = array([[0.1, 0.7, 0.2]]); t = array([[0.0, 1.0, 0.0]])",
            "loss = cross_entropy_error(y, t); back loss; grad(y)",
        ],
        "cross_entropy.rs",
    ),
    layer(
        "softmax_with_loss",
        &[],
        "help-page-softmax-with-loss",
        [
            "a = array([[0.3, 2.9, 4.0]]); t = array([[0.0, 0.0, 1.0]])",
            "loss = softmax_with_loss(a, t); back loss; grad(a)",
        ],
        "softmax_with_loss.rs",
    ),
    layer(
        "sum",
        &[],
        "help-page-sum",
        [
            "x = array([[1.0, 2.0], [3.0, 4.0]]); s = sum(x, axis=0)",
            "back s; grad(x)",
        ],
        "reduce.rs",
    ),
    layer(
        "mean",
        &[],
        "help-page-mean",
        [
            "x = array([[1.0, 2.0], [3.0, 4.0]]); m = mean(x)",
            "back m; grad(x)",
        ],
        "reduce.rs",
    ),
    layer(
        "max",
        &[],
        "help-page-max",
        [
            "x = array([[1.0, 5.0], [3.0, 4.0]]); m = max(x, axis=1)",
            "back m; grad(x)",
        ],
        "reduce.rs",
    ),
    layer(
        "transpose",
        &[".T"],
        "help-page-transpose",
        ["x = array([[1.0, 2.0, 3.0]]); y = x.T", "back y; grad(x)"],
        "reshape.rs",
    ),
    layer(
        "reshape",
        &[],
        "help-page-reshape",
        [
            "x = array([1.0, 2.0, 3.0, 4.0]); y = reshape(x, 2, -1)",
            "back y; grad(x)",
        ],
        "reshape.rs",
    ),
    layer(
        "index",
        &["x[...]", "[]"],
        "help-page-index",
        [
            "x = array([[1.0, 2.0], [3.0, 4.0]]); y = x[0, :]",
            "back y; grad(x)",
        ],
        "index.rs",
    ),
    function(
        "compare",
        &["<", "<=", ">", ">=", "==", "!="],
        "help-page-compare",
        ["x = array([1.0, -2.0, 0.0])", "x <= 0"],
    ),
    function(
        "mod",
        &["%", "//"],
        "help-page-mod",
        ["x = array([5.0, -5.0])", "x % 3"],
    ),
    function(
        "grad",
        &["dx"],
        "help-page-grad",
        ["x = array([1.0, 2.0]); y = x * x; back y", "grad(x); dx"],
    ),
    function(
        "mask",
        &[],
        "help-page-mask",
        ["x = array([1.0, -2.0]); r = relu(x)", "mask(r)"],
    ),
    function(
        "ones",
        &[],
        "help-page-ones",
        [
            "ones(2, 3)",
            "x = array([1.0, 2.0]); y = x * 2; back y ones",
        ],
    ),
    function(
        "zeros",
        &[],
        "help-page-zeros",
        ["zeros(2, 3)", "b = zeros(3)"],
    ),
    function(
        "ones_like",
        &[],
        "help-page-ones-like",
        ["x = array([[1.0, 2.0, 3.0]])", "ones_like(x)"],
    ),
    function(
        "zeros_like",
        &[],
        "help-page-zeros-like",
        ["x = array([[1.0, 2.0, 3.0]])", "zeros_like(x)"],
    ),
    function(
        "numpy",
        &["np", "import", "copy"],
        "help-page-numpy",
        [
            "import numpy as np",
            "x = np.array([[1.0, -0.5], [-2.0, 3.3]]).reshape((1, 4))",
        ],
    ),
    function(
        "randn",
        &[],
        "help-page-randn",
        ["seed 0", "W = 0.01 * randn(2, 3)"],
    ),
    function("rand", &[], "help-page-rand", ["seed 0", "rand(2, 3)"]),
    function(
        "choice",
        &[],
        "help-page-choice",
        ["seed 0", "batch = choice(10, 3)"],
    ),
    function("eye", &[], "help-page-eye", ["eye(3)", "t = eye(3)[1]"]),
    function(
        "range",
        &[],
        "help-page-range",
        ["range(4)", "range(1, 10, 3)"],
    ),
    function(
        "arange",
        &[],
        "help-page-arange",
        ["arange(0, 1, 0.25)", "arange(3)"],
    ),
    function(
        "linspace",
        &[],
        "help-page-linspace",
        ["xs = linspace(-1, 1, 5)", "relu(xs)"],
    ),
    function(
        "argmax",
        &[],
        "help-page-argmax",
        [
            "y = array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]])",
            "argmax(y, axis=1)",
        ],
    ),
    function(
        "print",
        &[],
        "help-page-print",
        ["for i in range(2): print(i * 10)", "print([1.0, 2.0])"],
    ),
    function(
        "array",
        &["True", "False", "nan", "inf"],
        "help-page-array",
        [
            "x = array([[1.0, -0.5], [-2.0, 3.3]])",
            "z = array([nan, inf, -inf, 1e-4]); b = True",
        ],
    ),
    statement(
        "=",
        &["assign"],
        "help-page-assign",
        ["x = array([1.0, 2.0])", "y = relu(x);"],
    ),
    statement(
        "+=",
        &["-=", "*=", "/="],
        "help-page-aug-assign",
        [
            "W = array([1.0, 2.0]); y = W * W; back y",
            "W -= 0.1 * grad(W); W",
        ],
    ),
    statement(
        "x[...]=",
        &["[]="],
        "help-page-index-assign",
        ["x = zeros(3)", "x[0] = 5; x[1:] += 1; x"],
    ),
    statement(
        "back",
        &[],
        "help-page-back",
        [
            "x = array([1.0, -2.0]); y = relu(x) * 3",
            "back y [1.0, 2.0]; grad(x)",
        ],
    ),
    statement(
        "step",
        &[],
        "help-page-step",
        ["x = array([2.0]); c = x + 2; y = 1 / c", "step y"],
    ),
    statement(
        "check",
        &[],
        "help-page-check",
        ["x = array([1.0, -2.0]); y = sigmoid(x * 2)", "check y"],
    ),
    statement(
        "graph",
        &[],
        "help-page-graph",
        ["x = array([1.0, -2.0]); y = relu(x) + x", "graph y"],
    ),
    statement(
        "layer",
        &["forward", "backward"],
        "help-page-layer",
        ["m = MulLayer(); p = m.forward(3.0, 4.0)", "back p"],
    ),
    statement(
        "load",
        &["digits"],
        "help-page-load",
        ["load digits", "t_train[0:5]"],
    ),
    statement("seed", &[], "help-page-seed", ["seed 0", "randn(3)"]),
    statement(
        "for",
        &["in"],
        "help-page-for",
        ["s = 0", "for i in range(4): s += i"],
    ),
    statement(
        "if",
        &["elif", "else"],
        "help-page-if",
        ["x = 3", "if x > 2: print(x)"],
    ),
    statement(
        "del",
        &[],
        "help-page-del",
        ["big = ones(100, 100)", "del big"],
    ),
    statement(
        "plot",
        &[],
        "help-page-plot",
        ["xs = linspace(-3, 3, 61)", "plot xs, relu(xs), sigmoid(xs)"],
    ),
    statement(
        "imshow",
        &[],
        "help-page-imshow",
        ["load digits", "imshow(x_test[0])"],
    ),
];

/// `:help`: a short language reference with examples that run as typed, then every name that
/// has a page, by kind.
pub fn overview(lang: Lang) -> String {
    let mut text = lang.word("help-overview");
    text.push('\n');
    text.push('\n');
    text.push_str(&lang.word("help-names-heading"));
    for (kind, heading) in [
        (Kind::Layer, "help-names-layers"),
        (Kind::Function, "help-names-functions"),
        (Kind::Statement, "help-names-statements"),
    ] {
        text.push('\n');
        text.push_str("  ");
        text.push_str(&i18n::text(lang, heading, &[]));
        let names: Vec<&str> = TOPICS
            .iter()
            .filter(|t| t.kind == kind)
            .flat_map(Topic::names)
            .collect();
        for line in wrap(&names, 4, WIDTH) {
            text.push('\n');
            text.push_str(&line);
        }
    }
    text
}

/// The widest a page's line may be, in terminal cells: the narrowest terminal we write for.
pub const WIDTH: usize = 80;

/// Every name `:help NAME` knows, names and aliases, in the overview's order.
pub fn names() -> impl Iterator<Item = &'static str> {
    TOPICS.iter().flat_map(Topic::names)
}

/// The page that `name` reaches, by its name or an alias. Spaces are ignored, so `x[...] =` and
/// `x[...]=` are the same name.
pub fn topic(name: &str) -> Option<&'static Topic> {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    TOPICS.iter().find(|t| t.names().any(|n| n == name))
}

/// `:help NAME`: what it computes or does, what forward caches and the backward rule where it
/// has one, a two-line example, and for a layer the file of its Rust code.
pub fn page(name: &str, lang: Lang) -> Option<String> {
    let topic = topic(name)?;
    let mut text = i18n::text(lang, topic.page, &[]);
    text.push('\n');
    text.push_str("  ");
    text.push_str(&lang.word("help-example-heading"));
    for line in topic.example {
        text.push_str("\n    ");
        text.push_str(line);
    }
    if let Some(file) = topic.source {
        text.push('\n');
        text.push_str("  ");
        let path = format!("src/engine/layers/{file}");
        text.push_str(&lang.say(&msg!("help-source-file", path = path)));
    }
    Some(text)
}

/// The reply to `:help` of a name without a page: the close names if there are any, and where
/// the full list is.
pub fn unknown(name: &str, lang: Lang) -> String {
    let close = close_names(name);
    if close.is_empty() {
        lang.say(&msg!("help-unknown", topic = name))
    } else {
        lang.say(&msg!(
            "help-unknown-close",
            topic = name,
            close = close.join(", ")
        ))
    }
}

/// The names that a typo of `name` plausibly meant: those within a few edits of it, closest
/// first, and those it is the start of. At most five, so the reply stays one line.
pub fn close_names(name: &str) -> Vec<&'static str> {
    let typed = name.trim();
    if typed.is_empty() || typed.chars().count() > suggest::MAX_LEN {
        return Vec::new();
    }
    let limit = (typed.chars().count() / 3).max(1);
    let mut found: Vec<(usize, &'static str)> = names()
        .filter_map(|n| {
            let distance = suggest::edit_distance(typed, n);
            let starts = n.len() > typed.len() && n.starts_with(typed);
            (distance <= limit || starts).then_some((if starts { 0 } else { distance }, n))
        })
        .collect();
    found.sort_by_key(|(distance, _)| *distance);
    let mut close: Vec<&'static str> = Vec::new();
    for (_, n) in found {
        if !close.contains(&n) {
            close.push(n);
        }
    }
    close.truncate(5);
    close
}

/// `words` joined by spaces into lines of at most `width` cells, each indented by `indent`.
fn wrap(words: &[&str], indent: usize, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = " ".repeat(indent);
    for word in words {
        let fits = line.width() + 1 + word.width() <= width;
        if line.trim().is_empty() {
            line.push_str(word);
        } else if fits {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(std::mem::replace(&mut line, " ".repeat(indent)));
            line.push_str(word);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_pages_share_a_name() {
        let all: Vec<&str> = names().collect();
        for (i, name) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(name), "{name} names two pages");
        }
    }

    #[test]
    fn close_names_of_a_typo() {
        assert_eq!(close_names("relux").first(), Some(&"relu"));
        assert!(close_names("softmax_with").contains(&"softmax_with_loss"));
        assert!(close_names("banana").is_empty());
        assert!(close_names(&"x".repeat(1000)).is_empty());
    }

    #[test]
    fn wrapping_keeps_lines_narrow() {
        let words = ["abc"; 40];
        let lines = wrap(&words, 4, 20);
        assert!(lines.len() > 1);
        assert!(
            lines
                .iter()
                .all(|l| l.width() <= 20 && l.starts_with("    "))
        );
    }
}
