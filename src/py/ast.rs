//! The Python syntax tree: plain data with positions, made by `parser`, walked by `interp`.

use std::rc::Rc;

/// A place in the source: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    None,
    True,
    False,
    /// An int literal that fits in an i64 (a larger one is a parse error naming the limit).
    Int(i64),
    Float(f64),
    /// A string literal with its escapes already applied; adjacent literals are joined. The
    /// string is made once, when parsed: evaluating the literal shares it.
    Str(std::rc::Rc<String>),
    /// An f-string: literal text and `{expr!conv:spec}` fields.
    FStr(Vec<FPart>),
    Name(Ident),
    /// `(a, b)`, `a, b`, `(a,)`, `()`.
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    /// `e.name`; the name remembers the method it last found, when called.
    Attr(Box<Expr>, Ident),
    /// `e[index]`; `a[1, 2:3]` has a `Tuple` index holding a `Slice`.
    Index(Box<Expr>, Box<Expr>),
    /// `lo:hi:step` inside brackets only.
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Call(Box<Expr>, Vec<Arg>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `a and b` / `a or b`.
    BoolOp(BoolOp, Box<Expr>, Box<Expr>),
    /// `a < b <= c`: the first operand and each (operator, operand) after it.
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `then if cond else other`
    IfExp {
        cond: Box<Expr>,
        then: Box<Expr>,
        other: Box<Expr>,
    },
    Lambda(Rc<Params>, Box<Expr>),
    /// `[elt for target in iter if cond ...]`
    ListComp(Box<Expr>, Vec<Comprehension>),
    /// `(elt for target in iter)`: evaluated eagerly, as a list an iterator walks.
    GenExp(Box<Expr>, Vec<Comprehension>),
    /// `{k: v for target in iter}`
    DictComp(Box<Expr>, Box<Expr>, Vec<Comprehension>),
}

/// A name in an expression, with where the running function keeps it: a function's locals
/// live in numbered slots (see `value::LocalNames`), so a name read in a function body finds
/// its slot once and reads it directly every time after.
#[derive(Clone)]
pub struct Ident {
    pub id: String,
    /// The `LocalNames` (by address) the slot was found for, and the slot; `u32::MAX` when the
    /// name is not a local there.
    pub slot: std::cell::Cell<(usize, u32)>,
    /// The name's cell in a module's or a class body's table (`vars::Vars::cell_of`).
    pub cell: std::cell::Cell<(u64, u32)>,
    /// For `obj.name(…)`: the method found in obj's class (by address), while no class has
    /// changed since (`value::class_epoch`), and the method itself (a `value::Function`,
    /// held weakly: the method's own body may hold this name).
    pub method: std::cell::RefCell<Option<MethodMemo>>,
}

/// A call site's remembered method: the class's address, the class epoch, the method.
pub type MethodMemo = (usize, u64, std::rc::Weak<dyn std::any::Any>);

impl std::fmt::Display for Ident {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.id.fmt(f)
    }
}

impl Ident {
    pub fn new(id: impl Into<String>) -> Ident {
        Ident {
            id: id.into(),
            slot: std::cell::Cell::new((0, u32::MAX)),
            cell: std::cell::Cell::new((0, 0)),
            method: std::cell::RefCell::new(None),
        }
    }
}

impl std::ops::Deref for Ident {
    type Target = String;
    fn deref(&self) -> &String {
        &self.id
    }
}

impl PartialEq for Ident {
    fn eq(&self, other: &Ident) -> bool {
        self.id == other.id
    }
}

impl PartialEq<str> for Ident {
    fn eq(&self, other: &str) -> bool {
        self.id == other
    }
}

impl PartialEq<&str> for Ident {
    fn eq(&self, other: &&str) -> bool {
        self.id == *other
    }
}

impl std::fmt::Debug for Ident {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.id.fmt(f)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub conds: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FPart {
    Lit(String),
    Field {
        expr: Box<Expr>,
        /// For `{x=}`: the expression as written with the `=` and the spaces around it.
        text: String,
        /// `{x=}`: print `x=` before the value (repr unless a conversion or spec is given).
        equals: bool,
        /// `!r`, `!s`, `!a`.
        conv: Option<char>,
        /// The format spec after `:`, itself possibly holding nested `{fields}`.
        spec: Vec<FPart>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Pos(Expr),
    /// `*args` at a call site.
    Star(Expr),
    /// `name=value`
    Kw(String, Expr),
    /// `**kwargs` at a call site.
    StarStar(Expr),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Not,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    MatMul,
    BitAnd,
    BitOr,
    BitXor,
    LShift,
    RShift,
}

impl BinOp {
    /// The operator as Python's messages write it (`** or pow()` for the power).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::MatMul => "@",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    Is,
    IsNot,
    In,
    NotIn,
}

/// A function's parameters: `def f(a, b=1, *rest, c=2, **kw)`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Params {
    /// Positional-or-keyword parameters, with their defaults' expressions.
    pub positional: Vec<(String, Option<Expr>)>,
    /// `*name`
    pub star: Option<String>,
    /// Keyword-only parameters (after `*` or `*name`).
    pub keyword_only: Vec<(String, Option<Expr>)>,
    /// `**name`
    pub star_star: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: every target, left to right, then the value.
    Assign(Vec<Expr>, Expr),
    /// `target op= value`
    AugAssign(Expr, BinOp, Expr),
    /// `if`/`elif` branches in order, then the `else` body (empty when there is none).
    If(Vec<(Expr, Vec<Stmt>)>, Vec<Stmt>),
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    /// `for target in iter: body else: other`
    For(Expr, Expr, Vec<Stmt>, Vec<Stmt>),
    Break,
    Continue,
    Pass,
    Return(Option<Expr>),
    Def(Rc<FuncDef>),
    Class(Rc<ClassDef>),
    /// `import a.b as c`: the dotted module name and the alias.
    Import(String, Option<String>),
    /// `from a.b import x as y, z` (`*` is the name `*`).
    FromImport(String, Vec<(String, Option<String>)>),
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Del(Vec<Expr>),
    Assert(Expr, Option<Expr>),
    Raise(Option<Expr>),
    /// `try: body except [E [as name]]: handler ... else: ... finally: ...`
    Try(Box<TryStmt>),
    /// One of our own statements, kept as its source text for the session (`back y`, `seed 3`).
    Tool(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct TryStmt {
    pub body: Vec<Stmt>,
    /// (exception class expression or none, bound name, handler body)
    pub handlers: Vec<(Option<Expr>, Option<String>, Vec<Stmt>)>,
    pub orelse: Vec<Stmt>,
    pub finally: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FuncDef {
    pub name: String,
    pub params: Rc<Params>,
    pub body: Vec<Stmt>,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Expr>,
    pub body: Vec<Stmt>,
    pub pos: Pos,
}
