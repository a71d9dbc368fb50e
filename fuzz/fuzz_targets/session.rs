//! Fuzzes `app::runner::run_line` (and through it `Session::run`) with arbitrary scripts.
//!
//! The bytes become text with `String::from_utf8_lossy`, the text is split into logical lines
//! with `parser::logical_lines`, and every line runs on one session that has first run `SETUP`.
//! Besides "no panic, no stack overflow, no out-of-memory, no hang", it checks:
//!
//! (a) A line that returns `Err` leaves the session as it was before the failing statement:
//!     `known_names()`, `vars()`, `graph().len()`, the node each name is bound to, every node's
//!     layer, inputs, label and a fingerprint of its value, and the last `back`'s gradients; while
//!     the graph is small, also the whole session's `Debug` text (which covers the random stream
//!     and the layers' caches too), compared with a copy taken before the line. A line with several
//!     statements keeps the statements before the failing one; for such a line the statements are
//!     replayed one at a time on a copy of the session taken before the line, the failing one is
//!     checked alone, and the copy must end where the real session ended, with the same error.
//! (b) Rendering the error with `diagnostic::render` never panics, neither against the line (as
//!     the REPL does) nor against the whole text (as a script does).
//!
//! `graph NAME --dot FILE` writes FILE; a line with such a statement is not run at all (it is
//! still parsed), so the fuzzer never writes files. `graph NAME --dot` without a file only prints
//! and is run.

#![no_main]

use backprop::app::runner::{self, Failure};
use backprop::engine::value::Value;
use backprop::lang::ast::{Statement, StatementKind};
use backprop::lang::error::Error;
use backprop::lang::parser;
use backprop::session::{Session, VarInfo};
use backprop::show::{View, diagnostic};
use libfuzzer_sys::fuzz_target;
use ndarray::{ArrayBase, Data, IxDyn};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::sink;

/// The state every input starts from: a bound array, a ReLU with its mask, a multiplication and
/// the gradients of one `back`.
const SETUP: &str = "x = [[1.0, -0.5], [-2.0, 3.3]]; r = relu(x); y = x * 2; back r";

/// The whole session's `Debug` text is compared only while the graph has at most this many nodes:
/// formatting a big graph after every failing line would make the fuzzer crawl.
const DEBUG_NODES: usize = 16;

/// The session is copied before a line (to compare its `Debug` text, or to replay a failing
/// multi-statement line) only while the graph's values hold at most this many elements, so that
/// the copy stays cheap (arrays may have 10^8).
const CLONE_ELEMENTS: usize = 1 << 16;

/// How many elements at each end of an array go into its fingerprint.
const FINGERPRINT_ELEMENTS: usize = 4096;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut session = Session::new();
    runner::run_line(
        &mut session,
        &View::plain(),
        SETUP,
        0,
        &mut sink(),
        &mut |_| true,
    )
    .expect("the fixed set-up runs");
    for (offset, line) in parser::logical_lines(&text) {
        run_checked(&mut session, &text, line, offset);
    }
});

fn run_checked(session: &mut Session, text: &str, line: &str, offset: usize) {
    let parsed = parser::parse_line(line, offset);
    if let Ok(statements) = &parsed
        && statements.iter().any(writes_file)
    {
        return;
    }
    let before = Snapshot::of(session);
    let several = matches!(&parsed, Ok(s) if s.len() > 1);
    let copy = ((several || session.graph().len() <= DEBUG_NODES)
        && elements(session) <= CLONE_ELEMENTS)
        .then(|| session.clone());

    let result = runner::run_line(
        session,
        &View::plain(),
        line,
        offset,
        &mut sink(),
        &mut |_| true,
    )
    .map_err(|failure| match failure {
        Failure::Statement(error) => error,
        Failure::Output(e) => panic!("a sink takes any output: {e}"),
        Failure::Python(e) => panic!("the session alone raises no Python exception: {e:?}"),
    });
    if let Err(error) = &result {
        check_error(session, text, line, offset, &parsed, before, copy, error);
    }
    // As a script does: take the warnings (an overflow in `exp`, ...) and render them.
    for warning in session.take_warnings() {
        let _ = diagnostic::render_warning(Some("fuzz.bp"), text, &warning, &View::plain());
        let _ = diagnostic::render_warning(None, line, &warning, &View::plain());
    }
}

