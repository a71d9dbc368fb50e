//! What the parser's tests share: parsing one statement or one error, showing a tree compactly,
//! and checking that an error is said in both languages. Also the properties of the whole parser:
//! no text makes it panic, and every span it gives lies inside the text.

use super::{logical_lines, needs_more_input, parse_line};
use crate::i18n::{Arg, Lang, Message, ids};
use crate::lang::ast::{Dout, Expr, ExprKind, Ident, Index, Span, Statement, StatementKind};
use crate::lang::error::Error;
use proptest::prelude::*;

/// The one statement `text` parses to, at base 0.
pub(super) fn one(text: &str) -> Statement {
    let statements = parse_line(text, 0).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
    assert_eq!(statements.len(), 1, "{text:?}");
    statements.into_iter().next().expect("one statement")
}

/// The expression of the expression statement `text`.
pub(super) fn expr(text: &str) -> Expr {
    match one(text).kind {
        StatementKind::Expr(e) => e,
        other => panic!("{text:?} is not an expression: {other:?}"),
    }
}

/// The error `text` gives, at base 0.
pub(super) fn error(text: &str) -> Error {
    match parse_line(text, 0) {
        Ok(statements) => panic!("{text:?} parsed: {statements:?}"),
        Err(e) => e,
    }
}

/// The English message of `e`, after checking that both languages have every word of it.
pub(super) fn say(e: &Error) -> String {
    assert_said(&e.message);
    Lang::En.say(&e.message)
}

/// Asserts that `message` and every message inside it is in the catalogue of both languages
/// (not the transitional `raw`), and that the Korean sentence is Korean.
fn assert_said(message: &Message) {
    fn walk(message: &Message) {
        assert_ne!(message.id, "raw", "{message:?}");
        for lang in Lang::ALL {
            assert!(
                ids(lang).iter().any(|id| id == message.id),
                "{} lacks {}",
                lang.code(),
                message.id
            );
        }
        for (_, arg) in &message.args {
            if let Arg::Message(inner) = arg {
                walk(inner);
            }
        }
    }
    walk(message);
    let korean = Lang::Ko.say(message);
    assert!(
        korean.chars().any(|c| ('가'..='힣').contains(&c)),
        "{message:?} in Korean: {korean}"
    );
}

/// Asserts the message and the span (as start..end) of the error `text` gives.
pub(super) fn assert_error(text: &str, message: &str, start: usize, end: usize) {
    let e = error(text);
    assert_eq!(say(&e), message, "{text:?}");
    assert_eq!(e.span, Span::new(start, end), "{text:?}: {:?}", e.message);
}

/// A compact rendering of an expression's structure, to check precedence.
pub(super) fn show(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Number(n) | ExprKind::Int(n) => format!("{n}"),
        ExprKind::Bool(b) => format!("{b}"),
        ExprKind::Array { shape, values, .. } => format!("array{shape:?}{values:?}"),
        ExprKind::Name(n) => n.to_string(),
        ExprKind::Neg(x) => format!("(-{})", show(x)),
        ExprKind::Binary { op, lhs, rhs } => {
            format!("({} {} {})", show(lhs), op.symbol(), show(rhs))
        }
        ExprKind::Call {
            func, args, kwargs, ..
        } => {
            let args = args.iter().map(show).chain(
                kwargs
                    .iter()
                    .map(|(k, v)| format!("{}={}", k.name, show(v))),
            );
            format!("{}({})", func.name(), args.collect::<Vec<_>>().join(", "))
        }
        ExprKind::Grad(i) => format!("grad({})", i.name),
        ExprKind::Mask(i) => format!("mask({})", i.name),
        ExprKind::Transpose(x) => format!("{}.T", show(x)),
        ExprKind::Index { base, indices } => format!("{}[{}]", show(base), show_indices(indices)),
    }
}

/// The items of an index, as `show` writes them: `0, 1:, ::2`.
pub(super) fn show_indices(indices: &[Index]) -> String {
    let part = |e: &Option<Expr>| e.as_ref().map(show).unwrap_or_default();
    let items: Vec<String> = indices
        .iter()
        .map(|index| match index {
            Index::Expr(e) => show(e),
            Index::Slice {
                start, stop, step, ..
            } => match step {
                Some(_) => format!("{}:{}:{}", part(start), part(stop), part(step)),
                None => format!("{}:{}", part(start), part(stop)),
            },
        })
        .collect();
    items.join(", ")
}

