//! The one path from a line of text to what it prints, shared by the REPL, the script runner and
//! lesson playback: the session runs each statement and says what it did, `show` renders the
//! outcome, and the text goes to the `Write` the caller gives. They differ only in where lines
//! come from and whether they wait between the pages of a `step`.

use crate::lang::ast::Statement;
use crate::lang::error::Error;
use crate::msg;
use crate::py::error::PyErr;
use crate::py::workspace::{Piece, Workspace};
use crate::session::{Outcome, Session};
use crate::show::diagnostic::CONTINUATION;
use crate::show::wrap::wrap_line;
use crate::show::{self, View, diagnostic, picture};
use std::io::Write;

/// Why a line stopped.
#[derive(Debug)]
pub enum Failure {
    /// A statement failed; the session is as it was before it.
    Statement(Error),
    /// A Python statement raised an exception; what ran before it stays, as in Python.
    Python(Box<PyErr>),
    /// Its output could not be written (a closed pipe, a full disk). The statement happened;
    /// the caller decides whether carrying on makes sense.
    Output(std::io::Error),
}

impl Failure {
    /// The statement's error, if that is what stopped the line.
    pub fn statement(&self) -> Option<&Error> {
        match self {
            Failure::Statement(error) => Some(error),
            Failure::Python(_) | Failure::Output(_) => None,
        }
    }
}

/// Runs one logical line (its first byte at offset `base` of the file) and writes what it
/// prints. `pause` is called between the pages of a `step` and returns false to stop showing
/// the rest. The first statement that fails stops the line, with the session as it was before
/// that statement.
pub fn run_line(
    session: &mut Session,
    view: &View,
    text: &str,
    base: usize,
    out: &mut dyn Write,
    pause: &mut dyn FnMut(&mut dyn Write) -> bool,
) -> Result<(), Failure> {
    run_statements(session, view, None, text, base, out, pause)
}

/// [`run_line`] of the statements parsed from `text` already.
pub fn run_parsed(
    session: &mut Session,
    view: &View,
    statements: &[Statement],
    text: &str,
    base: usize,
    out: &mut dyn Write,
    pause: &mut dyn FnMut(&mut dyn Write) -> bool,
) -> Result<(), Failure> {
    run_statements(session, view, Some(statements), text, base, out, pause)
}

fn run_statements(
    session: &mut Session,
    view: &View,
    parsed: Option<&[Statement]>,
    text: &str,
    base: usize,
    out: &mut dyn Write,
    pause: &mut dyn FnMut(&mut dyn Write) -> bool,
) -> Result<(), Failure> {
    // A write error is not the statement's fault; it is kept here, and the session is told to
    // stop the line with a placeholder error that is never shown.
    let mut output_error = None;
    let mut each = |session: &Session, statement: &Statement, outcome: Outcome| {
        if matches!(outcome, Outcome::Silent) {
            return Ok(());
        }
        let mut write_error = |e: std::io::Error| {
            output_error = Some(e);
            Error::new(msg!("write-failed"), statement.span)
        };
        if let Outcome::Graph {
            node,
            dot: Some(Some(file)),
            ..
        } = &outcome
        {
            std::fs::write(file, picture::dot(session, *node, view.lang)).map_err(|e| {
                Error::new(
                    msg!("dot-cannot-write", file = file, reason = io_reason(&e)),
                    statement.span,
                )
            })?;
            if !statement.silent {
                let text = view.lang.say(&msg!("dot-wrote", file = file));
                let text = wrap_line(&text, view.width, "");
                writeln!(out, "{text}").map_err(&mut write_error)?;
            }
            return Ok(());
        }
        let pages = show::render(session, &outcome, view);
        // Ctrl-C while a large chart was drawn: the statement stops there, unshown.
        if crate::engine::interrupt::requested() {
            return Err(Error::new(msg!("interrupted"), statement.span));
        }
        let last = pages.len().saturating_sub(1);
        for (i, page) in pages.iter().enumerate() {
            out.write_all(page.as_bytes()).map_err(&mut write_error)?;
            if i < last && !pause(out) {
                // The walk stopped part-way, but the statement ran: its gradients are bound,
                // and the learner is told so rather than finding `dx` there later.
                if let (Outcome::Step { .. }, Some(record)) = (&outcome, session.last_back()) {
                    let names: Vec<String> = record
                        .named_grads()
                        .map(|(name, _)| session.grad_label(name))
                        .collect();
                    let text = view
                        .lang
                        .say(&msg!("step-stopped", names = names.join(", ")));
                    let text = wrap_line(&view.style.context(&text), view.width, "");
                    writeln!(out, "{text}").map_err(&mut write_error)?;
                }
                break;
            }
        }
        Ok(())
    };
    let result = match parsed {
        Some(statements) => session.run_parsed(statements, text, base, &mut each),
        None => session.run(text, base, &mut each),
    };
    match (result, output_error) {
        (_, Some(e)) => Err(Failure::Output(e)),
        (Err(error), None) => Err(Failure::Statement(error)),
        (Ok(()), None) => Ok(()),
    }
}

