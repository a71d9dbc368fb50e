//! The grammar chapter 5's code needs, on top of the first lessons': `**`, `@` and `%`, `.T`,
//! indexing and slices, keyword arguments, `True`, `False`, `nan` and `inf`, augmented and index
//! assignment, and `for` and `if` blocks, with their errors.

use super::parse_line;
use super::tests::{assert_error, error, expr, ident, one, say, show, show_statements};
use crate::i18n::Lang;
use crate::lang::ast::{BinOp, ExprKind, Func, Index, Span, StatementKind};

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The statements of `text` as `show_statements` writes them.
fn blocks(text: &str) -> String {
    let statements = parse_line(text, 0).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
    show_statements(&statements)
}

/// Asserts the message, the span and the related span of the error `text` gives.
fn assert_error_related(text: &str, message: &str, span: (usize, usize), related: (usize, usize)) {
    let e = error(text);
    assert_eq!(say(&e), message, "{text:?}");
    assert_eq!(e.span, Span::new(span.0, span.1), "{text:?}");
    assert_eq!(e.related, Some(Span::new(related.0, related.1)), "{text:?}");
}

#[test]
fn power_binds_tighter_than_signs_and_associates_right() {
    let cases = [
        ("-2 ** 2", "(-(2 ** 2))"),
        ("2 ** 3 ** 2", "(2 ** (3 ** 2))"),
        ("2 ** -1", "(2 ** (-1))"),
        ("-x ** -y ** 2", "(-(x ** (-(y ** 2))))"),
        ("a * b ** 2", "(a * (b ** 2))"),
        ("a ** 2 * b", "((a ** 2) * b)"),
        ("(-2) ** 2", "((-2) ** 2)"),
        ("x.T ** 2", "(x.T ** 2)"),
        ("2 ** x[0]", "(2 ** x[0])"),
        ("2**+1", "(2 ** 1)"),
    ];
    for (text, tree) in cases {
        assert_eq!(show(&expr(text)), tree, "{text}");
    }
    let e = expr("-2 ** 2");
    assert_eq!(e.span, Span::new(0, 7));
    let ExprKind::Neg(power) = &e.kind else {
        panic!("{e:?}")
    };
    assert_eq!(power.span, Span::new(1, 7));
}

#[test]
fn matmul_and_mod_are_as_tight_as_multiplication() {
    let cases = [
        ("a @ b * c", "((a @ b) * c)"),
        ("a + b @ c", "(a + (b @ c))"),
        ("a * b @ c", "((a * b) @ c)"),
        ("a @ b @ c", "((a @ b) @ c)"),
        ("a % b * c", "((a % b) * c)"),
        ("a - b % c", "(a - (b % c))"),
        ("-a @ b", "((-a) @ b)"),
        ("x @ W + b > 0", "(((x @ W) + b) > 0)"),
    ];
    for (text, tree) in cases {
        assert_eq!(show(&expr(text)), tree, "{text}");
    }
    let ExprKind::Binary { op, .. } = expr("x @ W").kind else {
        panic!()
    };
    assert_eq!((op, op.symbol()), (BinOp::MatMul, "@"));
    let ExprKind::Binary { op, .. } = expr("x % 2").kind else {
        panic!()
    };
    assert_eq!((op, op.symbol()), (BinOp::Mod, "%"));
    assert_eq!(BinOp::Pow.symbol(), "**");
    // Python's floor division, as tight as `*`.
    assert_eq!(show(&expr("a + b // 2 * c")), "(a + ((b // 2) * c))");
}

