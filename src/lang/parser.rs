//! The nom parser: text to `ast::Statement`; never touches ndarray.
//!
//! The small lexemes (names, numbers, operators, blanks and comments) are nom combinators. The
//! grammar above them is hand-written recursive descent in the same `IResult` style, one function
//! per production, because every failure has to say what was expected and point at the exact
//! token, which is simpler to state where it happens than to recover from nom's error kinds. A
//! grammar function either succeeds or fails for good with `nom::Err::Failure(Error)`: nothing
//! backtracks over an error meant for the user.
//!
//! Every grammar function receives a suffix of the line being parsed, so the offset of a position
//! is the length of the line minus the length of what is left; spans add the line's `base`.
//!
//! Recursion is bounded so that no input can overflow the stack: parentheses, calls and unary
//! signs nest at most `MAX_DEPTH` deep, array literals likewise, and one statement has at most
//! `MAX_OPERATORS` binary operators (a chain of them is a tree as deep as it is long, and whoever
//! walks the tree recurses that deep).

use crate::lang::ast::{
    BinOp, Dout, Expr, ExprKind, Func, Ident, Span, Statement, StatementKind, is_reserved,
};
use crate::lang::error::Error;
use crate::lang::suggest::closest;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_while, take_while1};
use nom::character::complete::{char, digit1, one_of, satisfy};
use nom::combinator::{opt, recognize, value};
use nom::multi::many0_count;
use nom::{IResult, Parser};
use std::cell::Cell;

/// Parse one logical line (may contain newlines inside open brackets, and several statements
/// separated by ';').
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
            "unexpected end of line",
            line.span_len(&text[text.len()..], 0),
        )),
    }
}

/// True when `text` has a '[' or '(' still open (ignoring comments), i.e. a REPL/script reader
/// should read another line before parsing.
pub fn needs_more_input(text: &str) -> bool {
    let mut brackets = Brackets::new();
    brackets.feed(text);
    brackets.open()
}

/// Split a whole script into logical lines: (byte offset of the line in `src`, the line text
/// without its newline). Physical lines are joined while a bracket is open. `\r\n` endings are
/// handled (the `\r` is not part of the text).
pub fn logical_lines(src: &str) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    let mut brackets = Brackets::new();
    let mut start = 0;
    let mut end = 0;
    for physical in src.split_inclusive('\n') {
        end += physical.len();
        brackets.feed(physical);
        if !brackets.open() {
            lines.push((start, without_newline(&src[start..end])));
            start = end;
            brackets = Brackets::new();
        }
    }
    // A script that ends with a bracket still open ends its last logical line there; parsing it
    // reports the unclosed bracket.
    if start < src.len() {
        lines.push((start, without_newline(&src[start..])));
    }
    lines
}

/// How deep parentheses, calls and unary signs may nest, and separately how deep array literals
/// may nest. Deeper input is an error rather than a stack overflow.
const MAX_DEPTH: usize = 64;

/// How many binary operators one statement may have. The tree of a chain like `1 + 1 + ... + 1`
/// is as deep as the chain is long, and evaluating, printing or dropping it recurses that deep.
const MAX_OPERATORS: usize = 256;

/// The statement keywords; the other reserved words are functions.
const KEYWORDS: [&str; 4] = ["back", "graph", "step", "check"];

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

/// What the items of one nesting level of an array literal are; the first item at a level decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Number,
    List,
}

/// An array literal as it is read. For each nesting level it keeps the first list that closed
/// there (its length and its position, to name it in a ragged-array error) and the kind of item
/// that level holds; `path` is the position of the list being read, and `values` are row-major.
#[derive(Debug, Default)]
struct ArrayBuilder {
    first: Vec<Option<(usize, Vec<usize>)>>,
    items: Vec<Option<Item>>,
    path: Vec<usize>,
    values: Vec<f64>,
}