/// Runs `src` (what was typed, a lesson's block, or a whole file) statement by statement in
/// the workspace, each where it belongs (see `py::workspace`), and writes what it prints. The
/// first statement that fails stops the rest.
pub fn run_text(
    ws: &mut Workspace,
    view: &View,
    src: &str,
    out: &mut dyn Write,
    pause: &mut dyn FnMut(&mut dyn Write) -> bool,
) -> Result<(), Failure> {
    for piece in plan(ws, src)? {
        run_piece(ws, view, src, &piece, out, pause)?;
    }
    Ok(())
}

/// The pieces of `src`. Text that is not Python but is the session's own language (an older
/// script's) runs in the session a logical line at a time, as it always has.
pub fn plan(ws: &Workspace, src: &str) -> Result<Vec<Piece>, Failure> {
    match ws.plan(src) {
        Ok(pieces) => Ok(pieces),
        Err(e) if looks_like_python(src) => Err(Failure::Python(Box::new(e))),
        Err(_) => Ok(session_lines(src)),
    }
}

/// `src` in the session's own language: a piece for each logical line.
pub fn session_lines(src: &str) -> Vec<Piece> {
    crate::lang::parser::logical_lines(src)
        .into_iter()
        .map(|(offset, line)| Piece::Graph {
            start: offset,
            end: offset + line.len(),
        })
        .collect()
}

/// Whether text that neither language reads was meant as Python: then Python's syntax error
/// is the one to show, and the session's otherwise.
pub fn looks_like_python(src: &str) -> bool {
    src.lines().any(|line| {
        let t = line.trim_start();
        [
            "def ", "class ", "import ", "from ", "while ", "return", "lambda", "try:", "with ",
        ]
        .iter()
        .any(|k| t.starts_with(k))
            || t.contains('"')
            || t.contains('\'')
    })
}

/// Runs one piece of `src`: in the session, which records it in the graph, or in the
/// interpreter.
pub fn run_piece(
    ws: &mut Workspace,
    view: &View,
    src: &str,
    piece: &Piece,
    out: &mut dyn Write,
    pause: &mut dyn FnMut(&mut dyn Write) -> bool,
) -> Result<(), Failure> {
    ws.interp.view = Some(*view);
    let (start, end, parsed) = match piece {
        Piece::Graph { start, end } => (
            *start,
            *end,
            crate::lang::parser::parse_line(&src[*start..*end], *start),
        ),
        Piece::Python {
            stmt,
            quiet,
            start,
            end,
        } if let Some(req) = ws.layer_request(stmt) => {
            return layer_tool(ws, view, &req, stmt.pos, (*start, *end), out, pause);
        }
        Piece::Python { stmt, .. } if let Some(e) = ws.unsuitable_target(stmt) => {
            return Err(Failure::Python(Box::new(e.at(stmt.pos))));
        }
        Piece::Python {
            stmt,
            quiet,
            start,
            end,
        } => match ws.session_statements(stmt, &src[*start..*end], *start) {
            Some(parsed) => (*start, *end, parsed),
            None => {
                out.flush().map_err(Failure::Output)?;
                let result = ws.run_python(stmt, *quiet);
                ws.drain(out).map_err(Failure::Output)?;
                return result.map_err(|e| Failure::Python(Box::new(e)));
            }
        },
    };
    let statements = parsed.map_err(Failure::Statement)?;
    let text = &src[start..end];
    ws.enter_session(&statements);
    let result = run_parsed(&mut ws.session, view, &statements, text, start, out, pause);
    ws.leave_session();
    result?;
    match ws.continue_into_layers(&statements, view) {
        Some(Ok(text)) => out.write_all(text.as_bytes()).map_err(Failure::Output),
        Some(Err(e)) => Err(Failure::Python(Box::new(e))),
        None => Ok(()),
    }
}

