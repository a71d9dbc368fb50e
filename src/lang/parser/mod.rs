//! The nom parser: text to `ast::Statement`; never touches ndarray. This file owns the entry
//! point, `parse_line`, and the state every grammar function shares: the line being parsed, how
//! deep it nests, and the spans of positions in it.
//!
//! The small lexemes (names, numbers, operators, blanks and comments) are parsers in nom's
//! `IResult` style (`lexeme`): number text is composed from nom combinators, while blanks, names
//! and operators, met at every token, test bytes directly for speed. The grammar above them is
//! hand-written recursive descent in the same `IResult` style, one function per production
//! (`statement`, `expr`, `call`, `literal`), because every failure has to say what was expected
//! and point at the exact token, which is simpler to state where it happens than to recover from
//! nom's error kinds (`diagnose` words those failures). A grammar function either succeeds or
//! fails for good with `nom::Err::Failure(Error)`: nothing backtracks over an error meant for the
//! user. Splitting a script into logical lines, before any of this, is `lines`; `grammar_tests`
//! tests the grammar chapter 5's code needs (`**`, `@`, indexing, keyword arguments, blocks).
//!
//! Every grammar function receives a suffix of the line being parsed, so the offset of a position
//! is the length of the line minus the length of what is left; spans add the line's `base`.
//!
//! Recursion is bounded so that no input can overflow the stack: parentheses, calls, index
//! brackets, unary signs and `**` nest at most `MAX_DEPTH` deep, array literals likewise, `for`
//! and `if` blocks likewise (each `elif` counting as one more), and one statement has at most
//! `MAX_OPERATORS` binary operators and postfixes (`.T`, `[...]`): a chain of them is a tree as
//! deep as it is long, and whoever walks the tree recurses that deep.

mod call;
mod diagnose;
mod expr;
#[cfg(test)]
mod grammar_tests;
mod lexeme;
mod lines;
mod literal;
mod statement;
#[cfg(test)]
mod tests;

pub use lines::{LogicalLines, LogicalLinesIter, brackets_open, logical_lines, needs_more_input};

use crate::lang::ast::{Span, Statement};
use crate::lang::error::Error;
use nom::IResult;
use std::cell::Cell;

/// Parse one logical line (may contain newlines inside open brackets, and several statements
/// separated by ';'), or one `for` or `if` statement with its indented blocks, as
/// `logical_lines` gives them; `text` starts at the start of its first line, so that the blanks
/// before a header are its indentation.
/// `base` is the byte offset of `text` in the file: every Span in the result (and in the error) is
/// base + offset in text.
pub fn parse_line(text: &str, base: usize) -> Result<Vec<Statement>, Error> {
    // A caller that read the line together with its terminator still means one line, so a trailing
    // newline must not become an error. Trimming only the end leaves every offset unchanged.
    let text = text.trim_end_matches(['\n', '\r']);
    let line = Line {
        text,
        base,
        operators: Cell::new(0),
    };
    match line.line(text) {
        Ok((_, statements)) => Ok(statements),
        Err(nom::Err::Error(error) | nom::Err::Failure(error)) => Err(error),
        // Parsers over complete input never ask for more; say so rather than panic if one did.
        Err(nom::Err::Incomplete(_)) => Err(Error::new(
            crate::msg!("parse-unexpected-end"),
            line.span_len(&text[text.len()..], 0),
        )),
    }
}

/// How deep parentheses, calls and unary signs may nest, and separately how deep array literals
/// may nest. Deeper input is an error rather than a stack overflow.
const MAX_DEPTH: usize = 64;

/// How many binary operators one statement may have. The tree of a chain like `1 + 1 + ... + 1`
/// is as deep as the chain is long, and evaluating, printing or dropping it recurses that deep.
const MAX_OPERATORS: usize = 256;

/// A grammar result: the rest of the input and the value, or a user error as
/// `nom::Err::Failure`.
type PResult<'a, T> = IResult<&'a str, T, Error>;

/// The line being parsed: its text, where it sits in the file, and how many binary operators the
/// current statement has used so far.
struct Line<'a> {
    text: &'a str,
    base: usize,
    operators: Cell<usize>,
}

/// Where the parser is: how deep expressions nest so far, and whether it is inside brackets,
/// where newlines are blanks because the line continues.
#[derive(Debug, Clone, Copy, Default)]
struct Nest {
    depth: usize,
    in_brackets: bool,
}

impl Line<'_> {
    /// The byte offset of `rest` in the file; `rest` is always a suffix of the line.
    fn offset(&self, rest: &str) -> usize {
        self.base + self.text.len().saturating_sub(rest.len())
    }

    /// The span from where `from` starts to where `to` starts.
    fn span(&self, from: &str, to: &str) -> Span {
        Span::new(self.offset(from), self.offset(to))
    }

    /// The span of `len` bytes starting where `at` starts.
    fn span_len(&self, at: &str, len: usize) -> Span {
        let start = self.offset(at);
        Span::new(start, start + len)
    }
}

/// A user error that ends the parse: nothing backtracks over it.
fn fail(error: Error) -> nom::Err<Error> {
    nom::Err::Failure(error)
}
