//! The syntax tree of one line of the language: plain data with spans, nothing else.
//!
//! The parser builds these and the session walks them. Nothing here knows about ndarray, the graph
//! or names that are bound; a `Statement` can be printed, compared and stored without a session.

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
    /// `check NAME [sample N]`: compare `back` with central differences, on every element of
    /// each variable or on N of them drawn from the random stream.
    Check {
        target: Ident,
        sample: Option<usize>,
    },
    /// `del NAME [, NAME …]`: forget names, as Python's `del`, so their memory can be freed.
    Del { names: Vec<Ident> },
    /// `load digits`: bind the embedded data set's four arrays.
    Load { dataset: Ident },
    /// `seed N`: the random stream numpy's legacy generator makes after `np.random.seed(N)`.
    Seed { seed: u32 },
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
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Number(f64),
    /// A nested array literal, already checked to be rectangular: `shape` and row-major `values`.
    Array {
        shape: Vec<usize>,
        values: Vec<f64>,
    },
    Name(String),
    Neg(Box<Expr>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Call {
        func: Func,
        func_span: Span,
        args: Vec<Expr>,
    },
    /// `grad(NAME)`
    Grad(Ident),
    /// `mask(NAME)`
    Mask(Ident),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
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
}

impl Func {
    pub const ALL: [Func; 11] = [
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
        }
    }

    pub fn from_name(name: &str) -> Option<Func> {
        Func::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Words a user may not bind: statement keywords and every built-in function.
pub const RESERVED: [&str; 20] = [
    "back",
    "graph",
    "step",
    "check",
    "seed",
    "del",
    "load",
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
    "grad",
    "mask",
];

pub fn is_reserved(name: &str) -> bool {
    RESERVED.contains(&name)
}
