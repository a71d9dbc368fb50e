//! Calls of the built-in functions, e.g. `relu(x)`, `add(a, b)`, `ones(2, 3)`, `sum(x, axis=1)` or
//! `grad(W)`: their arguments, positional and keyword, how many each function takes, which
//! keywords it knows, and what to say about a misspelt or misused name.

use super::lexeme::{name, skip, starts_assignment};
use super::{Line, Nest, PResult, fail};
use crate::lang::ast::{Expr, ExprKind, Func, Ident, Span};
use crate::lang::error::Error;
use crate::lang::suggest::closest;
use crate::msg;

/// A tuple read by `Line::tuple`: what follows it, its items and its span.
type Tuple<'a> = (&'a str, Vec<Expr>, Span);

/// A call's positional arguments, then its keyword arguments.
type Arguments = (Vec<Arg>, Vec<(Ident, Expr)>);

/// One positional argument: an expression, or a tuple written in its place, `(2, 3)`, which
/// only a shape may be (numpy's `zeros((2, 3))`, `x.reshape((2, -1))`).
pub(super) enum Arg {
    One(Expr),
    /// The items and the span of the parentheses.
    Tuple(Vec<Expr>, Span),
}

/// The positional arguments with a shape tuple spread out in place: `zeros((2, 3))` is
/// `zeros(2, 3)`, `reshape(x, (2, -1))` is `reshape(x, 2, -1)`. `shape_at` is where `func`
/// takes its shape (`None`: it takes none), and a tuple is a shape only there and only as the
/// last positional argument; anywhere else it is an error that says so.
pub(super) fn spread_shape(
    function: &str,
    args: Vec<Arg>,
    shape_at: Option<usize>,
) -> Result<Vec<Expr>, nom::Err<Error>> {
    let last = args.len().saturating_sub(1);
    let mut out = Vec::with_capacity(args.len());
    for (position, arg) in args.into_iter().enumerate() {
        match arg {
            Arg::One(expr) => out.push(expr),
            Arg::Tuple(items, _) if Some(position) == shape_at && position == last => {
                out.extend(items);
            }
            Arg::Tuple(_, span) => {
                let message = msg!("parse-tuple-not-shape", function = function);
                return Err(fail(Error::new(message, span)));
            }
        }
    }
    Ok(out)
}

/// Where `func` takes a shape that may be written as a tuple, as numpy's does.
fn shape_position(func: Func) -> Option<usize> {
    match func {
        Func::Ones | Func::Zeros => Some(0),
        Func::Reshape => Some(1),
        _ => None,
    }
}