#[test]
fn transpose_and_indexing_chain_on_any_primary() {
    let cases = [
        ("x.T", "x.T"),
        ("x.T.T", "x.T.T"),
        ("x[0].T[1:]", "x[0].T[1:]"),
        ("x_train[batch]", "x_train[batch]"),
        ("x[0, 1:3, ::2, :]", "x[0, 1:3, ::2, :]"),
        ("x[a:b:c]", "x[a:b:c]"),
        ("x[::-1]", "x[::(-1)]"),
        ("x[:-1]", "x[:(-1)]"),
        ("x[i + 1, j]", "x[(i + 1), j]"),
        ("x[y > 0]", "x[(y > 0)]"),
        ("x[0,]", "x[0]"),
        ("x [0] .T", "x[0].T"),
        ("x[\n  0,  # row\n  1:]", "x[0, 1:]"),
        ("relu(x)[0]", "relu(x)[0]"),
        ("(a + b).T", "(a + b).T"),
        ("[1, 2][0]", "array[2][1.0, 2.0][0]"),
        ("x[x[0]]", "x[x[0]]"),
        ("-x.T", "(-x.T)"),
        ("grad(W).T", "grad(W).T"),
    ];
    for (text, tree) in cases {
        assert_eq!(show(&expr(text)), tree, "{text}");
    }
    // x[0].T[1:]: the outer index, the transpose, the inner index, and the slice.
    let e = expr("x[0].T[1:]");
    assert_eq!(e.span, Span::new(0, 10));
    let ExprKind::Index { base, indices } = &e.kind else {
        panic!("{e:?}")
    };
    assert_eq!(base.span, Span::new(0, 6));
    let [
        Index::Slice {
            start: Some(start),
            stop: None,
            step: None,
            span,
        },
    ] = indices.as_slice()
    else {
        panic!("{indices:?}")
    };
    assert_eq!(
        (start.kind.clone(), *span),
        (ExprKind::Int(1.0), Span::new(7, 9))
    );
    let ExprKind::Transpose(inner) = &base.kind else {
        panic!("{base:?}")
    };
    assert_eq!(inner.span, Span::new(0, 4));
    // An expression index and a bare ':'.
    let ExprKind::Index { indices, .. } = expr("x[ i , : ]").kind else {
        panic!()
    };
    assert!(matches!(&indices[0], Index::Expr(e) if e.kind == ExprKind::Name("i".into())));
    assert_eq!(indices[0].span(), Span::new(3, 4));
    assert!(matches!(
        &indices[1],
        Index::Slice {
            start: None,
            stop: None,
            step: None,
            ..
        }
    ));
    assert_eq!(indices[1].span(), Span::new(7, 8));
}

#[test]
fn transpose_and_index_errors() {
    assert_error("x[]", "expected an expression after '['", 2, 3);
    assert_error("x[1, , 2]", "expected an expression after ','", 5, 6);
    assert_error(
        "x.y",
        "unknown attribute '.y'; an array has .T and the methods reshape, sum, mean, max, argmax, copy, flatten and transpose",
        1,
        3,
    );
    assert_error(
        "x.shape",
        "unknown attribute '.shape'; an array has .T and the methods reshape, sum, mean, max, argmax, copy, flatten and transpose",
        1,
        7,
    );
    assert_error_related("x[1", "expected ']' to close '['", (3, 3), (1, 2));
    assert_error_related("x[1 2]", "expected ']' to close '['", (4, 5), (1, 2));
    assert_error_related("x[1:2:3:4]", "expected ']' to close '['", (7, 8), (1, 2));
    assert_error("x[1:+]", "expected an expression after '+'", 5, 6);
}

#[test]
fn keyword_arguments_follow_the_positional_ones() {
    let cases = [
        (
            "sum(x, axis=1, keepdims=True)",
            "sum(x, axis=1, keepdims=true)",
        ),
        ("mean(x)", "mean(x)"),
        ("max(x, axis=-1)", "max(x, axis=(-1))"),
        (
            "argmax(y, axis=1) == argmax(t, axis=1)",
            "(argmax(y, axis=1) == argmax(t, axis=1))",
        ),
        ("sum(x,\n    axis=0,  # columns\n)", "sum(x, axis=0)"),
        (
            "sum(x, keepdims=False, axis=0)",
            "sum(x, keepdims=false, axis=0)",
        ),
    ];
    for (text, tree) in cases {
        assert_eq!(show(&expr(text)), tree, "{text}");
    }
    let e = expr("mean(x, axis = 0)");
    let ExprKind::Call {
        func, args, kwargs, ..
    } = &e.kind
    else {
        panic!("{e:?}")
    };
    assert_eq!((*func, args.len()), (Func::Mean, 1));
    assert_eq!(kwargs.len(), 1);
    assert_eq!(kwargs[0].0, ident("axis", 8, 12));
    assert_eq!(
        (kwargs[0].1.kind.clone(), kwargs[0].1.span),
        (ExprKind::Int(0.0), Span::new(15, 16))
    );
    assert_eq!(e.span, Span::new(0, 17));
    // `axis == 1` is a comparison, so a second positional argument.
    assert_error("sum(x, axis == 1)", "sum takes 1 argument, got 2", 0, 17);
}

