//! The lexemes: blanks and comments, names, number text, operators, and the character classes
//! and token lengths the grammar and its errors need. Small nom combinators that know nothing of
//! spans or errors.

use crate::lang::ast::BinOp;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_while, take_while1};
use nom::character::complete::{char, digit1, one_of, satisfy};
use nom::combinator::{opt, recognize, value};
use nom::multi::many0_count;
use nom::{IResult, Parser};

/// Skips blanks and `#` comments, e.g. `  # note` in `x  # note`. Newlines are blanks only inside
/// brackets, where the line continues; a comment ends at a newline either way.
pub(super) fn skip(input: &str, newlines: bool) -> &str {
    let blank =
        take_while1(move |c: char| c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n'));
    let comment = recognize((char('#'), take_till(|c: char| c == '\n')));
    let result: IResult<&str, usize> = many0_count(alt((blank, comment))).parse(input);
    result.map_or(input, |(rest, _)| rest)
}

/// `NAME := [A-Za-z_][A-Za-z0-9_]*`, e.g. `W1`.
pub(super) fn name(input: &str) -> IResult<&str, &str> {
    recognize((
        satisfy(|c| c.is_ascii_alphabetic() || c == '_'),
        take_while(is_name_char),
    ))
    .parse(input)
}

/// The text of a Python float literal, e.g. `1_000.5e-3`; see `Line::number`.
pub(super) fn number_text(input: &str) -> IResult<&str, &str> {
    let mantissa = alt((
        recognize((digits, opt((char('.'), opt(digits))))),
        recognize((char('.'), digits)),
    ));
    let exponent = opt((one_of("eE"), opt(one_of("+-")), digits));
    recognize((mantissa, exponent)).parse(input)
}

/// Decimal digits with single underscores between them, e.g. `1_000`.
fn digits(input: &str) -> IResult<&str, &str> {
    recognize((digit1, many0_count((char('_'), digit1)))).parse(input)
}

/// `'<=' | '>=' | '==' | '!=' | '<' | '>'`, e.g. `<=` in `x <= 1`.
pub(super) fn comparison_op(input: &str) -> IResult<&str, BinOp> {
    alt((
        value(BinOp::Le, tag("<=")),
        value(BinOp::Ge, tag(">=")),
        value(BinOp::Eq, tag("==")),
        value(BinOp::Ne, tag("!=")),
        value(BinOp::Lt, tag("<")),
        value(BinOp::Gt, tag(">")),
    ))
    .parse(input)
}

/// `'+' | '-'`, e.g. `-` in `a - b`.
pub(super) fn additive_op(input: &str) -> IResult<&str, BinOp> {
    alt((value(BinOp::Add, char('+')), value(BinOp::Sub, char('-')))).parse(input)
}

/// `'*' | '/' | '@' | '%'`, e.g. `@` in `x @ W`. Not the first character of `**` or `//`.
pub(super) fn multiplicative_op(input: &str) -> IResult<&str, BinOp> {
    if input.starts_with("**") || input.starts_with("//") {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )));
    }
    alt((
        value(BinOp::Mul, char('*')),
        value(BinOp::Div, char('/')),
        value(BinOp::MatMul, char('@')),
        value(BinOp::Mod, char('%')),
    ))
    .parse(input)
}

/// `'**'`, e.g. in `x ** 2`.
pub(super) fn power_op(input: &str) -> IResult<&str, BinOp> {
    value(BinOp::Pow, tag("**")).parse(input)
}

/// `'+=' | '-=' | '*=' | '/='`, the operator of an augmented assignment without its `=`, e.g.
/// `Sub` for `-=` in `W -= 0.1 * dW`.
pub(super) fn augmented_op(input: &str) -> IResult<&str, BinOp> {
    alt((
        value(BinOp::Add, tag("+=")),
        value(BinOp::Sub, tag("-=")),
        value(BinOp::Mul, tag("*=")),
        value(BinOp::Div, tag("/=")),
    ))
    .parse(input)
}

pub(super) fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

pub(super) fn continues_number(c: char) -> bool {
    is_name_char(c) || c == '.'
}

/// Whether an unquoted graph file name (or option) ends before `c`.
pub(super) fn ends_file_name(c: char) -> bool {
    c.is_whitespace() || c == ';' || c == '#'
}

/// `NAME =` but not `NAME ==`: `at` is what follows the name.
pub(super) fn starts_assignment(at: &str) -> bool {
    at.starts_with('=') && !at.starts_with("==")
}

/// Whether an expression can start at `at`, e.g. at `-x` but not at `)`.
pub(super) fn starts_expression(at: &str) -> bool {
    at.starts_with(|c: char| c.is_ascii_alphanumeric() || "_.([-+".contains(c))
}

/// The length in bytes of the token at the start of `text`, to underline it in an error.
pub(super) fn token_len(text: &str) -> usize {
    let Some(c) = text.chars().next() else {
        return 0;
    };
    if let Ok((after, _)) = name(text) {
        return text.len() - after.len();
    }
    if let Ok((after, _)) = number_text(text) {
        let tail = after
            .find(|c: char| !continues_number(c))
            .unwrap_or(after.len());
        return text.len() - after.len() + tail;
    }
    if ["<=", ">=", "==", "!=", "**", "//", "+=", "-=", "*=", "/="]
        .iter()
        .any(|op| text.starts_with(op))
    {
        return 2;
    }
    c.len_utf8()
}

/// The width of leading blanks as Python counts it: a space is one column, a tab reaches the
/// next multiple of 8.
pub fn columns(blanks: &str) -> usize {
    blanks.chars().fold(0, |col, c| match c {
        '\t' => (col / 8 + 1) * 8,
        ' ' => col + 1,
        _ => col,
    })
}