/// A `for` or `if` block.
fn is_block(statement: &Statement) -> bool {
    matches!(
        statement.kind,
        StatementKind::For { .. } | StatementKind::If { .. }
    )
}

/// The checks on a line that failed with `error`.
#[allow(clippy::too_many_arguments)]
fn check_error(
    session: &Session,
    text: &str,
    line: &str,
    offset: usize,
    parsed: &Result<Vec<Statement>, Error>,
    before: Snapshot,
    copy: Option<Session>,
    error: &Error,
) {
    // (b) The message renders, against the line as the REPL has it and against the whole file as
    // a script has it.
    let _ = diagnostic::render(None, line, error, &View::plain());
    let _ = diagnostic::render(Some("fuzz.bp"), text, error, &View::plain());
    let _ = diagnostic::render(
        None,
        line,
        error,
        &View::new(
            backprop::show::style::Style::new(true),
            80,
            backprop::i18n::Lang::Ko,
        ),
    );

    match parsed {
        // Nothing ran: a parse error, or a line with a single statement, leaves everything as is.
        Err(parse_error) => {
            assert_eq!(error, parse_error, "run's error differs from parse_line's");
            before.assert_same(session, line, error);
            assert_same_debug(copy.as_ref(), session, line, error);
        }
        // A block that fails keeps what its iterations before the failure did, as in Python.
        Ok(statements) if statements.iter().any(is_block) => {}
        Ok(statements) if statements.len() <= 1 => {
            before.assert_same(session, line, error);
            assert_same_debug(copy.as_ref(), session, line, error);
        }
        Ok(statements) => {
            if let Some(copy) = copy {
                replay(copy, session, statements, line, offset, error);
            }
        }
    }
}

/// Runs the statements of a failing line one at a time on `copy` (the session before the line):
/// the one that fails must change nothing, and `copy` must then equal what `run` left.
fn replay(
    mut copy: Session,
    session: &Session,
    statements: &[Statement],
    line: &str,
    offset: usize,
    error: &Error,
) {
    for (i, statement) in statements.iter().enumerate() {
        // Each statement's text runs from its start to the next statement's start (so it keeps
        // its ';' and any comment), and its spans stay file offsets.
        let start = statement.span.start - offset;
        let end = statements
            .get(i + 1)
            .map_or(line.len(), |next| next.span.start - offset);
        let Some(piece) = line.get(start..end) else {
            return;
        };
        match parser::parse_line(piece, statement.span.start) {
            Ok(alone) if alone.len() == 1 && alone[0].kind == statement.kind => {}
            // The piece does not stand alone; give up on the comparison rather than guess.
            _ => return,
        }
        let before = Snapshot::of(&copy);
        let pre = (copy.graph().len() <= DEBUG_NODES && elements(&copy) <= CLONE_ELEMENTS)
            .then(|| copy.clone());
        let result = runner::run_line(
            &mut copy,
            &View::plain(),
            piece,
            statement.span.start,
            &mut sink(),
            &mut |_| true,
        );
        match result {
            Ok(()) => {}
            Err(Failure::Output(e)) => panic!("a sink takes any output: {e}"),
            Err(Failure::Python(e)) => panic!("the session alone raises no Python exception: {e:?}"),
            Err(Failure::Statement(piece_error)) => {
                before.assert_same(&copy, piece, &piece_error);
                assert_same_debug(pre.as_ref(), &copy, piece, &piece_error);
                assert_eq!(
                    &piece_error, error,
                    "statement {i} of {line:?} alone fails differently from the whole line"
                );
                let copy_state = Snapshot::of(&copy);
                let line_state = Snapshot::of(session);
                assert!(
                    copy_state == line_state,
                    "the line {line:?} failed with {error:?} but left a session different from \
                     running its statements one at a time:\n one at a time: {copy_state:#?}\n \
                     the line: {line_state:#?}"
                );
                return;
            }
        }
    }
    panic!("the line {line:?} failed with {error:?}, but each of its statements alone succeeds");
}

/// While the graph is small, the whole session (random stream, layer caches, every node, the
/// gradients of the last `back`) must print the same with `Debug` as before the failing line.
fn assert_same_debug(before: Option<&Session>, after: &Session, line: &str, error: &Error) {
    let Some(before) = before else {
        return;
    };
    if before.graph().len() > DEBUG_NODES {
        return;
    }
    let (before, after) = (format!("{before:?}"), format!("{after:?}"));
    if before != after {
        panic!(
            "the statement {line:?} failed with {error:?} but changed the session's Debug text:\n \
             before: {before}\n after: {after}"
        );
    }
}