/// A graph statement on the learner's own layers: its pages (pausing between those of a
/// `step`), and its warnings, kept for `diagnostics` as the session's are.
fn layer_tool(
    ws: &mut Workspace,
    view: &View,
    req: &crate::py::layer_tools::Request,
    pos: crate::py::ast::Pos,
    (start, end): (usize, usize),
    out: &mut dyn Write,
    pause: &mut dyn FnMut(&mut dyn Write) -> bool,
) -> Result<(), Failure> {
    let printed = ws.layer_tool(req, view);
    ws.drain(out).map_err(Failure::Output)?;
    let printed = printed.map_err(|e| Failure::Python(Box::new(e.at(pos))))?;
    let span = crate::lang::ast::Span { start, end };
    for warning in printed.warnings {
        ws.session.warn(Error::new(warning, span));
    }
    let last = printed.pages.len().saturating_sub(1);
    for (i, page) in printed.pages.iter().enumerate() {
        out.write_all(page.as_bytes()).map_err(Failure::Output)?;
        if i < last && !pause(out) {
            break;
        }
    }
    Ok(())
}

/// The warnings the last line left, then its error if it failed, rendered against `src` (the
/// whole text the spans point into) for a reader of `view`.
pub fn diagnostics(
    session: &mut Session,
    result: &Result<(), Failure>,
    origin: Option<&str>,
    src: &str,
    view: &View,
) -> String {
    let mut text = String::new();
    for warning in session.take_warnings() {
        text.push_str(&diagnostic::render_warning(origin, src, &warning, view));
    }
    match result {
        // Ctrl-C is not a mistake to point at: say where it stopped, in a word.
        Err(Failure::Statement(error)) if error.is_interrupt() => {
            let word = view.style.warning(&view.lang.say(&error.message));
            match origin {
                Some(origin) => {
                    let at = diagnostic::position(src, error.span.start);
                    let line = format!("{origin}:{}: {word}", at.line);
                    text.push_str(&wrap_line(&line, view.width, CONTINUATION));
                    text.push('\n');
                }
                None => {
                    text.push_str(&wrap_line(&word, view.width, CONTINUATION));
                    text.push('\n');
                }
            }
        }
        Err(Failure::Statement(error)) => {
            text.push_str(&diagnostic::render(origin, src, error, view));
        }
        Err(Failure::Python(error))
            if error.kind == crate::py::error::ExcKind::KeyboardInterrupt =>
        {
            let word = view.style.warning(&view.lang.say(&msg!("interrupted")));
            text.push_str(&wrap_line(&word, view.width, CONTINUATION));
            text.push('\n');
        }
        Err(Failure::Python(error)) => {
            text.push_str(&crate::py::report::render_at(origin, src, error, view));
        }
        _ => {}
    }
    text
}

/// An I/O error in words, without the `(os error N)` suffix.
pub fn io_reason(error: &std::io::Error) -> crate::i18n::Message {
    match error.kind() {
        std::io::ErrorKind::NotFound => msg!("io-not-found"),
        std::io::ErrorKind::PermissionDenied => msg!("io-permission-denied"),
        _ => {
            let text = error.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text).to_string();
            msg!("io-other", reason = text)
        }
    }
}

/// The exit for output that could not be written. A closed pipe (`| head -1`) is how a reader
/// says it has seen enough: end quietly with 141, the status of a process SIGPIPE ended, as
/// other Unix tools do. Anything else (a full disk) is an error the user must hear about.
pub fn output_failed(error: &std::io::Error, err_view: &View) -> std::process::ExitCode {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        return std::process::ExitCode::from(141);
    }
    let message = msg!("cannot-write-output", reason = io_reason(error));
    eprint!("{}", diagnostic::render_message(&message, err_view));
    std::process::ExitCode::FAILURE
}
