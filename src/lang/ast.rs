//! The syntax tree of one line of the language: plain data with spans, nothing else.
//!
//! The parser builds these and the session walks them. Nothing here knows about ndarray, the graph
//! or names that are bound; a `Statement` can be printed, compared and stored without a session.

use compact_str::CompactString;

/// A half-open range of byte offsets into the source text the parser was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The smallest span that covers both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// One statement, with whether it ended in `;` (which silences its output).
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub kind: StatementKind,
    pub silent: bool,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StatementKind {
    /// `NAME = expression`
    Assign { name: Ident, value: Expr },
    /// `back NAME [ones | expression]`
    Back { target: Ident, dout: Dout },
    /// A bare expression, printed as numpy's `print()` would.
    Expr(Expr),
    /// `graph NAME [--dot [FILE]]`: draw the graph that produced NAME.
    Graph {
        target: Ident,
        dot: Option<Option<String>>,
    },
    /// `step NAME [ones | expression]`: the backward pass one node at a time.
    Step { target: Ident, dout: Dout },
    /// `check NAME [ones | expression] [sample N]`: compare `back` with central differences
    /// of `sum(NAME * dout)`, on every element of each variable or on N of them drawn from the
    /// random stream.
    Check {
        target: Ident,
        dout: Dout,
        sample: Option<usize>,
    },
    /// `del NAME [, NAME …]`: forget names, as Python's `del`, so their memory can be freed.
    Del { names: Vec<Ident> },
    /// `load digits`: bind the embedded data set's four arrays.
    Load { dataset: Ident },
    /// `plot y` or `plot xs, y1, y2, …`: a line chart of 1-D arrays (against their index, or
    /// against the first one).
    Plot {
        series: Vec<Expr>,
        height: Option<Expr>,
    },
    /// `imshow e`: a 2-D array, or a 64-element row as 8×8, as an image.
    Imshow { image: Expr },
    /// `seed N`: the random stream numpy's legacy generator makes after `np.random.seed(N)`.
    Seed { seed: u32 },
    /// `import numpy as np`, `from numpy import *`, `from numpy.random import randn`: numpy's
    /// names are there already, so the statement only checks that it names them.
    Import,
    /// `NAME op= expression` for `+=`, `-=`, `*=` and `/=`, e.g. `W1 -= 0.1 * grad(W1)`: `op` is
    /// the operator without its `=`.
    AugAssign { name: Ident, op: BinOp, value: Expr },
    /// `NAME[index, ...] = expression`, e.g. `losses[i] = loss`, or with an operator,
    /// `NAME[index, ...] op= expression` (`op` is then `Some`), e.g. `x[0] += h`.
    IndexAssign {
        name: Ident,
        indices: Vec<Index>,
        op: Option<BinOp>,
        value: Expr,
    },
    /// `for NAME in expression:` and its block, e.g. `for i in range(1000):`.
    For {
        var: Ident,
        iter: Expr,
        body: Vec<Statement>,
    },
    /// `if expression:` and its block, then `else:` and its block (empty without `else`). An
    /// `elif` is an `else` whose block is one `If`.
    If {
        cond: Expr,
        then_body: Vec<Statement>,
        else_body: Vec<Statement>,
    },
}