#[test]
fn keyword_argument_errors() {
    assert_error_related(
        "sum(axis=1, x)",
        "a positional argument cannot come after the keyword argument",
        (12, 13),
        (4, 8),
    );
    assert_error(
        "sum(x, axes=1)",
        "sum has no keyword argument 'axes'; it takes axis, keepdims",
        7,
        11,
    );
    assert_error(
        "argmax(x, keepdims=True)",
        "argmax has no keyword argument 'keepdims'; it takes axis",
        10,
        18,
    );
    assert_error("relu(x, axis=1)", "relu takes no keyword arguments", 8, 12);
    assert_error("grad(W, axis=1)", "grad takes no keyword arguments", 8, 12);
    assert_error(
        "sum(x, axis=1, axis=0)",
        "the keyword argument 'axis' is given twice",
        15,
        19,
    );
    assert_error("sum(x, axis=)", "expected an expression after '='", 12, 13);
    // A keyword argument is not a positional one.
    assert_error("mean(axis=1)", "mean takes 1 argument, got 0", 0, 12);
    // Keywords are checked before the number of arguments.
    assert_error(
        "mean(x, y, z=1)",
        "mean has no keyword argument 'z'; it takes axis, keepdims",
        11,
        12,
    );
}

#[test]
fn true_false_nan_and_inf_are_literals() {
    assert_eq!(expr("True").kind, ExprKind::Bool(true));
    assert_eq!(expr("False").kind, ExprKind::Bool(false));
    assert_eq!(expr("inf").kind, ExprKind::Number(f64::INFINITY));
    assert!(matches!(expr("nan").kind, ExprKind::Number(n) if n.is_nan()));
    let e = expr("-inf");
    assert_eq!(show(&e), "(-inf)");
    assert_eq!(e.span, Span::new(0, 4));
    assert_eq!(expr("  True").span, Span::new(2, 6));
    assert_eq!(show(&expr("x < inf")), "(x < inf)");
    // They are words of their own, not prefixes.
    assert_eq!(show(&expr("info + Truex")), "(info + Truex)");
    for word in [
        "True", "False", "nan", "inf", "for", "in", "if", "else", "elif", "sum", "range",
    ] {
        let text = format!("{word} = 1");
        let message =
            format!("cannot assign to '{word}': it is a built-in name; choose another name");
        assert_error(&text, &message, 0, word.len());
    }
    assert_error(
        "x = in",
        "'in' is a keyword of for and if, not a value",
        4,
        6,
    );
    assert_error(
        "x = else",
        "'else' is a keyword of for and if, not a value",
        4,
        8,
    );
    assert_error(
        "x = sum + 1",
        "'sum' is a function; call it like sum(x)",
        4,
        7,
    );
    assert_error(
        "affine",
        "'affine' is a function; call it like affine(x, W, b)",
        0,
        6,
    );
    assert_error(
        "x = range",
        "'range' is a function; call it like range(10)",
        4,
        9,
    );
}

