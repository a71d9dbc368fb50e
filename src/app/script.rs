//! The script runner behind `backprop run`: reads files (or stdin), feeds their logical lines to
//! one session, and reports errors as `FILE:LINE:COL: error: MESSAGE` with a caret.

use crate::app::runner::{self, Failure, io_reason};
use crate::app::waiting;
use crate::lang::parser;
use crate::msg;
use crate::py::workspace::{Piece, Workspace};
use crate::show::{View, diagnostic, wrap};
use std::io::{IsTerminal, Read, Write};
use std::path::Path;

/// The UTF-8 encoding of U+FEFF, the byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How a script run behaves when a statement fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScriptOptions {
    /// Carry on after an error instead of stopping at the first one.
    pub keep_going: bool,
}

/// Runs `src` (named `origin` in messages) in `session`, writing what it prints to `out` as
/// `view` shows it and diagnostics to `err` as `err_view` does. Returns how many statements
/// failed, or the error that kept the output from being written (which stops the run: nobody
/// is reading any more, or the disk is full).
#[allow(clippy::too_many_arguments)]
pub fn run_source(
    ws: &mut Workspace,
    origin: &str,
    src: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
    view: &View,
    err_view: &View,
    options: ScriptOptions,
) -> std::io::Result<usize> {
    let mut failures = 0;
    // Lines of the graph language alone run in the session as they are parsed, one logical
    // line at a time; from the first line that is Python's business on, the rest of the file
    // is Python over the graph, as the REPL runs it.
    let mut python_from = None;
    for (start, line) in parser::logical_lines(src) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some(statements) = ws.session_line(line, start) else {
            python_from = Some(start);
            break;
        };
        let result = runner::run_parsed(
            &mut ws.session,
            view,
            &statements,
            line,
            start,
            out,
            &mut |_| true,
        );
        if !report(ws, result, origin, src, out, err, err_view)? {
            failures += 1;
            // Ctrl-C ends the run whatever --keep-going says.
            if !options.keep_going || crate::engine::interrupt::requested() {
                out.flush()?;
                return Ok(failures);
            }
        }
    }
    let Some(python_from) = python_from else {
        out.flush()?;
        return Ok(failures);
    };
    // What the session bound so far, Python sees.
    ws.leave_session();
    let planned = runner::plan(ws, src);
    let pieces = match planned {
        Ok(pieces) => pieces,
        Err(failure) => {
            let result = Err(failure);
            let text = runner::diagnostics(&mut ws.session, &result, Some(origin), src, err_view);
            out.flush()?;
            let _ = err.write_all(text.as_bytes());
            return Ok(1);
        }
    };
    for piece in &pieces {
        let at = match piece {
            Piece::Graph { start, .. } | Piece::Python { start, .. } => *start,
        };
        if at < python_from {
            continue;
        }
        let result = match piece {
            // The session's own language: its names are its own, shared with nothing.
            Piece::Graph { start, end } => runner::run_line(
                &mut ws.session,
                view,
                &src[*start..*end],
                *start,
                out,
                &mut |_| true,
            ),
            _ => runner::run_piece(ws, view, src, piece, out, &mut |_| true),
        };
        if !report(ws, result, origin, src, out, err, err_view)? {
            failures += 1;
            // Ctrl-C ends the run whatever --keep-going says.
            if !options.keep_going || crate::engine::interrupt::requested() {
                break;
            }
        }
    }
    out.flush()?;
    Ok(failures)
}

/// Writes a statement's warnings and error; whether it ran. An output that cannot be written
/// ends the run.
fn report(
    ws: &mut Workspace,
    result: Result<(), Failure>,
    origin: &str,
    src: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
    err_view: &View,
) -> std::io::Result<bool> {
    if let Err(Failure::Output(e)) = result {
        return Err(e);
    }
    let text = runner::diagnostics(&mut ws.session, &result, Some(origin), src, err_view);
    if !text.is_empty() {
        // What the script printed before the error comes first, as it was written.
        out.flush()?;
        let _ = err.write_all(text.as_bytes());
    }
    Ok(result.is_ok())
}

/// Reads a script file as UTF-8 text, or gives the whole error line a person can act on, as
/// `view` says it and wrapped to its width. `-` reads standard input.
pub fn read_script(path: &str, view: &View) -> Result<String, String> {
    read_unwrapped(path, view)
        .map_err(|line| wrap::wrap_line(&line, view.width, diagnostic::CONTINUATION))
}

fn read_unwrapped(path: &str, view: &View) -> Result<String, String> {
    let lang = view.lang;
    let label = view.style.error(&lang.word("error-label"));
    let bytes = if path == "-" {
        let cannot_read = |e: std::io::Error| {
            let message = msg!("cannot-read-stdin", reason = io_reason(&e));
            format!("{label} {}", lang.say(&message))
        };
        if std::io::stdin().is_terminal() {
            // Typed at a terminal: Ctrl-C stops the reading at once (the caller sees the flag).
            match waiting::read_all_stdin() {
                Some(read) => read.map_err(cannot_read)?,
                None => return Err(format!("{label} {}", lang.word("interrupted"))),
            }
        } else {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(cannot_read)?;
            bytes
        }
    } else {
        if Path::new(path).is_dir() {
            return Err(format!(
                "{label} {}",
                lang.say(&msg!("script-is-directory", path = path))
            ));
        }
        std::fs::read(path).map_err(|e| {
            let message = msg!("cannot-read-file", path = path, reason = io_reason(&e));
            format!("{label} {}", lang.say(&message))
        })?
    };
    decode(path, bytes, view)
}

/// The text of `bytes`, or an error that points at the first byte that is not UTF-8. A UTF-8
/// byte-order mark at the start, as Windows Notepad writes, is skipped.
pub fn decode(path: &str, mut bytes: Vec<u8>, view: &View) -> Result<String, String> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = String::from_utf8_lossy(&bytes[..valid]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let name = origin_name(path);
        let label = view.style.error(&view.lang.word("error-label"));
        let message = msg!("not-utf8", byte = format!("0x{:02x}", bytes[valid]));
        format!(
            "{name}:{line}:{column}: {label} {}",
            view.lang.say(&message)
        )
    })
}

/// The name of the script for messages: `<stdin>` for `-`.
pub fn origin_name(path: &str) -> &str {
    if path == "-" { "<stdin>" } else { path }
}