fn writes_file(statement: &Statement) -> bool {
    matches!(
        &statement.kind,
        StatementKind::Graph {
            dot: Some(Some(_)),
            ..
        }
    )
}

/// How many elements the values of the graph hold.
fn elements(session: &Session) -> usize {
    let graph = session.graph();
    (0..graph.len()).map(|id| graph.node(id).value.len()).sum()
}

/// What a failing statement must not change.
#[derive(Debug, PartialEq)]
struct Snapshot {
    known_names: Vec<String>,
    vars: Vec<VarInfo>,
    graph_len: usize,
    /// Each name, its node and its value's fingerprint.
    bindings: Vec<(String, usize, u64)>,
    /// Every node: its layer's name, its inputs (as `Debug` text), its label and its value's
    /// fingerprint.
    nodes: Vec<(&'static str, String, String, u64)>,
    /// Whether a `back` has run, and each name's gradient from it, as a fingerprint.
    has_back: bool,
    gradients: Vec<Option<u64>>,
}

impl Snapshot {
    fn of(session: &Session) -> Snapshot {
        let graph = session.graph();
        Snapshot {
            known_names: session.known_names(),
            vars: session.vars(),
            graph_len: graph.len(),
            bindings: session
                .bindings()
                .map(|(name, node)| {
                    (
                        name.to_string(),
                        node,
                        value_fingerprint(&graph.node(node).value),
                    )
                })
                .collect(),
            nodes: (0..graph.len())
                .map(|id| {
                    let node = graph.node(id);
                    (
                        node.op.name(),
                        format!("{:?}", node.inputs),
                        node.label.to_string(),
                        value_fingerprint(&node.value),
                    )
                })
                .collect(),
            has_back: session.last_back().is_some(),
            gradients: session
                .bindings()
                .map(|(name, _)| session.gradient_of(name).map(|g| float_fingerprint(&*g)))
                .collect(),
        }
    }

    fn assert_same(&self, session: &Session, line: &str, error: &Error) {
        let after = Snapshot::of(session);
        if *self != after {
            panic!(
                "the statement {line:?} failed with {error:?} but changed the session:\n \
                 before: {self:#?}\n after: {after:#?}"
            );
        }
    }
}

fn value_fingerprint(value: &Value) -> u64 {
    match value {
        // A scalar hashes as the 0-d array it stands for, so that the same number fingerprints
        // alike however it is stored.
        Value::Scalar(v) => float_fingerprint(&ndarray::arr0(*v).into_dyn()),
        Value::Float(a) => float_fingerprint(&**a),
        // The same numbers as an int64 are another value: the kind is part of the print.
        Value::Int(a) => float_fingerprint(&**a) ^ 0x1_0000_0001,
        Value::Bool(a) => fingerprint(&**a, |b| u64::from(*b)),
    }
}

/// Hashes the shape and the bits (so NaN equals NaN) of the elements at both ends.
fn float_fingerprint<S: Data<Elem = f64>>(a: &ArrayBase<S, IxDyn>) -> u64 {
    fingerprint(a, |v| v.to_bits())
}

/// Hashes an array's shape and its elements at both ends, whichever storage it has.
fn fingerprint<S: Data>(a: &ArrayBase<S, IxDyn>, bits: impl Fn(&S::Elem) -> u64) -> u64 {
    let mut hasher = DefaultHasher::new();
    a.shape().hash(&mut hasher);
    match a.as_slice_memory_order() {
        Some(s) => ends(s).for_each(|v| bits(v).hash(&mut hasher)),
        None => a.iter().for_each(|v| bits(v).hash(&mut hasher)),
    }
    hasher.finish()
}

/// The first and last `FINGERPRINT_ELEMENTS` items, so that a 10^8-element array stays cheap.
fn ends<T>(s: &[T]) -> impl Iterator<Item = &T> {
    let cut = s.len() > 2 * FINGERPRINT_ELEMENTS;
    let head = if cut { &s[..FINGERPRINT_ELEMENTS] } else { s };
    let tail = if cut {
        &s[s.len() - FINGERPRINT_ELEMENTS..]
    } else {
        &[]
    };
    head.iter().chain(tail)
}