#[test]
fn the_new_functions_and_how_many_arguments_they_take() {
    let cases = [
        "dot(a, b)",
        "affine(x, W, b)",
        "softmax(x)",
        "cross_entropy_error(y, t)",
        "softmax_with_loss(x, t)",
        "sum(x)",
        "mean(x)",
        "max(x)",
        "argmax(x)",
        "log(x)",
        "sqrt(x)",
        "tanh(x)",
        "transpose(x)",
        "reshape(x, 2)",
        "reshape(x, 2, 3, 4)",
        "range(10)",
        "range(1, 10)",
        "range(0, 10, 2)",
        "linspace(0, 1, 5)",
        "arange(5)",
        "arange(0, 1, 0.25)",
        "print(x)",
        "zeros_like(x)",
    ];
    for text in cases {
        assert_eq!(show(&expr(text)), text);
    }
    assert_error("range()", "range takes 1 to 3 arguments, got 0", 0, 7);
    assert_error(
        "range(1, 2, 3, 4)",
        "range takes 1 to 3 arguments, got 4",
        0,
        17,
    );
    assert_error(
        "reshape(x)",
        "reshape takes 2 or more arguments, got 1",
        0,
        10,
    );
    assert_error("affine(x, W)", "affine takes 3 arguments, got 2", 0, 12);
    assert_error("dot(a)", "dot takes 2 arguments, got 1", 0, 6);
    assert_error(
        "softmax_wth_loss(x, t)",
        "unknown function 'softmax_wth_loss'; did you mean 'softmax_with_loss'?",
        0,
        16,
    );
    let e = error("range()");
    assert_eq!(
        Lang::Ko.say(&e.message),
        "range는 인자를 1~3개 받는데 0개가 주어졌습니다"
    );
}

#[test]
fn augmented_assignment() {
    let s = one("W1 -= 0.1 * grad(W1)");
    let StatementKind::AugAssign { name, op, value } = s.kind else {
        panic!("{s:?}")
    };
    assert_eq!((name, op), (ident("W1", 0, 2), BinOp::Sub));
    assert_eq!(show(&value), "(0.1 * grad(W1))");
    assert_eq!(value.span, Span::new(6, 20));
    assert_eq!(s.span, Span::new(0, 20));
    assert_eq!(
        blocks("x += 1; y *= 2; z /= x - 1"),
        "x += 1;\ny *= 2;\nz /= (x - 1)"
    );
    assert_eq!(blocks("x-=-1"), "x -= (-1)");
    // Comparisons are not assignments.
    assert_eq!(blocks("x <= 1; x == 1"), "(x <= 1);\n(x == 1)");
    assert_error(
        "relu += 1",
        "cannot assign to 'relu': it is a built-in name; choose another name",
        0,
        4,
    );
    assert_error("x += ", "expected an expression after '+='", 5, 5);
    assert_error("x -= )", "expected an expression after '-='", 5, 6);
    assert_error("x **= 2", "expected an expression after '**'", 4, 5);
}

#[test]
fn index_assignment() {
    let s = one("losses[i] = loss");
    let StatementKind::IndexAssign {
        name,
        indices,
        op,
        value,
    } = &s.kind
    else {
        panic!("{s:?}")
    };
    assert_eq!((name, op), (&ident("losses", 0, 6), &None));
    assert_eq!(indices.len(), 1);
    assert_eq!(indices[0].span(), Span::new(7, 8));
    assert_eq!(
        (show(value), value.span),
        ("loss".to_string(), Span::new(12, 16))
    );
    assert_eq!(s.span, Span::new(0, 16));
    assert_eq!(blocks("x[0, 1:] += h"), "x[0, 1:] += h");
    assert_eq!(blocks("x [ :, 0] = -1;"), "x[:, 0] = (-1);");
    assert_eq!(blocks("x[i] /= 2"), "x[i] /= 2");
    // Without '=' after the brackets, it is an expression.
    assert_eq!(blocks("x[0] == 1"), "(x[0] == 1)");
    assert_eq!(blocks("x[0] + 1"), "(x[0] + 1)");
    assert_eq!(blocks("x[0].T"), "x[0].T");
    assert_error(
        "x[0][1] = 2",
        "cannot assign to an expression; the left side of '=' must be a name or an indexed name, e.g. x or x[i]",
        0,
        7,
    );
    assert_error(
        "ones[0] = 1",
        "'ones' is a function; call it like ones(2, 3)",
        0,
        4,
    );
    assert_error("x[0] = ", "expected an expression after '='", 7, 7);
    assert_error("x[0] += ", "expected an expression after '+='", 8, 8);
    assert_error_related("x[0 = 1", "expected ']' to close '['", (4, 5), (1, 2));
}

