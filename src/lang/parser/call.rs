//! Calls of the built-in functions, e.g. `relu(x)`, `add(a, b)`, `ones(2, 3)` or `grad(W)`: their
//! arguments, how many each function takes, and what to say about a misspelt or misused name.

use super::lexeme::skip;
use super::{Line, Nest, PResult, fail};
use crate::lang::ast::{Expr, ExprKind, Func, Ident, Span};
use crate::lang::error::Error;
use crate::lang::suggest::closest;
use crate::msg;

impl<'a> Line<'a> {
    /// `call := relu(e) | sigmoid(e) | exp(e) | add(a, b) | mul(a, b) | grad(NAME) | mask(NAME)
    /// | ones(d, ...) | zeros(d, ...) | ones_like(e) | randn(d, ...)`, e.g. `add(x, 1)`.
    /// `paren` starts at the '('.
    pub(super) fn call(
        &self,
        word: &str,
        name_span: Span,
        paren: &'a str,
        nest: Nest,
    ) -> PResult<'a, Expr> {
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
                    let message = msg!("parse-takes-a-name", function = word);
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
        Func::Ones | Func::Zeros | Func::Randn | Func::Rand => (1, None),
        Func::Choice => (2, Some(2)),
    };
    if got >= least && most.is_none_or(|most| got <= most) {
        return Ok(());
    }
    let wanted = match most {
        Some(n) => msg!("parse-arguments", count = n),
        None => msg!("parse-arguments-or-more", count = least),
    };
    let message = msg!(
        "parse-arity",
        function = func.name(),
        wanted = wanted,
        got = got
    );
    Err(fail(Error::new(message, span)))
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
        Some(close) => msg!("parse-unknown-function-close", name = word, close = close),
        None => {
            let list = functions().collect::<Vec<_>>().join(", ");
            msg!("parse-unknown-function", name = word, functions = list)
        }
    };
    Error::new(message, span)
}

/// How to call a built-in function, for the error when its name is used as a value.
pub(super) fn example_call(function: &str) -> &'static str {
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

#[cfg(test)]
mod tests {
    use crate::lang::ast::{ExprKind, Span};
    use crate::lang::parser::tests::{assert_error, error, expr, ident, say, show};

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
            "unknown function 'foo'; the functions are relu, sigmoid, exp, add, mul, ones, zeros, ones_like, randn, rand, choice, grad, mask",
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
        assert_eq!(say(&e), message);
        assert_eq!(
            (e.span, e.related),
            (Span::new(7, 8), Some(Span::new(5, 6)))
        );
    }
}
