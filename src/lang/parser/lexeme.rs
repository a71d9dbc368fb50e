//! The lexemes: blanks and comments, names, number text, operators, and the character classes
//! and token lengths the grammar and its errors need. Small parsers in nom's `IResult` style that
//! know nothing of spans or errors: number text is composed from nom combinators; the lexemes
//! met at every token (blanks, names, operators) test bytes directly, for speed.

use crate::lang::ast::BinOp;
use nom::branch::alt;
use nom::character::complete::{char, digit1, one_of};
use nom::combinator::{opt, recognize};
use nom::multi::many0_count;
use nom::{IResult, Parser};

/// Skips blanks and `#` comments, e.g. `  # note` in `x  # note`. Newlines are blanks only inside
/// brackets, where the line continues; a comment ends at a newline either way.
///
/// This and `name` and the operators below run for every token of every statement, so they look
/// at bytes directly instead of composing nom parsers: a training loop parses nothing, but a
/// script of a million statements spends most of its parsing time here.
#[inline]
pub(super) fn skip(input: &str, newlines: bool) -> &str {
    match input.as_bytes().first() {
        Some(b' ' | b'\t' | b'\r' | b'#') => skip_from(input, newlines),
        Some(b'\n') if newlines => skip_from(input, newlines),
        _ => input,
    }
}

/// `skip` once something is there to skip.
fn skip_from(input: &str, newlines: bool) -> &str {
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\n' if newlines => i += 1,
            b'#' => {
                i += bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .unwrap_or(bytes.len() - i);
            }
            _ => break,
        }
    }
    // Every byte skipped is ASCII, so `i` is on a character boundary.
    &input[i..]
}

/// `NAME := [A-Za-z_][A-Za-z0-9_]*`, e.g. `W1`.
pub(super) fn name(input: &str) -> IResult<&str, &str> {
    let bytes = input.as_bytes();
    if !bytes
        .first()
        .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_')
    {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Satisfy,
        )));
    }
    let len = bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
        .unwrap_or(bytes.len());
    // Name characters are ASCII, so `len` is on a character boundary.
    Ok((&input[len..], &input[..len]))
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

/// No operator at `input`: the error the operator parsers below give.
fn no_operator(input: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Tag))
}

/// `'<=' | '>=' | '==' | '!=' | '<' | '>'`, e.g. `<=` in `x <= 1`.
pub(super) fn comparison_op(input: &str) -> IResult<&str, BinOp> {
    let (op, len) = match input.as_bytes() {
        [b'<', b'=', ..] => (BinOp::Le, 2),
        [b'>', b'=', ..] => (BinOp::Ge, 2),
        [b'=', b'=', ..] => (BinOp::Eq, 2),
        [b'!', b'=', ..] => (BinOp::Ne, 2),
        [b'<', ..] => (BinOp::Lt, 1),
        [b'>', ..] => (BinOp::Gt, 1),
        _ => return Err(no_operator(input)),
    };
    Ok((&input[len..], op))
}

/// `'+' | '-'`, e.g. `-` in `a - b`.
pub(super) fn additive_op(input: &str) -> IResult<&str, BinOp> {
    let op = match input.as_bytes().first() {
        Some(b'+') => BinOp::Add,
        Some(b'-') => BinOp::Sub,
        _ => return Err(no_operator(input)),
    };
    Ok((&input[1..], op))
}

/// `'*' | '/' | '@' | '%'`, e.g. `@` in `x @ W`. Not the first character of `**` or `//`.
pub(super) fn multiplicative_op(input: &str) -> IResult<&str, BinOp> {
    let op = match input.as_bytes() {
        [b'*', b'*', ..] => return Err(no_operator(input)),
        [b'/', b'/', ..] => return Ok((&input[2..], BinOp::FloorDiv)),
        [b'*', ..] => BinOp::Mul,
        [b'/', ..] => BinOp::Div,
        [b'@', ..] => BinOp::MatMul,
        [b'%', ..] => BinOp::Mod,
        _ => return Err(no_operator(input)),
    };
    Ok((&input[1..], op))
}

/// `'**'`, e.g. in `x ** 2`.
pub(super) fn power_op(input: &str) -> IResult<&str, BinOp> {
    match input.strip_prefix("**") {
        Some(rest) => Ok((rest, BinOp::Pow)),
        None => Err(no_operator(input)),
    }
}

/// `'+=' | '-=' | '*=' | '/='`, the operator of an augmented assignment without its `=`, e.g.
/// `Sub` for `-=` in `W -= 0.1 * dW`.
pub(super) fn augmented_op(input: &str) -> IResult<&str, BinOp> {
    let op = match input.as_bytes() {
        [b'/', b'/', b'=', ..] => return Ok((&input[3..], BinOp::FloorDiv)),
        [b'%', b'=', ..] => BinOp::Mod,
        [b'+', b'=', ..] => BinOp::Add,
        [b'-', b'=', ..] => BinOp::Sub,
        [b'*', b'=', ..] => BinOp::Mul,
        [b'/', b'=', ..] => BinOp::Div,
        _ => return Err(no_operator(input)),
    };
    Ok((&input[2..], op))
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
    if text.starts_with("//=") {
        return 3;
    }
    if [
        "<=", ">=", "==", "!=", "**", "//", "+=", "-=", "*=", "/=", "%=",
    ]
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
