//! The one error type a user can cause: a message, where it happened, and optionally a second
//! place it refers to (the open bracket a parse error is about).
//!
//! Errors never carry line numbers themselves: spans are byte offsets into the text that was
//! parsed, and `diagnostic` turns them into `FILE:LINE:COL` and a caret.

use crate::ast::Span;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub message: String,
    pub span: Span,
    /// A second place the message refers to; rendered as ` at LINE:COL` after the message.
    pub related: Option<Span>,
}

impl Error {
    pub fn new(message: impl Into<String>, span: Span) -> Error {
        Error {
            message: message.into(),
            span,
            related: None,
        }
    }

    pub fn with_related(mut self, related: Span) -> Error {
        self.related = Some(related);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;
