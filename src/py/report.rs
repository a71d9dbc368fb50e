//! A Python exception as a person reads it: the calls it came through, outermost first, as
//! Python's traceback lists them, then the place and caret of the innermost line with the
//! exception's name and message.

use crate::lang::ast::Span;
use crate::lang::error::Error;
use crate::msg;
use crate::py::ast::Pos;
use crate::py::error::{Frame, PyErr};
use crate::show::diagnostic;
use crate::show::view::View;

/// A traceback longer than this shows its first and last frames only.
const KEEP_FRAMES: usize = 6;

pub fn render(origin: &str, src: &str, e: &PyErr, view: &View) -> String {
    render_at(Some(origin), src, e, view)
}

/// [`render`] for a file or, with no origin, for what was typed at the prompt (`<stdin>` in
/// the traceback, and no file before the caret's line).
pub fn render_at(origin: Option<&str>, src: &str, e: &PyErr, view: &View) -> String {
    let file = origin.unwrap_or("<stdin>");
    let mut frames = vec![Frame {
        function: "<module>".into(),
        pos: e.pos.unwrap_or_default(),
    }];
    let mut innermost = e.pos.unwrap_or_default();
    if let Some((first, rest)) = e.trace.split_first() {
        frames[0].pos = e.pos.unwrap_or(first.pos);
        // Each trace frame holds where the error was inside that function; the outer frame
        // holds where it called in.
        frames.extend(e.trace.iter().cloned());
        innermost = rest.last().unwrap_or(first).pos;
    }
    let mut out = String::new();
    if frames.len() > 1 {
        out.push_str(&view.lang.say(&msg!("py-traceback")));
        out.push('\n');
        let shown: Vec<Option<&Frame>> = if frames.len() > 2 * KEEP_FRAMES {
            let mut v: Vec<Option<&Frame>> = frames[..KEEP_FRAMES].iter().map(Some).collect();
            v.push(None);
            v.extend(frames[frames.len() - KEEP_FRAMES..].iter().map(Some));
            v
        } else {
            frames.iter().map(Some).collect()
        };
        for (i, f) in shown.into_iter().enumerate() {
            match f {
                Some(f) => {
                    // At the prompt only the first frame's line is in this input.
                    let typed_before = origin.is_none() && i > 0;
                    out.push_str(&view.lang.say(&msg!(
                        "py-traceback-frame",
                        file = file,
                        line = f.pos.line,
                        function = f.function.as_str()
                    )));
                    out.push('\n');
                    if let Some(line) = src
                        .lines()
                        .nth(f.pos.line.saturating_sub(1) as usize)
                        .filter(|_| !typed_before)
                    {
                        out.push_str("    ");
                        out.push_str(line.trim());
                        out.push('\n');
                    }
                }
                None => {
                    out.push_str(&view.lang.say(&msg!(
                        "py-traceback-cut",
                        count = frames.len() - 2 * KEEP_FRAMES
                    )));
                    out.push('\n');
                }
            }
        }
    }
    // At the prompt, a function's lines were typed in an earlier input, which `src` is not:
    // the traceback names the line, as CPython's REPL does, and no caret is drawn.
    if origin.is_none() && !e.trace.is_empty() {
        out.push_str(&diagnostic::render_message(&headline(e), view));
        return out;
    }
    let start = offset(src, innermost);
    let end = token_end(src, start);
    let error = Error::new(headline(e), Span { start, end });
    out.push_str(&diagnostic::render(origin, src, &error, view));
    out
}

/// The byte offset of a 1-based line and character column.
/// The byte offset of each line's start, for finding many positions in one text.
pub(crate) fn line_starts(src: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(src.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// [`offset`] with the line starts found once.
pub(crate) fn offset_in(src: &str, starts: &[usize], pos: Pos) -> usize {
    // Lines count from 1; a position without a line (0) is the end.
    let Some(&at) = (pos.line as usize)
        .checked_sub(1)
        .and_then(|line| starts.get(line))
    else {
        return src.len();
    };
    let end = starts.get(pos.line as usize).copied().unwrap_or(src.len());
    let line = &src[at..end];
    let col = pos.col.saturating_sub(1) as usize;
    let within: usize = line.chars().take(col).map(char::len_utf8).sum();
    at + within.min(line.trim_end_matches(['\n', '\r']).len())
}

/// `KIND: message`, and the close name a `NameError` found, as CPython 3.11 shows them.
fn headline(e: &PyErr) -> crate::i18n::Message {
    match &e.suggestion {
        Some(name) => msg!(
            "py-exception-suggest",
            kind = e.kind.name(),
            message = e.message.clone(),
            name = name.as_str()
        ),
        None => msg!(
            "py-exception",
            kind = e.kind.name(),
            message = e.message.clone()
        ),
    }
}

pub(crate) fn offset(src: &str, pos: Pos) -> usize {
    offset_in(src, &line_starts(src), pos)
}

/// Where the name or number starting at `start` ends (one character for anything else).
fn token_end(src: &str, start: usize) -> usize {
    let rest = &src[start.min(src.len())..];
    let word: usize = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .map(char::len_utf8)
        .sum();
    let one = rest.chars().next().map_or(0, char::len_utf8);
    start + word.max(one)
}