impl<'a> Line<'a> {
    /// `call := FUNCTION '(' arguments ')'`, e.g. `add(x, 1)`, `sum(x, axis=1)` or `grad(W)`:
    /// one of the built-in functions (`Func`), or `grad(NAME)` / `mask(NAME)`. `paren` starts at
    /// the '('.
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
        let (rest, (args, kwargs)) = self.arguments(&paren[1..], inner, open)?;
        let args = spread_shape(word, args, func.and_then(shape_position))?;
        let span = Span::new(name_span.start, self.offset(rest));
        let allowed = func.map_or(&[][..], Func::keywords);
        check_keywords(word, allowed, &kwargs)?;
        let kind = match func {
            Some(func) => {
                check_arity(func, args.len(), span)?;
                ExprKind::Call {
                    func,
                    func_span: name_span,
                    args,
                    kwargs,
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

    /// `arguments := [argument (',' argument)* [',']] ')'` where an argument is an expression or
    /// `NAME '=' expression`, and keyword arguments come after every positional one, as in
    /// Python; what follows a call's '(', e.g. `x, axis=1)`.
    pub(super) fn arguments(
        &self,
        input: &'a str,
        nest: Nest,
        open: Span,
    ) -> PResult<'a, Arguments> {
        let mut args = Vec::new();
        let mut kwargs: Vec<(Ident, Expr)> = Vec::new();
        let mut rest = skip(input, true);
        let mut after = "(";
        loop {
            if let Some(after_close) = rest.strip_prefix(')') {
                return Ok((after_close, (args, kwargs)));
            }
            if rest.is_empty() {
                return Err(fail(self.unclosed(rest, ')', open)));
            }
            let keyword = name(rest)
                .ok()
                .filter(|(after_name, _)| starts_assignment(skip(after_name, true)));
            let after_arg = if let Some((after_name, word)) = keyword {
                let key = Ident {
                    name: word.into(),
                    span: self.span(rest, after_name),
                };
                if kwargs.iter().any(|(k, _)| k.name == word) {
                    let message = msg!("parse-repeated-keyword", keyword = word);
                    return Err(fail(Error::new(message, key.span)));
                }
                // `starts_assignment` saw the '='.
                let value_start = skip(&skip(after_name, true)[1..], true);
                let (after_value, value) = self.expression(value_start, nest, "=")?;
                kwargs.push((key, value));
                after_value
            } else {
                let (after_arg, arg) = match self.tuple(rest, nest)? {
                    Some((after_tuple, items, span)) => (after_tuple, Arg::Tuple(items, span)),
                    None => {
                        let (after_arg, arg) = self.expression(rest, nest, after)?;
                        (after_arg, Arg::One(arg))
                    }
                };
                if let Some((first, _)) = kwargs.first() {
                    let span = match &arg {
                        Arg::One(expr) => expr.span,
                        Arg::Tuple(_, span) => *span,
                    };
                    let error = Error::new(msg!("parse-positional-after-keyword"), span);
                    return Err(fail(error.with_related(first.span)));
                }
                args.push(arg);
                after_arg
            };
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

impl<'a> Line<'a> {
    /// A tuple at `input`, `(2, 3)`, `(2,)` or `()`: its items, what follows its ')' and its
    /// span; `None` when `input` is not a '(' whose first item is followed by a comma (a
    /// parenthesized expression, which the caller reads as one).
    pub(super) fn tuple(
        &self,
        input: &'a str,
        nest: Nest,
    ) -> Result<Option<Tuple<'a>>, nom::Err<Error>> {
        let Some(after_open) = input.strip_prefix('(') else {
            return Ok(None);
        };
        let open = self.span_len(input, 1);
        let inner = Nest {
            in_brackets: true,
            ..self.deeper(nest, input)?
        };
        let mut rest = skip(after_open, true);
        if let Some(after_close) = rest.strip_prefix(')') {
            let span = Span::new(open.start, self.offset(after_close));
            return Ok(Some((after_close, Vec::new(), span)));
        }
        let mut items = Vec::new();
        let mut after = "(";
        loop {
            if let Some(after_close) = rest.strip_prefix(')') {
                let span = Span::new(open.start, self.offset(after_close));
                return Ok(Some((after_close, items, span)));
            }
            if rest.is_empty() {
                return Err(fail(self.unclosed(rest, ')', open)));
            }
            let (after_item, item) = self.expression(rest, inner, after)?;
            items.push(item);
            rest = skip(after_item, true);
            match rest.strip_prefix(',') {
                Some(after_comma) => {
                    rest = skip(after_comma, true);
                    after = ",";
                }
                // `(a)` is a parenthesized expression, not a tuple.
                None if items.len() == 1 => return Ok(None),
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

/// How many positional arguments `func` takes: at least, and at most (`None`: no limit).
fn arity(func: Func) -> (usize, Option<usize>) {
    match func {
        Func::Relu
        | Func::Sigmoid
        | Func::Exp
        | Func::OnesLike
        | Func::ZerosLike
        | Func::Softmax
        | Func::Sum
        | Func::Mean
        | Func::Max
        | Func::Argmax
        | Func::Log
        | Func::Sqrt
        | Func::Tanh
        | Func::Transpose
        | Func::Eye
        | Func::Array => (1, Some(1)),
        // Python's print: any number of values, separated by spaces.
        Func::Print => (0, None),
        Func::Add
        | Func::Mul
        | Func::Choice
        | Func::Dot
        | Func::CrossEntropyError
        | Func::SoftmaxWithLoss => (2, Some(2)),
        Func::Affine | Func::Linspace => (3, Some(3)),
        Func::Ones | Func::Zeros | Func::Randn | Func::Rand => (1, None),
        Func::Reshape => (2, None),
        Func::Range | Func::Arange => (1, Some(3)),
    }
}

/// The arguments of the method `method` of an array, which stands for `func`: its keywords
/// are the function's, and it takes as many positional arguments as the function takes after
/// the array (`copy`, `flatten` and `transpose` take none).
pub(super) fn check_method(
    method: &str,
    func: Func,
    got: usize,
    kwargs: &[(Ident, Expr)],
    span: Span,
) -> Result<(), nom::Err<Error>> {
    check_keywords(method, func.keywords(), kwargs)?;
    let bounds = match method {
        "copy" | "flatten" | "transpose" => (0, Some(0)),
        // The axis, which may also be written axis=.
        "sum" | "mean" | "max" | "argmax" => (0, Some(1)),
        _ => (1, None),
    };
    check_count(&format!(".{method}()"), bounds, got, span)
}

/// `relu takes 1 argument, got 2` when a call has the wrong number of positional arguments.
fn check_arity(func: Func, got: usize, span: Span) -> Result<(), nom::Err<Error>> {
    check_count(func.name(), arity(func), got, span)
}

/// `FUNCTION takes N arguments, got M` unless `got` lies within `(least, most)`.
fn check_count(
    function: &str,
    (least, most): (usize, Option<usize>),
    got: usize,
    span: Span,
) -> Result<(), nom::Err<Error>> {
    if got >= least && most.is_none_or(|most| got <= most) {
        return Ok(());
    }
    let wanted = match most {
        Some(n) if n == least => msg!("parse-arguments", count = n),
        Some(n) => msg!("parse-arguments-between", least = least, most = n),
        None => msg!("parse-arguments-or-more", count = least),
    };
    let message = msg!(
        "parse-arity",
        function = function,
        wanted = wanted,
        got = got
    );
    Err(fail(Error::new(message, span)))
}

/// The error at the first keyword argument that `function` does not take (`allowed` are those it
/// does), e.g. `sum has no keyword argument 'axes'; it takes axis, keepdims`.
fn check_keywords(
    function: &str,
    allowed: &[&str],
    kwargs: &[(Ident, Expr)],
) -> Result<(), nom::Err<Error>> {
    let Some((key, _)) = kwargs
        .iter()
        .find(|(key, _)| !allowed.contains(&key.name.as_str()))
    else {
        return Ok(());
    };
    let message = if allowed.is_empty() {
        msg!("parse-no-keywords", function = function)
    } else {
        msg!(
            "parse-unknown-keyword",
            function = function,
            keyword = &key.name,
            allowed = allowed.join(", ")
        )
    };
    Err(fail(Error::new(message, key.span)))
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

/// How to call a built-in function, for the error when its name is used as a value, e.g.
/// `ones(2, 3)` or `affine(x, W, b)`.
pub(super) fn example_call(function: &str) -> String {
    let args = match function {
        "add" | "mul" | "dot" => "a, b",
        "ones" | "zeros" | "randn" | "rand" => "2, 3",
        "choice" => "10, 3",
        "affine" => "x, W, b",
        "cross_entropy_error" => "y, t",
        "softmax_with_loss" => "x, t",
        "reshape" => "x, 2, 3",
        "range" | "arange" => "10",
        "linspace" => "0, 1, 5",
        _ => "x",
    };
    format!("{function}({args})")
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
            "unknown function 'foo'; the functions are relu, sigmoid, exp, add, mul, ones, zeros, ones_like, randn, rand, choice, dot, affine, softmax, cross_entropy_error, softmax_with_loss, sum, mean, max, argmax, log, sqrt, tanh, transpose, reshape, range, linspace, arange, print, zeros_like, eye, array, grad, mask",
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
        let e = error("x = (2, 3)");
        let message = "a tuple is only a shape here, as in zeros((2, 3)) or x.reshape((2, -1))";
        assert_eq!(say(&e), message);
        assert_eq!(
            (e.span, e.related),
            (Span::new(6, 7), Some(Span::new(4, 5)))
        );
        assert_error(
            "relu((1, 2))",
            "relu takes no tuple here; a tuple is a shape, as in zeros((2, 3)) or reshape(x, (2, -1))",
            5,
            11,
        );
        assert_error(
            "zeros((2, 3), 1)",
            "zeros takes no tuple here; a tuple is a shape, as in zeros((2, 3)) or reshape(x, (2, -1))",
            6,
            12,
        );
    }
}
