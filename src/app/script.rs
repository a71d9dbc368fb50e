//! The script runner behind `backprop run`: reads files (or stdin), feeds their logical lines to
//! one session, and reports errors as `FILE:LINE:COL: error: MESSAGE` with a caret.

use crate::app::runner::{self, Failure, io_reason};
use crate::app::waiting;
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
    /// Run the file as Python over the graph (a `.py` file that uses our statements), rather
    /// than in the session's own language (a `.bp` script, for now).
    pub python: bool,
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
    // Python reads the whole file first; a file only the session's older language reads runs
    // a logical line at a time, as before.
    let planned = if options.python {
        runner::plan(ws, src)
    } else {
        Ok(runner::session_lines(src))
    };
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
        if let Err(Failure::Output(e)) = result {
            return Err(e);
        }
        let text = runner::diagnostics(&mut ws.session, &result, Some(origin), src, err_view);
        if !text.is_empty() {
            // What the script printed before the error comes first, as it was written.
            out.flush()?;
            let _ = err.write_all(text.as_bytes());
        }
        if result.is_err() {
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
