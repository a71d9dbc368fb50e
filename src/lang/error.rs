//! The one error type a user can cause: a message of the catalogue, where it happened, and
//! optionally a second place it refers to (the open bracket a parse error is about).
//!
//! Errors never carry line numbers or words themselves: spans are byte offsets into the text that
//! was parsed, the message is an id with arguments, and `show::diagnostic` turns both into
//! `FILE:LINE:COL: 오류: …` and a caret, in the language of the moment.

use crate::i18n::Message;
use crate::lang::ast::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub message: Message,
    pub span: Span,
    /// A second place the message refers to; rendered as ` at LINE:COL` after the message.
    pub related: Option<Span>,
}

impl Error {
    pub fn new(message: impl Into<Message>, span: Span) -> Error {
        Error {
            message: message.into(),
            span,
            related: None,
        }
    }

    /// Whether this is Ctrl-C stopping a statement rather than a mistake in it.
    pub fn is_interrupt(&self) -> bool {
        self.message.id == "interrupted" || self.message.id == "interrupted-loop"
    }

    /// Whether this is the memory budget refusing a statement.
    pub fn is_over_budget(&self) -> bool {
        self.message.id == "memory-budget" || self.message.id == "memory-budget-unnamed"
    }

    pub fn with_related(mut self, related: Span) -> Error {
        self.related = Some(related);
        self
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