/// What `back` starts from.
#[derive(Debug, Clone, PartialEq)]
pub enum Dout {
    /// No dout, or the word `ones`: ones shaped like the target.
    Ones,
    Expr(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    pub name: CompactString,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A number literal, including the words `nan` and `inf` (`-inf` is `Neg` of `inf`).
    Number(f64),
    /// A whole-number literal written without a point or an exponent, `100`: Python's int.
    Int(f64),
    /// `True` or `False`.
    Bool(bool),
    /// A nested array literal, already checked to be rectangular: `shape` and row-major `values`.
    Array {
        shape: Vec<usize>,
        values: Vec<f64>,
        /// Every item was written as a whole number without a point (`[1, -2]`): numpy makes
        /// an int64 array of it.
        int: bool,
        /// Every item was `True` or `False`: numpy makes a bool array of it.
        bool: bool,
    },
    Name(CompactString),
    Neg(Box<Expr>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// A call of a built-in function: positional arguments, then keyword arguments in the order
    /// written, e.g. `sum(x, axis=1, keepdims=True)`. The parser has checked that each keyword
    /// is one the function takes, and that no keyword repeats.
    Call {
        func: Func,
        func_span: Span,
        args: Vec<Expr>,
        kwargs: Vec<(Ident, Expr)>,
    },
    /// `expression.T`, numpy's transpose.
    Transpose(Box<Expr>),
    /// `expression[index, ...]`, e.g. `x_train[batch]`, `x[0, 1:3]` or `y[:, ::2]`.
    Index {
        base: Box<Expr>,
        indices: Vec<Index>,
    },
    /// `grad(NAME)`
    Grad(Ident),
    /// `mask(NAME)`
    Mask(Ident),
}

/// One item between the brackets of `e[...]`.
#[derive(Debug, Clone, PartialEq)]
pub enum Index {
    /// An expression: a whole number picks one position along the axis (and drops it), an array
    /// of whole numbers picks several (fancy indexing, e.g. `x_train[batch]`), a boolean array
    /// keeps where it is true. Which it is, is the session's business.
    Expr(Expr),
    /// `start:stop:step`, each part optional, e.g. `:`, `1:`, `::2` or `a:b:c`; `span` covers
    /// the whole slice.
    Slice {
        start: Option<Expr>,
        stop: Option<Expr>,
        step: Option<Expr>,
        span: Span,
    },
}

impl Index {
    pub fn span(&self) -> Span {
        match self {
            Index::Expr(e) => e.span,
            Index::Slice { span, .. } => *span,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    /// `@`, the matrix product, as `np.dot` on 2-D arrays.
    MatMul,
    /// `**`, right-associative and tighter than a sign: `-2 ** 2` is `-(2 ** 2)`.
    Pow,
    /// `%`, Python's remainder (its sign follows the divisor).
    Mod,
    /// `//`, Python's floor division: the quotient rounded down, as numpy's `floor_divide`.
    FloorDiv,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::MatMul => "@",
            BinOp::Pow => "**",
            BinOp::Mod => "%",
            BinOp::FloorDiv => "//",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
        }
    }
}

/// The built-in functions that take expressions (`grad` and `mask` take a name and have their own
/// `ExprKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Relu,
    Sigmoid,
    Exp,
    Add,
    Mul,
    Ones,
    Zeros,
    OnesLike,
    Randn,
    Rand,
    Choice,
    Dot,
    Affine,
    Softmax,
    CrossEntropyError,
    SoftmaxWithLoss,
    Sum,
    Mean,
    Max,
    Argmax,
    Log,
    Sqrt,
    Tanh,
    Transpose,
    Reshape,
    Range,
    Linspace,
    Arange,
    Print,
    ZerosLike,
    Eye,
    /// `array(x)`, numpy's `np.array`: a new array with `x`'s elements.
    Array,
}

impl Func {
    pub const ALL: [Func; 32] = [
        Func::Relu,
        Func::Sigmoid,
        Func::Exp,
        Func::Add,
        Func::Mul,
        Func::Ones,
        Func::Zeros,
        Func::OnesLike,
        Func::Randn,
        Func::Rand,
        Func::Choice,
        Func::Dot,
        Func::Affine,
        Func::Softmax,
        Func::CrossEntropyError,
        Func::SoftmaxWithLoss,
        Func::Sum,
        Func::Mean,
        Func::Max,
        Func::Argmax,
        Func::Log,
        Func::Sqrt,
        Func::Tanh,
        Func::Transpose,
        Func::Reshape,
        Func::Range,
        Func::Linspace,
        Func::Arange,
        Func::Print,
        Func::ZerosLike,
        Func::Eye,
        Func::Array,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Func::Relu => "relu",
            Func::Sigmoid => "sigmoid",
            Func::Exp => "exp",
            Func::Add => "add",
            Func::Mul => "mul",
            Func::Ones => "ones",
            Func::Zeros => "zeros",
            Func::OnesLike => "ones_like",
            Func::Randn => "randn",
            Func::Rand => "rand",
            Func::Choice => "choice",
            Func::Dot => "dot",
            Func::Affine => "affine",
            Func::Softmax => "softmax",
            Func::CrossEntropyError => "cross_entropy_error",
            Func::SoftmaxWithLoss => "softmax_with_loss",
            Func::Sum => "sum",
            Func::Mean => "mean",
            Func::Max => "max",
            Func::Argmax => "argmax",
            Func::Log => "log",
            Func::Sqrt => "sqrt",
            Func::Tanh => "tanh",
            Func::Transpose => "transpose",
            Func::Reshape => "reshape",
            Func::Range => "range",
            Func::Linspace => "linspace",
            Func::Arange => "arange",
            Func::Print => "print",
            Func::ZerosLike => "zeros_like",
            Func::Eye => "eye",
            Func::Array => "array",
        }
    }

