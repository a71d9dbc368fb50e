//! Python's tokenizer: source text to tokens with positions, NEWLINE/INDENT/DEDENT included.
//!
//! Names, numbers, string openings and operators are nom parsers; lines, indentation,
//! brackets and string bodies are plain loops that count lines and columns as they go. A line
//! that starts with one of our tool words followed by a name, number or string (`back y`,
//! `seed 3`) becomes one `Tool` token holding its text, so that it never has to be Python.

use crate::msg;
use crate::py::ast::Pos;
use crate::py::error::{ExcKind, PyErr};
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{opt, recognize, value};
use nom::multi::{many0_count, many1_count};
use nom::{IResult, Parser};

/// The deepest bracket nesting, expression nesting and (for blocks) indentation accepted.
pub const MAX_NESTING: usize = 200;
/// The most indentation levels, as CPython's tokenizer allows.
const MAX_INDENTS: usize = 100;

/// Python's keywords: never names.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Our own statement words: `back y`, `step W 0.1`, `seed 3`, `load digits`, ...
pub const TOOL_WORDS: &[&str] = &[
    "back", "step", "graph", "check", "plot", "imshow", "load", "seed",
];

pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A name or a keyword.
    Name(String),
    Int(i64),
    Float(f64),
    Str(StrTok),
    Op(&'static str),
    /// A whole tool statement's text, trimmed (`back y ones`).
    Tool(String),
    /// The text could not be tokenized from here on: the parser reports this error when it
    /// gets here (or when its own error is a plain "invalid syntax"), as CPython does.
    Error(Box<LexError>),
    Newline,
    Indent,
    Dedent,
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StrTok {
    /// A plain string's value (escapes applied); an f-string's body as written.
    pub value: String,
    pub fstring: bool,
    pub raw: bool,
    /// Where the body starts (just after the opening quotes).
    pub body_pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub pos: Pos,
    /// Byte offsets of the token's text in the source.
    pub start: usize,
    pub end: usize,
}

/// A tokenizing error; `incomplete` when more lines could complete the text (an open bracket,
/// an unfinished triple-quoted string, a backslash at the very end).
#[derive(Debug, Clone, PartialEq)]
pub struct LexError {
    pub err: PyErr,
    pub incomplete: bool,
}

fn syntax(pos: Pos, message: crate::i18n::Message) -> LexError {
    LexError {
        err: PyErr::new(ExcKind::SyntaxError, message).at(pos),
        incomplete: false,
    }
}

/// Tokens of a whole module, ending in `End`, or in `Error` where tokenizing failed.
pub fn tokenize(src: &str) -> Vec<Token> {
    Lexer::new(src, Pos { line: 1, col: 1 }, false).all()
}

/// Tokens of an f-string field's expression, as if inside brackets (no NEWLINE or INDENT),
/// positioned from `pos`.
pub fn tokenize_field(src: &str, pos: Pos) -> Vec<Token> {
    Lexer::new(src, pos, true).all()
}

struct Lexer<'a> {
    src: &'a str,
    i: usize,
    line: u32,
    col: u32,
    tokens: Vec<Token>,
    indents: Vec<u32>,
    brackets: Vec<(char, Pos)>,
    /// An f-string field: newlines join, no indentation.
    nested: bool,
    /// The next token starts a statement (where a tool statement may be).
    stmt_start: bool,
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str, pos: Pos, nested: bool) -> Lexer<'a> {
        Lexer {
            src,
            i: 0,
            line: pos.line,
            col: pos.col,
            tokens: Vec::new(),
            indents: vec![0],
            brackets: Vec::new(),
            nested,
            stmt_start: !nested,
        }
    }

    fn all(mut self) -> Vec<Token> {
        if let Err(e) = self.run() {
            let pos = e.err.pos.unwrap_or_else(|| self.pos());
            self.push(Tok::Error(Box::new(e)), pos, self.i);
        }
        self.tokens
    }

    /// Whether nothing follows the next `n` bytes (a backslash continuation into nothing).
    fn at_last_line(&self, n: usize) -> bool {
        self.src.len() <= self.i + n
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    fn rest(&self) -> &'a str {
        self.src.get(self.i..).unwrap_or("")
    }

    /// Moves over `n` bytes, counting lines and columns.
    fn advance(&mut self, n: usize) {
        let end = (self.i + n).min(self.src.len());
        for c in self.src.get(self.i..end).unwrap_or("").chars() {
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
        self.i = end;
    }

    fn push(&mut self, tok: Tok, pos: Pos, start: usize) {
        self.tokens.push(Token {
            tok,
            pos,
            start,
            end: self.i,
        });
    }

    fn joined(&self) -> bool {
        self.nested || !self.brackets.is_empty()
    }

    fn run(&mut self) -> Result<(), LexError> {
        let mut line_start = !self.nested;
        loop {
            if line_start {
                line_start = false;
                if self.indentation()? {
                    break;
                }
            }
            // Blanks between tokens.
            let skip = self
                .rest()
                .bytes()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\x0c' | b'\r'))
                .count();
            self.advance(skip);
            let rest = self.rest();
            let Some(c) = rest.chars().next() else {
                break;
            };
            match c {
                '#' => {
                    let len = rest.find('\n').unwrap_or(rest.len());
                    self.advance(len);
                }
                '\n' => {
                    if self.joined() {
                        self.advance(1);
                    } else {
                        let (pos, start) = (self.pos(), self.i);
                        self.advance(1);
                        self.push(Tok::Newline, pos, start);
                        self.stmt_start = true;
                        line_start = true;
                    }
                }
                '\\' => {
                    let after = &rest[1..];
                    let after = after.strip_prefix('\r').unwrap_or(after);
                    if after.starts_with('\n') && !self.at_last_line(rest.len() - after.len() + 1) {
                        let n = rest.len() - after.len() + 1;
                        self.advance(n);
                    } else if after.is_empty() || after.starts_with('\n') {
                        let at = Pos {
                            line: self.line,
                            col: self.col + 1,
                        };
                        let mut e = syntax(at, msg!("py-syntax-eof-continuation"));
                        e.incomplete = true;
                        return Err(e);
                    } else {
                        self.advance(1);
                        return Err(syntax(self.pos(), msg!("py-syntax-after-continuation")));
                    }
                }
                _ => {
                    if self.stmt_start && !self.joined() && self.tool() {
                        continue;
                    }
                    self.token(c)?;
                }
            }
        }
        self.finish()
    }

    /// At the start of a line: measures its indentation and emits INDENT/DEDENT, skipping
    /// blank and comment-only lines. True at the end of the text.
    fn indentation(&mut self) -> Result<bool, LexError> {
        loop {
            let rest = self.rest();
            let mut width: u32 = 0;
            let mut len = 0;
            for b in rest.bytes() {
                match b {
                    b' ' => width += 1,
                    b'\t' => width = (width / 8 + 1) * 8,
                    b'\x0c' => width = 0,
                    _ => break,
                }
                len += 1;
            }
            let after = &rest[len..];
            let blank = after.is_empty()
                || after.starts_with('#')
                || after.starts_with('\n')
                || after.starts_with("\r\n")
                || after == "\r";
            if after.is_empty() {
                self.advance(len);
                return Ok(true);
            }
            if blank {
                let end = after.find('\n').map_or(rest.len(), |n| len + n + 1);
                self.advance(end);
                continue;
            }
            self.advance(len);
            let pos = self.pos();
            let current = self.indents.last().copied().unwrap_or(0);
            if width > current {
                if self.indents.len() > MAX_INDENTS {
                    return Err(LexError {
                        err: PyErr::new(
                            ExcKind::IndentationError,
                            msg!("py-syntax-too-many-indents"),
                        )
                        .at(pos),
                        incomplete: false,
                    });
                }
                self.indents.push(width);
                self.push(Tok::Indent, pos, self.i);
            } else if width < current {
                while self.indents.last().is_some_and(|&w| w > width) {
                    self.indents.pop();
                    self.push(Tok::Dedent, pos, self.i);
                }
                if self.indents.last().copied().unwrap_or(0) != width {
                    let line_end = after.find('\n').unwrap_or(after.len());
                    let chars = after[..line_end].trim_end_matches('\r').chars().count() as u32;
                    let at = Pos {
                        line: pos.line,
                        col: pos.col + chars,
                    };
                    return Err(LexError {
                        err: PyErr::new(ExcKind::IndentationError, msg!("py-syntax-unindent"))
                            .at(at),
                        incomplete: false,
                    });
                }
            }
            return Ok(false);
        }
    }

    fn finish(&mut self) -> Result<(), LexError> {
        if let Some(&(open, pos)) = self.brackets.last() {
            if self.nested {
                return Err(syntax(pos, msg!("py-syntax-never-closed", bracket = open)));
            }
            let mut e = syntax(pos, msg!("py-syntax-never-closed", bracket = open));
            e.incomplete = true;
            return Err(e);
        }
        let pos = self.pos();
        if !self.nested {
            if self
                .tokens
                .last()
                .is_some_and(|t| !matches!(t.tok, Tok::Newline | Tok::Dedent | Tok::Indent))
            {
                self.push(Tok::Newline, pos, self.i);
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.push(Tok::Dedent, pos, self.i);
            }
        }
        self.push(Tok::End, pos, self.i);
        Ok(())
    }

    /// A tool statement at the start of a statement: the tool word, then (after blanks) a
    /// name, a number or a string, which Python never juxtaposes. Takes the text up to `;`,
    /// `#` or the line's end (outside quotes), trimmed.
    fn tool(&mut self) -> bool {
        let rest = self.rest();
        let Ok((after, word)) = name(rest) else {
            return false;
        };
        if !TOOL_WORDS.contains(&word) {
            return false;
        }
        let next = after.trim_start_matches([' ', '\t']);
        let juxtaposed = match next.chars().next() {
            Some('\'' | '"') => true,
            Some(c) if c.is_ascii_digit() => true,
            Some('.') => next[1..].starts_with(|c: char| c.is_ascii_digit()),
            // A keyword that continues an expression (`back if c else d`, `step in s`)
            // keeps the line Python; `seed None` cannot be Python, so it is a tool line.
            Some(_) => match name(next) {
                Ok((_, second)) => !matches!(
                    second,
                    "and" | "or" | "not" | "in" | "is" | "if" | "else" | "for"
                ),
                Err(_) => false,
            },
            None => false,
        };
        if !juxtaposed {
            return false;
        }
        let mut quote: Option<char> = None;
        let mut escaped = false;
        let mut end = rest.len();
        for (k, c) in rest.char_indices() {
            if c == '\n' {
                end = k;
                break;
            }
            if let Some(q) = quote {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
                continue;
            }
            match c {
                '\'' | '"' => quote = Some(c),
                ';' | '#' => {
                    end = k;
                    break;
                }
                _ => {}
            }
        }
        let text = rest[..end].trim_end();
        let (pos, start) = (self.pos(), self.i);
        self.advance(text.len());
        self.push(Tok::Tool(text.to_string()), pos, start);
        self.stmt_start = false;
        true
    }

    /// One token starting with `c`.
    fn token(&mut self, c: char) -> Result<(), LexError> {
        let rest = self.rest();
        let (pos, start) = (self.pos(), self.i);
        self.stmt_start = false;
        if let Ok((_, (prefix, quote))) = string_start(rest) {
            return self.string(prefix, quote);
        }
        if c.is_ascii_digit() || (c == '.' && rest[1..].starts_with(|d: char| d.is_ascii_digit())) {
            return self.number();
        }
        if let Ok((after, text)) = name(rest) {
            let len = rest.len() - after.len();
            self.advance(len);
            self.push(Tok::Name(text.to_string()), pos, start);
            return Ok(());
        }
        if let Ok((after, op)) = operator(rest) {
            let len = rest.len() - after.len();
            match op {
                "(" | "[" | "{" => {
                    if self.brackets.len() >= MAX_NESTING {
                        return Err(syntax(pos, msg!("py-syntax-too-nested")));
                    }
                    self.brackets.push((c, pos));
                }
                ")" | "]" | "}" => match self.brackets.pop() {
                    None => return Err(syntax(pos, msg!("py-syntax-unmatched", bracket = c))),
                    Some((open, open_pos)) => {
                        let expected = match open {
                            '(' => ')',
                            '[' => ']',
                            _ => '}',
                        };
                        if expected != c {
                            let message = if open_pos.line == pos.line {
                                msg!("py-syntax-mismatch", close = c, open = open)
                            } else {
                                msg!(
                                    "py-syntax-mismatch-line",
                                    close = c,
                                    open = open,
                                    line = open_pos.line
                                )
                            };
                            return Err(syntax(pos, message));
                        }
                    }
                },
                ";" | ":" if self.brackets.is_empty() && !self.nested => self.stmt_start = true,
                _ => {}
            }
            self.advance(len);
            self.push(Tok::Op(op), pos, start);
            return Ok(());
        }
        if c.is_ascii() {
            Err(syntax(pos, msg!("py-syntax-invalid")))
        } else {
            Err(syntax(
                pos,
                msg!(
                    "py-syntax-invalid-char",
                    char = c,
                    code = format!("{:04X}", u32::from(c))
                ),
            ))
        }
    }

    fn number(&mut self) -> Result<(), LexError> {
        let rest = self.rest();
        let (pos, start) = (self.pos(), self.i);
        let invalid = |id: &'static str| syntax(pos, crate::i18n::Message::new(id));
        let (after, (kind, text)) = match number(rest) {
            Ok(ok) => ok,
            Err(_) => {
                let id = match rest.as_bytes().get(1) {
                    Some(b'x' | b'X') => "py-syntax-invalid-hex",
                    Some(b'o' | b'O') => "py-syntax-invalid-octal",
                    Some(b'b' | b'B') => "py-syntax-invalid-binary",
                    _ => "py-syntax-invalid-decimal",
                };
                return Err(invalid(id));
            }
        };
        let follower = after.chars().next();
        if matches!(follower, Some('j' | 'J')) {
            let end = rest.len() - after.len() + 1;
            return Err(syntax(
                pos,
                msg!("py-syntax-imaginary", text = &rest[..end]),
            ));
        }
        if follower.is_some_and(|c| c == '_' || c.is_alphanumeric()) {
            let id = match kind {
                NumKind::Hex => "py-syntax-invalid-hex",
                NumKind::Oct => "py-syntax-invalid-octal",
                NumKind::Bin => "py-syntax-invalid-binary",
                _ => match (text, follower) {
                    ("0", Some('x' | 'X')) => "py-syntax-invalid-hex",
                    ("0", Some('o' | 'O')) => "py-syntax-invalid-octal",
                    ("0", Some('b' | 'B')) => "py-syntax-invalid-binary",
                    _ => "py-syntax-invalid-decimal",
                },
            };
            return Err(invalid(id));
        }
        let digits: String = text.chars().filter(|&c| c != '_').collect();
        let tok = match kind {
            NumKind::Float => match digits.parse::<f64>() {
                Ok(x) => Tok::Float(x),
                Err(_) => return Err(invalid("py-syntax-invalid-decimal")),
            },
            NumKind::Dec => {
                if digits.starts_with('0') && digits.bytes().any(|b| b != b'0') {
                    return Err(invalid("py-syntax-leading-zeros"));
                }
                self.int(&digits, 10, text, pos)?
            }
            NumKind::Hex => self.int(&digits[2..], 16, text, pos)?,
            NumKind::Oct => self.int(&digits[2..], 8, text, pos)?,
            NumKind::Bin => self.int(&digits[2..], 2, text, pos)?,
        };
        let len = rest.len() - after.len();
        self.advance(len);
        self.push(tok, pos, start);
        Ok(())
    }

    fn int(&self, digits: &str, radix: u32, text: &str, pos: Pos) -> Result<Tok, LexError> {
        i64::from_str_radix(digits, radix)
            .map(Tok::Int)
            .map_err(|_| syntax(pos, msg!("py-syntax-int-too-large", text = text)))
    }

    fn string(&mut self, prefix: &str, quote: &str) -> Result<(), LexError> {
        let (pos, start) = (self.pos(), self.i);
        let lower = prefix.to_ascii_lowercase();
        if lower.contains('b') {
            return Err(syntax(pos, msg!("py-syntax-bytes")));
        }
        let raw = lower.contains('r');
        let fstring = lower.contains('f');
        let triple = quote.len() == 3;
        let q = quote.chars().next().unwrap_or('"');
        self.advance(prefix.len() + quote.len());
        let body_pos = self.pos();
        let rest = self.rest();
        let mut chars = rest.char_indices().peekable();
        let mut body_end = None;
        let mut stop = rest.len();
        while let Some((k, c)) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '\n' if !triple => {
                    stop = k;
                    break;
                }
                c if c == q => {
                    if !triple {
                        body_end = Some((k, k + 1));
                        break;
                    }
                    if rest[k..].starts_with(quote) {
                        body_end = Some((k, k + 3));
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some((body_len, total)) = body_end else {
            // Unterminated: say on which line it was noticed.
            let seen = rest[..stop].strip_suffix('\n').unwrap_or(&rest[..stop]);
            let line = body_pos.line + seen.matches('\n').count() as u32;
            if triple {
                let mut e = syntax(pos, msg!("py-syntax-unterminated-triple", line = line));
                e.incomplete = !self.nested;
                return Err(e);
            }
            return Err(syntax(
                pos,
                msg!("py-syntax-unterminated-string", line = line),
            ));
        };
        let body = &rest[..body_len];
        let value = if fstring {
            body.to_string()
        } else {
            unescape(body, raw).map_err(|e| {
                let at = Pos {
                    line: body_pos.line,
                    col: body_pos.col,
                };
                syntax(at, e)
            })?
        };
        self.advance(total);
        self.push(
            Tok::Str(StrTok {
                value,
                fstring,
                raw,
                body_pos,
            }),
            pos,
            start,
        );
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum NumKind {
    Dec,
    Hex,
    Oct,
    Bin,
    Float,
}

/// Digits satisfying `digit`, single underscores allowed between them.
fn digits_of(digit: fn(char) -> bool) -> impl FnMut(&str) -> IResult<&str, &str> {
    move |input| {
        recognize((
            satisfy(digit),
            many0_count((opt(char('_')), satisfy(digit))),
        ))
        .parse(input)
    }
}

fn decimal(input: &str) -> IResult<&str, &str> {
    digits_of(|c| c.is_ascii_digit())(input)
}

fn exponent(input: &str) -> IResult<&str, &str> {
    recognize((one_of("eE"), opt(one_of("+-")), decimal)).parse(input)
}

fn float_text(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((decimal, char('.'), opt(decimal), opt(exponent))),
        recognize((char('.'), decimal, opt(exponent))),
        recognize((decimal, exponent)),
    ))
    .parse(input)
}

fn radix(marks: &'static str, digit: fn(char) -> bool) -> impl FnMut(&str) -> IResult<&str, &str> {
    move |input| {
        recognize((
            char('0'),
            one_of(marks),
            many1_count((opt(char('_')), satisfy(digit))),
        ))
        .parse(input)
    }
}

/// A number literal's text and kind, e.g. `0x_ff`, `1_000.5e-3`, `.5`.
fn number(input: &str) -> IResult<&str, (NumKind, &str)> {
    alt((
        radix("xX", |c| c.is_ascii_hexdigit()).map(|t| (NumKind::Hex, t)),
        radix("oO", |c| matches!(c, '0'..='7')).map(|t| (NumKind::Oct, t)),
        radix("bB", |c| matches!(c, '0' | '1')).map(|t| (NumKind::Bin, t)),
        float_text.map(|t| (NumKind::Float, t)),
        decimal.map(|t| (NumKind::Dec, t)),
    ))
    .parse(input)
}

fn is_name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_name_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// A name (Unicode letters allowed, as Python's identifiers), e.g. `학습률`.
pub fn name(input: &str) -> IResult<&str, &str> {
    recognize((satisfy(is_name_start), take_while(is_name_char))).parse(input)
}

/// A string's prefix and opening quotes, e.g. `rf"""`.
fn string_start(input: &str) -> IResult<&str, (&str, &str)> {
    let prefix = recognize(opt(alt((
        tag_no_case("rf"),
        tag_no_case("fr"),
        tag_no_case("rb"),
        tag_no_case("br"),
        recognize(one_of("rRfFbBuU")),
    ))));
    (
        prefix,
        alt((tag("'''"), tag("\"\"\""), tag("'"), tag("\""))),
    )
        .parse(input)
}

/// An operator or delimiter, longest first.
fn operator(input: &str) -> IResult<&str, &'static str> {
    alt((
        alt((
            value("**=", tag("**=")),
            value("//=", tag("//=")),
            value(">>=", tag(">>=")),
            value("<<=", tag("<<=")),
            value("...", tag("...")),
            value("->", tag("->")),
            value("**", tag("**")),
            value("//", tag("//")),
            value("<<", tag("<<")),
            value(">>", tag(">>")),
            value("<=", tag("<=")),
            value(">=", tag(">=")),
            value("==", tag("==")),
            value("!=", tag("!=")),
        )),
        alt((
            value("+=", tag("+=")),
            value("-=", tag("-=")),
            value("*=", tag("*=")),
            value("/=", tag("/=")),
            value("%=", tag("%=")),
            value("&=", tag("&=")),
            value("|=", tag("|=")),
            value("^=", tag("^=")),
            value("@=", tag("@=")),
            value(":=", tag(":=")),
        )),
        alt((
            value("+", char('+')),
            value("-", char('-')),
            value("*", char('*')),
            value("/", char('/')),
            value("%", char('%')),
            value("@", char('@')),
            value("&", char('&')),
            value("|", char('|')),
            value("^", char('^')),
            value("~", char('~')),
            value("<", char('<')),
            value(">", char('>')),
            value("(", char('(')),
            value(")", char(')')),
            value("[", char('[')),
            value("]", char(']')),
            value("{", char('{')),
            value("}", char('}')),
            value(",", char(',')),
            value(":", char(':')),
            value(".", char('.')),
        )),
        alt((value(";", char(';')), value("=", char('=')))),
    ))
    .parse(input)
}

/// A string body with its escapes applied (none in a raw string). Unknown escapes stay as
/// written, as in Python.
pub fn unescape(body: &str, raw: bool) -> Result<String, crate::i18n::Message> {
    if raw || !body.contains('\\') {
        return Ok(body.to_string());
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
            }
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            '0'..='7' => {
                let mut code = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            code = code * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (len, name) = match e {
                    'x' => (2, "\\xXX"),
                    'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let mut code: u32 = 0;
                let mut got = 0;
                while got < len {
                    match chars.peek().and_then(|d| d.to_digit(16)) {
                        Some(d) => {
                            code = code * 16 + d;
                            chars.next();
                            got += 1;
                        }
                        None => break,
                    }
                }
                if got < len {
                    return Err(msg!("py-syntax-bad-escape", escape = name));
                }
                match char::from_u32(code) {
                    Some(ch) => out.push(ch),
                    None => return Err(msg!("py-syntax-bad-escape", escape = name)),
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `src`, shown compactly.
    fn toks(src: &str) -> Vec<String> {
        tokenize(src)
            .into_iter()
            .map(|t| match t.tok {
                Tok::Name(n) => n,
                Tok::Int(v) => format!("int {v}"),
                Tok::Float(v) => format!("float {v:?}"),
                Tok::Str(s) => format!("str{} {:?}", if s.fstring { "(f)" } else { "" }, s.value),
                Tok::Op(op) => op.to_string(),
                Tok::Tool(text) => format!("tool {text:?}"),
                Tok::Newline => "NL".into(),
                Tok::Indent => "INDENT".into(),
                Tok::Dedent => "DEDENT".into(),
                Tok::End => "END".into(),
                Tok::Error(e) => format!("error {}", e.err.message.id),
            })
            .collect()
    }

    #[test]
    fn indentation_gives_indent_and_dedent() {
        let src = "if a:\n    b = 1\n\n    # note\n        \n    if c:\n\tpass\nd\n";
        assert_eq!(
            toks(src),
            [
                "if", "a", ":", "NL", "INDENT", "b", "=", "int 1", "NL", "if", "c", ":", "NL",
                "INDENT", "pass", "NL", "DEDENT", "DEDENT", "d", "NL", "END"
            ]
        );
        // No final newline: one is added, and the open blocks close.
        assert_eq!(
            toks("if a:\n  b"),
            ["if", "a", ":", "NL", "INDENT", "b", "NL", "DEDENT", "END"]
        );
    }

    #[test]
    fn brackets_and_backslashes_join_lines() {
        assert_eq!(
            toks("x = (1,\n  2)  # c\r\ny = 3 + \\\n 4\n"),
            [
                "x", "=", "(", "int 1", ",", "int 2", ")", "NL", "y", "=", "int 3", "+", "int 4",
                "NL", "END"
            ]
        );
    }

    #[test]
    fn numbers_strings_and_operators() {
        assert_eq!(
            toks("1_000 0xff 0o7 0b11 1. .5 1e-5 3.14"),
            [
                "int 1000",
                "int 255",
                "int 7",
                "int 3",
                "float 1.0",
                "float 0.5",
                "float 1e-5",
                "float 3.14",
                "NL",
                "END"
            ]
        );
        assert_eq!(
            toks(r#"'a\n' r'\d' f"{x}" """t""""#),
            [
                "str \"a\\n\"",
                "str \"\\\\d\"",
                "str(f) \"{x}\"",
                "str \"t\"",
                "NL",
                "END"
            ]
        );
        assert_eq!(
            toks("a **= b // c != d -> e ... f := g"),
            [
                "a", "**=", "b", "//", "c", "!=", "d", "->", "e", "...", "f", ":=", "g", "NL",
                "END"
            ]
        );
        assert_eq!(toks("가중치 = 1"), ["가중치", "=", "int 1", "NL", "END"]);
    }

    #[test]
    fn tool_lines_are_one_token() {
        assert_eq!(toks("back y"), ["tool \"back y\"", "NL", "END"]);
        assert_eq!(
            toks("x = 1; seed 3; y = 2"),
            [
                "x",
                "=",
                "int 1",
                ";",
                "tool \"seed 3\"",
                ";",
                "y",
                "=",
                "int 2",
                "NL",
                "END"
            ]
        );
        assert_eq!(toks("step = 1"), ["step", "=", "int 1", "NL", "END"]);
        assert_eq!(toks("x = back y"), ["x", "=", "back", "y", "NL", "END"]);
        assert_eq!(toks("check not x"), ["check", "not", "x", "NL", "END"]);
        assert_eq!(toks("seed None"), ["tool \"seed None\"", "NL", "END"]);
        assert_eq!(
            toks("back if c else d"),
            ["back", "if", "c", "else", "d", "NL", "END"]
        );
    }

    #[test]
    fn errors_end_the_tokens() {
        assert_eq!(
            toks("x = (1,\n"),
            ["x", "=", "(", "int 1", ",", "error py-syntax-never-closed"]
        );
        let tokens = tokenize("s = '''abc\n");
        let Some(Tok::Error(e)) = tokens.last().map(|t| &t.tok) else {
            panic!("{tokens:?}")
        };
        assert!(e.incomplete);
        assert_eq!(e.err.pos, Some(Pos { line: 1, col: 5 }));
        let tokens = tokenize("s = 'abc\n");
        let Some(Tok::Error(e)) = tokens.last().map(|t| &t.tok) else {
            panic!("{tokens:?}")
        };
        assert!(!e.incomplete);
    }

    #[test]
    fn escapes() {
        assert_eq!(
            unescape(r"a\tb\x41\u00e9\101\q\\", false).ok(),
            Some("a\tbAéA\\q\\".to_string())
        );
        assert_eq!(unescape(r"a\tb", true).ok(), Some(r"a\tb".to_string()));
        assert!(unescape(r"\x4", false).is_err());
        assert!(unescape(r"\U0011ffff", false).is_err());
    }
}
