//! The one path from a line of text to what it prints, shared by the REPL, the script runner and
//! lesson playback: the session runs each statement and says what it did, `show` renders the
//! outcome, and the text goes to the `Write` the caller gives. They differ only in where lines
//! come from and whether they wait between the pages of a `step`.

use crate::lang::error::{Error, Result};
use crate::msg;
use crate::session::{Outcome, Session};
use crate::show::{self, View, diagnostic, picture};
use std::io::Write;

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
) -> Result<()> {
    session.run(text, base, &mut |session, statement, outcome| {
        let write_error = |e: std::io::Error| {
            Error::new(
                msg!("write-failed", reason = io_reason(&e)),
                statement.span,
            )
        };
        if let Outcome::Graph {
            node,
            dot: Some(Some(file)),
            ..
        } = &outcome
        {
            std::fs::write(file, picture::dot(session, *node)).map_err(|e| {
                Error::new(
                    msg!("dot-cannot-write", file = file, reason = io_reason(&e)),
                    statement.span,
                )
            })?;
            if !statement.silent {
                let text = view.lang.say(&msg!("dot-wrote", file = file));
                writeln!(out, "{text}").map_err(write_error)?;
            }
            return Ok(());
        }
        let pages = show::render(session, &outcome, view);
        let last = pages.len().saturating_sub(1);
        for (i, page) in pages.iter().enumerate() {
            out.write_all(page.as_bytes()).map_err(write_error)?;
            if i < last && !pause(out) {
                break;
            }
        }
        Ok(())
    })
}

/// The warnings the last line left, then its error if it failed, rendered against `src` (the
/// whole text the spans point into) for a reader of `view`.
pub fn diagnostics(
    session: &mut Session,
    result: &Result<()>,
    origin: Option<&str>,
    src: &str,
    view: &View,
) -> String {
    let mut text = String::new();
    for warning in session.take_warnings() {
        text.push_str(&diagnostic::render_warning(origin, src, &warning, view));
    }
    if let Err(error) = result {
        text.push_str(&diagnostic::render(origin, src, error, view));
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