    pub fn from_name(name: &str) -> Option<Func> {
        Func::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The keyword arguments the function takes, as numpy names them; any other is an error.
    pub fn keywords(self) -> &'static [&'static str] {
        match self {
            Func::Sum | Func::Mean | Func::Max => &["axis", "keepdims"],
            Func::Argmax => &["axis"],
            _ => &[],
        }
    }
}

/// The names written after `np.` that are numpy's and the session has.
pub const NUMPY: [&str; 21] = [
    "array",
    "zeros",
    "ones",
    "zeros_like",
    "ones_like",
    "arange",
    "linspace",
    "eye",
    "exp",
    "log",
    "sqrt",
    "tanh",
    "dot",
    "sum",
    "mean",
    "max",
    "argmax",
    "transpose",
    "reshape",
    "nan",
    "inf",
];

/// The names written after `np.random.` that the session has (`seed` is the statement
/// `seed N`).
pub const NUMPY_RANDOM: [&str; 3] = ["randn", "rand", "choice"];

/// Words a user may not bind: statement keywords, the words of `for` and `if`, the literals
/// `True`, `False`, `nan` and `inf`, and every built-in function.
pub const RESERVED: [&str; 52] = [
    "plot",
    "imshow",
    "back",
    "graph",
    "step",
    "check",
    "seed",
    "del",
    "load",
    "for",
    "in",
    "if",
    "elif",
    "else",
    "True",
    "False",
    "nan",
    "inf",
    "rand",
    "choice",
    "ones",
    "zeros",
    "ones_like",
    "randn",
    "relu",
    "sigmoid",
    "exp",
    "add",
    "mul",
    "dot",
    "affine",
    "softmax",
    "cross_entropy_error",
    "softmax_with_loss",
    "sum",
    "mean",
    "max",
    "argmax",
    "log",
    "sqrt",
    "tanh",
    "transpose",
    "reshape",
    "range",
    "linspace",
    "arange",
    "print",
    "zeros_like",
    "eye",
    "array",
    "grad",
    "mask",
];

pub fn is_reserved(name: &str) -> bool {
    // Every name in every statement is asked about, and most are short names like `x` or `W1`
    // that no reserved word starts with: those are answered without the scan.
    let first = name.as_bytes().first().copied().unwrap_or(0);
    let maybe = first < 128 && RESERVED_FIRST_BYTES & (1u128 << first) != 0;
    maybe && RESERVED.contains(&name)
}

/// Bit `b` is set when a reserved word starts with the ASCII byte `b`.
const RESERVED_FIRST_BYTES: u128 = {
    let mut bits = 0u128;
    let mut i = 0;
    while i < RESERVED.len() {
        bits |= 1u128 << RESERVED[i].as_bytes()[0];
        i += 1;
    }
    bits
};