/// A compact rendering of statements, one per line with blocks indented by two spaces, to check
/// the structure of blocks: `for i in range(3):` then `  x = i`.
pub(super) fn show_statements(statements: &[Statement]) -> String {
    fn walk(statements: &[Statement], depth: usize, out: &mut Vec<String>) {
        let pad = "  ".repeat(depth);
        for s in statements {
            let semicolon = if s.silent { ";" } else { "" };
            match &s.kind {
                StatementKind::For { var, iter, body } => {
                    out.push(format!("{pad}for {} in {}:", var.name, show(iter)));
                    walk(body, depth + 1, out);
                }
                StatementKind::If {
                    cond,
                    then_body,
                    else_body,
                } => {
                    out.push(format!("{pad}if {}:", show(cond)));
                    walk(then_body, depth + 1, out);
                    if !else_body.is_empty() {
                        out.push(format!("{pad}else:"));
                        walk(else_body, depth + 1, out);
                    }
                }
                StatementKind::Assign { name, value } => {
                    out.push(format!("{pad}{} = {}{semicolon}", name.name, show(value)))
                }
                StatementKind::AugAssign { name, op, value } => out.push(format!(
                    "{pad}{} {}= {}{semicolon}",
                    name.name,
                    op.symbol(),
                    show(value)
                )),
                StatementKind::IndexAssign {
                    name,
                    indices,
                    op,
                    value,
                } => out.push(format!(
                    "{pad}{}[{}] {}= {}{semicolon}",
                    name.name,
                    show_indices(indices),
                    op.map_or("", |op| op.symbol()),
                    show(value)
                )),
                StatementKind::Expr(e) => out.push(format!("{pad}{}{semicolon}", show(e))),
                StatementKind::Back { target, .. } => {
                    out.push(format!("{pad}back {}{semicolon}", target.name))
                }
                other => out.push(format!("{pad}{other:?}")),
            }
        }
    }
    let mut out = Vec::new();
    walk(statements, 0, &mut out);
    out.join("\n")
}

pub(super) fn ident(name: &str, start: usize, end: usize) -> Ident {
    Ident {
        name: name.into(),
        span: Span::new(start, end),
    }
}

#[test]
fn composed_messages_read_as_korean() {
    let cases = [
        ("[x]", "'x' 대신 숫자가 와야 합니다"),
        ("[1, [2]]", "리스트 대신 숫자가 와야 합니다"),
        ("a = 1\nb = 2", "줄바꿈 대신 ';' 또는 줄 끝이 와야 합니다"),
        ("relu(x, y)", "relu는 인자를 1개 받는데 2개가 주어졌습니다"),
        ("ones()", "ones는 인자를 1개 이상 받는데 0개가 주어졌습니다"),
        ("(1 + 2", "여는 괄호 '('에 맞는 닫는 괄호 ')'가 없습니다"),
        (
            "[[1, 2], [3]]",
            "들쭉날쭉한 배열입니다: 2행은 원소가 1개인데 1행은 2개입니다",
        ),
    ];
    for (text, korean) in cases {
        let e = error(text);
        assert_said(&e.message);
        assert_eq!(Lang::Ko.say(&e.message), korean, "{text:?}");
    }
}

/// Every span in `statements` lies within `text` (offset by `base`) and on char boundaries.
fn spans_of(statements: &[Statement]) -> Vec<Span> {
    fn walk(e: &Expr, spans: &mut Vec<Span>) {
        spans.push(e.span);
        match &e.kind {
            ExprKind::Number(_)
            | ExprKind::Int(_)
            | ExprKind::Bool(_)
            | ExprKind::Array { .. }
            | ExprKind::Name(_) => {}
            ExprKind::Transpose(x) => walk(x, spans),
            ExprKind::Index { base, indices } => {
                walk(base, spans);
                walk_indices(indices, spans);
            }
            ExprKind::Neg(x) => walk(x, spans),
            ExprKind::Binary { lhs, rhs, .. } => {
                walk(lhs, spans);
                walk(rhs, spans);
            }
            ExprKind::Call {
                func_span,
                args,
                kwargs,
                ..
            } => {
                spans.push(*func_span);
                args.iter().for_each(|a| walk(a, spans));
                for (key, value) in kwargs {
                    spans.push(key.span);
                    walk(value, spans);
                }
            }
            ExprKind::Grad(i) | ExprKind::Mask(i) => spans.push(i.span),
        }
    }
    fn walk_indices(indices: &[Index], spans: &mut Vec<Span>) {
        for index in indices {
            spans.push(index.span());
            if let Index::Slice {
                start, stop, step, ..
            } = index
            {
                for part in [start, stop, step].into_iter().flatten() {
                    walk(part, spans);
                }
            } else if let Index::Expr(e) = index {
                walk(e, spans);
            }
        }
    }
    fn walk_statements(statements: &[Statement], spans: &mut Vec<Span>) {
        spans.extend(spans_of(statements));
    }
    let mut spans = Vec::new();
    for s in statements {
        spans.push(s.span);
        match &s.kind {
            StatementKind::Assign { name, value } => {
                spans.push(name.span);
                walk(value, &mut spans);
            }
            StatementKind::Back { target, dout } | StatementKind::Step { target, dout } => {
                spans.push(target.span);
                if let Dout::Expr(e) = dout {
                    walk(e, &mut spans);
                }
            }
            StatementKind::Expr(e) => walk(e, &mut spans),
            StatementKind::Plot { series, height } => series
                .iter()
                .chain(height)
                .for_each(|e| walk(e, &mut spans)),
            StatementKind::Imshow { image } => walk(image, &mut spans),
            StatementKind::Graph { target, .. } | StatementKind::Check { target, .. } => {
                spans.push(target.span)
            }
            StatementKind::Seed { .. } | StatementKind::Import => {}
            StatementKind::Load { dataset } => spans.push(dataset.span),
            StatementKind::Del { names } => spans.extend(names.iter().map(|n| n.span)),
            StatementKind::AugAssign { name, value, .. } => {
                spans.push(name.span);
                walk(value, &mut spans);
            }
            StatementKind::IndexAssign {
                name,
                indices,
                value,
                ..
            } => {
                spans.push(name.span);
                walk_indices(indices, &mut spans);
                walk(value, &mut spans);
            }
            StatementKind::For { var, iter, body } => {
                spans.push(var.span);
                walk(iter, &mut spans);
                walk_statements(body, &mut spans);
            }
            StatementKind::If {
                cond,
                then_body,
                else_body,
            } => {
                walk(cond, &mut spans);
                walk_statements(then_body, &mut spans);
                walk_statements(else_body, &mut spans);
            }
        }
    }
    spans
}