#[test]
fn for_and_if_blocks_nest() {
    let text = "for i in range(3):\n    x = i; y = x;\n\n      # a comment anywhere\n    if x > 1:\n        back y\n    elif x < 0:\n        z = 1\n    else:\n        z = 2\n    w = 3";
    let expected = "\
for i in range(3):
  x = i;
  y = x;
  if (x > 1):
    back y
  else:
    if (x < 0):
      z = 1
    else:
      z = 2
  w = 3";
    assert_eq!(blocks(text), expected);
    let statements = parse_line(text, 0).unwrap();
    assert_eq!(statements[0].span, Span::new(0, text.len()));
    let StatementKind::For { var, iter, body } = &statements[0].kind else {
        panic!()
    };
    assert_eq!(*var, ident("i", 4, 5));
    assert_eq!(iter.span, Span::new(9, 17));
    let back = text.find("back y").unwrap();
    let StatementKind::If { then_body, .. } = &body[2].kind else {
        panic!()
    };
    assert_eq!(then_body[0].span, Span::new(back, back + 6));
    // The if ends where its last block does.
    let end = text.find("z = 2").unwrap() + 5;
    assert_eq!(body[2].span, Span::new(text.find("if x").unwrap(), end));
    let nested = "for i in a:\n  for j in b:\n    if i == j:\n      c += 1\n  d = 0";
    assert_eq!(
        blocks(nested),
        "for i in a:\n  for j in b:\n    if (i == j):\n      c += 1\n  d = 0"
    );
    // Any consistent indentation, an indented header, blank lines with blanks, CRLF.
    assert_eq!(
        blocks("  if x:\n     y\n  \t\n     z\n  else:\n   w"),
        "if x:\n  y\n  z\nelse:\n  w"
    );
    assert_eq!(
        blocks("for i in x:\r\n    y\r\n    z\r\n"),
        "for i in x:\n  y\n  z"
    );
    assert_eq!(
        blocks("if (x >\n  0):  # header\n    y"),
        "if (x > 0):\n  y"
    );
    assert_eq!(blocks("for i in x[1:]:\n  y"), "for i in x[1:]:\n  y");
}

#[test]
fn a_block_may_stay_on_its_header_line() {
    assert_eq!(
        blocks("for i in range(3): x = x + 1"),
        "for i in range(3):\n  x = (x + 1)"
    );
    assert_eq!(
        blocks("if x: a = 1; b = 2;  # both"),
        "if x:\n  a = 1;\n  b = 2;"
    );
    assert_eq!(
        blocks("if x: a = 1\nelse: a = 2"),
        "if x:\n  a = 1\nelse:\n  a = 2"
    );
    assert_eq!(
        blocks("if x: a = 1\nelif y:\n    a = 2\nelse: a = 3"),
        "if x:\n  a = 1\nelse:\n  if y:\n    a = 2\n  else:\n    a = 3"
    );
    assert_eq!(
        blocks("for i in x:\n    if i: y = 1\n    z = 2"),
        "for i in x:\n  if i:\n    y = 1\n  z = 2"
    );
    let s = one("for i in range(3): back y");
    assert_eq!(s.span, Span::new(0, 25));
    assert!(!s.silent);
}

#[test]
fn the_books_training_loop_parses() {
    let src = "load digits
seed 0
W1 = 0.01 * randn(64, 50); b1 = zeros(50);
losses = zeros(1000);
for i in range(1000):
    batch = choice(1500, 100)
    x = x_train[batch]; t = t_train[batch]
    h = relu(affine(x, W1, b1))
    loss = softmax_with_loss(affine(h, W2, b2), t)
    back loss
    W1 -= 0.1 * grad(W1)
    losses[i] = loss
y = affine(relu(affine(x_test, W1, b1)), W2, b2);
mean(argmax(y, axis=1) == argmax(t_test, axis=1))
";
    let lines: Vec<_> = super::logical_lines(src).into_iter().collect();
    assert_eq!(lines.len(), 7);
    let shown: Vec<String> = lines
        .iter()
        .map(|(offset, line)| {
            let statements =
                parse_line(line, *offset).unwrap_or_else(|e| panic!("{line:?}: {e:?}"));
            show_statements(&statements)
        })
        .collect();
    assert_eq!(
        shown[4],
        "for i in range(1000):
  batch = choice(1500, 100)
  x = x_train[batch];
  t = t_train[batch]
  h = relu(affine(x, W1, b1))
  loss = softmax_with_loss(affine(h, W2, b2), t)
  back loss
  W1 -= (0.1 * grad(W1))
  losses[i] = loss"
    );
    assert_eq!(
        shown[6],
        "mean((argmax(y, axis=1) == argmax(t_test, axis=1)))"
    );
}

