//! The script runner behind `backprop run`: reads files (or stdin), feeds their logical lines to
//! one session, and reports errors as `FILE:LINE:COL: error: MESSAGE` with a caret.

use crate::diagnostic;
use crate::error::Error;
use crate::parser;
use crate::session::Session;
use crate::style::Style;
use std::io::{Read, Write};
use std::path::Path;

/// How a script run behaves when a statement fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScriptOptions {
    /// Carry on after an error instead of stopping at the first one.
    pub keep_going: bool,
}

/// Runs `src` (named `origin` in messages) in `session`. Returns how many statements failed.
pub fn run_source(
    session: &mut Session,
    origin: &str,
    src: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
    err_style: &Style,
    options: ScriptOptions,
) -> usize {
    let mut failures = 0;
    for (offset, line) in parser::logical_lines(src) {
        let result = session.run(line, offset, out);
        for warning in session.take_warnings() {
            let _ = err.write_all(
                diagnostic::render_warning(Some(origin), src, &warning, err_style).as_bytes(),
            );
        }
        if let Err(error) = result {
            failures += 1;
            let _ =
                err.write_all(diagnostic::render(Some(origin), src, &error, err_style).as_bytes());
            if !options.keep_going {
                break;
            }
        }
    }
    let _ = out.flush();
    failures
}

/// Reads a script file as UTF-8 text, or gives the whole error line a person can act on.
/// `-` reads standard input.
pub fn read_script(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("error: cannot read standard input: {}", io_reason(&e)))?;
        bytes
    } else {
        if Path::new(path).is_dir() {
            return Err(format!(
                "error: '{path}' is a directory; give a script file such as lesson.bp"
            ));
        }
        std::fs::read(path)
            .map_err(|e| format!("error: cannot read '{path}': {}", io_reason(&e)))?
    };
    decode(path, bytes)
}

/// The text of `bytes`, or an error that points at the first byte that is not UTF-8.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = String::from_utf8_lossy(&bytes[..valid]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let name = if path == "-" { "<stdin>" } else { path };
        format!(
            "{name}:{line}:{column}: error: the file is not valid UTF-8 (byte 0x{:02x}); save it as UTF-8 text",
            bytes[valid]
        )
    })
}

/// The name of the script for messages: `<stdin>` for `-`.
pub fn origin_name(path: &str) -> &str {
    if path == "-" { "<stdin>" } else { path }
}

/// An I/O error in words, without the `(os error N)` suffix.
pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = error.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_string()
        }
    }
}

/// Used by tests and lessons: the text an error renders to with colour off.
pub fn render_plain(origin: &str, src: &str, error: &Error) -> String {
    diagnostic::render(Some(origin), src, error, &Style::plain())
}
