//! The one place that turns an `Error` into what a person reads: `FILE:LINE:COL: error: MESSAGE`,
//! the source line, and a caret under the fault.
//!
//! Columns count characters, so Korean text earlier on the line does not shift them. The caret
//! line copies tabs from the source and uses display width for everything else, so the caret sits
//! under the right character in a terminal.
//!
//! The header is prose and wraps to the view's width at spaces (`show::wrap`), its later lines
//! indented by two spaces so they cannot be taken for the source line under them; a terminal
//! left to wrap it would cut a word in two. The source line and the caret are code and stay
//! whole, however wide.

use crate::lang::error::Error;
use crate::msg;
use crate::show::view::View;
use crate::show::wrap;
use unicode_width::UnicodeWidthChar;

/// What a diagnostic's wrapped header lines after the first start with.
pub const CONTINUATION: &str = "  ";

/// A 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Where byte `offset` of `src` is, as a 1-based line and a 1-based character column.
pub fn position(src: &str, offset: usize) -> Position {
    let offset = floor_char_boundary(src, offset);
    let before = &src[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Renders `error` against `src`. `origin` is the file name (or `<stdin>`); without one, as in
/// the REPL, the header is just `error: MESSAGE` (`오류: …` in Korean).
pub fn render(origin: Option<&str>, src: &str, error: &Error, view: &View) -> String {
    let label = view.style.error(&view.lang.word("error-label"));
    render_as(&label, origin, src, error, view)
}

/// Renders a warning the same way, labelled `warning:` (`경고:`).
pub fn render_warning(origin: Option<&str>, src: &str, warning: &Error, view: &View) -> String {
    let label = view.style.warning(&view.lang.word("warning-label"));
    render_as(&label, origin, src, warning, view)
}

/// An error without a place in a source, such as a bad command-line option: `error: MESSAGE`.
pub fn render_message(message: &crate::i18n::Message, view: &View) -> String {
    let label = view.style.error(&view.lang.word("error-label"));
    let line = format!("{label} {}", view.lang.say(message));
    format!("{}\n", wrap::wrap_line(&line, view.width, CONTINUATION))
}

/// A warning without a place in a source, such as a history file that cannot be written:
/// `warning: MESSAGE`.
pub fn render_warning_message(message: &crate::i18n::Message, view: &View) -> String {
    let label = view.style.warning(&view.lang.word("warning-label"));
    let line = format!("{label} {}", view.lang.say(message));
    format!("{}\n", wrap::wrap_line(&line, view.width, CONTINUATION))
}

fn render_as(label: &str, origin: Option<&str>, src: &str, error: &Error, view: &View) -> String {
    let style = &view.style;
    let start = position(src, error.span.start);
    let mut message = view.lang.say(&error.message);
    if let Some(related) = error.related {
        let at = position(src, related.start);
        message.push(' ');
        message.push_str(&view.lang.say(&msg!(
            "related-at",
            line = at.line.to_string(),
            column = at.column.to_string()
        )));
    }
    let header = match origin {
        Some(origin) => format!(
            "{origin}:{}:{}: {} {message}",
            start.line, start.column, label
        ),
        None => format!("{label} {message}"),
    };
    let header = wrap::wrap_line(&header, view.width, CONTINUATION);
    let start_offset = floor_char_boundary(src, error.span.start);
    let line_start = src[..start_offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[start_offset..]
        .find('\n')
        .map_or(src.len(), |i| start_offset + i);
    let line = src[line_start..line_end].trim_end_matches('\r');
    let end_offset = floor_char_boundary(src, error.span.end.clamp(start_offset, line_end));
    let mut pad = String::new();
    for c in src[line_start..start_offset].chars() {
        if c == '\t' {
            pad.push('\t');
        } else {
            pad.push_str(&" ".repeat(c.width().unwrap_or(0)));
        }
    }
    let marked: usize = src[start_offset..end_offset]
        .chars()
        .map(|c| c.width().unwrap_or(0))
        .sum();
    let carets = "^".repeat(marked.max(1));
    format!("{header}\n{line}\n{pad}{}\n", style.error(&carets))
}

fn floor_char_boundary(src: &str, offset: usize) -> usize {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ast::Span;

    #[test]
    fn counts_columns_in_characters_and_pads_by_display_width() {
        let src = "x = 1 # 가나\ny = 가";
        let offset = src.rfind('가').expect("the fixture has a 가 on line 2");
        let error = Error::new(
            msg!("parse-unexpected-character", char = "가"),
            Span::new(offset, offset + 3),
        );
        let text = render(Some("a.bp"), src, &error, &View::plain());
        assert_eq!(
            text,
            "a.bp:2:5: error: unexpected character '가'\ny = 가\n    ^^\n"
        );
    }

    #[test]
    fn korean_labels_the_error_and_the_place_it_refers_to() {
        let src = "x = [1, 2";
        let error = Error::new(msg!("parse-unclosed-bracket"), Span::new(9, 9))
            .with_related(Span::new(4, 5));
        let view = View::new(
            crate::show::style::Style::plain(),
            80,
            crate::i18n::Lang::Ko,
        );
        let text = render(None, src, &error, &view);
        assert!(text.starts_with("오류: "), "{text}");
        assert!(text.contains("1:5"), "{text}");
        assert!(text.ends_with("x = [1, 2\n         ^\n"), "{text}");
    }

    #[test]
    fn names_the_related_place() {
        let src = "x = [1, 2";
        let error = Error::new(msg!("parse-unclosed-bracket"), Span::new(9, 9))
            .with_related(Span::new(4, 5));
        let text = render(None, src, &error, &View::plain());
        assert_eq!(
            text,
            "error: expected ']' to close '[' at 1:5\nx = [1, 2\n         ^\n"
        );
    }
}
