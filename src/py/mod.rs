//! Python: the language the book writes, as a tree-walking interpreter over its own objects.
//!
//! `parser` (tokens with nom, then recursive descent) makes `ast`; `interp` runs it over the
//! objects of `value`; `array` and `numpy` are numpy's arrays and namespace; `format` is
//! Python's `format()` mini-language and `%`; `builtins` are Python's built-in functions.
//! Errors are Python's exceptions (`error`), in the catalogue's words.

pub mod array;
pub mod ast;
pub mod builtins;
pub mod error;
pub mod format;
pub mod interp;
pub mod lexer;
pub mod numpy;
pub mod parser;
pub mod report;
pub mod strings;
pub mod value;

use std::io::Write;

use crate::show::view::View;

/// How deep the interpreter's own stack may go: a thread of this size runs a program, so that
/// Python's limit of 1,000 nested calls (each a few Rust frames) is reached long before it.
const STACK_BYTES: usize = 512 << 20;

/// What running a file gave: the output writer back, and the rendered error if it failed.
pub struct Finished {
    pub out: Box<dyn Write + Send>,
    pub error: Option<String>,
    pub interrupted: bool,
}

/// Runs `src` as a Python file named `origin`: parse, then run statement by statement,
/// printing to `out`. An exception ends the run, rendered for `err_view` with its traceback.
pub fn run_file(origin: &str, src: &str, out: Box<dyn Write + Send>, err_view: &View) -> Finished {
    run_file_with(origin, src, out, err_view, None)
}

/// [`run_file`] with a limit on loop turns and calls (the fuzzer's, so that no input hangs).
pub fn run_file_with(
    origin: &str,
    src: &str,
    out: Box<dyn Write + Send>,
    err_view: &View,
    step_limit: Option<u64>,
) -> Finished {
    let run = move || {
        let stmts = match parser::parse_module(src) {
            Ok(s) => s,
            Err(e) => {
                return Finished {
                    out,
                    error: Some(report::render(origin, src, &e, err_view)),
                    interrupted: false,
                };
            }
        };
        let mut interp = value::Interp::new(out, seed_from_clock());
        interp.step_limit = step_limit;
        let result = interp.run(&stmts);
        let _ = interp.out.flush();
        let interrupted = matches!(&result, Err(e) if e.kind == error::ExcKind::KeyboardInterrupt);
        let error = result
            .err()
            .map(|e| report::render(origin, src, &e, err_view));
        let value::Interp { out, .. } = interp;
        Finished {
            out,
            error,
            interrupted,
        }
    };
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("python".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, run);
        match handle {
            Ok(h) => h.join().unwrap_or_else(|_| Finished {
                out: Box::new(std::io::sink()),
                error: Some(err_view.lang.say(&crate::msg!("py-crashed"))),
                interrupted: false,
            }),
            Err(_) => Finished {
                out: Box::new(std::io::sink()),
                error: Some(err_view.lang.say(&crate::msg!("py-no-thread"))),
                interrupted: false,
            },
        }
    })
}

/// numpy seeds its stream from the system when a program does not: a different one each run.
fn seed_from_clock() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() ^ d.as_secs() as u32)
        .unwrap_or(5489)
}

/// A writer that hands its bytes to whoever holds the other end: what `run_to_string` prints
/// into from the interpreter's thread.
#[derive(Clone, Default)]
struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut v) = self.0.lock() {
            v.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs a Python file and returns what it printed and its rendered error, if any (tests and
/// the conformance runner use it).
pub fn run_to_string(origin: &str, src: &str, err_view: &View) -> (String, Option<String>) {
    let shared = Shared::default();
    let finished = run_file(origin, src, Box::new(shared.clone()), err_view);
    drop(finished.out);
    let bytes = shared.0.lock().map(|v| v.clone()).unwrap_or_default();
    (String::from_utf8_lossy(&bytes).into_owned(), finished.error)
}

/// Whether a `.py` file is one the Python stage runs: it parses as Python and uses none of
/// our graph statements (`back`, `step`, `graph`, `check`, ...). Until the graph tools work on
/// the Python stage's objects, a file that uses them runs in the session, as `.bp` files do.
pub fn runs_as_python(src: &str) -> bool {
    fn has_tool(stmts: &[ast::Stmt]) -> bool {
        stmts.iter().any(|s| match &s.kind {
            ast::StmtKind::Tool(_) => true,
            ast::StmtKind::If(branches, other) => {
                branches.iter().any(|(_, b)| has_tool(b)) || has_tool(other)
            }
            ast::StmtKind::While(_, b, o) | ast::StmtKind::For(_, _, b, o) => {
                has_tool(b) || has_tool(o)
            }
            ast::StmtKind::Def(d) => has_tool(&d.body),
            ast::StmtKind::Class(c) => has_tool(&c.body),
            ast::StmtKind::Try(t) => {
                has_tool(&t.body)
                    || t.handlers.iter().any(|(_, _, b)| has_tool(b))
                    || has_tool(&t.orelse)
                    || has_tool(&t.finally)
            }
            _ => false,
        })
    }
    parser::parse_module(src).is_ok_and(|stmts| !has_tool(&stmts))
}
