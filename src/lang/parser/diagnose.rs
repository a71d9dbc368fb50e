//! How a parse error is put: what was expected, what was found instead, which bracket is still
//! open, and which character the language has no use for. Every message is an id of
//! `src/i18n/*/parser.ftl`; the pieces of a composed one (the token found, say) are messages too,
//! so that each language can arrange them.

use super::Line;
use super::lexeme::token_len;
use crate::i18n::Message;
use crate::lang::ast::{Span, Statement, StatementKind};
use crate::lang::error::Error;
use crate::msg;

impl<'a> Line<'a> {
    /// The error for text after a complete statement, e.g. `foo` in `x = 1 foo`.
    pub(super) fn trailing(&self, at: &'a str, statement: &Statement) -> Error {
        if let Some(error) = self.invalid_character(at) {
            return error;
        }
        match at.chars().next() {
            Some(c @ (')' | ']')) => Error::new(
                msg!("parse-unexpected-close", token = c),
                self.span_len(at, 1),
            ),
            Some('=')
                if !at.starts_with("==") && matches!(statement.kind, StatementKind::Expr(_)) =>
            {
                Error::new(msg!("parse-assign-to-expression"), statement.span)
            }
            _ => self.found(msg!("parse-expected-end"), at),
        }
    }

    /// The error for a statement that cannot start at `at`, e.g. `* 2` or `)`.
    pub(super) fn not_a_statement(&self, at: &'a str) -> Error {
        if let Some(error) = self.invalid_character(at) {
            return error;
        }
        match at.chars().next() {
            Some(';') => Error::new(
                msg!("parse-expected-statement-before-semicolon"),
                self.span_len(at, 1),
            ),
            Some(c @ (')' | ']')) => Error::new(
                msg!("parse-unexpected-close", token = c),
                self.span_len(at, 1),
            ),
            Some('=') if !at.starts_with("==") => Error::new(
                msg!("parse-expected-name-before-equals"),
                self.span_len(at, 1),
            ),
            _ => self.found(msg!("parse-expected-statement"), at),
        }
    }

    /// The message `expected` (which says what was expected) pointing at the token at `at` (or
    /// the end of the line), unless `at` starts with a character the language has no use for,
    /// which is the better thing to report.
    pub(super) fn expected(&self, expected: Message, at: &'a str) -> Error {
        if let Some(error) = self.invalid_character(at) {
            return error;
        }
        Error::new(expected, self.span_len(at, token_len(at)))
    }

    /// "EXPECTED, found TOKEN" pointing at the token at `at`, e.g. `expected a number, found 'x'`.
    pub(super) fn found(&self, expected: Message, at: &'a str) -> Error {
        if let Some(error) = self.invalid_character(at) {
            return error;
        }
        let message = expected_found(expected, describe(at));
        Error::new(message, self.span_len(at, token_len(at)))
    }

    /// "expected ')' to close '('" at `at`, with the open bracket as the related span.
    pub(super) fn unclosed(&self, at: &'a str, close: char, open: Span) -> Error {
        if let Some(error) = self.invalid_character(at) {
            return error;
        }
        let message = if close == ')' {
            msg!("parse-unclosed-paren")
        } else {
            msg!("parse-unclosed-bracket")
        };
        Error::new(message, self.span_len(at, token_len(at))).with_related(open)
    }

    /// `unexpected character '$'` when `at` starts with a character that begins no token.
    fn invalid_character(&self, at: &'a str) -> Option<Error> {
        let c = at.chars().next()?;
        let next = at.get(c.len_utf8()..).unwrap_or("");
        let valid = match c {
            c if c.is_ascii_alphanumeric() => true,
            '_' | ' ' | '\t' | '\r' | '\n' | '+' | '-' | '*' | '/' | '@' | '%' | '<' | '>'
            | '=' | '(' | ')' | '[' | ']' | ',' | ';' | ':' | '#' => true,
            '!' => next.starts_with('='),
            // A number such as `.5`, or an attribute such as `.T`.
            '.' => next.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'),
            _ => false,
        };
        let message = msg!(
            "parse-unexpected-character",
            char = c.escape_debug().to_string()
        );
        (!valid).then(|| Error::new(message, self.span_len(at, c.len_utf8())))
    }
}

/// "EXPECTED, found FOUND": `expected` says what was expected, `found` names what was there.
pub(super) fn expected_found(expected: Message, found: Message) -> Message {
    msg!("parse-found", expected = expected, found = found)
}

/// How an error names the token at the start of `text`, e.g. `'foo'` or `end of line`.
fn describe(text: &str) -> Message {
    match text.chars().next() {
        None => msg!("parse-token-end-of-line"),
        Some('\n') => msg!("parse-token-line-break"),
        Some(_) => {
            let token = text.get(..token_len(text)).unwrap_or(text);
            msg!("parse-token", token = token.escape_debug().to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::ast::Span;
    use crate::lang::parser::tests::{assert_error, error, say};

    #[test]
    fn stray_tokens_and_characters() {
        assert_error("x foo", "expected ';' or end of line, found 'foo'", 2, 5);
        assert_error("x )", "unexpected ')'", 2, 3);
        assert_error(")", "unexpected ')'", 0, 1);
        assert_error("x ]", "unexpected ']'", 2, 3);
        assert_error("* 2", "expected a statement, found '*'", 0, 1);
        assert_error("x $ y", "unexpected character '$'", 2, 3);
        assert_error("x ? y", "unexpected character '?'", 2, 3);
        assert_error("x = 가", "unexpected character '가'", 4, 7);
        assert_error("가", "unexpected character '가'", 0, 3);
        assert_error("x. T", "unexpected character '.'", 1, 2);
        assert_error("x = 1:", "expected ';' or end of line, found ':'", 5, 6);
        assert_error("!x", "unexpected character '!'", 0, 1);
        assert_error(
            "a = 1\nb = 2",
            "expected ';' or end of line, found a line break",
            5,
            6,
        );
    }

    #[test]
    fn unclosed_brackets_point_at_the_open_one() {
        let cases = [
            ("(1 + 2", "expected ')' to close '('", (6, 6), (0, 1)),
            ("(1 + 2]", "expected ')' to close '('", (6, 7), (0, 1)),
            ("relu(x", "expected ')' to close '('", (6, 6), (4, 5)),
            ("add(x 1)", "expected ')' to close '('", (6, 7), (3, 4)),
            ("add(x,", "expected ')' to close '('", (6, 6), (3, 4)),
            ("(", "expected ')' to close '('", (1, 1), (0, 1)),
            ("[1, 2", "expected ']' to close '['", (5, 5), (0, 1)),
            ("[1 2]", "expected ']' to close '['", (3, 4), (0, 1)),
            (
                "x = [[1], [2)",
                "expected ']' to close '['",
                (12, 13),
                (10, 11),
            ),
            ("[", "expected ']' to close '['", (1, 1), (0, 1)),
        ];
        for (text, message, (start, end), (open_start, open_end)) in cases {
            let e = error(text);
            assert_eq!(say(&e), message, "{text}");
            assert_eq!(e.span, Span::new(start, end), "{text}");
            assert_eq!(e.related, Some(Span::new(open_start, open_end)), "{text}");
        }
    }
}