#[test]
fn indentation_errors() {
    // A dedent to a level no open block has.
    assert_error(
        "for i in x:\n    y\n  z",
        "unindent does not match any outer indentation level; line it up with its block or an enclosing one",
        20,
        21,
    );
    assert_error(
        "for i in x:\n    if y:\n        z\n      w",
        "unindent does not match any outer indentation level; line it up with its block or an enclosing one",
        38,
        39,
    );
    // A line indented more than its block, without a header.
    assert_error(
        "for i in x:\n    y\n      z",
        "unexpected indent: this line is indented more than the lines of its block",
        24,
        25,
    );
    assert_error(
        "for i in x: y\n    z",
        "unexpected indent: this line is indented more than the lines of its block",
        18,
        19,
    );
    // A tab indents to the next multiple of 8 columns, as in Python: a tab and 8 spaces are
    // the same block; 4 spaces after a tab-indented line are a dedent that matches no level.
    assert_eq!(
        blocks("for i in x:\n\ty\n        z"),
        "for i in x:\n  y\n  z"
    );
    assert_eq!(blocks("for i in x:\n  \t y"), "for i in x:\n  y");
    assert_error(
        "for i in x:\n\ty\n    z",
        "unindent does not match any outer indentation level; line it up with its block or an enclosing one",
        19,
        20,
    );
    // Tabs in blank lines, and inside a line, are blanks.
    assert_eq!(
        blocks("for i in x:\n\t\n    y =\t1"),
        "for i in x:\n  y = 1"
    );
    // An empty block.
    assert_error_related(
        "for i in x:",
        "expected an indented block after the 'for' line",
        (11, 11),
        (0, 3),
    );
    assert_error_related(
        "if x:  # nothing\n\n",
        "expected an indented block after the 'if' line",
        (16, 16),
        (0, 2),
    );
    assert_error_related(
        "if x:\n# only a comment\ny",
        "expected an indented block after the 'if' line",
        (23, 24),
        (0, 2),
    );
    assert_error_related(
        "if x:\n    y\nelse:",
        "expected an indented block after the 'else' line",
        (17, 17),
        (12, 16),
    );
    assert_error_related(
        "for i in x:\n    if y:\n    z",
        "expected an indented block after the 'if' line",
        (26, 27),
        (16, 18),
    );
}