impl<'a> Line<'a> {
    /// `line := [statement (';' statement)* [';']]`, e.g. `a = [1, 2]; back a   # comment`.
    fn line(&self, input: &'a str) -> PResult<'a, Vec<Statement>> {
        let mut statements = Vec::new();
        let mut rest = skip(input, false);
        while !rest.is_empty() {
            // The operator limit bounds the depth of one statement's tree, so it starts afresh.
            self.operators.set(0);
            let (after, mut statement) = self.statement(rest)?;
            rest = skip(after, false);
            if let Some(after_semicolon) = rest.strip_prefix(';') {
                statement.silent = true;
                rest = skip(after_semicolon, false);
            } else if !rest.is_empty() {
                return Err(fail(self.trailing(rest, &statement)));
            }
            statements.push(statement);
        }
        Ok((rest, statements))
    }

    /// `statement := assignment | back | graph | step | check | expression`, e.g. `back y ones`.
    fn statement(&self, input: &'a str) -> PResult<'a, Statement> {
        if let Ok((after, word)) = name(input) {
            // `back = 1` is an (invalid) assignment, not a `back` statement, so this comes first.
            if starts_assignment(skip(after, false)) {
                return self.assignment(input);
            }
            match word {
                "back" => return self.back(input),
                "step" => return self.step(input),
                "check" => return self.check(input),
                "graph" => return self.graph(input),
                _ => {}
            }
        }
        if !starts_expression(input) {
            return Err(fail(self.not_a_statement(input)));
        }
        let (rest, expr) = self.expression(input, Nest::default(), "")?;
        let statement = Statement {
            span: expr.span,
            kind: StatementKind::Expr(expr),
            silent: false,
        };
        Ok((rest, statement))
    }

    /// `assignment := NAME '=' expression`, e.g. `W = randn(2, 3)`.
    fn assignment(&self, input: &'a str) -> PResult<'a, Statement> {
        let (after, word) = name(input).map_err(|_| fail(self.expected("a name", input)))?;
        let name_span = self.span(input, after);
        if is_reserved(word) {
            let message =
                format!("cannot assign to '{word}': it is a built-in name; choose another name");
            return Err(fail(Error::new(message, name_span)));
        }
        let equals = skip(after, false);
        let value_start = equals.strip_prefix('=').map(|r| skip(r, false));
        let value_start = value_start.ok_or_else(|| fail(self.expected("'='", equals)))?;
        let (rest, value) = self.expression(value_start, Nest::default(), "=")?;
        let name = Ident {
            name: word.to_string(),
            span: name_span,
        };
        let statement = Statement {
            span: self.span(input, rest),
            kind: StatementKind::Assign { name, value },
            silent: false,
        };
        Ok((rest, statement))
    }

    /// `back := 'back' NAME ['ones' | expression]`, e.g. `back loss` or `back y [[1, 0], [0, 1]]`.
    fn back(&self, input: &'a str) -> PResult<'a, Statement> {
        self.keyword_target_dout(input, "back", |target, dout| StatementKind::Back {
            target,
            dout,
        })
    }

    /// `step := 'step' NAME ['ones' | expression]`, e.g. `step y ones`.
    fn step(&self, input: &'a str) -> PResult<'a, Statement> {
        self.keyword_target_dout(input, "step", |target, dout| StatementKind::Step {
            target,
            dout,
        })
    }

    /// The statement `back` and `step` share, built into its kind by `make`.
    fn keyword_target_dout(
        &self,
        input: &'a str,
        keyword: &'static str,
        make: fn(Ident, Dout) -> StatementKind,
    ) -> PResult<'a, Statement> {
        let (rest, (target, dout)) = self.target_and_dout(input, keyword)?;
        let statement = Statement {
            span: self.span(input, rest),
            kind: make(target, dout),
            silent: false,
        };
        Ok((rest, statement))
    }

    /// `check := 'check' NAME`, e.g. `check loss`.
    fn check(&self, input: &'a str) -> PResult<'a, Statement> {
        let after_keyword = self.keyword(input, "check")?;
        let (rest, target) = self.target(after_keyword, "check")?;
        let kind = StatementKind::Check { target };
        Ok((
            rest,
            Statement {
                span: self.span(input, rest),
                kind,
                silent: false,
            },
        ))
    }

    /// `graph := 'graph' NAME ['--dot' [FILE]]`, e.g. `graph loss --dot "out/loss graph.dot"`.
    /// FILE is a run of characters up to a blank, ';' or '#', or anything but '"' inside quotes.
    fn graph(&self, input: &'a str) -> PResult<'a, Statement> {
        let after_keyword = self.keyword(input, "graph")?;
        let (mut rest, target) = self.target(after_keyword, "graph")?;
        let mut dot = None;
        let option = skip(rest, false);
        if option.starts_with("--") {
            let option_len = option.find(ends_file_name).unwrap_or(option.len());
            let (word, after_option) = option.split_at(option_len);
            if word != "--dot" {
                let message =
                    format!("unknown option '{word}' for graph; the only option is '--dot'");
                return Err(fail(Error::new(message, self.span(option, after_option))));
            }
            rest = after_option;
            let file = skip(after_option, false);
            if let Some(inside) = file.strip_prefix('"') {
                let open = self.span_len(file, 1);
                let close = inside
                    .find(['"', '\n'])
                    .filter(|&i| inside[i..].starts_with('"'));
                let Some(close) = close else {
                    let end = &inside[inside.find('\n').unwrap_or(inside.len())..];
                    let error = Error::new("expected '\"' to close '\"'", self.span_len(end, 0));
                    return Err(fail(error.with_related(open)));
                };
                rest = &inside[close + 1..];
                if close == 0 {
                    let error = Error::new(
                        "expected a file name inside the quotes",
                        self.span(file, rest),
                    );
                    return Err(fail(error));
                }
                dot = Some(Some(inside[..close].to_string()));
            } else {
                // An empty run (end of line, ';' or a line break) is `--dot` without a file.
                let file_len = file.find(ends_file_name).unwrap_or(file.len());
                if file_len == 0 {
                    dot = Some(None);
                } else {
                    rest = &file[file_len..];
                    dot = Some(Some(file[..file_len].to_string()));
                }
            }
        }
        let kind = StatementKind::Graph { target, dot };
        Ok((
            rest,
            Statement {
                span: self.span(input, rest),
                kind,
                silent: false,
            },
        ))
    }

    /// `expression := comparison`, e.g. `relu(x * W + b) > 0`.
    fn expression(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Expr> {
        self.comparison(input, nest, after)
    }

    /// `comparison := sum [('<' | '<=' | '>' | '>=' | '==' | '!=') sum]`, e.g. `x <= 0.5`.
    /// Python would chain `a < b < c`; numpy arrays cannot, so a second comparison is an error.
    fn comparison(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Expr> {
        let (rest, lhs) = self.sum(input, nest, after)?;
        let at_op = skip(rest, nest.in_brackets);
        let Ok((after_op, op)) = comparison_op(at_op) else {
            return Ok((rest, lhs));
        };
        self.count_operator(at_op, after_op)?;
        let (rest, rhs) = self.sum(skip(after_op, nest.in_brackets), nest, op.symbol())?;
        let at_second = skip(rest, nest.in_brackets);
        if let Ok((after_second, _)) = comparison_op(at_second) {
            let message = "comparisons cannot be chained; add parentheses, e.g. (a < b) == c";
            return Err(fail(Error::new(
                message,
                self.span(at_second, after_second),
            )));
        }
        Ok((rest, binary(op, lhs, rhs)))
    }

    /// `sum := term (('+' | '-') term)*`, left-associative, e.g. `a - b + c`.
    fn sum(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Expr> {
        let (mut rest, mut lhs) = self.term(input, nest, after)?;
        loop {
            let at_op = skip(rest, nest.in_brackets);
            let Ok((after_op, op)) = additive_op(at_op) else {
                return Ok((rest, lhs));
            };
            self.count_operator(at_op, after_op)?;
            let (after_rhs, rhs) =
                self.term(skip(after_op, nest.in_brackets), nest, op.symbol())?;
            lhs = binary(op, lhs, rhs);
            rest = after_rhs;
        }
    }

    /// `term := unary (('*' | '/') unary)*`, left-associative, e.g. `x * W / 2`.
    fn term(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Expr> {
        let (mut rest, mut lhs) = self.unary(input, nest, after)?;
        loop {
            let at_op = skip(rest, nest.in_brackets);
            let Ok((after_op, op)) = multiplicative_op(at_op) else {
                return Ok((rest, lhs));
            };
            // Python users will try these; say plainly that they do not exist.
            for (doubled, hint) in [("**", "multiply instead, e.g. x * x"), ("//", "use '/'")] {
                if at_op.starts_with(doubled) {
                    let message = format!("there is no '{doubled}' operator; {hint}");
                    return Err(fail(Error::new(message, self.span_len(at_op, 2))));
                }
            }
            self.count_operator(at_op, after_op)?;
            let (after_rhs, rhs) =
                self.unary(skip(after_op, nest.in_brackets), nest, op.symbol())?;
            lhs = binary(op, lhs, rhs);
            rest = after_rhs;
        }
    }

    /// `unary := ('-' | '+') unary | primary`, e.g. `-x`. Signs bind tighter than `*`, as in
    /// Python, so `-a * b` is `(-a) * b`. `+x` is just `x`, with the sign inside its span.
    fn unary(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Expr> {
        let Ok((after_sign, sign)) = one_of::<_, _, nom::error::Error<&str>>("+-").parse(input)
        else {
            return self.primary(input, nest, after);
        };
        let inner = self.deeper(nest, input)?;
        let symbol = if sign == '-' { "-" } else { "+" };
        let (rest, operand) = self.unary(skip(after_sign, nest.in_brackets), inner, symbol)?;
        let span = Span::new(self.offset(input), operand.span.end);
        let kind = if sign == '-' {
            ExprKind::Neg(Box::new(operand))
        } else {
            operand.kind
        };
        Ok((rest, Expr { kind, span }))
    }

    /// `primary := number | array | NAME | call | '(' expression ')'`, e.g. `(x + 1)`.
    fn primary(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Expr> {
        match input.chars().next() {
            Some('[') => self.array(input),
            Some('(') => self.parenthesized(input, nest),
            Some(c) if c.is_ascii_digit() || c == '.' => {
                let (rest, number) = self.number(input)?;
                Ok((
                    rest,
                    Expr {
                        kind: ExprKind::Number(number),
                        span: self.span(input, rest),
                    },
                ))
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => self.name_or_call(input, nest),
            _ => Err(fail(
                self.expected(&format!("an expression after '{after}'"), input),
            )),
        }
    }

    /// `'(' expression ')'`, e.g. `(a + b)`; the span includes the parentheses.
    fn parenthesized(&self, input: &'a str, nest: Nest) -> PResult<'a, Expr> {
        let open = self.span_len(input, 1);
        let inner = Nest {
            in_brackets: true,
            ..self.deeper(nest, input)?
        };
        let start = skip(&input[1..], true);
        if start.is_empty() {
            return Err(fail(self.unclosed(start, ')', open)));
        }
        let (rest, expr) = self.expression(start, inner, "(")?;
        let rest = skip(rest, true);
        // numpy spells shapes as tuples, `np.ones((2, 3))`; here they are plain arguments.
        if rest.starts_with(',') {
            let message = "tuples are not supported; write a shape as ones(2, 3), not ones((2, 3))";
            return Err(fail(
                Error::new(message, self.span_len(rest, 1)).with_related(open),
            ));
        }
        let rest = self.close(rest, ')', open)?;
        Ok((
            rest,
            Expr {
                span: Span::new(open.start, self.offset(rest)),
                ..expr
            },
        ))
    }

    /// A NAME, or a call when '(' follows, e.g. `W1` or `relu(x)`.
    fn name_or_call(&self, input: &'a str, nest: Nest) -> PResult<'a, Expr> {
        let (after, word) = name(input).map_err(|_| fail(self.expected("a name", input)))?;
        let span = self.span(input, after);
        if KEYWORDS.contains(&word) {
            let message = format!(
                "'{word}' is a statement keyword, not a value; use it at the start of a statement, e.g. {word} y"
            );
            return Err(fail(Error::new(message, span)));
        }
        let paren = skip(after, nest.in_brackets);
        if paren.starts_with('(') {
            return self.call(word, span, paren, nest);
        }
        if is_reserved(word) {
            let message = format!(
                "'{word}' is a function; call it like {}",
                example_call(word)
            );
            return Err(fail(Error::new(message, span)));
        }
        Ok((
            after,
            Expr {
                kind: ExprKind::Name(word.to_string()),
                span,
            },
        ))
    }

    /// `call := relu(e) | sigmoid(e) | exp(e) | add(a, b) | mul(a, b) | grad(NAME) | mask(NAME)
    /// | ones(d, ...) | zeros(d, ...) | ones_like(e) | randn(d, ...)`, e.g. `add(x, 1)`.
    /// `paren` starts at the '('.
    fn call(&self, word: &str, name_span: Span, paren: &'a str, nest: Nest) -> PResult<'a, Expr> {
        // The function is resolved before its arguments so that a misspelt name is reported at
        // the name, not at some later error inside the arguments.
        let func = match word {
            "grad" | "mask" => None,
            _ => match Func::from_name(word) {
                Some(func) => Some(func),
                None => return Err(fail(unknown_function(word, name_span))),
            },
        };
        let open = self.span_len(paren, 1);
        let inner = Nest {
            in_brackets: true,
            ..self.deeper(nest, paren)?
        };
        let (rest, args) = self.arguments(&paren[1..], inner, open)?;
        let span = Span::new(name_span.start, self.offset(rest));
        let kind = match func {
            Some(func) => {
                check_arity(func, args.len(), span)?;
                ExprKind::Call {
                    func,
                    func_span: name_span,
                    args,
                }
            }
            None => {
                let wrong_span = match args.as_slice() {
                    [only] => only.span,
                    _ => span,
                };
                let Some(ident) = name_argument(args) else {
                    let message = format!("{word} takes a variable name, e.g. {word}(x)");
                    return Err(fail(Error::new(message, wrong_span)));
                };
                if word == "grad" {
                    ExprKind::Grad(ident)
                } else {
                    ExprKind::Mask(ident)
                }
            }
        };
        Ok((rest, Expr { kind, span }))
    }

    /// `arguments := [expression (',' expression)* [',']] ')'`, what follows a call's '(', e.g.
    /// `x, 1)`.
    fn arguments(&self, input: &'a str, nest: Nest, open: Span) -> PResult<'a, Vec<Expr>> {
        let mut args = Vec::new();
        let mut rest = skip(input, true);
        let mut after = "(";
        loop {
            if let Some(after_close) = rest.strip_prefix(')') {
                return Ok((after_close, args));
            }
            if rest.is_empty() {
                return Err(fail(self.unclosed(rest, ')', open)));
            }
            let (after_arg, arg) = self.expression(rest, nest, after)?;
            args.push(arg);
            rest = skip(after_arg, true);
            match rest.strip_prefix(',') {
                Some(after_comma) => {
                    rest = skip(after_comma, true);
                    after = ",";
                }
                None if rest.starts_with(')') => {}
                None => return Err(fail(self.unclosed(rest, ')', open))),
            }
        }
    }

    /// `array := '[' [item (',' item)* [',']] ']'` where an item is a number with an optional
    /// sign or a nested array, e.g. `[[1, -2.5], [+3, - 4,]]`.
    fn array(&self, input: &'a str) -> PResult<'a, Expr> {
        let mut builder = ArrayBuilder::default();
        let (rest, ()) = self.array_level(input, &mut builder)?;
        // Every level that was entered had a list close at it, so every entry is set.
        let shape = builder
            .first
            .iter()
            .map(|first| first.as_ref().map_or(0, |f| f.0))
            .collect();
        let kind = ExprKind::Array {
            shape,
            values: builder.values,
        };
        Ok((
            rest,
            Expr {
                kind,
                span: self.span(input, rest),
            },
        ))
    }

    /// One bracketed list of an array literal, e.g. `[3, 4]` inside `[[1, 2], [3, 4]]`; it checks
    /// that its items and length agree with the first list at the same level.
    fn array_level(&self, input: &'a str, builder: &mut ArrayBuilder) -> PResult<'a, ()> {
        let level = builder.path.len();
        let open = self.span_len(input, 1);
        if level >= MAX_DEPTH {
            return Err(fail(Error::new(
                format!("arrays nest at most {MAX_DEPTH} deep"),
                open,
            )));
        }
        if builder.first.len() <= level {
            builder.first.push(None);
            builder.items.push(None);
        }
        let mut rest = skip(&input[1..], true);
        let mut count = 0;
        loop {
            if let Some(after_close) = rest.strip_prefix(']') {
                rest = after_close;
                break;
            }
            let after_item = if rest.starts_with('[') {
                self.same_items(builder, level, Item::List, self.span_len(rest, 1))?;
                builder.path.push(count);
                let (after_list, ()) = self.array_level(rest, builder)?;
                builder.path.pop();
                after_list
            } else if rest.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c)) {
                let (after_number, number) = self.signed_number(rest)?;
                self.same_items(builder, level, Item::Number, self.span(rest, after_number))?;
                builder.values.push(number);
                after_number
            } else if rest.is_empty() || rest.starts_with(')') {
                return Err(fail(self.unclosed(rest, ']', open)));
            } else {
                let wanted = match builder.items[level] {
                    Some(Item::List) => "a list",
                    _ => "a number",
                };
                return Err(fail(self.found(&format!("expected {wanted}"), rest)));
            };
            count += 1;
            rest = skip(after_item, true);
            match rest.strip_prefix(',') {
                Some(after_comma) => rest = skip(after_comma, true),
                None if rest.starts_with(']') => {}
                None => return Err(fail(self.unclosed(rest, ']', open))),
            }
        }
        match &builder.first[level] {
            None => builder.first[level] = Some((count, builder.path.clone())),
            Some((first_count, first_path)) if *first_count != count => {
                let message = ragged(&builder.path, count, first_path, *first_count);
                return Err(fail(Error::new(message, open)));
            }
            Some(_) => {}
        }
        Ok((rest, ()))
    }

    /// An array item: a number with an optional sign, blanks allowed between, e.g. `- 2.5`.
    fn signed_number(&self, input: &'a str) -> PResult<'a, f64> {
        let sign = input.chars().next().filter(|c| *c == '-' || *c == '+');
        let Some(sign) = sign else {
            return self.number(input);
        };
        let digits = skip(&input[1..], true);
        if !digits.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
            return Err(fail(
                self.expected(&format!("a number after '{sign}'"), digits),
            ));
        }
        let (rest, number) = self.number(digits)?;
        Ok((rest, if sign == '-' { -number } else { number }))
    }

    /// `number := digits ['.' [digits]] [exponent] | '.' digits [exponent]`, Python's float
    /// literal, e.g. `2.5E+4`, `3.`, `.5` or `1_000`; `str::parse` rounds it correctly.
    fn number(&self, input: &'a str) -> PResult<'a, f64> {
        let (after, text) =
            number_text(input).map_err(|_| fail(self.expected("a number", input)))?;
        // A letter, digit, '_' or '.' straight after a number (`1e`, `2x`, `1.2.3`) makes one
        // malformed literal, not two tokens.
        let tail = after
            .find(|c: char| !continues_number(c))
            .unwrap_or(after.len());
        if tail > 0 {
            let bad = &input[..text.len() + tail];
            return Err(fail(Error::new(
                format!("invalid number '{bad}'"),
                self.span_len(input, bad.len()),
            )));
        }
        let span = self.span(input, after);
        let value = text
            .replace('_', "")
            .parse::<f64>()
            .map_err(|_| fail(Error::new(format!("invalid number '{text}'"), span)))?;
        if value.is_infinite() {
            let message =
                format!("number '{text}' is too large for float64 (the largest is about 1.8e308)");
            return Err(fail(Error::new(message, span)));
        }
        Ok((after, value))
    }

    /// The statement keyword at the start of `input` and the blanks after it, e.g. `back ` in
    /// `back y`; writing it like a function call is an error.
    fn keyword(&self, input: &'a str, keyword: &str) -> Result<&'a str, nom::Err<Error>> {
        let rest = skip(input.get(keyword.len()..).unwrap_or(""), false);
        if rest.starts_with('(') {
            let message = format!(
                "'{keyword}' is a statement, not a function; write it without parentheses, e.g. {keyword} y"
            );
            return Err(fail(Error::new(message, self.span_len(rest, 1))));
        }
        Ok(rest)
    }

    /// The NAME a statement keyword acts on, e.g. `y` in `back y`.
    fn target(&self, input: &'a str, keyword: &str) -> PResult<'a, Ident> {
        match name(input) {
            Ok((after, word)) if is_reserved(word) => {
                let message =
                    format!("expected a name after '{keyword}', but '{word}' is a built-in name");
                Err(fail(Error::new(message, self.span(input, after))))
            }
            Ok((after, word)) => Ok((
                after,
                Ident {
                    name: word.to_string(),
                    span: self.span(input, after),
                },
            )),
            Err(_) => Err(fail(
                self.expected(&format!("a name after '{keyword}'"), input),
            )),
        }
    }

    /// What `back` and `step` share: `NAME ['ones' | expression]` after the keyword, e.g.
    /// `y ones` in `back y ones`.
    fn target_and_dout(&self, input: &'a str, keyword: &str) -> PResult<'a, (Ident, Dout)> {
        let after_keyword = self.keyword(input, keyword)?;
        let (after_target, target) = self.target(after_keyword, keyword)?;
        let dout = skip(after_target, false);
        // `ones` alone means the default dout; `ones(2, 3)` is an expression like any other.
        if let Ok((after_ones, "ones")) = name(dout)
            && !skip(after_ones, false).starts_with('(')
        {
            return Ok((after_ones, (target, Dout::Ones)));
        }
        if starts_expression(dout) {
            let (rest, expr) = self.expression(dout, Nest::default(), keyword)?;
            return Ok((rest, (target, Dout::Expr(expr))));
        }
        Ok((after_target, (target, Dout::Ones)))
    }

    /// Counts one binary operator (spanning `at` to `after`) against the statement's limit.
    fn count_operator(&self, at: &'a str, after: &'a str) -> Result<(), nom::Err<Error>> {
        let count = self.operators.get() + 1;
        self.operators.set(count);
        if count > MAX_OPERATORS {
            let message = format!(
                "too many operators in one statement (at most {MAX_OPERATORS}); split it into several statements"
            );
            return Err(fail(Error::new(message, self.span(at, after))));
        }
        Ok(())
    }

    /// One level deeper for the '(' or sign at `at`, or the error when that is too deep.
    fn deeper(&self, nest: Nest, at: &'a str) -> Result<Nest, nom::Err<Error>> {
        if nest.depth >= MAX_DEPTH {
            let message = format!("expressions nest at most {MAX_DEPTH} deep");
            return Err(fail(Error::new(message, self.span_len(at, 1))));
        }
        Ok(Nest {
            depth: nest.depth + 1,
            ..nest
        })
    }

    /// The text after the closing bracket `close` at `at`, or the unclosed-bracket error.
    fn close(&self, at: &'a str, close: char, open: Span) -> Result<&'a str, nom::Err<Error>> {
        at.strip_prefix(close)
            .ok_or_else(|| fail(self.unclosed(at, close, open)))
    }

    /// Checks that an item of an array list at `level` is the same kind as the items before it at
    /// that level, e.g. a number in `[[1], 2]` is not.
    fn same_items(
        &self,
        builder: &mut ArrayBuilder,
        level: usize,
        item: Item,
        span: Span,
    ) -> Result<(), nom::Err<Error>> {
        match builder.items[level] {
            None => builder.items[level] = Some(item),
            Some(known) if known != item => {
                let message = match known {
                    Item::Number => "expected a number, found a list",
                    Item::List => "expected a list, found a number",
                };
                return Err(fail(Error::new(message, span)));
            }
            Some(_) => {}
        }
        Ok(())
    }

    /// The error for text after a complete statement, e.g. `foo` in `x = 1 foo`.
    fn trailing(&self, at: &'a str, statement: &Statement) -> Error {
        if let Some(error) = self.invalid_character(at) {
            return error;
        }
        match at.chars().next() {
            Some(c @ (')' | ']')) => Error::new(format!("unexpected '{c}'"), self.span_len(at, 1)),
            Some('=')
                if !at.starts_with("==") && matches!(statement.kind, StatementKind::Expr(_)) =>
            {
                let message = "cannot assign to an expression; the left side of '=' must be a name";
                Error::new(message, statement.span)
            }
            _ => self.found("expected ';' or end of line", at),
        }
    }

    /// The error for a statement that cannot start at `at`, e.g. `* 2` or `)`.
    fn not_a_statement(&self, at: &'a str) -> Error {
        if let Some(error) = self.invalid_character(at) {
            return error;
        }
        match at.chars().next() {
            Some(';') => Error::new("expected a statement before ';'", self.span_len(at, 1)),
            Some(c @ (')' | ']')) => Error::new(format!("unexpected '{c}'"), self.span_len(at, 1)),
            Some('=') if !at.starts_with("==") => {
                Error::new("expected a name before '='", self.span_len(at, 1))
            }
            _ => self.found("expected a statement", at),
        }
    }

    /// "expected WHAT" pointing at the token at `at` (or the end of the line), unless `at` starts
    /// with a character the language has no use for, which is the better thing to report.
    fn expected(&self, what: &str, at: &'a str) -> Error {
        if let Some(error) = self.invalid_character(at) {
            return error;
        }
        Error::new(format!("expected {what}"), self.span_len(at, token_len(at)))
    }

    /// "MESSAGE, found TOKEN" pointing at the token at `at`, e.g. `expected a number, found 'x'`.
    fn found(&self, message: &str, at: &'a str) -> Error {
        if let Some(error) = self.invalid_character(at) {
            return error;
        }
        let message = format!("{message}, found {}", describe(at));
        Error::new(message, self.span_len(at, token_len(at)))
    }

    /// "expected ')' to close '('" at `at`, with the open bracket as the related span.
    fn unclosed(&self, at: &'a str, close: char, open: Span) -> Error {
        if let Some(error) = self.invalid_character(at) {
            return error;
        }
        let opener = if close == ')' { '(' } else { '[' };
        let message = format!("expected '{close}' to close '{opener}'");
        Error::new(message, self.span_len(at, token_len(at))).with_related(open)
    }

    /// `unexpected character '@'` when `at` starts with a character that begins no token.
    fn invalid_character(&self, at: &'a str) -> Option<Error> {
        let c = at.chars().next()?;
        let next = at.get(c.len_utf8()..).unwrap_or("");
        let valid = match c {
            c if c.is_ascii_alphanumeric() => true,
            '_' | ' ' | '\t' | '\r' | '\n' | '+' | '-' | '*' | '/' | '<' | '>' | '=' | '('
            | ')' | '[' | ']' | ',' | ';' | '#' => true,
            '!' => next.starts_with('='),
            '.' => next.starts_with(|c: char| c.is_ascii_digit()),
            _ => false,
        };
        let message = format!("unexpected character '{}'", c.escape_debug());
        (!valid).then(|| Error::new(message, self.span_len(at, c.len_utf8())))
    }

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

/// The open brackets of text read so far, to decide whether a line continues on the next one.
/// Comments are skipped; the file name of a `graph` statement is skipped too, since it may
/// contain brackets (or quotes around them) that are not the language's.
#[derive(Debug)]
struct Brackets {
    stack: Vec<char>,
    /// A closing bracket did not match: the line is an error already, so reading on is pointless.
    mismatched: bool,
    comment: bool,
    quote: bool,
    statement_start: bool,
    graph: bool,
}

impl Brackets {
    fn new() -> Brackets {
        Brackets {
            stack: Vec::new(),
            mismatched: false,
            comment: false,
            quote: false,
            statement_start: true,
            graph: false,
        }
    }

    fn open(&self) -> bool {
        !self.mismatched && !self.stack.is_empty()
    }

    /// Scans more text, e.g. `a = [1, 2,  # more below` leaves one '[' open.
    fn feed(&mut self, text: &str) {
        for (i, c) in text.char_indices() {
            if c == '\n' {
                self.comment = false;
                self.quote = false;
                continue;
            }
            if self.comment {
                continue;
            }
            if self.quote {
                self.quote = c != '"';
                continue;
            }
            if c == ' ' || c == '\t' || c == '\r' {
                continue;
            }
            let at_start = std::mem::replace(&mut self.statement_start, false);
            match c {
                '#' => {
                    self.comment = true;
                    self.statement_start = at_start;
                }
                ';' if self.stack.is_empty() => {
                    self.statement_start = true;
                    self.graph = false;
                }
                '"' if self.graph => self.quote = true,
                // Only a graph file name may be quoted; a quote anywhere else is an error now.
                '"' => self.mismatched = true,
                _ if self.graph => {}
                '(' | '[' => self.stack.push(c),
                ')' | ']' => {
                    let opener = if c == ')' { '(' } else { '[' };
                    if self.stack.pop() != Some(opener) {
                        self.mismatched = true;
                    }
                }
                c if at_start && (c.is_ascii_alphabetic() || c == '_') => {
                    let word = &text[i..];
                    let len = word.find(|c: char| !is_name_char(c)).unwrap_or(word.len());
                    self.graph = &word[..len] == "graph";
                }
                _ => {}
            }
        }
    }
}

/// Skips blanks and `#` comments, e.g. `  # note` in `x  # note`. Newlines are blanks only inside
/// brackets, where the line continues; a comment ends at a newline either way.
fn skip(input: &str, newlines: bool) -> &str {
    let blank =
        take_while1(move |c: char| c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n'));
    let comment = recognize((char('#'), take_till(|c: char| c == '\n')));
    let result: IResult<&str, usize> = many0_count(alt((blank, comment))).parse(input);
    result.map_or(input, |(rest, _)| rest)
}

/// `NAME := [A-Za-z_][A-Za-z0-9_]*`, e.g. `W1`.
fn name(input: &str) -> IResult<&str, &str> {
    recognize((
        satisfy(|c| c.is_ascii_alphabetic() || c == '_'),
        take_while(is_name_char),
    ))
    .parse(input)
}

/// The text of a Python float literal, e.g. `1_000.5e-3`; see `Line::number`.
fn number_text(input: &str) -> IResult<&str, &str> {
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
fn comparison_op(input: &str) -> IResult<&str, BinOp> {
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
fn additive_op(input: &str) -> IResult<&str, BinOp> {
    alt((value(BinOp::Add, char('+')), value(BinOp::Sub, char('-')))).parse(input)
}

/// `'*' | '/'`, e.g. `*` in `a * b`.
fn multiplicative_op(input: &str) -> IResult<&str, BinOp> {
    alt((value(BinOp::Mul, char('*')), value(BinOp::Div, char('/')))).parse(input)
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn continues_number(c: char) -> bool {
    is_name_char(c) || c == '.'
}

/// Whether an unquoted graph file name (or option) ends before `c`.
fn ends_file_name(c: char) -> bool {
    c.is_whitespace() || c == ';' || c == '#'
}

/// `NAME =` but not `NAME ==`: `at` is what follows the name.
fn starts_assignment(at: &str) -> bool {
    at.starts_with('=') && !at.starts_with("==")
}

/// Whether an expression can start at `at`, e.g. at `-x` but not at `)`.
fn starts_expression(at: &str) -> bool {
    at.starts_with(|c: char| c.is_ascii_alphanumeric() || "_.([-+".contains(c))
}

/// The length in bytes of the token at the start of `text`, to underline it in an error.
fn token_len(text: &str) -> usize {
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
    if ["<=", ">=", "==", "!=", "**", "//"]
        .iter()
        .any(|op| text.starts_with(op))
    {
        return 2;
    }
    c.len_utf8()
}

/// How an error names the token at the start of `text`, e.g. `'foo'` or `end of line`.
fn describe(text: &str) -> String {
    match text.chars().next() {
        None => "end of line".to_string(),
        Some('\n') => "a line break".to_string(),
        Some(_) => {
            let token = text.get(..token_len(text)).unwrap_or(text);
            format!("'{}'", token.escape_debug())
        }
    }
}

fn fail(error: Error) -> nom::Err<Error> {
    nom::Err::Failure(error)
}

fn binary(op: BinOp, lhs: Expr, rhs: Expr) -> Expr {
    let span = lhs.span.to(rhs.span);
    Expr {
        kind: ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        span,
    }
}

/// The one argument of `grad(x)` or `mask(x)` when it is a plain name.
fn name_argument(args: Vec<Expr>) -> Option<Ident> {
    let [arg] = <[Expr; 1]>::try_from(args).ok()?;
    match arg.kind {
        ExprKind::Name(name) => Some(Ident {
            name,
            span: arg.span,
        }),
        _ => None,
    }
}

/// `relu takes 1 argument, got 2` when a call has the wrong number of arguments.
fn check_arity(func: Func, got: usize, span: Span) -> Result<(), nom::Err<Error>> {
    let (least, most) = match func {
        Func::Relu | Func::Sigmoid | Func::Exp | Func::OnesLike => (1, Some(1)),
        Func::Add | Func::Mul => (2, Some(2)),
        Func::Ones | Func::Zeros | Func::Randn => (1, None),
    };
    if got >= least && most.is_none_or(|most| got <= most) {
        return Ok(());
    }
    let wanted = match most {
        Some(1) => "1 argument".to_string(),
        Some(n) => format!("{n} arguments"),
        None => format!("{least} or more arguments"),
    };
    Err(fail(Error::new(
        format!("{} takes {wanted}, got {got}", func.name()),
        span,
    )))
}

/// `unknown function 'relux'; did you mean 'relu'?`, or the list of functions when nothing is
/// close.
fn unknown_function(word: &str, span: Span) -> Error {
    let functions = || {
        Func::ALL
            .into_iter()
            .map(Func::name)
            .chain(["grad", "mask"])
    };
    let message = match closest(word, functions()) {
        Some(suggestion) => format!("unknown function '{word}'; did you mean '{suggestion}'?"),
        None => {
            let list = functions().collect::<Vec<_>>().join(", ");
            format!("unknown function '{word}'; the functions are {list}")
        }
    };
    Error::new(message, span)
}

/// How to call a built-in function, for the error when its name is used as a value.
fn example_call(function: &str) -> &'static str {
    match function {
        "add" => "add(a, b)",
        "mul" => "mul(a, b)",
        "ones" => "ones(2, 3)",
        "zeros" => "zeros(2, 3)",
        "randn" => "randn(2, 3)",
        "sigmoid" => "sigmoid(x)",
        "exp" => "exp(x)",
        "ones_like" => "ones_like(x)",
        "grad" => "grad(x)",
        "mask" => "mask(x)",
        _ => "relu(x)",
    }
}

/// The message for a list whose length differs from the first list at its level, e.g.
/// `ragged array: row 2 has 1 item where row 1 has 2`. Rows of one parent are numbered from 1;
/// lists in different parents are named by their numpy index, e.g. `[1][0]`.
fn ragged(path: &[usize], count: usize, first_path: &[usize], first_count: usize) -> String {
    let items = |n: usize| {
        if n == 1 {
            "1 item".to_string()
        } else {
            format!("{n} items")
        }
    };
    match (path.split_last(), first_path.split_last()) {
        (Some((row, parent)), Some((first_row, first_parent))) if parent == first_parent => {
            format!(
                "ragged array: row {} has {} where row {} has {}",
                row + 1,
                items(count),
                first_row + 1,
                first_count
            )
        }
        _ => {
            let index = |path: &[usize]| path.iter().map(|i| format!("[{i}]")).collect::<String>();
            format!(
                "ragged array: the list at {} has {} where the list at {} has {}",
                index(path),
                items(count),
                index(first_path),
                first_count
            )
        }
    }
}

fn without_newline(line: &str) -> &str {
    let line = line.strip_suffix('\n').unwrap_or(line);
    line.strip_suffix('\r').unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The one statement `text` parses to, at base 0.
    fn one(text: &str) -> Statement {
        let statements = parse_line(text, 0).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        assert_eq!(statements.len(), 1, "{text:?}");
        statements.into_iter().next().expect("one statement")
    }

    /// The expression of the expression statement `text`.
    fn expr(text: &str) -> Expr {
        match one(text).kind {
            StatementKind::Expr(e) => e,
            other => panic!("{text:?} is not an expression: {other:?}"),
        }
    }

    /// The error `text` gives, at base 0.
    fn error(text: &str) -> Error {
        match parse_line(text, 0) {
            Ok(statements) => panic!("{text:?} parsed: {statements:?}"),
            Err(e) => e,
        }
    }

    /// Asserts the message and the span (as start..end) of the error `text` gives.
    fn assert_error(text: &str, message: &str, start: usize, end: usize) {
        let e = error(text);
        assert_eq!(crate::i18n::Lang::En.say(&e.message), message, "{text:?}");
        assert_eq!(e.span, Span::new(start, end), "{text:?}: {:?}", e.message);
    }

    /// A compact rendering of an expression's structure, to check precedence.
    fn show(e: &Expr) -> String {
        match &e.kind {
            ExprKind::Number(n) => format!("{n}"),
            ExprKind::Array { shape, values } => format!("array{shape:?}{values:?}"),
            ExprKind::Name(n) => n.clone(),
            ExprKind::Neg(x) => format!("(-{})", show(x)),
            ExprKind::Binary { op, lhs, rhs } => {
                format!("({} {} {})", show(lhs), op.symbol(), show(rhs))
            }
            ExprKind::Call { func, args, .. } => {
                let args: Vec<String> = args.iter().map(show).collect();
                format!("{}({})", func.name(), args.join(", "))
            }
            ExprKind::Grad(i) => format!("grad({})", i.name),
            ExprKind::Mask(i) => format!("mask({})", i.name),
        }
    }

    fn ident(name: &str, start: usize, end: usize) -> Ident {
        Ident {
            name: name.to_string(),
            span: Span::new(start, end),
        }
    }

    fn array(text: &str) -> (Vec<usize>, Vec<f64>) {
        match expr(text).kind {
            ExprKind::Array { shape, values } => (shape, values),
            other => panic!("{text:?} is not an array: {other:?}"),
        }
    }

    #[test]
    fn line_empty_blank_and_comment_only_give_no_statements() {
        for text in [
            "",
            "   ",
            "\t \r",
            "# just a comment",
            "  # 주석 한국어 ([",
            "\n",
        ] {
            assert_eq!(parse_line(text, 0), Ok(vec![]), "{text:?}");
        }
    }

    #[test]
    fn line_splits_statements_and_marks_silent_ones() {
        let statements = parse_line("a = 1; b = 2", 0).unwrap();
        assert_eq!(statements.len(), 2);
        assert!(statements[0].silent);
        assert_eq!(statements[0].span, Span::new(0, 5));
        assert!(!statements[1].silent);
        assert_eq!(statements[1].span, Span::new(7, 12));
        let statements = parse_line("x;  # quiet", 0).unwrap();
        assert_eq!(statements.len(), 1);
        assert!(statements[0].silent);
        assert_eq!(statements[0].span, Span::new(0, 1));
    }

    #[test]
    fn line_rejects_empty_statements() {
        assert_error(";", "expected a statement before ';'", 0, 1);
        assert_error("a = 1;; b", "expected a statement before ';'", 6, 7);
    }

    #[test]
    fn spans_are_offset_by_base() {
        let statements = parse_line("y = x * 2", 100).unwrap();
        let StatementKind::Assign { name, value } = &statements[0].kind else {
            panic!()
        };
        assert_eq!(name.span, Span::new(100, 101));
        assert_eq!(value.span, Span::new(104, 109));
        assert_eq!(statements[0].span, Span::new(100, 109));
        let e = parse_line("y = (1", 100).unwrap_err();
        assert_eq!(e.span, Span::new(106, 106));
        assert_eq!(e.related, Some(Span::new(104, 105)));
    }

    #[test]
    fn a_trailing_newline_is_not_an_error() {
        assert_eq!(parse_line("x\n", 0).unwrap().len(), 1);
        assert_eq!(parse_line("x\r\n", 0).unwrap().len(), 1);
    }

    #[test]
    fn assignment_binds_a_name_to_an_expression() {
        let s = one("W1 = randn(2, 3)");
        let StatementKind::Assign { name, value } = s.kind else {
            panic!()
        };
        assert_eq!(name, ident("W1", 0, 2));
        assert_eq!(show(&value), "randn(2, 3)");
        assert_eq!(value.span, Span::new(5, 16));
        assert_eq!(s.span, Span::new(0, 16));
        // `==` is a comparison, not an assignment.
        assert_eq!(show(&expr("a == b")), "(a == b)");
    }

    #[test]
    fn assignment_errors() {
        assert_error(
            "relu = 1",
            "cannot assign to 'relu': it is a built-in name; choose another name",
            0,
            4,
        );
        assert_error(
            "back = 1",
            "cannot assign to 'back': it is a built-in name; choose another name",
            0,
            4,
        );
        assert_error("a = ", "expected an expression after '='", 4, 4);
        assert_error("a = )", "expected an expression after '='", 4, 5);
        assert_error(
            "a + b = 1",
            "cannot assign to an expression; the left side of '=' must be a name",
            0,
            5,
        );
        assert_error("= 1", "expected a name before '='", 0, 1);
    }

    #[test]
    fn back_takes_a_target_and_an_optional_dout() {
        let s = one("back y");
        assert_eq!(
            s.kind,
            StatementKind::Back {
                target: ident("y", 5, 6),
                dout: Dout::Ones
            }
        );
        assert_eq!(s.span, Span::new(0, 6));
        let s = one("back y ones  # default");
        assert_eq!(
            s.kind,
            StatementKind::Back {
                target: ident("y", 5, 6),
                dout: Dout::Ones
            }
        );
        assert_eq!(s.span, Span::new(0, 11));
        let StatementKind::Back {
            dout: Dout::Expr(e),
            ..
        } = one("back y ones(2, 3)").kind
        else {
            panic!()
        };
        assert_eq!(show(&e), "ones(2, 3)");
        let StatementKind::Back {
            dout: Dout::Expr(e),
            ..
        } = one("back y [[1, -2]]").kind
        else {
            panic!()
        };
        assert_eq!(show(&e), "array[1, 2][1.0, -2.0]");
        assert_eq!(e.span, Span::new(7, 16));
        let StatementKind::Back {
            dout: Dout::Expr(e),
            ..
        } = one("back y -1").kind
        else {
            panic!()
        };
        assert_eq!(show(&e), "(-1)");
    }

    #[test]
    fn step_is_like_back() {
        let s = one("step loss;");
        assert!(s.silent);
        assert_eq!(
            s.kind,
            StatementKind::Step {
                target: ident("loss", 5, 9),
                dout: Dout::Ones
            }
        );
        let StatementKind::Step {
            dout: Dout::Expr(e),
            ..
        } = one("step y 2 * x").kind
        else {
            panic!()
        };
        assert_eq!(show(&e), "(2 * x)");
    }

    #[test]
    fn check_takes_a_name() {
        let s = one("check loss");
        assert_eq!(
            s.kind,
            StatementKind::Check {
                target: ident("loss", 6, 10)
            }
        );
        assert_error(
            "check loss 1",
            "expected ';' or end of line, found '1'",
            11,
            12,
        );
    }

    #[test]
    fn keyword_errors() {
        assert_error("back", "expected a name after 'back'", 4, 4);
        assert_error("back 2", "expected a name after 'back'", 5, 6);
        assert_error("step ;", "expected a name after 'step'", 5, 6);
        assert_error("check", "expected a name after 'check'", 5, 5);
        assert_error("graph", "expected a name after 'graph'", 5, 5);
        assert_error(
            "back relu",
            "expected a name after 'back', but 'relu' is a built-in name",
            5,
            9,
        );
        assert_error(
            "back(y)",
            "'back' is a statement, not a function; write it without parentheses, e.g. back y",
            4,
            5,
        );
        assert_error(
            "a = back + 1",
            "'back' is a statement keyword, not a value; use it at the start of a statement, e.g. back y",
            4,
            8,
        );
        assert_error(
            "x = relu + 1",
            "'relu' is a function; call it like relu(x)",
            4,
            8,
        );
        assert_error(
            "ones",
            "'ones' is a function; call it like ones(2, 3)",
            0,
            4,
        );
    }

    #[test]
    fn graph_with_and_without_dot() {
        let s = one("graph loss");
        assert_eq!(
            s.kind,
            StatementKind::Graph {
                target: ident("loss", 6, 10),
                dot: None
            }
        );
        let s = one("graph loss --dot");
        assert_eq!(
            s.kind,
            StatementKind::Graph {
                target: ident("loss", 6, 10),
                dot: Some(None)
            }
        );
        assert_eq!(s.span, Span::new(0, 16));
        let s = one("graph loss --dot out/g(1).dot  # file");
        let dot = Some(Some("out/g(1).dot".to_string()));
        assert_eq!(
            s.kind,
            StatementKind::Graph {
                target: ident("loss", 6, 10),
                dot
            }
        );
        assert_eq!(s.span, Span::new(0, 29));
        let s = one("graph y --dot \"my graph; #1.dot\"");
        let dot = Some(Some("my graph; #1.dot".to_string()));
        assert_eq!(
            s.kind,
            StatementKind::Graph {
                target: ident("y", 6, 7),
                dot
            }
        );
        assert_eq!(s.span, Span::new(0, 32));
        let statements = parse_line("graph y --dot a.dot; graph z --dot;", 0).unwrap();
        assert_eq!(statements.len(), 2);
        assert!(statements[0].silent && statements[1].silent);
    }

    #[test]
    fn graph_errors() {
        assert_error(
            "graph y --dto",
            "unknown option '--dto' for graph; the only option is '--dot'",
            8,
            13,
        );
        let e = error("graph y --dot \"open");
        assert_eq!(crate::i18n::Lang::En.say(&e.message), "expected '\"' to close '\"'");
        assert_eq!(
            (e.span, e.related),
            (Span::new(19, 19), Some(Span::new(14, 15)))
        );
        assert_error(
            "graph y --dot \"\"",
            "expected a file name inside the quotes",
            14,
            16,
        );
        assert_error("graph y x", "expected ';' or end of line, found 'x'", 8, 9);
        let e = error("graph y --dot\nx");
        assert_eq!(crate::i18n::Lang::En.say(&e.message), "expected ';' or end of line, found a line break");
    }

    #[test]
    fn precedence_follows_python() {
        let cases = [
            ("-a * b + c < d", "((((-a) * b) + c) < d)"),
            ("a + b * c", "(a + (b * c))"),
            ("1 - 2 - 3", "((1 - 2) - 3)"),
            ("a / b * c", "((a / b) * c)"),
            ("2 * -3", "(2 * (-3))"),
            ("a - -b", "(a - (-b))"),
            ("--a", "(-(-a))"),
            ("+a", "a"),
            ("(a + b) * c", "((a + b) * c)"),
            ("a + b >= c * 2", "((a + b) >= (c * 2))"),
            ("(a < b) == c", "((a < b) == c)"),
            ("a != b", "(a != b)"),
            ("a <= b", "(a <= b)"),
            ("a > b", "(a > b)"),
        ];
        for (text, tree) in cases {
            assert_eq!(show(&expr(text)), tree, "{text}");
        }
    }

    #[test]
    fn expression_spans_are_exact() {
        let e = expr("-x * (y + 1)");
        assert_eq!(e.span, Span::new(0, 12));
        let ExprKind::Binary { lhs, rhs, .. } = &e.kind else {
            panic!()
        };
        assert_eq!(lhs.span, Span::new(0, 2));
        assert_eq!(rhs.span, Span::new(5, 12));
        let e = expr("relu( x )");
        let ExprKind::Call {
            func,
            func_span,
            args,
        } = &e.kind
        else {
            panic!()
        };
        assert_eq!(
            (*func, *func_span, args[0].span),
            (Func::Relu, Span::new(0, 4), Span::new(6, 7))
        );
        assert_eq!(e.span, Span::new(0, 9));
    }

    #[test]
    fn expression_errors() {
        assert_error("2 *", "expected an expression after '*'", 3, 3);
        assert_error("2 * )", "expected an expression after '*'", 4, 5);
        assert_error(
            "a < b < c",
            "comparisons cannot be chained; add parentheses, e.g. (a < b) == c",
            6,
            7,
        );
        assert_error(
            "a == b != c",
            "comparisons cannot be chained; add parentheses, e.g. (a < b) == c",
            7,
            9,
        );
        assert_error("()", "expected an expression after '('", 1, 2);
        assert_error(
            "x ** 2",
            "there is no '**' operator; multiply instead, e.g. x * x",
            2,
            4,
        );
        assert_error("x // 2", "there is no '//' operator; use '/'", 2, 4);
        assert_error("x foo", "expected ';' or end of line, found 'foo'", 2, 5);
        assert_error("x )", "unexpected ')'", 2, 3);
        assert_error(")", "unexpected ')'", 0, 1);
        assert_error("x ]", "unexpected ']'", 2, 3);
        assert_error("* 2", "expected a statement, found '*'", 0, 1);
        assert_error("x @ y", "unexpected character '@'", 2, 3);
        assert_error("x = 가", "unexpected character '가'", 4, 7);
        assert_error("가", "unexpected character '가'", 0, 3);
        assert_error("x.T", "unexpected character '.'", 1, 2);
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
            assert_eq!(crate::i18n::Lang::En.say(&e.message), message, "{text}");
            assert_eq!(e.span, Span::new(start, end), "{text}");
            assert_eq!(e.related, Some(Span::new(open_start, open_end)), "{text}");
        }
    }

    #[test]
    fn numbers_are_python_float_literals() {
        let cases = [
            ("1", 1.0),
            ("3.", 3.0),
            (".5", 0.5),
            ("1e-05", 1e-5),
            ("2.5E+4", 2.5e4),
            ("1_000.5", 1000.5),
            ("0.1", 0.1),
            ("1e-400", 0.0),
            ("007", 7.0),
        ];
        for (text, value) in cases {
            let e = expr(text);
            assert_eq!(e.kind, ExprKind::Number(value), "{text}");
            assert_eq!(e.span, Span::new(0, text.len()), "{text}");
        }
        assert_eq!(show(&expr("-0.5")), "(-0.5)");
    }

    #[test]
    fn number_errors() {
        assert_error(
            "x = 1e400",
            "number '1e400' is too large for float64 (the largest is about 1.8e308)",
            4,
            9,
        );
        assert_error(
            "[1, -1e400]",
            "number '1e400' is too large for float64 (the largest is about 1.8e308)",
            5,
            10,
        );
        assert_error("1e", "invalid number '1e'", 0, 2);
        assert_error("2x", "invalid number '2x'", 0, 2);
        assert_error("1.2.3", "invalid number '1.2.3'", 0, 5);
        assert_error("1__0", "invalid number '1__0'", 0, 4);
    }

    #[test]
    fn arrays_are_rectangular_and_row_major() {
        assert_eq!(array("[]"), (vec![0], vec![]));
        assert_eq!(array("[[], []]"), (vec![2, 0], vec![]));
        assert_eq!(
            array("[1, -0.5, +1, - 2,]"),
            (vec![4], vec![1.0, -0.5, 1.0, -2.0])
        );
        assert_eq!(
            array("[[1, 2], [3, 4], [5, 6]]"),
            (vec![3, 2], vec![1., 2., 3., 4., 5., 6.])
        );
        assert_eq!(
            array("[[[1], [2]], [[3], [4]]]"),
            (vec![2, 2, 1], vec![1., 2., 3., 4.])
        );
        let text = "[[1, 2],  # first row\n [3, 4]]  # done";
        assert_eq!(array(text), (vec![2, 2], vec![1., 2., 3., 4.]));
        assert_eq!(expr(text).span, Span::new(0, 30));
        let nested = format!("{}1{}", "[".repeat(64), "]".repeat(64));
        assert_eq!(array(&nested), (vec![1; 64], vec![1.0]));
    }

    #[test]
    fn array_errors() {
        assert_error(
            "[[1, 2], [3]]",
            "ragged array: row 2 has 1 item where row 1 has 2",
            9,
            10,
        );
        assert_error(
            "[[1], [2, 3]]",
            "ragged array: row 2 has 2 items where row 1 has 1",
            6,
            7,
        );
        assert_error(
            "[[], [1]]",
            "ragged array: row 2 has 1 item where row 1 has 0",
            5,
            6,
        );
        assert_error(
            "[[[1, 2]], [[1, 2, 3]]]",
            "ragged array: the list at [1][0] has 3 items where the list at [0][0] has 2",
            12,
            13,
        );
        assert_error("[1, [2]]", "expected a number, found a list", 4, 5);
        assert_error("[[1], 2]", "expected a list, found a number", 6, 7);
        assert_error("[[1], -2]", "expected a list, found a number", 6, 8);
        assert_error("[x]", "expected a number, found 'x'", 1, 2);
        assert_error("[1, ,]", "expected a number, found ','", 4, 5);
        assert_error("[-]", "expected a number after '-'", 2, 3);
        assert_error("[1 + 2]", "expected ']' to close '['", 3, 4);
        let deep = format!("{}1{}", "[".repeat(65), "]".repeat(65));
        assert_error(&deep, "arrays nest at most 64 deep", 64, 65);
    }

    #[test]
    fn calls_of_every_function() {
        let cases = [
            ("relu(x)", "relu(x)"),
            ("sigmoid(x * 2)", "sigmoid((x * 2))"),
            ("exp(-x)", "exp((-x))"),
            ("add(a, b)", "add(a, b)"),
            ("mul(a, b,)", "mul(a, b)"),
            ("ones(2)", "ones(2)"),
            ("zeros(2, 3, 4)", "zeros(2, 3, 4)"),
            ("ones_like(x)", "ones_like(x)"),
            ("randn (2, 3)", "randn(2, 3)"),
            ("grad(W)", "grad(W)"),
            ("mask( h )", "mask(h)"),
            ("add(\n  a,  # left\n  b)", "add(a, b)"),
        ];
        for (text, tree) in cases {
            assert_eq!(show(&expr(text)), tree, "{text}");
        }
        assert_eq!(expr("grad( W )").kind, ExprKind::Grad(ident("W", 6, 7)));
    }

    #[test]
    fn call_errors() {
        assert_error(
            "relux(x)",
            "unknown function 'relux'; did you mean 'relu'?",
            0,
            5,
        );
        assert_error(
            "grd(x)",
            "unknown function 'grd'; did you mean 'grad'?",
            0,
            3,
        );
        assert_error(
            "foo(x)",
            "unknown function 'foo'; the functions are relu, sigmoid, exp, add, mul, ones, zeros, ones_like, randn, grad, mask",
            0,
            3,
        );
        assert_error("relu(x, y)", "relu takes 1 argument, got 2", 0, 10);
        assert_error("add(x)", "add takes 2 arguments, got 1", 0, 6);
        assert_error("ones()", "ones takes 1 or more arguments, got 0", 0, 6);
        assert_error(
            "grad(x + 1)",
            "grad takes a variable name, e.g. grad(x)",
            5,
            10,
        );
        assert_error("mask()", "mask takes a variable name, e.g. mask(x)", 0, 6);
        assert_error(
            "grad(a, b)",
            "grad takes a variable name, e.g. grad(x)",
            0,
            10,
        );
        assert_error("add(x,, y)", "expected an expression after ','", 6, 7);
        let e = error("ones((2, 3))");
        let message = "tuples are not supported; write a shape as ones(2, 3), not ones((2, 3))";
        assert_eq!(crate::i18n::Lang::En.say(&e.message), message);
        assert_eq!(
            (e.span, e.related),
            (Span::new(7, 8), Some(Span::new(5, 6)))
        );
    }

    #[test]
    fn huge_nesting_is_an_error_not_a_stack_overflow() {
        let cases = [
            ("[".repeat(100_000), "arrays nest at most 64 deep", 64),
            ("(".repeat(100_000), "expressions nest at most 64 deep", 64),
            ("-".repeat(100_000), "expressions nest at most 64 deep", 64),
            (
                format!("x = {}", "- ".repeat(100_000)),
                "expressions nest at most 64 deep",
                132,
            ),
            (
                "relu(".repeat(100_000),
                "expressions nest at most 64 deep",
                64 * 5 + 4,
            ),
        ];
        for (text, message, at) in cases {
            let e = parse_line(&text, 0).unwrap_err();
            assert_eq!(crate::i18n::Lang::En.say(&e.message), message);
            assert_eq!(e.span, Span::new(at, at + 1));
        }
        let chain = vec!["1"; 100_000].join(" + ");
        let e = parse_line(&chain, 0).unwrap_err();
        let message =
            "too many operators in one statement (at most 256); split it into several statements";
        assert_eq!(crate::i18n::Lang::En.say(&e.message), message);
        assert_eq!(e.span, Span::new(256 * 4 + 2, 256 * 4 + 3));
        // The limit is per statement.
        let fine = format!("a = {0}; b = {0}", vec!["1"; 200].join(" * "));
        assert_eq!(parse_line(&fine, 0).unwrap().len(), 2);
    }

    #[test]
    fn nesting_up_to_the_limit_parses() {
        let parens = format!("{}x{}", "(".repeat(64), ")".repeat(64));
        assert_eq!(show(&expr(&parens)), "x");
        let signs = format!("{}x", "-".repeat(64));
        assert_eq!(
            show(&expr(&signs)),
            format!("{}x{}", "(-".repeat(64), ")".repeat(64))
        );
        let calls = format!("{}x{}", "relu(".repeat(64), ")".repeat(64));
        assert!(show(&expr(&calls)).starts_with("relu(relu("));
        let mixed = format!(
            "{}{}1{}{}",
            "exp(".repeat(63),
            "[".repeat(64),
            "]".repeat(64),
            ")".repeat(63)
        );
        let expected = format!(
            "{}array{:?}[1.0]{}",
            "exp(".repeat(63),
            [1; 64],
            ")".repeat(63)
        );
        assert_eq!(show(&expr(&mixed)), expected);
        assert_error(
            &format!("{}x", "-".repeat(65)),
            "expressions nest at most 64 deep",
            64,
            65,
        );
    }

    #[test]
    fn needs_more_input_while_a_bracket_is_open() {
        for text in [
            "x = [1, 2,",
            "relu((x",
            "a = [[1], # ]",
            "back y (",
            "a = [1,\n 2,",
        ] {
            assert!(needs_more_input(text), "{text:?}");
        }
        for text in [
            "",
            "x = [1, 2]",
            "x = 1 # (",
            "x = 1)",
            "x = (1]",
            "graph y --dot a(1.dot",
            "graph y --dot \"a;(b\"",
            "x = \"(",
            "a = [1,\n 2]",
        ] {
            assert!(!needs_more_input(text), "{text:?}");
        }
        assert!(needs_more_input("graph y --dot f(; a = ("));
    }

    #[test]
    fn logical_lines_join_open_brackets() {
        let src = "a = 1\r\nb = [1,\r\n  2]  # two\n\n# c\nc = (a +\nb)";
        let lines = logical_lines(src);
        assert_eq!(
            lines,
            vec![
                (0, "a = 1"),
                (7, "b = [1,\r\n  2]  # two"),
                (28, ""),
                (29, "# c"),
                (33, "c = (a +\nb)")
            ]
        );
        for (offset, text) in &lines {
            assert_eq!(&src[*offset..*offset + text.len()], *text);
        }
        let statements = parse_line(lines[1].1, lines[1].0).unwrap();
        assert_eq!(statements[0].span, Span::new(7, 20));
        assert_eq!(logical_lines(""), vec![]);
        assert_eq!(logical_lines("x\n"), vec![(0, "x")]);
        assert_eq!(logical_lines("x = [1,\n"), vec![(0, "x = [1,")]);
        assert_eq!(logical_lines("x = [1,\n2\n"), vec![(0, "x = [1,\n2")]);
        let e = parse_line("x = [1,\n2", 0).unwrap_err();
        assert_eq!(
            (e.span, e.related),
            (Span::new(9, 9), Some(Span::new(4, 5)))
        );
    }

    /// Every span in `statements` lies within `text` (offset by `base`) and on char boundaries.
    fn spans_of(statements: &[Statement]) -> Vec<Span> {
        fn walk(e: &Expr, spans: &mut Vec<Span>) {
            spans.push(e.span);
            match &e.kind {
                ExprKind::Number(_) | ExprKind::Array { .. } | ExprKind::Name(_) => {}
                ExprKind::Neg(x) => walk(x, spans),
                ExprKind::Binary { lhs, rhs, .. } => {
                    walk(lhs, spans);
                    walk(rhs, spans);
                }
                ExprKind::Call {
                    func_span, args, ..
                } => {
                    spans.push(*func_span);
                    args.iter().for_each(|a| walk(a, spans));
                }
                ExprKind::Grad(i) | ExprKind::Mask(i) => spans.push(i.span),
            }
        }
        let mut spans = Vec::new();
        for s in statements {
            spans.push(s.span);
            match &s.kind {
                StatementKind::Assign { name, value } => {
                    spans.push(name.span);
                    walk(value, &mut spans);
                }
                StatementKind::Back { target, dout } | StatementKind::Step { target, dout } => {
                    spans.push(target.span);
                    if let Dout::Expr(e) = dout {
                        walk(e, &mut spans);
                    }
                }
                StatementKind::Expr(e) => walk(e, &mut spans),
                StatementKind::Graph { target, .. } | StatementKind::Check { target } => {
                    spans.push(target.span)
                }
            }
        }
        spans
    }

    fn assert_span_in(text: &str, base: usize, span: Span) {
        assert!(span.start <= span.end, "{text:?}: {span:?}");
        assert!(
            span.start >= base && span.end <= base + text.len(),
            "{text:?}: {span:?}"
        );
        assert!(
            text.is_char_boundary(span.start - base),
            "{text:?}: {span:?}"
        );
        assert!(text.is_char_boundary(span.end - base), "{text:?}: {span:?}");
    }

    fn assert_well_formed(text: &str, base: usize) {
        match parse_line(text, base) {
            Ok(statements) => {
                for span in spans_of(&statements) {
                    assert_span_in(text, base, span);
                }
            }
            Err(e) => {
                assert!(!crate::i18n::Lang::En.say(&e.message).is_empty());
                assert_span_in(text, base, e.span);
                if let Some(related) = e.related {
                    assert_span_in(text, base, related);
                }
            }
        }
        let _ = needs_more_input(text);
        let mut next = 0;
        for (offset, line) in logical_lines(text) {
            assert!(offset >= next, "{text:?}");
            assert_eq!(
                text.get(offset..offset + line.len()),
                Some(line),
                "{text:?}"
            );
            next = offset + line.len();
            if let Err(e) = parse_line(line, base + offset) {
                assert_span_in(line, base + offset, e.span);
            }
        }
    }

    const VOCABULARY: &[&str] = &[
        "[",
        "]",
        "(",
        ")",
        ",",
        ";",
        " ",
        " ",
        "\n",
        "\r\n",
        "\t",
        "#",
        "# 주석 [(",
        "1",
        "-0.5",
        "3.",
        ".5",
        "1e-05",
        "2.5E+4",
        "1e400",
        "1e",
        "x",
        "W1",
        "_",
        "=",
        "==",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "+",
        "-",
        "*",
        "/",
        "**",
        "back",
        "step",
        "check",
        "graph",
        "--dot",
        "\"",
        "out.dot",
        "ones",
        "zeros",
        "relu",
        "relux",
        "add",
        "grad",
        "mask",
        "ones_like",
        "randn",
        "가",
        "한국어",
        "@",
        ".",
        "!",
        "é",
        "\u{200b}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_text_never_panics(text in "(\\PC|\n|\r|\t){0,40}", base in 0usize..1000) {
            assert_well_formed(&text, base);
        }

        #[test]
        fn token_soup_never_panics(
            tokens in prop::collection::vec(prop::sample::select(VOCABULARY), 0..30),
            base in 0usize..1000,
        ) {
            assert_well_formed(&tokens.concat(), base);
        }
    }
}