fn assert_span_in(text: &str, base: usize, span: Span) {
    assert!(span.start <= span.end, "{text:?}: {span:?}");
    assert!(
        span.start >= base && span.end <= base + text.len(),
        "{text:?}: {span:?}"
    );
    assert!(
        text.is_char_boundary(span.start - base),
        "{text:?}: {span:?}"
    );
    assert!(text.is_char_boundary(span.end - base), "{text:?}: {span:?}");
}

fn assert_well_formed(text: &str, base: usize) {
    match parse_line(text, base) {
        Ok(statements) => {
            for span in spans_of(&statements) {
                assert_span_in(text, base, span);
            }
        }
        Err(e) => {
            assert!(!say(&e).is_empty());
            assert_span_in(text, base, e.span);
            if let Some(related) = e.related {
                assert_span_in(text, base, related);
            }
        }
    }
    let _ = needs_more_input(text);
    let mut next = 0;
    for (offset, line) in logical_lines(text) {
        assert!(offset >= next, "{text:?}");
        assert_eq!(
            text.get(offset..offset + line.len()),
            Some(line),
            "{text:?}"
        );
        next = offset + line.len();
        if let Err(e) = parse_line(line, base + offset) {
            assert_span_in(line, base + offset, e.span);
        }
    }
}

const VOCABULARY: &[&str] = &[
    "[",
    "]",
    "(",
    ")",
    ",",
    ";",
    " ",
    " ",
    "\n",
    "\r\n",
    "\t",
    "#",
    "# 주석 [(",
    "1",
    "-0.5",
    "3.",
    ".5",
    "1e-05",
    "2.5E+4",
    "1e400",
    "1e",
    "x",
    "W1",
    "_",
    "=",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "+",
    "-",
    "*",
    "/",
    "**",
    "back",
    "step",
    "check",
    "graph",
    "--dot",
    "\"",
    "out.dot",
    "ones",
    "zeros",
    "relu",
    "relux",
    "add",
    "grad",
    "mask",
    "ones_like",
    "randn",
    "가",
    "한국어",
    "@",
    "%",
    ":",
    ".T",
    ".x",
    "+=",
    "-=",
    "*=",
    "for",
    "in",
    "if",
    "elif",
    "else",
    "True",
    "False",
    "nan",
    "inf",
    "axis=",
    "sum",
    "affine",
    "range",
    "\n    ",
    "\n  ",
    "\n\t",
    ".",
    "!",
    "é",
    "\u{200b}",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "(\\PC|\n|\r|\t){0,40}", base in 0usize..1000) {
        assert_well_formed(&text, base);
    }

    #[test]
    fn token_soup_never_panics(
        tokens in prop::collection::vec(prop::sample::select(VOCABULARY), 0..30),
        base in 0usize..1000,
    ) {
        assert_well_formed(&tokens.concat(), base);
    }
}

#[test]
fn every_keyword_is_a_reserved_word_and_nothing_else_is() {
    use super::statement::{BLOCK_KEYWORDS, KEYWORDS};
    use crate::lang::ast::{RESERVED, is_reserved};
    // `name_or_call` asks `is_reserved` before it looks for keywords, so they must be reserved.
    for word in KEYWORDS.iter().chain(&BLOCK_KEYWORDS).chain(&RESERVED) {
        assert!(is_reserved(word), "{word}");
    }
    for word in [
        "x", "W1", "y_train", "relu1", "Relu", "_", "e", "ones_", "rel", "", "가",
    ] {
        assert!(!is_reserved(word), "{word}");
    }
}
