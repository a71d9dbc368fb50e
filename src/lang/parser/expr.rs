//! Expressions: precedence from comparisons down to unary signs, powers, postfixes (`.T`,
//! indexing) and primaries, e.g. `relu(x @ W + b) > 0`, with the limits on how deep they nest and how many operators one
//! statement has. Calls are `call`'s; numbers and arrays are `literal`'s.

use super::lexeme::{additive_op, comparison_op, multiplicative_op, name, power_op, skip};
use super::statement::{BLOCK_KEYWORDS, KEYWORDS};
use super::{Line, MAX_DEPTH, MAX_OPERATORS, Nest, PResult, fail};
use crate::lang::ast::{
    BinOp, Expr, ExprKind, Func, Ident, Index, NUMPY, NUMPY_RANDOM, Span, is_reserved,
};
use crate::lang::error::Error;
use crate::msg;

impl<'a> Line<'a> {
    /// `expression := comparison`, e.g. `relu(x * W + b) > 0`. `after` is the token before it,
    /// to say what the expression was expected after.
    pub(super) fn expression(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Expr> {
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
            return Err(fail(Error::new(
                msg!("parse-chained-comparison"),
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

    /// `term := unary (('*' | '/' | '//' | '@' | '%') unary)*`, left-associative, e.g.
    /// `x @ W / 2`.
    fn term(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Expr> {
        let (mut rest, mut lhs) = self.unary(input, nest, after)?;
        loop {
            let at_op = skip(rest, nest.in_brackets);
            let Ok((after_op, op)) = multiplicative_op(at_op) else {
                return Ok((rest, lhs));
            };
            self.count_operator(at_op, after_op)?;
            let (after_rhs, rhs) =
                self.unary(skip(after_op, nest.in_brackets), nest, op.symbol())?;
            lhs = binary(op, lhs, rhs);
            rest = after_rhs;
        }
    }

    /// `unary := ('-' | '+') unary | power`, e.g. `-x`. Signs bind tighter than `*`, as in
    /// Python, so `-a * b` is `(-a) * b`, but looser than `**`. `+x` is just `x`, with the sign
    /// inside its span.
    fn unary(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Expr> {
        let sign = match input.as_bytes().first() {
            Some(b'-') => '-',
            Some(b'+') => '+',
            _ => return self.power(input, nest, after),
        };
        let after_sign = &input[1..];
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

    /// `power := postfix ['**' unary]`, as Python's: right-associative (`2 ** 3 ** 2` is
    /// `2 ** 9`), tighter than a sign on its left (`-2 ** 2` is `-(2 ** 2)`), and the exponent
    /// may have a sign (`2 ** -1`). Each `**` nests one level deeper, so a chain is bounded.
    fn power(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Expr> {
        let (rest, base) = self.postfix(input, nest, after)?;
        let at_op = skip(rest, nest.in_brackets);
        let Ok((after_op, op)) = power_op(at_op) else {
            return Ok((rest, base));
        };
        self.count_operator(at_op, after_op)?;
        let inner = self.deeper(nest, at_op)?;
        let (rest, exponent) = self.unary(skip(after_op, nest.in_brackets), inner, op.symbol())?;
        Ok((rest, binary(op, base, exponent)))
    }

    /// `postfix := primary ('.T' | '[' index (',' index)* [','] ']')*`, e.g. `x[0].T[1:]` or
    /// `x_train[batch]`. Each postfix counts as an operator, which bounds how deep a chain of
    /// them makes the tree.
    fn postfix(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Expr> {
        let (mut rest, mut expr) = self.primary(input, nest, after)?;
        loop {
            let at = skip(rest, nest.in_brackets);
            let start = expr.span.start;
            if let Some(after_dot) = at.strip_prefix('.')
                && let Ok((after_name, attribute)) = name(after_dot)
            {
                let paren = skip(after_name, nest.in_brackets);
                if paren.starts_with('(') {
                    self.count_operator(at, after_name)?;
                    let method = self.span(after_dot, after_name);
                    let (after_call, call) = self.method(expr, attribute, method, paren, nest)?;
                    expr = call;
                    rest = after_call;
                    continue;
                }
                if attribute != "T" {
                    let message = msg!("parse-unknown-attribute", name = attribute);
                    return Err(fail(Error::new(message, self.span(at, after_name))));
                }
                self.count_operator(at, after_name)?;
                expr = Expr {
                    kind: ExprKind::Transpose(Box::new(expr)),
                    span: Span::new(start, self.offset(after_name)),
                };
                rest = after_name;
            } else if let Some(after_open) = at.strip_prefix('[') {
                self.count_operator(at, after_open)?;
                let (after_close, indices) = self.indices(at, nest)?;
                expr = Expr {
                    kind: ExprKind::Index {
                        base: Box::new(expr),
                        indices,
                    },
                    span: Span::new(start, self.offset(after_close)),
                };
                rest = after_close;
            } else {
                return Ok((rest, expr));
            }
        }
    }

    /// The bracketed indices of `e[...]`, from the '[' at `input` to the ']', e.g.
    /// `[0, 1:, ::2]`. Newlines are blanks inside, as in any bracket.
    pub(super) fn indices(&self, input: &'a str, nest: Nest) -> PResult<'a, Vec<Index>> {
        let open = self.span_len(input, 1);
        let inner = Nest {
            in_brackets: true,
            ..self.deeper(nest, input)?
        };
        let mut rest = skip(&input[1..], true);
        let mut indices = Vec::new();
        let mut after = "[";
        loop {
            if let Some(after_close) = rest.strip_prefix(']')
                && !indices.is_empty()
            {
                return Ok((after_close, indices));
            }
            if rest.is_empty() {
                return Err(fail(self.unclosed(rest, ']', open)));
            }
            let (after_index, index) = self.index(rest, inner, after)?;
            indices.push(index);
            rest = skip(after_index, true);
            match rest.strip_prefix(',') {
                Some(after_comma) => {
                    rest = skip(after_comma, true);
                    after = ",";
                }
                None if rest.starts_with(']') => {}
                None => return Err(fail(self.unclosed(rest, ']', open))),
            }
        }
    }

    /// `index := expression | [expression] ':' [expression] [':' [expression]]`, e.g. `i`,
    /// `batch`, `1:`, `:` or `::-1`.
    fn index(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Index> {
        let (at_colon, start) = if input.starts_with(':') {
            (input, None)
        } else {
            let (rest, expr) = self.expression(input, nest, after)?;
            let at_colon = skip(rest, true);
            if !at_colon.starts_with(':') {
                return Ok((rest, Index::Expr(expr)));
            }
            (at_colon, Some(expr))
        };
        let after_colon = &at_colon[1..];
        let (rest, stop) = self.slice_part(after_colon, nest)?;
        let (rest, step) = match skip(rest, true).strip_prefix(':') {
            Some(after_second) => self.slice_part(after_second, nest)?,
            None => (rest, None),
        };
        let span = self.span(input, rest);
        Ok((
            rest,
            Index::Slice {
                start,
                stop,
                step,
                span,
            },
        ))
    }

    /// The optional stop or step of a slice, after its ':'; none when ':', ',' or ']' (or the
    /// end) comes next. The rest is after the expression, or right after the ':' without one.
    fn slice_part(&self, after_colon: &'a str, nest: Nest) -> PResult<'a, Option<Expr>> {
        let at = skip(after_colon, true);
        if at.is_empty() || at.starts_with([':', ',', ']']) {
            return Ok((after_colon, None));
        }
        let (rest, expr) = self.expression(at, nest, ":")?;
        Ok((rest, Some(expr)))
    }

    /// `primary := number | array | 'True' | 'False' | 'nan' | 'inf' | NAME | call
    /// | '(' expression ')'`, e.g. `(x + 1)`.
    fn primary(&self, input: &'a str, nest: Nest, after: &str) -> PResult<'a, Expr> {
        match input.chars().next() {
            Some('[') => self.array(input),
            Some('(') => self.parenthesized(input, nest),
            Some(c) if c.is_ascii_digit() || c == '.' => {
                let (rest, number) = self.number(input)?;
                let text = &input[..input.len() - rest.len()];
                let kind = if super::literal::is_int_literal(text) {
                    ExprKind::Int(number)
                } else {
                    ExprKind::Number(number)
                };
                Ok((
                    rest,
                    Expr {
                        kind,
                        span: self.span(input, rest),
                    },
                ))
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => self.name_or_call(input, nest),
            _ => {
                let message = msg!("parse-expected-expression-after", after = after);
                Err(fail(self.expected(message, input)))
            }
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
            return Err(fail(
                Error::new(msg!("parse-tuple"), self.span_len(rest, 1)).with_related(open),
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
        let (after, word) =
            name(input).map_err(|_| fail(self.expected(msg!("parse-expected-name"), input)))?;
        // `np.zeros(3)`, `numpy.exp(x)`, `np.random.randn(2, 3)`: numpy's names, which the
        // session already has, as if `import numpy as np` had run.
        if let Some(function) = self.numpy_name(word, after)? {
            return self.name_or_call(function, nest).map(|(rest, expr)| {
                let span = Span::new(self.offset(input), expr.span.end);
                (rest, Expr { span, ..expr })
            });
        }
        let span = self.span(input, after);
        let literal = match word {
            "True" => Some(ExprKind::Bool(true)),
            "False" => Some(ExprKind::Bool(false)),
            "nan" => Some(ExprKind::Number(f64::NAN)),
            "inf" => Some(ExprKind::Number(f64::INFINITY)),
            _ => None,
        };
        if let Some(kind) = literal {
            return Ok((after, Expr { kind, span }));
        }
        // Keywords are reserved words, so an ordinary name is told apart with one cheap test.
        let reserved = is_reserved(word);
        if reserved && KEYWORDS.contains(&word) {
            let message = msg!("parse-keyword-not-value", keyword = word);
            return Err(fail(Error::new(message, span)));
        }
        if reserved && BLOCK_KEYWORDS.contains(&word) {
            let message = msg!("parse-block-keyword-not-value", keyword = word);
            return Err(fail(Error::new(message, span)));
        }
        let paren = skip(after, nest.in_brackets);
        if paren.starts_with('(') {
            return self.call(word, span, paren, nest);
        }
        if reserved {
            let message = msg!(
                "parse-function-not-value",
                function = word,
                example = super::call::example_call(word)
            );
            return Err(fail(Error::new(message, span)));
        }
        Ok((
            after,
            Expr {
                kind: ExprKind::Name(word.into()),
                span,
            },
        ))
    }

    /// After the module name `word` (ending at `after`): where the numpy name that follows
    /// starts, for `np.NAME`, `numpy.NAME`, `np.random.NAME` and `numpy.random.NAME`.
    /// `None` when `word` is not followed by `.NAME`; an error naming what there is when
    /// NAME is not one of numpy's names here.
    fn numpy_name(&self, word: &str, after: &'a str) -> Result<Option<&'a str>, nom::Err<Error>> {
        if word != "np" && word != "numpy" {
            return Ok(None);
        }
        let Some(after_dot) = after.strip_prefix('.') else {
            return Ok(None);
        };
        let Ok((after_name, next)) = name(after_dot) else {
            return Ok(None);
        };
        let (start, end, function, names) = match after_name.strip_prefix('.') {
            Some(after_random) if next == "random" => match name(after_random) {
                Ok((end, function)) => (after_random, end, function, &NUMPY_RANDOM[..]),
                Err(_) => return Ok(None),
            },
            _ => (after_dot, after_name, next, &NUMPY[..]),
        };
        if names.contains(&function) {
            return Ok(Some(start));
        }
        let prefix = if names.len() == NUMPY_RANDOM.len() {
            format!("{word}.random.")
        } else {
            format!("{word}.")
        };
        let message = msg!(
            "parse-numpy-unknown",
            name = format!("{prefix}{function}"),
            names = names.join(", ")
        );
        Err(fail(Error::new(message, self.span(start, end))))
    }

    /// `base.METHOD(arguments)`: the array methods the chapter uses, as the functions they
    /// stand for: `x.reshape(2, -1)` (or a tuple) is `reshape(x, 2, -1)`, `x.sum(axis=0)` (or
    /// `x.sum(0)`) is `sum(x, axis=0)`, and so `mean`, `max` and `argmax`; `x.copy()` is
    /// `array(x)`, `x.flatten()` is `reshape(x, -1)` and `x.transpose()` is `x.T`. `paren`
    /// starts at the '('.
    fn method(
        &self,
        base: Expr,
        method: &str,
        method_span: Span,
        paren: &'a str,
        nest: Nest,
    ) -> PResult<'a, Expr> {
        use super::call::spread_shape;
        let (func, shape_at) = match method {
            "reshape" => (Func::Reshape, Some(0)),
            "sum" => (Func::Sum, None),
            "mean" => (Func::Mean, None),
            "max" => (Func::Max, None),
            "argmax" => (Func::Argmax, None),
            "copy" => (Func::Array, None),
            "flatten" => (Func::Reshape, None),
            "transpose" => (Func::Transpose, None),
            _ => {
                let message = msg!("parse-unknown-attribute", name = method);
                return Err(fail(Error::new(message, method_span)));
            }
        };
        let open = self.span_len(paren, 1);
        let inner = Nest {
            in_brackets: true,
            ..self.deeper(nest, paren)?
        };
        let (rest, (args, mut kwargs)) = self.arguments(&paren[1..], inner, open)?;
        let span = Span::new(base.span.start, self.offset(rest));
        let mut args = spread_shape(method, args, shape_at)?;
        super::call::check_method(method, func, args.len(), &kwargs, span)?;
        // `x.sum(0)`: numpy's methods take the axis as their first argument.
        if matches!(func, Func::Sum | Func::Mean | Func::Max | Func::Argmax)
            && args.len() == 1
            && !kwargs.iter().any(|(key, _)| key.name == "axis")
        {
            let axis = args.remove(0);
            let key = Ident {
                name: "axis".into(),
                span: axis.span,
            };
            kwargs.insert(0, (key, axis));
        }
        if method == "flatten" {
            args.push(Expr {
                kind: ExprKind::Int(-1.0),
                span: method_span,
            });
        }
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(base);
        all.extend(args);
        let kind = ExprKind::Call {
            func,
            func_span: method_span,
            args: all,
            kwargs,
        };
        Ok((rest, Expr { kind, span }))
    }

    /// Counts one binary operator (spanning `at` to `after`) against the statement's limit.
    fn count_operator(&self, at: &'a str, after: &'a str) -> Result<(), nom::Err<Error>> {
        let count = self.operators.get() + 1;
        self.operators.set(count);
        if count > MAX_OPERATORS {
            let message = msg!("parse-too-many-operators", max = MAX_OPERATORS);
            return Err(fail(Error::new(message, self.span(at, after))));
        }
        Ok(())
    }

    /// One level deeper for the '(' or sign at `at`, or the error when that is too deep.
    pub(super) fn deeper(&self, nest: Nest, at: &'a str) -> Result<Nest, nom::Err<Error>> {
        if nest.depth >= MAX_DEPTH {
            let message = msg!("parse-expressions-too-deep", max = MAX_DEPTH);
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

#[cfg(test)]
mod tests {
    use crate::lang::ast::{ExprKind, Func, Span};
    use crate::lang::parser::parse_line;
    use crate::lang::parser::tests::{assert_error, expr, say, show};

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
            ..
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
            assert_eq!(say(&e), message);
            assert_eq!(e.span, Span::new(at, at + 1));
        }
        let chain = vec!["1"; 100_000].join(" + ");
        let e = parse_line(&chain, 0).unwrap_err();
        let message =
            "too many operators in one statement (at most 256); split it into several statements";
        assert_eq!(say(&e), message);
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
}