#[test]
fn block_header_errors() {
    assert_error("for i range(3):", "expected 'in', found 'range'", 6, 11);
    assert_error("for i, j in x: y", "expected 'in', found ','", 5, 6);
    assert_error(
        "for i in range(3)",
        "expected ':' at the end of the 'for' line, found end of line",
        17,
        17,
    );
    assert_error(
        "if x > 0 y = 1",
        "expected ':' at the end of the 'if' line, found 'y'",
        9,
        10,
    );
    assert_error(
        "if x: y\nelse z",
        "expected ':' at the end of the 'else' line, found 'z'",
        13,
        14,
    );
    assert_error("for 1 in x: y", "expected a name after 'for'", 4, 5);
    assert_error(
        "for relu in x: y",
        "expected a name after 'for', but 'relu' is a built-in name",
        4,
        8,
    );
    assert_error("if : y", "expected an expression after 'if'", 3, 4);
    assert_error("for i in : y", "expected an expression after 'in'", 9, 10);
    // `else` and `elif` belong to an `if` lined up with them.
    let orphan = |keyword: &str| {
        format!("'{keyword}' has no 'if' to belong to; line it up with the 'if' above it")
    };
    assert_error("else: x", &orphan("else"), 0, 4);
    assert_error("x = 1; elif y: z", &orphan("elif"), 7, 11);
    assert_error("for i in x:\n    y\nelse:\n    z", &orphan("else"), 18, 22);
    assert_error(
        "if x:\n    y\n  else:\n    z",
        "unindent does not match any outer indentation level; line it up with its block or an enclosing one",
        14,
        18,
    );
    assert_error(
        "if x:\n    if y:\n        z\nelse:\n  w\n    else: v",
        "unexpected indent: this line is indented more than the lines of its block",
        40,
        44,
    );
    // A block statement starts its own line.
    let not_first = |keyword: &str| {
        format!(
            "'{keyword}' must start its own line; it cannot follow ';' or the ':' of another block"
        )
    };
    assert_error("x = 1; for i in y: z", &not_first("for"), 7, 10);
    assert_error("for i in x: if y: z", &not_first("if"), 12, 14);
    // After a block, the logical line is over.
    assert_error(
        "for i in x:\n    y\nz = 1",
        "this line is not indented, so the block has ended; in the REPL, enter an empty line to end a block before the next statement",
        18,
        19,
    );
    assert_error(
        "for i in x: y\nz",
        "this line is not indented, so the block has ended; in the REPL, enter an empty line to end a block before the next statement",
        14,
        15,
    );
}

#[test]
fn errors_inside_a_block_point_at_their_line_and_column() {
    let text = "for i in x:\n    y = 1\n    z = (y +\n  2)\n    w = add(";
    let e = parse_line(text, 1000).unwrap_err();
    assert_eq!(say(&e), "expected ')' to close '('");
    assert_eq!(position(text, e.span.start - 1000), (5, 13));
    let related = e.related.map(|r| position(text, r.start - 1000));
    assert_eq!(related, Some((5, 12)));
    let text = "if x:\n    y = 2 +\n";
    let e = parse_line(text, 10).unwrap_err();
    assert_eq!(say(&e), "expected an expression after '+'");
    assert_eq!(position(text, e.span.start - 10), (2, 12));
}

#[test]
fn deep_blocks_are_an_error_not_a_stack_overflow() {
    let nested = |levels: usize| {
        let mut text = String::new();
        for level in 0..levels {
            text.push_str(&" ".repeat(level));
            text.push_str("if x:\n");
        }
        text.push_str(&" ".repeat(levels));
        text.push('y');
        text
    };
    let fine = parse_line(&nested(64), 0).unwrap();
    assert_eq!(fine.len(), 1);
    let text = nested(2000);
    let e = parse_line(&text, 0).unwrap_err();
    assert_eq!(
        say(&e),
        "blocks nest at most 64 deep (an elif counts as one more)"
    );
    // The 65th `if`.
    let at: usize = (0..64).map(|level| level + 6).sum::<usize>() + 64;
    assert_eq!(e.span, Span::new(at, at + 2));
    let chain = format!("if x: y\n{}", "elif x: y\n".repeat(100_000));
    let e = parse_line(&chain, 0).unwrap_err();
    assert_eq!(
        say(&e),
        "blocks nest at most 64 deep (an elif counts as one more)"
    );
    assert_eq!(e.span, Span::new(8 + 63 * 10, 8 + 63 * 10 + 4));
    let single = format!("{}y", "for i in x: ".repeat(100_000));
    assert_error(
        &single,
        "'for' must start its own line; it cannot follow ';' or the ':' of another block",
        12,
        15,
    );
    // Postfixes count as operators, so a long chain is bounded too.
    let e = parse_line(&format!("x{}", ".T".repeat(100_000)), 0).unwrap_err();
    assert_eq!(
        say(&e),
        "too many operators in one statement (at most 256); split it into several statements"
    );
    let e = parse_line(&format!("x{}", "[0]".repeat(100_000)), 0).unwrap_err();
    assert_eq!(e.span, Span::new(1 + 256 * 3, 2 + 256 * 3));
    let e = parse_line(&"2 ** ".repeat(100_000), 0).unwrap_err();
    assert_eq!(say(&e), "expressions nest at most 64 deep");
}

#[test]
fn new_messages_read_as_korean() {
    let cases = [
        ("for i range(3): y", "'range' 대신 'in'이 와야 합니다"),
        (
            "sum(axis=1, x)",
            "키워드 인자 뒤에는 위치 인자를 쓸 수 없습니다",
        ),
        (
            "for i in x:\n    y\n  z",
            "내어쓰기가 바깥 어느 블록의 들여쓰기와도 맞지 않습니다. 속한 블록이나 바깥 블록과 같은 깊이로 맞추세요",
        ),
    ];
    for (text, korean) in cases {
        let e = error(text);
        say(&e);
        assert_eq!(Lang::Ko.say(&e.message), korean, "{text:?}");
    }
}

#[test]
fn numpy_spellings_are_the_functions_they_stand_for() {
    let same = [
        ("np.zeros((2, 3))", "zeros(2, 3)"),
        ("zeros((2,))", "zeros(2)"),
        ("numpy.ones((4, 1))", "ones(4, 1)"),
        ("np.array(x)", "array(x)"),
        ("np.random.randn(2, 3)", "randn(2, 3)"),
        ("reshape(x, (2, -1))", "reshape(x, 2, (-1))"),
        ("x.reshape(2, -1)", "reshape(x, 2, (-1))"),
        ("x.reshape((2, -1))", "reshape(x, 2, (-1))"),
        ("x.sum(axis=0)", "sum(x, axis=0)"),
        ("x.sum(0)", "sum(x, axis=0)"),
        (
            "x.max(axis=1, keepdims=True)",
            "max(x, axis=1, keepdims=true)",
        ),
        ("x.argmax(1)", "argmax(x, axis=1)"),
        ("x.copy()", "array(x)"),
        ("x.flatten()", "reshape(x, -1)"),
        ("x.transpose()", "transpose(x)"),
        ("(a + b).T.sum()", "sum((a + b).T)"),
        ("np.nan", "NaN"),
    ];
    for (numpy, ours) in same {
        assert_eq!(show(&expr(numpy)), ours, "{numpy}");
    }
}

#[test]
fn numpy_spellings_that_do_not_exist_say_what_does() {
    assert_error(
        "np.relu(x)",
        "np.relu is not here; the numpy names are array, zeros, ones, zeros_like, ones_like, arange, linspace, eye, exp, log, sqrt, tanh, dot, sum, mean, max, argmax, transpose, reshape, nan, inf",
        3,
        7,
    );
    assert_error(
        "np.random.normal(0, 1)",
        "np.random.normal is not here; the numpy names are randn, rand, choice",
        10,
        16,
    );
    assert_error("x.sum(0, 1)", ".sum() takes 0 to 1 arguments, got 2", 0, 11);
    assert_error("x.copy(1)", ".copy() takes 0 arguments, got 1", 0, 9);
    assert_error(
        "x.sum(axes=0)",
        "sum has no keyword argument 'axes'; it takes axis, keepdims",
        6,
        10,
    );
}

#[test]
fn imports_name_numpy_and_nothing_else() {
    for ok in [
        "import numpy",
        "import numpy as np",
        "from numpy import *",
        "from numpy import zeros, exp",
        "from numpy.random import seed, randn",
    ] {
        assert_eq!(one(ok).kind, StatementKind::Import, "{ok}");
    }
    assert_error(
        "import torch",
        "there is no module 'torch' here; what can be imported is numpy (import numpy as np, from numpy import …) and numpy.random (from numpy.random import randn, rand, choice)",
        7,
        12,
    );
    assert_error(
        "import numpy as xp",
        "numpy is imported as np here (import numpy as np), not as 'xp'",
        16,
        18,
    );
    assert_error(
        "from numpy import relu",
        "'relu' is not in numpy here; it has array, zeros, ones, zeros_like, ones_like, arange, linspace, eye, exp, log, sqrt, tanh, dot, sum, mean, max, argmax, transpose, reshape, nan, inf",
        18,
        22,
    );
    assert_error(
        "from numpy zeros",
        "expected 'import' after the module, as in from numpy import *",
        11,
        12,
    );
}
