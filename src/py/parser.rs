//! Python's grammar, by recursive descent over the lexer's tokens, into `ast`.
//!
//! Binary operators are parsed by precedence climbing; everything else follows CPython's
//! grammar, cut to the statements and expressions `ast` has. Errors are `SyntaxError`s (or
//! `IndentationError`s) in CPython 3.11's words, at the offending token. Nesting is bounded:
//! the parser's recursion and the depth of every expression tree stay within `MAX_NESTING`,
//! so neither the parser nor a tree-walking interpreter can run out of stack.

use crate::i18n::{Arg as MsgArg, Message};
use crate::msg;
use crate::py::ast::*;
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::lexer::{self, MAX_NESTING, StrTok, Tok, Token, is_keyword};
use std::rc::Rc;

/// A whole module (or one REPL input) as statements.
pub fn parse_module(src: &str) -> PyResult<Vec<Stmt>> {
    Parser::new(lexer::tokenize(src), 0)
        .parse()
        .map(|(statements, _)| statements)
}

/// Like `parse_module`, with each top-level statement's flag: true when a `;` ended it (the
/// session echoes the value of a top-level expression or assignment only without one).
pub fn parse_module_quiet(src: &str) -> PyResult<Vec<(Stmt, bool)>> {
    let (statements, quiet) = Parser::new(lexer::tokenize(src), 0).parse()?;
    Ok(statements.into_iter().zip(quiet).collect())
}

/// For the REPL: true when `src` is unfinished and more lines could complete it (an open
/// bracket, a trailing backslash, an unfinished triple-quoted string, a block header without
/// its block, or a compound statement whose last line is not empty).
pub fn needs_more(src: &str) -> bool {
    let tokens = lexer::tokenize(src);
    let incomplete = match tokens.last().map(|t| &t.tok) {
        Some(Tok::Error(e)) if e.incomplete => Some(e.err.clone()),
        _ => None,
    };
    let mut parser = Parser::new(tokens, 0);
    let result = parser.parse();
    if let (Err(e), Some(lex)) = (&result, incomplete) {
        return *e == lex;
    }
    let last_line = src.rsplit('\n').next().unwrap_or("");
    if last_line.trim().is_empty() {
        return false;
    }
    match result.map(|(statements, _)| statements) {
        Ok(statements) => statements.last().is_some_and(|s| {
            matches!(
                s.kind,
                StmtKind::If(..)
                    | StmtKind::While(..)
                    | StmtKind::For(..)
                    | StmtKind::Def(_)
                    | StmtKind::Class(_)
                    | StmtKind::Try(_)
            )
        }),
        Err(_) => parser.wants_block,
    }
}

/// The most stack the parser lets itself use, in bytes: an optimised build needs about half of
/// it for `MAX_NESTING` levels, and a 2 MiB thread (Rust's default) keeps room to spare.
const STACK_BUDGET: usize = 1 << 20;

/// Where the stack is now, as an address (to measure how much a recursion has used).
fn stack_here() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

fn stack_used(base: usize) -> usize {
    base.abs_diff(stack_here())
}

static END: Token = Token {
    tok: Tok::End,
    pos: Pos { line: 0, col: 0 },
    start: 0,
    end: 0,
};

fn syntax_error(pos: Pos, message: Message) -> PyErr {
    PyErr::new(ExcKind::SyntaxError, message).at(pos)
}

fn too_deep(pos: Pos) -> PyErr {
    syntax_error(pos, msg!("py-syntax-too-deep", limit = MAX_NESTING))
}

fn expr(kind: ExprKind, pos: Pos) -> Expr {
    Expr { kind, pos }
}

struct Parser {
    toks: Vec<Token>,
    i: usize,
    /// Recursion depth of nested expressions (parentheses, unary chains, ...).
    depth: usize,
    in_func: bool,
    in_loop: bool,
    /// The last error was a missing block or handler at the end of the text.
    wants_block: bool,
    /// How many blocks the parser is inside.
    blocks: usize,
    /// For each top-level statement so far: whether a `;` ended it.
    quiet: Vec<bool>,
    /// The stack's address when parsing began.
    stack_base: usize,
}

impl Parser {
    fn new(toks: Vec<Token>, depth: usize) -> Parser {
        Parser {
            toks,
            i: 0,
            depth,
            in_func: false,
            in_loop: false,
            wants_block: false,
            blocks: 0,
            quiet: Vec::new(),
            stack_base: stack_here(),
        }
    }

    // ---- token helpers ----

    fn token(&self) -> &Token {
        self.toks.get(self.i).unwrap_or(&END)
    }

    fn tok(&self) -> &Tok {
        &self.token().tok
    }

    fn peek(&self, k: usize) -> &Tok {
        self.toks.get(self.i + k).map_or(&END.tok, |t| &t.tok)
    }

    fn pos(&self) -> Pos {
        let token = self.token();
        if token.pos.line == 0 {
            self.toks.last().map_or(Pos { line: 1, col: 1 }, |t| t.pos)
        } else {
            token.pos
        }
    }

    fn bump(&mut self) {
        if self.i < self.toks.len() {
            self.i += 1;
        }
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let yes = self.is_op(op);
        if yes {
            self.bump();
        }
        yes
    }

    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Name(n) if n == kw)
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        let yes = self.is_kw(kw);
        if yes {
            self.bump();
        }
        yes
    }

    fn at_end(&self) -> bool {
        matches!(self.tok(), Tok::End)
    }

    fn invalid(&self) -> PyErr {
        let pos = self.pos();
        match self.tok() {
            Tok::Error(e) => e.err.clone(),
            Tok::Indent => {
                // CPython points at the last character of the indentation.
                let at = Pos {
                    line: pos.line,
                    col: pos.col.saturating_sub(1).max(1),
                };
                PyErr::new(
                    ExcKind::IndentationError,
                    msg!("py-syntax-unexpected-indent"),
                )
                .at(at)
            }
            Tok::Op("...") => syntax_error(pos, msg!("py-syntax-no-ellipsis")),
            Tok::Op(":=") => syntax_error(pos, msg!("py-syntax-no-walrus")),
            Tok::Name(n) if n == "yield" => syntax_error(pos, msg!("py-syntax-no-yield")),
            Tok::Name(n) if n == "await" || n == "async" => {
                syntax_error(pos, msg!("py-syntax-no-async"))
            }
            _ => syntax_error(pos, msg!("py-syntax-invalid")),
        }
    }

    /// An error at the current token (the lexer's own error if tokenizing stopped here).
    fn fail(&self, message: Message) -> PyErr {
        match self.tok() {
            Tok::Error(e) => e.err.clone(),
            _ => syntax_error(self.pos(), message),
        }
    }

    fn expect_op(&mut self, op: &str) -> PyResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    fn name(&mut self) -> PyResult<String> {
        match self.tok() {
            Tok::Name(n) if !is_keyword(n) => {
                let n = n.clone();
                self.bump();
                Ok(n)
            }
            _ => Err(self.invalid()),
        }
    }

    /// Whether the current token can begin an expression.
    fn starts_expr(&self) -> bool {
        match self.tok() {
            Tok::Name(n) => {
                !is_keyword(n) || matches!(n.as_str(), "None" | "True" | "False" | "not" | "lambda")
            }
            Tok::Int(_) | Tok::Float(_) | Tok::Str(_) => true,
            Tok::Op(op) => matches!(*op, "(" | "[" | "{" | "-" | "+" | "~" | "*" | "..."),
            _ => false,
        }
    }

    /// One level deeper into nested expressions: refused past `MAX_NESTING` levels, or when
    /// the parser's own stack has grown past `STACK_BUDGET` (frames are far larger in an
    /// unoptimised build).
    fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING || stack_used(self.stack_base) > STACK_BUDGET {
            self.depth -= 1;
            return Err(too_deep(self.pos()));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// The lexer's error at the end of the tokens, if tokenizing failed.
    fn lex_error(&self) -> Option<&lexer::LexError> {
        match self.toks.last().map(|t| &t.tok) {
            Some(Tok::Error(e)) => Some(e),
            _ => None,
        }
    }

    /// The module and each top-level statement's `;` flag. A plain "invalid syntax" gives way
    /// to a tokenizing error further on, as in CPython (an unclosed bracket only when the
    /// parser stopped on a later line than the bracket's).
    fn parse(&mut self) -> PyResult<(Vec<Stmt>, Vec<bool>)> {
        match self.module() {
            Ok(statements) => Ok((statements, std::mem::take(&mut self.quiet))),
            Err(e) => {
                let generic = matches!(
                    e.message.id,
                    "py-syntax-invalid" | "py-syntax-invalid-comma" | "py-syntax-too-deep"
                );
                let stopped = self.pos();
                match self.lex_error() {
                    Some(lex) if generic => {
                        let unclosed = lex.err.message.id == "py-syntax-never-closed";
                        let bracket_line = lex.err.pos.map_or(0, |p| p.line);
                        if !unclosed || stopped.line > bracket_line {
                            Err(lex.err.clone())
                        } else {
                            Err(e)
                        }
                    }
                    _ => Err(e),
                }
            }
        }
    }

    // ---- statements ----

    fn module(&mut self) -> PyResult<Vec<Stmt>> {
        let mut out = Vec::new();
        while !self.at_end() {
            self.statement(&mut out)?;
        }
        self.quiet.resize(out.len(), false);
        Ok(out)
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PyResult<()> {
        let pos = self.pos();
        let keyword = match self.tok() {
            Tok::Name(n) if is_keyword(n) => n.clone(),
            Tok::Op("@") => return Err(syntax_error(pos, msg!("py-syntax-no-decorators"))),
            Tok::Indent | Tok::Newline | Tok::Dedent => return Err(self.invalid()),
            _ => return self.simple_statements(out),
        };
        let stmt = match keyword.as_str() {
            "if" => self.if_statement()?,
            "while" => self.while_statement()?,
            "for" => self.for_statement()?,
            "def" => self.def_statement()?,
            "class" => self.class_statement()?,
            "try" => self.try_statement()?,
            "with" => return Err(syntax_error(pos, msg!("py-syntax-no-with"))),
            "async" => return Err(syntax_error(pos, msg!("py-syntax-no-async"))),
            _ => return self.simple_statements(out),
        };
        out.push(stmt);
        Ok(())
    }

    fn simple_statements(&mut self, out: &mut Vec<Stmt>) -> PyResult<()> {
        loop {
            let before = out.len();
            self.simple_statement(out)?;
            let semicolon = self.is_op(";");
            if self.blocks == 0 {
                self.quiet.resize(before, false);
                self.quiet.resize(out.len(), semicolon);
            }
            if self.eat_op(";") {
                if matches!(self.tok(), Tok::Newline | Tok::End) {
                    break;
                }
                continue;
            }
            break;
        }
        match self.tok() {
            Tok::Newline => {
                self.bump();
                Ok(())
            }
            Tok::End => Ok(()),
            _ => Err(self.invalid()),
        }
    }

    /// `:` then a block: an indented suite or simple statements on the same line.
    fn block(&mut self, header: &str, line: u32) -> PyResult<Vec<Stmt>> {
        if !self.eat_op(":") {
            return Err(self.fail(msg!("py-syntax-expected", token = ":")));
        }
        if stack_used(self.stack_base) > STACK_BUDGET {
            return Err(PyErr::new(
                ExcKind::IndentationError,
                msg!("py-syntax-too-many-indents"),
            )
            .at(self.pos()));
        }
        self.blocks += 1;
        let body = self.block_body(header, line);
        self.blocks -= 1;
        body
    }

    fn block_body(&mut self, header: &str, line: u32) -> PyResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if !matches!(self.tok(), Tok::Newline) {
            self.simple_statements(&mut body)?;
            return Ok(body);
        }
        let newline_pos = self.pos();
        self.bump();
        if let Tok::Error(e) = self.tok() {
            return Err(e.err.clone());
        }
        if !matches!(self.tok(), Tok::Indent) {
            let at_end = self.at_end();
            self.wants_block = at_end;
            let pos = if at_end { newline_pos } else { self.pos() };
            let message = match header {
                "def" => msg!("py-syntax-expected-block-def", line = line),
                "class" => msg!("py-syntax-expected-block-class", line = line),
                _ => msg!("py-syntax-expected-block", keyword = header, line = line),
            };
            return Err(PyErr::new(ExcKind::IndentationError, message).at(pos));
        }
        self.bump();
        while !matches!(self.tok(), Tok::Dedent | Tok::End) {
            self.statement(&mut body)?;
        }
        if matches!(self.tok(), Tok::Dedent) {
            self.bump();
        }
        Ok(body)
    }

    /// A loop's body, with `break` and `continue` allowed.
    fn loop_block(&mut self, header: &str, line: u32) -> PyResult<Vec<Stmt>> {
        let saved = self.in_loop;
        self.in_loop = true;
        let body = self.block(header, line);
        self.in_loop = saved;
        body
    }

    fn if_statement(&mut self) -> PyResult<Stmt> {
        let pos = self.pos();
        let mut branches = Vec::new();
        let mut keyword = "if";
        loop {
            let line = self.pos().line;
            self.bump();
            let cond = self.expression()?;
            let body = self.block(keyword, line)?;
            branches.push((cond, body));
            if self.is_kw("elif") {
                keyword = "elif";
            } else {
                break;
            }
        }
        let mut orelse = Vec::new();
        if self.is_kw("else") {
            let line = self.pos().line;
            self.bump();
            orelse = self.block("else", line)?;
        }
        Ok(Stmt {
            kind: StmtKind::If(branches, orelse),
            pos,
        })
    }

    fn while_statement(&mut self) -> PyResult<Stmt> {
        let pos = self.pos();
        self.bump();
        let cond = self.expression()?;
        let body = self.loop_block("while", pos.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::While(cond, body, orelse),
            pos,
        })
    }

    fn else_block(&mut self) -> PyResult<Vec<Stmt>> {
        if self.is_kw("else") {
            let line = self.pos().line;
            self.bump();
            return self.block("else", line);
        }
        Ok(Vec::new())
    }

    fn for_statement(&mut self) -> PyResult<Stmt> {
        let pos = self.pos();
        self.bump();
        let target = self.target_list()?;
        if !self.eat_kw("in") {
            return Err(self.invalid());
        }
        let iter = self.expressions()?;
        let body = self.loop_block("for", pos.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::For(target, iter, body, orelse),
            pos,
        })
    }

    /// The targets of `for` (up to `in`): `i`, `i, (x, y)`.
    fn target_list(&mut self) -> PyResult<Expr> {
        let pos = self.pos();
        let first = self.target_item()?;
        let target = if self.is_op(",") {
            let mut items = vec![first];
            while self.eat_op(",") {
                if self.is_kw("in") {
                    break;
                }
                items.push(self.target_item()?);
            }
            expr(ExprKind::Tuple(items), pos)
        } else {
            first
        };
        check_target(&target, Ctx::Assign, false)?;
        Ok(target)
    }

    fn target_item(&mut self) -> PyResult<Expr> {
        if self.is_op("*") {
            return Err(self.fail(msg!("py-syntax-no-star-target")));
        }
        let e = self.binary(1)?;
        check_tree(&e)?;
        Ok(e)
    }

    fn def_statement(&mut self) -> PyResult<Stmt> {
        let pos = self.pos();
        self.bump();
        let name = self.name()?;
        self.expect_op("(")?;
        let params = self.params(")", true)?;
        if self.eat_op("->") {
            self.expression()?;
        }
        let (saved_func, saved_loop) = (self.in_func, self.in_loop);
        self.in_func = true;
        self.in_loop = false;
        let body = self.block("def", pos.line);
        self.in_func = saved_func;
        self.in_loop = saved_loop;
        let def = FuncDef {
            name,
            params: Rc::new(params),
            body: body?,
            pos,
        };
        Ok(Stmt {
            kind: StmtKind::Def(Rc::new(def)),
            pos,
        })
    }

    fn class_statement(&mut self) -> PyResult<Stmt> {
        let pos = self.pos();
        self.bump();
        let name = self.name()?;
        let mut bases = Vec::new();
        if self.is_op("(") {
            self.bump();
            for arg in self.call_args()? {
                match arg {
                    Arg::Pos(e) => bases.push(e),
                    Arg::Kw(_, e) | Arg::Star(e) | Arg::StarStar(e) => {
                        return Err(syntax_error(e.pos, msg!("py-syntax-no-class-keywords")));
                    }
                }
            }
        }
        let (saved_func, saved_loop) = (self.in_func, self.in_loop);
        self.in_func = false;
        self.in_loop = false;
        let body = self.block("class", pos.line);
        self.in_func = saved_func;
        self.in_loop = saved_loop;
        let class = ClassDef {
            name,
            bases,
            body: body?,
            pos,
        };
        Ok(Stmt {
            kind: StmtKind::Class(Rc::new(class)),
            pos,
        })
    }

    fn try_statement(&mut self) -> PyResult<Stmt> {
        let pos = self.pos();
        self.bump();
        let body = self.block("try", pos.line)?;
        let mut handlers = Vec::new();
        let mut bare: Option<Pos> = None;
        while self.is_kw("except") {
            let at = self.pos();
            if let Some(bare_pos) = bare {
                return Err(syntax_error(
                    bare_pos,
                    msg!("py-syntax-default-except-last"),
                ));
            }
            self.bump();
            let mut class = None;
            let mut name = None;
            if !self.is_op(":") {
                let e = self.expression()?;
                if self.is_op(",") {
                    return Err(syntax_error(e.pos, msg!("py-syntax-except-parens")));
                }
                class = Some(e);
                if self.eat_kw("as") {
                    name = Some(self.name()?);
                }
            } else {
                bare = Some(at);
            }
            let handler = self.block("except", at.line)?;
            handlers.push((class, name, handler));
        }
        let mut orelse = Vec::new();
        if !handlers.is_empty() && self.is_kw("else") {
            orelse = self.else_block()?;
        }
        let mut finally = Vec::new();
        let has_finally = self.is_kw("finally");
        if has_finally {
            let line = self.pos().line;
            self.bump();
            finally = self.block("finally", line)?;
        }
        if handlers.is_empty() && !has_finally {
            self.wants_block = self.at_end();
            if matches!(self.tok(), Tok::End | Tok::Dedent) {
                // At the end of the block: CPython points after its last line.
                let at = self.toks[..self.i.min(self.toks.len())]
                    .iter()
                    .rev()
                    .find(|t| t.tok == Tok::Newline)
                    .map_or_else(|| self.pos(), |t| t.pos);
                return Err(syntax_error(at, msg!("py-syntax-expected-except")));
            }
            return Err(self.fail(msg!("py-syntax-expected-except")));
        }
        Ok(Stmt {
            kind: StmtKind::Try(Box::new(TryStmt {
                body,
                handlers,
                orelse,
                finally,
            })),
            pos,
        })
    }

    fn at_statement_end(&self) -> bool {
        matches!(self.tok(), Tok::Newline | Tok::End | Tok::Op(";"))
    }

    fn simple_statement(&mut self, out: &mut Vec<Stmt>) -> PyResult<()> {
        let pos = self.pos();
        let stmt = |kind| Stmt { kind, pos };
        let keyword = match self.tok() {
            Tok::Tool(text) => {
                let text = text.clone();
                self.bump();
                out.push(stmt(StmtKind::Tool(text)));
                return Ok(());
            }
            Tok::Name(n) if is_keyword(n) => n.clone(),
            Tok::Name(n) if n == "print" => {
                if matches!(self.peek(1), Tok::Str(_) | Tok::Int(_) | Tok::Float(_))
                    || matches!(self.peek(1), Tok::Name(m) if !is_keyword(m))
                {
                    return Err(syntax_error(pos, msg!("py-syntax-print")));
                }
                String::new()
            }
            _ => String::new(),
        };
        let kind = match keyword.as_str() {
            "pass" => {
                self.bump();
                StmtKind::Pass
            }
            "break" | "continue" => {
                if !self.in_loop {
                    let message = if keyword == "break" {
                        msg!("py-syntax-break-outside")
                    } else {
                        msg!("py-syntax-continue-outside")
                    };
                    return Err(syntax_error(pos, message));
                }
                self.bump();
                if keyword == "break" {
                    StmtKind::Break
                } else {
                    StmtKind::Continue
                }
            }
            "return" => {
                if !self.in_func {
                    return Err(syntax_error(pos, msg!("py-syntax-return-outside")));
                }
                self.bump();
                if self.at_statement_end() {
                    StmtKind::Return(None)
                } else {
                    StmtKind::Return(Some(self.expressions()?))
                }
            }
            "raise" => {
                self.bump();
                if self.at_statement_end() {
                    StmtKind::Raise(None)
                } else {
                    let e = self.expression()?;
                    if self.is_kw("from") {
                        return Err(self.fail(msg!("py-syntax-no-raise-from")));
                    }
                    StmtKind::Raise(Some(e))
                }
            }
            "global" | "nonlocal" => {
                if keyword == "nonlocal" && !self.in_func {
                    return Err(syntax_error(pos, msg!("py-syntax-nonlocal-module")));
                }
                self.bump();
                let mut names = vec![self.name()?];
                while self.eat_op(",") {
                    names.push(self.name()?);
                }
                if keyword == "global" {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            "del" => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    let e = self.expression()?;
                    check_target(&e, Ctx::Del, false)?;
                    targets.push(e);
                    if !self.eat_op(",") || self.at_statement_end() {
                        break;
                    }
                }
                StmtKind::Del(targets)
            }
            "assert" => {
                self.bump();
                let cond = self.expression()?;
                let message = if self.eat_op(",") {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert(cond, message)
            }
            "import" => {
                self.bump();
                loop {
                    let module = self.dotted()?;
                    let alias = if self.eat_kw("as") {
                        Some(self.name()?)
                    } else {
                        None
                    };
                    out.push(stmt(StmtKind::Import(module, alias)));
                    if !self.eat_op(",") {
                        break;
                    }
                }
                return Ok(());
            }
            "from" => self.import_from()?,
            "lambda" | "not" | "None" | "True" | "False" | "" => {
                return self.expression_statement(out);
            }
            _ => return Err(self.invalid()),
        };
        out.push(stmt(kind));
        Ok(())
    }

    /// `a.b.c`
    fn dotted(&mut self) -> PyResult<String> {
        let mut text = self.name()?;
        while self.eat_op(".") {
            text.push('.');
            text.push_str(&self.name()?);
        }
        Ok(text)
    }

    fn import_from(&mut self) -> PyResult<StmtKind> {
        self.bump();
        let mut module = String::new();
        loop {
            if self.eat_op(".") {
                module.push('.');
            } else if self.eat_op("...") {
                module.push_str("...");
            } else {
                break;
            }
        }
        if module.is_empty() || !self.is_kw("import") {
            module.push_str(&self.dotted()?);
        }
        if !self.eat_kw("import") {
            return Err(self.invalid());
        }
        if self.eat_op("*") {
            return Ok(StmtKind::FromImport(module, vec![("*".to_string(), None)]));
        }
        let parens = self.eat_op("(");
        let mut names = Vec::new();
        loop {
            let name = self.name()?;
            let alias = if self.eat_kw("as") {
                Some(self.name()?)
            } else {
                None
            };
            names.push((name, alias));
            if !self.eat_op(",") {
                break;
            }
            if parens && self.is_op(")") {
                break;
            }
        }
        if parens {
            self.expect_op(")")?;
        }
        Ok(StmtKind::FromImport(module, names))
    }

    fn expression_statement(&mut self, out: &mut Vec<Stmt>) -> PyResult<()> {
        let pos = self.pos();
        let first = self.expressions()?;
        let stmt = |kind| Stmt { kind, pos };
        if let Tok::Op(op) = self.tok()
            && let Some(binop) = aug_op(op)
        {
            check_target(&first, Ctx::Aug, false)?;
            self.bump();
            let value = self.expressions()?;
            out.push(stmt(StmtKind::AugAssign(first, binop, value)));
            return Ok(());
        }
        if self.is_op(":") {
            // An annotation: `x: int = 0` assigns, `x: int` alone does nothing.
            if !matches!(
                first.kind,
                ExprKind::Name(_) | ExprKind::Attr(..) | ExprKind::Index(..)
            ) {
                return Err(self.invalid());
            }
            self.bump();
            self.expression()?;
            if self.eat_op("=") {
                let value = self.expressions()?;
                out.push(stmt(StmtKind::Assign(vec![first], value)));
            } else {
                out.push(stmt(StmtKind::Pass));
            }
            return Ok(());
        }
        if !self.is_op("=") {
            out.push(stmt(StmtKind::Expr(first)));
            return Ok(());
        }
        let mut targets = vec![first];
        let mut value;
        loop {
            self.bump();
            value = self.expressions()?;
            if !self.is_op("=") {
                break;
            }
            targets.push(value);
        }
        for (k, target) in targets.iter().enumerate() {
            check_target(target, Ctx::Assign, k == 0)?;
        }
        out.push(stmt(StmtKind::Assign(targets, value)));
        Ok(())
    }

    // ---- expressions ----

    /// Expressions separated by commas: one, or a `Tuple` (`return a, b`, `x = 1, 2`).
    fn expressions(&mut self) -> PyResult<Expr> {
        let pos = self.pos();
        let first = self.item()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if !self.starts_expr() {
                break;
            }
            items.push(self.item()?);
        }
        Ok(expr(ExprKind::Tuple(items), pos))
    }

    /// One element of a tuple or list display: no starred items here.
    fn item(&mut self) -> PyResult<Expr> {
        if self.is_op("*") {
            return Err(self.fail(msg!("py-syntax-no-star-expr")));
        }
        self.expression()
    }

    /// `lambda`, `a if c else b`, or anything below.
    fn expression(&mut self) -> PyResult<Expr> {
        self.enter()?;
        let outermost = self.depth == 1;
        let result = self.expression_inner();
        self.leave();
        let e = result?;
        if outermost {
            check_tree(&e)?;
        }
        Ok(e)
    }

    fn expression_inner(&mut self) -> PyResult<Expr> {
        if self.is_kw("lambda") {
            return self.lambda();
        }
        let then = self.or_test()?;
        if self.is_op(":=") {
            return Err(self.invalid());
        }
        if !self.is_kw("if") {
            return Ok(then);
        }
        self.bump();
        let cond = self.or_test()?;
        if !self.eat_kw("else") {
            return Err(syntax_error(then.pos, msg!("py-syntax-expected-else")));
        }
        let other = self.expression()?;
        let pos = then.pos;
        Ok(expr(
            ExprKind::IfExp {
                cond: Box::new(cond),
                then: Box::new(then),
                other: Box::new(other),
            },
            pos,
        ))
    }

    fn lambda(&mut self) -> PyResult<Expr> {
        let pos = self.pos();
        self.bump();
        let params = self.params(":", false)?;
        let body = self.expression()?;
        Ok(expr(ExprKind::Lambda(Rc::new(params), Box::new(body)), pos))
    }

    /// Parameters up to `close` (which is consumed): `a, b=1, *rest, c=2, **kw`.
    fn params(&mut self, close: &str, annotations: bool) -> PyResult<Params> {
        let mut params = Params::default();
        let mut seen: Vec<String> = Vec::new();
        let mut keyword_only = false;
        let mut bare_star: Option<Pos> = None;
        let mut defaults = false;
        loop {
            if self.eat_op(close) {
                break;
            }
            let pos = self.pos();
            if params.star_star.is_some() {
                return Err(syntax_error(pos, msg!("py-syntax-after-kwargs")));
            }
            if self.eat_op("/") {
                // Positional-only marker: accepted, not enforced.
            } else if self.eat_op("**") {
                let name = self.param_name(&mut seen, annotations)?;
                params.star_star = Some(name);
            } else if self.eat_op("*") {
                if keyword_only {
                    return Err(self.invalid());
                }
                keyword_only = true;
                if matches!(self.tok(), Tok::Name(_)) {
                    params.star = Some(self.param_name(&mut seen, annotations)?);
                } else {
                    bare_star = Some(pos);
                }
            } else {
                let name = self.param_name(&mut seen, annotations)?;
                let default = if self.eat_op("=") {
                    Some(self.expression()?)
                } else {
                    None
                };
                if keyword_only {
                    bare_star = None;
                    params.keyword_only.push((name, default));
                } else {
                    if default.is_some() {
                        defaults = true;
                    } else if defaults {
                        return Err(syntax_error(pos, msg!("py-syntax-non-default")));
                    }
                    params.positional.push((name, default));
                }
            }
            if !self.eat_op(",") {
                if !self.eat_op(close) {
                    return Err(self.invalid());
                }
                break;
            }
        }
        if let Some(pos) = bare_star {
            return Err(syntax_error(pos, msg!("py-syntax-bare-star")));
        }
        Ok(params)
    }

    fn param_name(&mut self, seen: &mut Vec<String>, annotations: bool) -> PyResult<String> {
        let pos = self.pos();
        let name = self.name()?;
        if seen.contains(&name) {
            return Err(syntax_error(
                pos,
                msg!("py-syntax-duplicate-arg", name = &name),
            ));
        }
        seen.push(name.clone());
        if annotations && self.eat_op(":") {
            self.expression()?;
        }
        Ok(name)
    }

    fn or_test(&mut self) -> PyResult<Expr> {
        self.bool_chain("or", BoolOp::Or)
    }

    fn bool_chain(&mut self, word: &str, op: BoolOp) -> PyResult<Expr> {
        let mut left = if op == BoolOp::Or {
            self.bool_chain("and", BoolOp::And)?
        } else {
            self.not_test()?
        };
        let mut depth_left = None;
        while self.eat_kw(word) {
            let right = if op == BoolOp::Or {
                self.bool_chain("and", BoolOp::And)?
            } else {
                self.not_test()?
            };
            grow(&mut depth_left, &left, &right)?;
            let pos = left.pos;
            left = expr(ExprKind::BoolOp(op, Box::new(left), Box::new(right)), pos);
        }
        Ok(left)
    }

    fn not_test(&mut self) -> PyResult<Expr> {
        if self.is_kw("not") {
            let pos = self.pos();
            self.bump();
            self.enter()?;
            let operand = self.not_test();
            self.leave();
            return Ok(expr(ExprKind::Unary(UnaryOp::Not, Box::new(operand?)), pos));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PyResult<Expr> {
        let first = self.binary(1)?;
        let mut rest = Vec::new();
        loop {
            let op = match self.tok() {
                Tok::Op("<") => CmpOp::Lt,
                Tok::Op("<=") => CmpOp::Le,
                Tok::Op(">") => CmpOp::Gt,
                Tok::Op(">=") => CmpOp::Ge,
                Tok::Op("==") => CmpOp::Eq,
                Tok::Op("!=") => CmpOp::Ne,
                Tok::Name(n) if n == "in" => CmpOp::In,
                Tok::Name(n) if n == "is" => {
                    if matches!(self.peek(1), Tok::Name(m) if m == "not") {
                        self.bump();
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                Tok::Name(n) if n == "not" && matches!(self.peek(1), Tok::Name(m) if m == "in") => {
                    self.bump();
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.bump();
            rest.push((op, self.binary(1)?));
        }
        if rest.is_empty() {
            return Ok(first);
        }
        let pos = first.pos;
        Ok(expr(ExprKind::Compare(Box::new(first), rest), pos))
    }

    fn binary_op(&self) -> Option<(BinOp, u8)> {
        let Tok::Op(op) = self.tok() else {
            return None;
        };
        Some(match *op {
            "|" => (BinOp::BitOr, 1),
            "^" => (BinOp::BitXor, 2),
            "&" => (BinOp::BitAnd, 3),
            "<<" => (BinOp::LShift, 4),
            ">>" => (BinOp::RShift, 4),
            "+" => (BinOp::Add, 5),
            "-" => (BinOp::Sub, 5),
            "*" => (BinOp::Mul, 6),
            "/" => (BinOp::Div, 6),
            "//" => (BinOp::FloorDiv, 6),
            "%" => (BinOp::Mod, 6),
            "@" => (BinOp::MatMul, 6),
            _ => return None,
        })
    }

    /// Binary operators from `|` up to `* / // % @`, by precedence climbing.
    fn binary(&mut self, min: u8) -> PyResult<Expr> {
        let mut left = self.factor()?;
        let mut depth_left = None;
        while let Some((op, prec)) = self.binary_op() {
            if prec < min {
                break;
            }
            self.bump();
            let right = self.binary(prec + 1)?;
            grow(&mut depth_left, &left, &right)?;
            let pos = left.pos;
            left = expr(ExprKind::Binary(op, Box::new(left), Box::new(right)), pos);
        }
        Ok(left)
    }

    /// Unary `-`, `+`, `~`, then `**`.
    fn factor(&mut self) -> PyResult<Expr> {
        let op = match self.tok() {
            Tok::Op("-") => Some(UnaryOp::Neg),
            Tok::Op("+") => Some(UnaryOp::Pos),
            Tok::Op("~") => Some(UnaryOp::Invert),
            _ => None,
        };
        let Some(op) = op else {
            return self.power();
        };
        let pos = self.pos();
        self.bump();
        self.enter()?;
        let operand = self.factor();
        self.leave();
        Ok(expr(ExprKind::Unary(op, Box::new(operand?)), pos))
    }

    fn power(&mut self) -> PyResult<Expr> {
        let base = self.primary()?;
        if !self.eat_op("**") {
            return Ok(base);
        }
        self.enter()?;
        let exponent = self.factor();
        self.leave();
        let pos = base.pos;
        Ok(expr(
            ExprKind::Binary(BinOp::Pow, Box::new(base), Box::new(exponent?)),
            pos,
        ))
    }

    /// An atom with its trailers: `.name`, `(args)`, `[index]`.
    fn primary(&mut self) -> PyResult<Expr> {
        let mut e = self.atom()?;
        let mut depth_left = None;
        loop {
            let pos = e.pos;
            let kind = if self.eat_op(".") {
                let name = self.name()?;
                grow_to(&mut depth_left, &e, 0, pos)?;
                ExprKind::Attr(Box::new(e), crate::py::ast::Ident::new(name))
            } else if self.eat_op("(") {
                let args = self.call_args()?;
                let d = args.iter().map(|a| depth(arg_expr(a))).max().unwrap_or(0);
                grow_to(&mut depth_left, &e, d, pos)?;
                ExprKind::Call(Box::new(e), args)
            } else if self.eat_op("[") {
                let index = self.subscript()?;
                self.expect_op("]")?;
                grow(&mut depth_left, &e, &index)?;
                ExprKind::Index(Box::new(e), Box::new(index))
            } else {
                break;
            };
            e = expr(kind, pos);
        }
        Ok(e)
    }

    /// Call arguments after `(`, up to and including `)`.
    fn call_args(&mut self) -> PyResult<Vec<Arg>> {
        let mut args: Vec<Arg> = Vec::new();
        let mut keywords: Vec<String> = Vec::new();
        let mut seen_keyword = false;
        let mut seen_unpack = false;
        loop {
            if self.eat_op(")") {
                break;
            }
            let pos = self.pos();
            let arg = if self.eat_op("*") {
                if seen_unpack {
                    return Err(syntax_error(pos, msg!("py-syntax-star-after-kw-unpack")));
                }
                Arg::Star(self.expression()?)
            } else if self.eat_op("**") {
                seen_unpack = true;
                Arg::StarStar(self.expression()?)
            } else if matches!(self.tok(), Tok::Name(n) if !is_keyword(n))
                && matches!(self.peek(1), Tok::Op("="))
            {
                let name = self.name()?;
                self.bump();
                if keywords.contains(&name) {
                    return Err(syntax_error(
                        pos,
                        msg!("py-syntax-kw-repeated", name = &name),
                    ));
                }
                keywords.push(name.clone());
                seen_keyword = true;
                Arg::Kw(name, self.expression()?)
            } else {
                let mut e = self.expression()?;
                if self.is_kw("for") {
                    let comps = self.comprehension()?;
                    e = expr(ExprKind::GenExp(Box::new(e), comps), pos);
                    if !args.is_empty() || !self.is_op(")") {
                        return Err(syntax_error(pos, msg!("py-syntax-genexp-parens")));
                    }
                }
                if seen_unpack {
                    return Err(syntax_error(pos, msg!("py-syntax-pos-after-kw-unpack")));
                }
                if seen_keyword {
                    return Err(syntax_error(pos, msg!("py-syntax-pos-after-kw")));
                }
                Arg::Pos(e)
            };
            args.push(arg);
            if !self.eat_op(",") && !self.is_op(")") {
                return Err(self.missing_comma(pos));
            }
        }
        Ok(args)
    }

    /// The error after an element of a display or call that is followed by neither `,` nor
    /// the closing bracket.
    fn missing_comma(&self, element: Pos) -> PyErr {
        if self.starts_expr() {
            syntax_error(element, msg!("py-syntax-invalid-comma"))
        } else {
            self.invalid()
        }
    }

    /// The index inside `[...]`: an expression, a slice, or a tuple of them.
    fn subscript(&mut self) -> PyResult<Expr> {
        let pos = self.pos();
        let first = self.slice_item()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.is_op("]") {
                break;
            }
            items.push(self.slice_item()?);
        }
        Ok(expr(ExprKind::Tuple(items), pos))
    }

    fn slice_item(&mut self) -> PyResult<Expr> {
        let pos = self.pos();
        let lower = if self.is_op(":") {
            None
        } else {
            Some(self.item()?)
        };
        if !self.eat_op(":") {
            return lower.ok_or_else(|| self.invalid());
        }
        let ends = |p: &Parser| p.is_op(":") || p.is_op("]") || p.is_op(",");
        let upper = if ends(self) {
            None
        } else {
            Some(Box::new(self.expression()?))
        };
        let step = if self.eat_op(":") {
            if self.is_op("]") || self.is_op(",") {
                None
            } else {
                Some(Box::new(self.expression()?))
            }
        } else {
            None
        };
        Ok(expr(ExprKind::Slice(lower.map(Box::new), upper, step), pos))
    }

    /// `for target in iter if cond ...` clauses, one or more.
    fn comprehension(&mut self) -> PyResult<Vec<Comprehension>> {
        let mut out = Vec::new();
        while self.eat_kw("for") {
            let target = self.target_list()?;
            if !self.eat_kw("in") {
                return Err(self.invalid());
            }
            let iter = self.or_test()?;
            let mut conds = Vec::new();
            while self.eat_kw("if") {
                conds.push(self.or_test()?);
            }
            out.push(Comprehension {
                target,
                iter,
                conds,
            });
        }
        Ok(out)
    }

    fn atom(&mut self) -> PyResult<Expr> {
        let pos = self.pos();
        let kind = match self.tok() {
            Tok::Name(n) => match n.as_str() {
                "None" => ExprKind::None,
                "True" => ExprKind::True,
                "False" => ExprKind::False,
                n if is_keyword(n) => return Err(self.invalid()),
                n => ExprKind::Name(crate::py::ast::Ident::new(n)),
            },
            Tok::Int(v) => ExprKind::Int(*v),
            Tok::Float(v) => ExprKind::Float(*v),
            Tok::Str(_) => return self.strings(),
            Tok::Op("(") => return self.parenthesized(),
            Tok::Op("[") => return self.list_display(),
            Tok::Op("{") => return self.brace_display(),
            _ => return Err(self.invalid()),
        };
        self.bump();
        Ok(expr(kind, pos))
    }

    fn parenthesized(&mut self) -> PyResult<Expr> {
        let pos = self.pos();
        self.bump();
        if self.eat_op(")") {
            return Ok(expr(ExprKind::Tuple(Vec::new()), pos));
        }
        let first = self.item()?;
        if self.is_kw("for") {
            let comps = self.comprehension()?;
            self.expect_op(")")?;
            return Ok(expr(ExprKind::GenExp(Box::new(first), comps), pos));
        }
        if self.eat_op(")") {
            return Ok(first);
        }
        if !self.is_op(",") {
            return Err(self.missing_comma(first.pos));
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.is_op(")") {
                break;
            }
            let at = self.pos();
            items.push(self.item()?);
            if !self.is_op(",") && !self.is_op(")") {
                return Err(self.missing_comma(at));
            }
        }
        self.expect_op(")")?;
        Ok(expr(ExprKind::Tuple(items), pos))
    }

    fn list_display(&mut self) -> PyResult<Expr> {
        let pos = self.pos();
        self.bump();
        if self.eat_op("]") {
            return Ok(expr(ExprKind::List(Vec::new()), pos));
        }
        let first = self.item()?;
        if self.is_kw("for") {
            let comps = self.comprehension()?;
            self.expect_op("]")?;
            return Ok(expr(ExprKind::ListComp(Box::new(first), comps), pos));
        }
        let mut items = vec![first];
        loop {
            if self.eat_op("]") {
                break;
            }
            if !self.eat_op(",") {
                let at = items.last().map_or(pos, |e| e.pos);
                return Err(self.missing_comma(at));
            }
            if self.eat_op("]") {
                break;
            }
            items.push(self.item()?);
        }
        Ok(expr(ExprKind::List(items), pos))
    }

    fn brace_display(&mut self) -> PyResult<Expr> {
        let pos = self.pos();
        self.bump();
        if self.eat_op("}") {
            return Ok(expr(ExprKind::Dict(Vec::new()), pos));
        }
        let mut pairs = Vec::new();
        loop {
            if self.is_op("**") {
                return Err(self.fail(msg!("py-syntax-no-dict-unpack")));
            }
            let key = self.item()?;
            if !self.eat_op(":") {
                if pairs.is_empty() && (self.is_op(",") || self.is_op("}") || self.is_kw("for")) {
                    return Err(syntax_error(pos, msg!("py-syntax-no-sets")));
                }
                if self.is_op(",") || self.is_op("}") {
                    return Err(self.fail(msg!("py-syntax-dict-colon")));
                }
                return Err(self.missing_comma(key.pos));
            }
            let value = self.expression()?;
            if pairs.is_empty() && self.is_kw("for") {
                let comps = self.comprehension()?;
                self.expect_op("}")?;
                return Ok(expr(
                    ExprKind::DictComp(Box::new(key), Box::new(value), comps),
                    pos,
                ));
            }
            let at = key.pos;
            pairs.push((key, value));
            if self.eat_op("}") {
                break;
            }
            if !self.eat_op(",") {
                return Err(self.missing_comma(at));
            }
            if self.eat_op("}") {
                break;
            }
        }
        Ok(expr(ExprKind::Dict(pairs), pos))
    }

    /// Adjacent string literals, joined; one f-string among them makes the whole an `FStr`.
    fn strings(&mut self) -> PyResult<Expr> {
        let pos = self.pos();
        let mut parts: Vec<FPart> = Vec::new();
        let mut formatted = false;
        while let Tok::Str(s) = self.tok() {
            let s: StrTok = s.clone();
            self.bump();
            if s.fstring {
                formatted = true;
                let mut cursor = FCursor::new(&s.value, s.body_pos, s.raw);
                for part in self.fstring_parts(&mut cursor, false, 0)? {
                    push_part(&mut parts, part);
                }
            } else {
                push_part(&mut parts, FPart::Lit(s.value));
            }
        }
        if formatted {
            return Ok(expr(ExprKind::FStr(parts), pos));
        }
        let text = match parts.pop() {
            Some(FPart::Lit(text)) => text,
            _ => String::new(),
        };
        Ok(expr(ExprKind::Str(std::rc::Rc::new(text)), pos))
    }

    /// The parts of an f-string body (or of a field's format spec, up to its `}`).
    fn fstring_parts(
        &mut self,
        cur: &mut FCursor,
        in_spec: bool,
        level: u32,
    ) -> PyResult<Vec<FPart>> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut segment = cur.k;
        loop {
            let Some(c) = cur.char_at(cur.k) else {
                if in_spec {
                    return Err(syntax_error(
                        cur.pos_at(cur.k),
                        msg!("py-syntax-fstring-expecting"),
                    ));
                }
                cur.flush(segment, cur.k, &mut literal)?;
                break;
            };
            match c {
                '{' => {
                    cur.flush(segment, cur.k, &mut literal)?;
                    if !in_spec && cur.char_at(cur.k + 1) == Some('{') {
                        literal.push('{');
                        cur.k += 2;
                    } else {
                        if !literal.is_empty() {
                            parts.push(FPart::Lit(std::mem::take(&mut literal)));
                        }
                        parts.push(self.fstring_field(cur, level)?);
                    }
                    segment = cur.k;
                }
                '}' => {
                    cur.flush(segment, cur.k, &mut literal)?;
                    if in_spec {
                        break;
                    }
                    if cur.char_at(cur.k + 1) != Some('}') {
                        return Err(syntax_error(
                            cur.pos_at(cur.k),
                            msg!("py-syntax-fstring-brace"),
                        ));
                    }
                    literal.push('}');
                    cur.k += 2;
                    segment = cur.k;
                }
                '\\' if !cur.raw && !matches!(cur.char_at(cur.k + 1), Some('{' | '}')) => {
                    cur.k += 2;
                }
                _ => cur.k += 1,
            }
        }
        if !literal.is_empty() {
            parts.push(FPart::Lit(literal));
        }
        Ok(parts)
    }

    /// One `{expr!conv:spec}` field; `cur.k` is at its `{`.
    fn fstring_field(&mut self, cur: &mut FCursor, level: u32) -> PyResult<FPart> {
        let open = cur.k;
        if level >= 2 {
            return Err(syntax_error(
                cur.pos_at(open),
                msg!("py-syntax-fstring-nested"),
            ));
        }
        cur.k += 1;
        let start = cur.k;
        let mut depth = 0usize;
        let mut quote: Option<char> = None;
        let mut opened: Vec<(char, usize)> = Vec::new();
        loop {
            let Some(c) = cur.char_at(cur.k) else {
                if let Some(&(bracket, at)) = opened.last() {
                    return Err(syntax_error(
                        cur.pos_at(at),
                        msg!("py-syntax-fstring-unmatched", bracket = bracket),
                    ));
                }
                return Err(syntax_error(
                    cur.pos_at(cur.k),
                    msg!("py-syntax-fstring-expecting"),
                ));
            };
            if c == '\\' {
                return Err(syntax_error(
                    cur.pos_at(cur.k),
                    msg!("py-syntax-fstring-backslash"),
                ));
            }
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                cur.k += 1;
                continue;
            }
            match c {
                '\'' | '"' => quote = Some(c),
                '#' => {
                    return Err(syntax_error(
                        cur.pos_at(cur.k),
                        msg!("py-syntax-fstring-hash"),
                    ));
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    opened.push((c, cur.k));
                }
                ')' | ']' => {
                    depth = depth.saturating_sub(1);
                    opened.pop();
                }
                '}' if depth > 0 => {
                    depth -= 1;
                    opened.pop();
                }
                '}' | ':' if depth == 0 => break,
                '!' if depth == 0 && cur.char_at(cur.k + 1) != Some('=') => break,
                '=' if depth == 0 => {
                    if cur.char_at(cur.k + 1) == Some('=') {
                        cur.k += 2;
                        continue;
                    }
                    let prev = if cur.k > start {
                        cur.char_at(cur.k - 1)
                    } else {
                        None
                    };
                    if !matches!(prev, Some('=' | '!' | '<' | '>')) {
                        break;
                    }
                }
                _ => {}
            }
            cur.k += 1;
        }
        let text = cur.text(start, cur.k).to_string();
        if text.trim().is_empty() {
            return Err(syntax_error(
                cur.pos_at(cur.k),
                msg!("py-syntax-fstring-empty"),
            ));
        }
        let tokens = lexer::tokenize_field(&text, cur.pos_at(start));
        let mut sub = Parser::new(tokens, self.depth);
        sub.stack_base = self.stack_base;
        let parsed = sub.expressions().and_then(|e| {
            if sub.at_end() {
                Ok(e)
            } else {
                Err(sub.missing_comma(e.pos))
            }
        });
        // As CPython 3.11, errors inside a field say that they are in an f-string.
        let e = parsed.map_err(|mut err| {
            if !err.message.id.starts_with("py-syntax-fstring")
                && err.message.id != "py-syntax-too-deep"
            {
                err.message = msg!("py-syntax-fstring-inner", error = err.message.clone());
            }
            err
        })?;
        let mut equals = false;
        let mut text = text;
        if cur.char_at(cur.k) == Some('=') {
            // `{x + 1 = }` prints `x + 1 = 4`: the text keeps the `=` and the spaces around it.
            equals = true;
            text.push('=');
            cur.k += 1;
            while let Some(c) = cur.char_at(cur.k).filter(|c| c.is_whitespace()) {
                text.push(c);
                cur.k += 1;
            }
        }
        let mut conv = None;
        if cur.char_at(cur.k) == Some('!') {
            cur.k += 1;
            match cur.char_at(cur.k) {
                Some(c @ ('s' | 'r' | 'a')) => {
                    conv = Some(c);
                    cur.k += 1;
                }
                _ => {
                    return Err(syntax_error(
                        cur.pos_at(cur.k),
                        msg!("py-syntax-fstring-conversion"),
                    ));
                }
            }
        }
        let mut spec = Vec::new();
        if cur.char_at(cur.k) == Some(':') {
            cur.k += 1;
            spec = self.fstring_parts(cur, true, level + 1)?;
        }
        if cur.char_at(cur.k) != Some('}') {
            return Err(syntax_error(
                cur.pos_at(cur.k),
                msg!("py-syntax-fstring-expecting"),
            ));
        }
        cur.k += 1;
        Ok(FPart::Field {
            expr: Box::new(e),
            text,
            equals,
            conv,
            spec,
        })
    }
}

/// Walks an f-string's body by characters, knowing each one's place in the source.
struct FCursor<'b> {
    body: &'b str,
    chars: Vec<(usize, char)>,
    positions: Vec<Pos>,
    k: usize,
    raw: bool,
}

impl<'b> FCursor<'b> {
    fn new(body: &'b str, start: Pos, raw: bool) -> FCursor<'b> {
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let mut positions = Vec::with_capacity(chars.len() + 1);
        let mut pos = start;
        for &(_, c) in &chars {
            positions.push(pos);
            if c == '\n' {
                pos = Pos {
                    line: pos.line + 1,
                    col: 1,
                };
            } else {
                pos.col += 1;
            }
        }
        positions.push(pos);
        FCursor {
            body,
            chars,
            positions,
            k: 0,
            raw,
        }
    }

    fn char_at(&self, k: usize) -> Option<char> {
        self.chars.get(k).map(|&(_, c)| c)
    }

    fn pos_at(&self, k: usize) -> Pos {
        self.positions
            .get(k)
            .or(self.positions.last())
            .copied()
            .unwrap_or_default()
    }

    fn byte(&self, k: usize) -> usize {
        self.chars.get(k).map_or(self.body.len(), |&(b, _)| b)
    }

    fn text(&self, from: usize, to: usize) -> &'b str {
        self.body.get(self.byte(from)..self.byte(to)).unwrap_or("")
    }

    /// Appends the literal text between character `from` and `to`, escapes applied.
    fn flush(&self, from: usize, to: usize, literal: &mut String) -> PyResult<()> {
        if from >= to {
            return Ok(());
        }
        let text = lexer::unescape(self.text(from, to), self.raw)
            .map_err(|m| syntax_error(self.pos_at(from), m))?;
        literal.push_str(&text);
        Ok(())
    }
}

fn push_part(parts: &mut Vec<FPart>, part: FPart) {
    if let FPart::Lit(text) = &part {
        if text.is_empty() {
            return;
        }
        if let Some(FPart::Lit(last)) = parts.last_mut() {
            last.push_str(text);
            return;
        }
    }
    parts.push(part);
}

fn aug_op(op: &str) -> Option<BinOp> {
    Some(match op {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mul,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "@=" => BinOp::MatMul,
        "&=" => BinOp::BitAnd,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        _ => return None,
    })
}

// ---- assignment targets ----

#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Assign,
    Del,
    Aug,
}

/// What an expression is called in "cannot assign to ..." (a message, or `None`/`True`/...).
fn what(e: &Expr) -> MsgArg {
    let id = match &e.kind {
        ExprKind::None => return MsgArg::from("None"),
        ExprKind::True => return MsgArg::from("True"),
        ExprKind::False => return MsgArg::from("False"),
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) => "py-syntax-what-literal",
        ExprKind::FStr(_) => "py-syntax-what-fstring",
        ExprKind::Dict(_) => "py-syntax-what-dict",
        ExprKind::Call(..) => "py-syntax-what-call",
        ExprKind::Compare(..) => "py-syntax-what-comparison",
        ExprKind::IfExp { .. } => "py-syntax-what-ifexp",
        ExprKind::Lambda(..) => "py-syntax-what-lambda",
        ExprKind::ListComp(..) => "py-syntax-what-listcomp",
        ExprKind::DictComp(..) => "py-syntax-what-dictcomp",
        ExprKind::GenExp(..) => "py-syntax-what-genexp",
        ExprKind::Tuple(_) => "py-syntax-what-tuple",
        ExprKind::List(_) => "py-syntax-what-list",
        _ => "py-syntax-what-expression",
    };
    MsgArg::from(Message::new(id))
}

/// Checks that `e` can be assigned to (or deleted, or augmented); `first` is the first target
/// of an assignment, where CPython suggests `==`.
fn check_target(e: &Expr, ctx: Ctx, first: bool) -> PyResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attr(..) | ExprKind::Index(..) => Ok(()),
        ExprKind::Tuple(items) | ExprKind::List(items) if ctx != Ctx::Aug => {
            for item in items {
                check_target(item, ctx, false)?;
            }
            Ok(())
        }
        _ => {
            let message = match ctx {
                Ctx::Aug => msg!("py-syntax-aug-target", what = what(e)),
                Ctx::Del => msg!("py-syntax-cannot-delete", what = what(e)),
                Ctx::Assign => {
                    let hint = first
                        && !matches!(
                            e.kind,
                            ExprKind::Compare(..)
                                | ExprKind::BoolOp(..)
                                | ExprKind::IfExp { .. }
                                | ExprKind::Lambda(..)
                                | ExprKind::GenExp(..)
                                | ExprKind::Unary(UnaryOp::Not, _)
                                | ExprKind::None
                                | ExprKind::True
                                | ExprKind::False
                        );
                    if hint {
                        msg!("py-syntax-cannot-assign-hint", what = what(e))
                    } else {
                        msg!("py-syntax-cannot-assign", what = what(e))
                    }
                }
            };
            Err(syntax_error(e.pos, message))
        }
    }
}

// ---- depth of trees ----

fn arg_expr(arg: &Arg) -> &Expr {
    match arg {
        Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::StarStar(e) => e,
    }
}

/// Calls `f` on each expression directly inside `e`.
fn children<'e>(e: &'e Expr, f: &mut dyn FnMut(&'e Expr)) {
    fn comps<'e>(cs: &'e [Comprehension], f: &mut dyn FnMut(&'e Expr)) {
        for c in cs {
            f(&c.target);
            f(&c.iter);
            c.conds.iter().for_each(&mut *f);
        }
    }
    fn fparts<'e>(parts: &'e [FPart], f: &mut dyn FnMut(&'e Expr)) {
        for part in parts {
            if let FPart::Field { expr, spec, .. } = part {
                f(expr);
                fparts(spec, f);
            }
        }
    }
    match &e.kind {
        ExprKind::None
        | ExprKind::True
        | ExprKind::False
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Name(_) => {}
        ExprKind::FStr(parts) => fparts(parts, f),
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(f),
        ExprKind::Dict(pairs) => {
            for (k, v) in pairs {
                f(k);
                f(v);
            }
        }
        ExprKind::Attr(inner, _) | ExprKind::Unary(_, inner) => f(inner),
        ExprKind::Index(a, b) | ExprKind::Binary(_, a, b) | ExprKind::BoolOp(_, a, b) => {
            f(a);
            f(b);
        }
        ExprKind::Slice(a, b, c) => {
            for part in [a, b, c].into_iter().flatten() {
                f(part);
            }
        }
        ExprKind::Call(func, args) => {
            f(func);
            args.iter().map(arg_expr).for_each(f);
        }
        ExprKind::Compare(first, rest) => {
            f(first);
            rest.iter().map(|(_, e)| e).for_each(f);
        }
        ExprKind::IfExp { cond, then, other } => {
            f(cond);
            f(then);
            f(other);
        }
        ExprKind::Lambda(params, body) => {
            params
                .positional
                .iter()
                .chain(&params.keyword_only)
                .filter_map(|(_, d)| d.as_ref())
                .for_each(&mut *f);
            f(body);
        }
        ExprKind::ListComp(elt, cs) | ExprKind::GenExp(elt, cs) => {
            f(elt);
            comps(cs, f);
        }
        ExprKind::DictComp(k, v, cs) => {
            f(k);
            f(v);
            comps(cs, f);
        }
    }
}

/// The depth of a tree (a leaf is 1). Trees handed to it are already bounded by the parser.
fn depth(e: &Expr) -> usize {
    let mut deepest = 0;
    children(e, &mut |c| deepest = deepest.max(depth(c)));
    deepest + 1
}

/// In a left-leaning chain, the depth of the next node over `left` and `right`; refuses a
/// chain too deep. `depth_left` remembers the chain's depth so far.
fn grow(depth_left: &mut Option<usize>, left: &Expr, right: &Expr) -> PyResult<usize> {
    let right_depth = depth(right);
    grow_to(depth_left, left, right_depth, left.pos)
}

fn grow_to(depth_left: &mut Option<usize>, left: &Expr, other: usize, pos: Pos) -> PyResult<usize> {
    let l = match *depth_left {
        Some(d) => d,
        None => depth(left),
    };
    let d = l.max(other) + 1;
    if d > MAX_NESTING {
        return Err(too_deep(pos));
    }
    *depth_left = Some(d);
    Ok(d)
}

/// Refuses an expression deeper than `MAX_NESTING`.
fn check_tree(e: &Expr) -> PyResult<()> {
    if depth(e) > MAX_NESTING {
        return Err(too_deep(e.pos));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, ids};

    fn parse(src: &str) -> Vec<Stmt> {
        parse_module(src).unwrap_or_else(|e| panic!("{src:?}: {}", Lang::En.say(&e.message)))
    }

    /// The one expression statement of `src`, shown compactly.
    fn ex(src: &str) -> String {
        match parse(src).as_slice() {
            [
                Stmt {
                    kind: StmtKind::Expr(e),
                    ..
                },
            ] => show(e),
            other => panic!("{src:?}: {other:?}"),
        }
    }

    /// The error of `src`: kind, English message, line and column. Checks that both
    /// languages have every message involved.
    fn err(src: &str) -> (ExcKind, String, u32, u32) {
        let e = match parse_module(src) {
            Ok(s) => panic!("{src:?} parsed: {s:?}"),
            Err(e) => e,
        };
        let mut stack = vec![&e.message];
        while let Some(m) = stack.pop() {
            for lang in Lang::ALL {
                assert!(
                    ids(lang).iter().any(|id| id == m.id),
                    "{} lacks {}",
                    lang.code(),
                    m.id
                );
            }
            for (_, arg) in &m.args {
                if let MsgArg::Message(inner) = arg {
                    stack.push(inner);
                }
            }
        }
        let korean = Lang::Ko.say(&e.message);
        assert!(!korean.contains("py-syntax"), "{korean}");
        let pos = e.pos.expect("position");
        (e.kind, Lang::En.say(&e.message), pos.line, pos.col)
    }

    fn syn(src: &str) -> (String, u32, u32) {
        let (kind, text, line, col) = err(src);
        assert_eq!(kind, ExcKind::SyntaxError, "{src:?}: {text}");
        (text, line, col)
    }

    fn s(text: &str, line: u32, col: u32) -> (String, u32, u32) {
        (text.to_string(), line, col)
    }

    fn show(e: &Expr) -> String {
        fn list(items: &[Expr]) -> String {
            items.iter().map(show).collect::<Vec<_>>().join(", ")
        }
        fn comps(cs: &[Comprehension]) -> String {
            cs.iter()
                .map(|c| {
                    let conds: String =
                        c.conds.iter().map(|e| format!(" if {}", show(e))).collect();
                    format!(" for {} in {}{conds}", show(&c.target), show(&c.iter))
                })
                .collect()
        }
        fn parts(ps: &[FPart]) -> String {
            ps.iter()
                .map(|p| match p {
                    FPart::Lit(t) => t.clone(),
                    FPart::Field {
                        expr,
                        text,
                        equals,
                        conv,
                        spec,
                    } => {
                        let conv = conv.map(|c| format!("!{c}")).unwrap_or_default();
                        let eq = if *equals {
                            format!("={text:?}")
                        } else {
                            String::new()
                        };
                        format!("{{{}{eq}{conv}:{}}}", show(expr), parts(spec))
                    }
                })
                .collect()
        }
        fn opt(e: &Option<Box<Expr>>) -> String {
            e.as_ref().map(|e| show(e)).unwrap_or_default()
        }
        match &e.kind {
            ExprKind::None => "None".into(),
            ExprKind::True => "True".into(),
            ExprKind::False => "False".into(),
            ExprKind::Int(v) => v.to_string(),
            ExprKind::Float(v) => format!("{v:?}"),
            ExprKind::Str(t) => format!("{t:?}"),
            ExprKind::FStr(ps) => format!("f<{}>", parts(ps)),
            ExprKind::Name(n) => n.to_string(),
            ExprKind::Tuple(items) => format!("({},)", list(items)),
            ExprKind::List(items) => format!("[{}]", list(items)),
            ExprKind::Dict(pairs) => {
                let inner: Vec<String> = pairs
                    .iter()
                    .map(|(k, v)| format!("{}: {}", show(k), show(v)))
                    .collect();
                format!("{{{}}}", inner.join(", "))
            }
            ExprKind::Attr(a, n) => format!("{}.{n}", show(a)),
            ExprKind::Index(a, i) => format!("{}[{}]", show(a), show(i)),
            ExprKind::Slice(a, b, c) => format!("{}:{}:{}", opt(a), opt(b), opt(c)),
            ExprKind::Call(f, args) => {
                let args: Vec<String> = args
                    .iter()
                    .map(|a| match a {
                        Arg::Pos(e) => show(e),
                        Arg::Star(e) => format!("*{}", show(e)),
                        Arg::Kw(n, e) => format!("{n}={}", show(e)),
                        Arg::StarStar(e) => format!("**{}", show(e)),
                    })
                    .collect();
                format!("{}({})", show(f), args.join(", "))
            }
            ExprKind::Unary(op, a) => format!("({op:?} {})", show(a)),
            ExprKind::Binary(op, a, b) => format!("({} {op:?} {})", show(a), show(b)),
            ExprKind::BoolOp(op, a, b) => format!("({} {op:?} {})", show(a), show(b)),
            ExprKind::Compare(a, rest) => {
                let rest: String = rest
                    .iter()
                    .map(|(op, e)| format!(" {op:?} {}", show(e)))
                    .collect();
                format!("({}{rest})", show(a))
            }
            ExprKind::IfExp { cond, then, other } => {
                format!("({} if {} else {})", show(then), show(cond), show(other))
            }
            ExprKind::Lambda(p, body) => {
                format!("(lambda {:?}: {})", p.positional.len(), show(body))
            }
            ExprKind::ListComp(e, cs) => format!("[{}{}]", show(e), comps(cs)),
            ExprKind::GenExp(e, cs) => format!("<{}{}>", show(e), comps(cs)),
            ExprKind::DictComp(k, v, cs) => {
                format!("{{{}: {}{}}}", show(k), show(v), comps(cs))
            }
        }
    }

    #[test]
    fn precedence_follows_python() {
        assert_eq!(ex("-2**2"), "(Neg (2 Pow 2))");
        assert_eq!(ex("2**-1"), "(2 Pow (Neg 1))");
        assert_eq!(ex("2**3**2"), "(2 Pow (3 Pow 2))");
        assert_eq!(ex("1 + 2 * 3 - 4"), "((1 Add (2 Mul 3)) Sub 4)");
        assert_eq!(
            ex("a @ b / c // d % e"),
            "((((a MatMul b) Div c) FloorDiv d) Mod e)"
        );
        assert_eq!(
            ex("a | b ^ c & d << 1 + 2"),
            "(a BitOr (b BitXor (c BitAnd (d LShift (1 Add 2)))))"
        );
        assert_eq!(ex("~x >> 1"), "((Invert x) RShift 1)");
        assert_eq!(ex("not a == b"), "(Not (a Eq b))");
        assert_eq!(ex("a or b and not c"), "(a Or (b And (Not c)))");
        assert_eq!(ex("a or b or c"), "((a Or b) Or c)");
        assert_eq!(ex("a < b <= c != d"), "(a Lt b Le c Ne d)");
        assert_eq!(
            ex("x is not None and y not in z"),
            "((x IsNot None) And (y NotIn z))"
        );
        assert_eq!(
            ex("a if b else c if d else e"),
            "(a if b else (c if d else e))"
        );
        assert_eq!(ex("lambda a, b=1: a + b"), "(lambda 2: (a Add b))");
        assert_eq!(ex("-x ** 2 * 3"), "((Neg (x Pow 2)) Mul 3)");
        assert_eq!(ex("--x"), "(Neg (Neg x))");
    }

    #[test]
    fn atoms_and_trailers() {
        assert_eq!(ex("()"), "(,)");
        assert_eq!(ex("(1,)"), "(1,)");
        assert_eq!(ex("(1)"), "1");
        assert_eq!(ex("1, 2,"), "(1, 2,)");
        assert_eq!(ex("[]"), "[]");
        assert_eq!(ex("[1, [2, 3],]"), "[1, [2, 3]]");
        assert_eq!(ex("{}"), "{}");
        assert_eq!(ex("{'a': 1, \"b\": [2],}"), "{\"a\": 1, \"b\": [2]}");
        assert_eq!(ex("None, True, False"), "(None, True, False,)");
        assert_eq!(ex("np.random.randn(2, 3)"), "np.random.randn(2, 3)");
        assert_eq!(ex("f(a, *b, k=1, **d,)"), "f(a, *b, k=1, **d)");
        assert_eq!(ex("a[1:, ::2]"), "a[(1::, ::2,)]");
        assert_eq!(ex("a[:, 0]"), "a[(::, 0,)]");
        assert_eq!(ex("m[0, 1]"), "m[(0, 1,)]");
        assert_eq!(ex("x[1:-1]"), "x[1:(Neg 1):]");
        assert_eq!(ex("d['k'][0].shape"), "d[\"k\"][0].shape");
        assert_eq!(ex("f()()"), "f()()");
    }

    #[test]
    fn comprehensions() {
        assert_eq!(
            ex("[f(x) for x in xs if x > 0]"),
            "[f(x) for x in xs if (x Gt 0)]"
        );
        assert_eq!(
            ex("[(i, j) for i in range(3) for j in range(i) if i if j]"),
            "[(i, j,) for i in range(3) for j in range(i) if i if j]"
        );
        assert_eq!(ex("sum(x*x for x in xs)"), "sum(<(x Mul x) for x in xs>)");
        assert_eq!(ex("(x for x, y in ps)"), "<x for (x, y,) in ps>");
        assert_eq!(
            ex("{k: v for k, v in d.items()}"),
            "{k: v for (k, v,) in d.items()}"
        );
        assert_eq!(ex("[x for x in a or b]"), "[x for x in (a Or b)]");
    }

    #[test]
    fn numbers() {
        assert_eq!(
            ex("1_000, 0x_ff, 0o17, 0b101, 00, 0_0"),
            "(1000, 255, 15, 5, 0, 0,)"
        );
        assert_eq!(
            ex("1., .5, 1e-5, 1_000.5, 1E3, 2.5e+2"),
            "(1.0, 0.5, 1e-5, 1000.5, 1000.0, 250.0,)"
        );
        assert_eq!(ex("9223372036854775807"), "9223372036854775807");
        assert_eq!(ex("1..real"), "1.0.real");
        assert_eq!(syn("x = 1abc\n"), s("invalid decimal literal", 1, 5));
        assert_eq!(syn("x = 1_\n").0, "invalid decimal literal");
        assert_eq!(syn("x = 1.real\n").0, "invalid decimal literal");
        assert_eq!(syn("x = 0x\n").0, "invalid hexadecimal literal");
        assert_eq!(
            syn("x = 012\n"),
            s(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                1,
                5
            )
        );
        assert_eq!(
            syn("x = 3j\n"),
            s("imaginary numbers (3j) are not supported", 1, 5)
        );
        assert_eq!(
            syn("n = 9223372036854775808\n"),
            s(
                "integer literal too large: 9223372036854775808 (integers here are 64-bit, at most 9223372036854775807)",
                1,
                5
            )
        );
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(
            ex(r#"'a\tb\n\\\'\"\x41\u00e9\0\q'"#),
            "\"a\\tb\\n\\\\'\\\"Aé\\0\\\\q\""
        );
        assert_eq!(ex(r"r'a\nb'"), "\"a\\\\nb\"");
        assert_eq!(ex("'a' \"b\" '''c'''"), "\"abc\"");
        assert_eq!(ex("'''line1\nline2'''"), "\"line1\\nline2\"");
        assert_eq!(ex("u'x' R'\\d'"), "\"x\\\\d\"");
        assert_eq!(ex("'a\\\nb'"), "\"ab\"");
        assert_eq!(ex("'한글' + 학습률"), "(\"한글\" Add 학습률)");
        assert_eq!(
            syn("s = 'abc\n"),
            s("unterminated string literal (detected at line 1)", 1, 5)
        );
        assert_eq!(
            syn("s = '''abc\n\n\nx\n"),
            s(
                "unterminated triple-quoted string literal (detected at line 4)",
                1,
                5
            )
        );
        assert_eq!(
            syn("print('a' 'b)\n"),
            s("unterminated string literal (detected at line 1)", 1, 11)
        );
        assert_eq!(
            syn("x = b'a'\n"),
            s("bytes literals (b'...') are not supported", 1, 5)
        );
        assert_eq!(
            syn("x = '\\x4'\n").0,
            "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\xXX escape"
        );
    }

    #[test]
    fn fstrings() {
        assert_eq!(ex("f'{name:>7}: {count:3d}'"), "f<{name:>7}: {count:3d}>");
        assert_eq!(
            ex("f'{{x}} {x!r} {y=} {z = :.2f}'"),
            "f<{x} {x!r:} {y=\"y=\":} {z=\"z = \":.2f}>"
        );
        assert_eq!(ex("f'{x:{width}.{prec}f}'"), "f<{x:{width:}.{prec:}f}>");
        assert_eq!(
            ex("f\"{d['k']} {f(a, b)} {a if c else b}\""),
            "f<{d[\"k\"]:} {f(a, b):} {(a if c else b):}>"
        );
        assert_eq!(
            ex("f'{a != b} {a == b} {a <= b}'"),
            "f<{(a Ne b):} {(a Eq b):} {(a Le b):}>"
        );
        assert_eq!(ex("'x: ' f'{x}' '!'"), "f<x: {x:}!>");
        assert_eq!(ex("f'\\t{x}\\n'"), "f<\t{x:}\n>");
        assert_eq!(ex("f'{ {1: 2}[1] }'"), "f<{{1: 2}[1]:}>");
        assert_eq!(ex("f''"), "f<>");
        // A field's expression is placed where it is written.
        let stmts = parse("s = f'ab{x + y}'\n");
        let StmtKind::Assign(_, value) = &stmts[0].kind else {
            panic!()
        };
        let ExprKind::FStr(parts) = &value.kind else {
            panic!()
        };
        let FPart::Field { expr, .. } = &parts[1] else {
            panic!()
        };
        assert_eq!(expr.pos, Pos { line: 1, col: 10 });
        assert_eq!(
            syn("print(f'{x!z}')\n").0,
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        );
        assert_eq!(
            syn("print(f'{}')\n").0,
            "f-string: empty expression not allowed"
        );
        assert_eq!(syn("x = f'}'\n").0, "f-string: single '}' is not allowed");
        assert_eq!(syn("x = f'{'\n").0, "f-string: expecting '}'");
        assert_eq!(syn("x = f'{a!rr}'\n").0, "f-string: expecting '}'");
        assert_eq!(
            syn("x = f'{x#}'\n").0,
            "f-string expression part cannot include '#'"
        );
        assert_eq!(
            syn("x = f'{a:{b:{c}}}'\n").0,
            "f-string: expressions nested too deeply"
        );
        assert_eq!(
            syn("x = f'{a b}'\n").0,
            "f-string: invalid syntax. Perhaps you forgot a comma?"
        );
        assert_eq!(syn("x = f'{a['b']}'\n").0, "f-string: unmatched '['");
        assert_eq!(
            syn("x = f'{1abc}'\n").0,
            "f-string: invalid decimal literal"
        );
    }

    #[test]
    fn assignments_and_targets() {
        let stmts = parse(
            "a = b = 0\n(x_train, t_train), (x_test, t_test) = f()\na, b = b, a\nx[0] += 1\n",
        );
        let StmtKind::Assign(targets, value) = &stmts[0].kind else {
            panic!()
        };
        assert_eq!(targets.iter().map(show).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(show(value), "0");
        let StmtKind::Assign(targets, _) = &stmts[1].kind else {
            panic!()
        };
        assert_eq!(
            show(&targets[0]),
            "((x_train, t_train,), (x_test, t_test,),)"
        );
        let StmtKind::Assign(targets, value) = &stmts[2].kind else {
            panic!()
        };
        assert_eq!(
            (show(&targets[0]), show(value)),
            ("(a, b,)".into(), "(b, a,)".into())
        );
        assert!(
            matches!(&stmts[3].kind, StmtKind::AugAssign(t, BinOp::Add, _) if show(t) == "x[0]")
        );
        for (op, bin) in [
            ("-=", BinOp::Sub),
            ("**=", BinOp::Pow),
            ("//=", BinOp::FloorDiv),
            ("@=", BinOp::MatMul),
            (">>=", BinOp::RShift),
            ("|=", BinOp::BitOr),
        ] {
            let stmts = parse(&format!("x {op} 2"));
            assert!(
                matches!(stmts[0].kind, StmtKind::AugAssign(_, b, _) if b == bin),
                "{op}"
            );
        }
        let stmts = parse("x: int = 5\ny: float\n");
        assert!(
            matches!(&stmts[0].kind, StmtKind::Assign(t, v) if show(&t[0]) == "x" && show(v) == "5")
        );
        let hint = "here. Maybe you meant '==' instead of '='?";
        assert_eq!(
            syn("1 = x\n"),
            s(&format!("cannot assign to literal {hint}"), 1, 1)
        );
        assert_eq!(
            syn("f() = 1\n"),
            s(&format!("cannot assign to function call {hint}"), 1, 1)
        );
        assert_eq!(syn("(a, 1) = 2\n"), s("cannot assign to literal", 1, 5));
        assert_eq!(
            syn("[a, f()] = 1\n"),
            s("cannot assign to function call", 1, 5)
        );
        assert_eq!(syn("x = 1 = 2\n"), s("cannot assign to literal", 1, 5));
        assert_eq!(syn("a < b = 1\n"), s("cannot assign to comparison", 1, 1));
        assert_eq!(syn("None = 1\n"), s("cannot assign to None", 1, 1));
        assert_eq!(
            syn("for 1 in x: pass\n"),
            s("cannot assign to literal", 1, 5)
        );
        assert_eq!(syn("del f()\n"), s("cannot delete function call", 1, 5));
        assert_eq!(
            syn("a, b += 1\n"),
            s(
                "'tuple' is an illegal expression for augmented assignment",
                1,
                1
            )
        );
        assert_eq!(
            syn("x.y() += 1\n"),
            s(
                "'function call' is an illegal expression for augmented assignment",
                1,
                1
            )
        );
        assert_eq!(
            syn("a, *b = c\n"),
            s(
                "starred expressions (*x) are only supported as call arguments, as in f(*args)",
                1,
                4
            )
        );
    }

    #[test]
    fn compound_statements() {
        let src = "\
for i, (x, y) in enumerate(zip(a, b)):
    if x > y:
        continue
    elif x == y: break
    else:
        pass
else:
    done = True
while n > 0:
    n -= 1
";
        let stmts = parse(src);
        let StmtKind::For(target, iter, body, orelse) = &stmts[0].kind else {
            panic!()
        };
        assert_eq!(show(target), "(i, (x, y,),)");
        assert_eq!(show(iter), "enumerate(zip(a, b))");
        assert_eq!(orelse.len(), 1);
        let StmtKind::If(branches, other) = &body[0].kind else {
            panic!()
        };
        assert_eq!(branches.len(), 2);
        assert!(matches!(branches[0].1[0].kind, StmtKind::Continue));
        assert!(matches!(branches[1].1[0].kind, StmtKind::Break));
        assert!(matches!(other[0].kind, StmtKind::Pass));
        assert!(
            matches!(&stmts[1].kind, StmtKind::While(_, body, e) if body.len() == 1 && e.is_empty())
        );
        assert_eq!(stmts[1].pos, Pos { line: 9, col: 1 });

        let src = "\
def f(a, b=1, *args, c, d=2, **kw) -> float:
    return a, b
def g(x: int, y: float = 0.5): return x
def h(*, k): pass
class Net(object):
    def __init__(self):
        self.params = {}
class Empty: pass
";
        let stmts = parse(src);
        let StmtKind::Def(f) = &stmts[0].kind else {
            panic!()
        };
        let names = |ps: &[(String, Option<Expr>)]| -> Vec<(String, bool)> {
            ps.iter().map(|(n, d)| (n.clone(), d.is_some())).collect()
        };
        assert_eq!(f.name, "f");
        assert_eq!(
            names(&f.params.positional),
            [("a".to_string(), false), ("b".to_string(), true)]
        );
        assert_eq!(f.params.star.as_deref(), Some("args"));
        assert_eq!(
            names(&f.params.keyword_only),
            [("c".to_string(), false), ("d".to_string(), true)]
        );
        assert_eq!(f.params.star_star.as_deref(), Some("kw"));
        assert!(matches!(&f.body[0].kind, StmtKind::Return(Some(e)) if show(e) == "(a, b,)"));
        let StmtKind::Def(g) = &stmts[1].kind else {
            panic!()
        };
        assert_eq!(g.params.positional.len(), 2);
        let StmtKind::Def(h) = &stmts[2].kind else {
            panic!()
        };
        assert_eq!(
            (h.params.star.clone(), h.params.keyword_only.len()),
            (None, 1)
        );
        let StmtKind::Class(net) = &stmts[3].kind else {
            panic!()
        };
        assert_eq!(
            (net.name.as_str(), net.bases.len(), net.body.len()),
            ("Net", 1, 1)
        );
        assert!(matches!(&stmts[4].kind, StmtKind::Class(c) if c.bases.is_empty()));

        let src = "\
try:
    x = 1 / 0
except (ZeroDivisionError, ValueError) as e:
    print(e)
except KeyError:
    pass
except:
    raise
else:
    y = 2
finally:
    z = 3
";
        let stmts = parse(src);
        let StmtKind::Try(t) = &stmts[0].kind else {
            panic!()
        };
        assert_eq!(t.handlers.len(), 3);
        assert_eq!(t.handlers[0].1.as_deref(), Some("e"));
        assert!(t.handlers[2].0.is_none());
        assert_eq!((t.orelse.len(), t.finally.len()), (1, 1));
    }

    #[test]
    fn simple_statements() {
        let src = "\
import numpy as np
import os.path, sys
from a.b import x, y as z
from m import *
from m import (a,
    b,)
global g, h
del a, b[0]
assert c, 'msg'
raise ValueError('bad')
x = 1; y = 2;
";
        let kinds: Vec<StmtKind> = parse(src).into_iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds[0],
            StmtKind::Import("numpy".into(), Some("np".into()))
        );
        assert_eq!(kinds[1], StmtKind::Import("os.path".into(), None));
        assert_eq!(kinds[2], StmtKind::Import("sys".into(), None));
        assert_eq!(
            kinds[3],
            StmtKind::FromImport(
                "a.b".into(),
                vec![("x".into(), None), ("y".into(), Some("z".into()))]
            )
        );
        assert_eq!(
            kinds[4],
            StmtKind::FromImport("m".into(), vec![("*".into(), None)])
        );
        assert_eq!(
            kinds[5],
            StmtKind::FromImport("m".into(), vec![("a".into(), None), ("b".into(), None)])
        );
        assert_eq!(kinds[6], StmtKind::Global(vec!["g".into(), "h".into()]));
        assert!(matches!(&kinds[7], StmtKind::Del(t) if t.len() == 2));
        assert!(matches!(&kinds[8], StmtKind::Assert(_, Some(_))));
        assert!(matches!(&kinds[9], StmtKind::Raise(Some(_))));
        assert_eq!(kinds.len(), 12);
        let quiet: Vec<bool> = parse_module_quiet("a = 1;\nb = 2\nc = 3; d\nif x: y = 1;\n")
            .expect("parses")
            .into_iter()
            .map(|(_, q)| q)
            .collect();
        assert_eq!(quiet, [true, false, true, false, false]);
    }

    #[test]
    fn tool_statements() {
        let tool = |src: &str| match parse(src).first().map(|s| &s.kind) {
            Some(StmtKind::Tool(t)) => Some(t.clone()),
            _ => None,
        };
        assert_eq!(tool("back y"), Some("back y".into()));
        assert_eq!(
            tool("back t ones_like(t);  "),
            Some("back t ones_like(t)".into())
        );
        assert_eq!(tool("seed 3"), Some("seed 3".into()));
        assert_eq!(tool("load digits  # data"), Some("load digits".into()));
        assert_eq!(
            tool("graph y --dot 2layer.dot"),
            Some("graph y --dot 2layer.dot".into())
        );
        assert_eq!(
            tool("load 'my file;.npz'"),
            Some("load 'my file;.npz'".into())
        );
        assert_eq!(tool("step = 0.1"), None);
        assert_eq!(tool("check(x)"), None);
        assert_eq!(tool("seed(3)"), None);
        assert_eq!(tool("back.x"), None);
        assert_eq!(tool("step"), None);
        assert_eq!(tool("step in steps"), None);
        let stmts = parse("x = 1; back y; z = 2\nfor i in range(3):\n    step W 0.1\n");
        assert_eq!(stmts[1].kind, StmtKind::Tool("back y".into()));
        assert_eq!(stmts[1].pos, Pos { line: 1, col: 8 });
        let StmtKind::For(_, _, body, _) = &stmts[3].kind else {
            panic!()
        };
        assert_eq!(body[0].kind, StmtKind::Tool("step W 0.1".into()));
    }

    #[test]
    fn lines_and_indentation() {
        let src = "if a:\r\n\tx = 1  \r\n\r\n        # note\r\n        y = [1,\r\n  2]\r\n\r\nz = 1 + \\\n  2\n";
        let stmts = parse(src);
        assert_eq!(stmts.len(), 2);
        let StmtKind::If(branches, _) = &stmts[0].kind else {
            panic!()
        };
        assert_eq!(branches[0].1.len(), 2);
        assert_eq!(stmts[1].pos, Pos { line: 8, col: 1 });
        assert!(parse("").is_empty());
        assert!(parse("# only a comment\n\n   \n").is_empty());
        assert_eq!(parse("x = 1").len(), 1);
    }

    #[test]
    fn syntax_errors_with_positions() {
        assert_eq!(syn("x = (1,\ny = 2\n"), s("'(' was never closed", 1, 5));
        assert_eq!(syn("x = 1)\n"), s("unmatched ')'", 1, 6));
        assert_eq!(
            syn("x = [1, 2)\n"),
            s(
                "closing parenthesis ')' does not match opening parenthesis '['",
                1,
                10
            )
        );
        assert_eq!(
            syn("x = [1,\n2)\n"),
            s(
                "closing parenthesis ')' does not match opening parenthesis '[' on line 1",
                2,
                2
            )
        );
        assert_eq!(syn("if x\n  y\n"), s("expected ':'", 1, 5));
        assert_eq!(syn("for x in y\n  pass\n"), s("expected ':'", 1, 11));
        assert_eq!(syn("x +\n"), s("invalid syntax", 1, 4));
        assert_eq!(syn("x = = 1\n"), s("invalid syntax", 1, 5));
        assert_eq!(syn("def f(:\n"), s("invalid syntax", 1, 7));
        assert_eq!(syn("a = 1 +* 2\n"), s("invalid syntax", 1, 8));
        assert_eq!(syn("x = 5 5\n"), s("invalid syntax", 1, 7));
        assert_eq!(syn("x = $\n"), s("invalid syntax", 1, 5));
        assert_eq!(syn("x = a →\n"), s("invalid character '→' (U+2192)", 1, 7));
        let comma = "invalid syntax. Perhaps you forgot a comma?";
        assert_eq!(syn("x = [1 2]\n"), s(comma, 1, 6));
        assert_eq!(syn("f(a, b c)\n"), s(comma, 1, 6));
        assert_eq!(syn("x = (1 2)\n"), s(comma, 1, 6));
        assert_eq!(
            syn("x = 1 if 2\n"),
            s("expected 'else' after 'if' expression", 1, 5)
        );
        assert_eq!(
            syn("try:\n  x\n"),
            s("expected 'except' or 'finally' block", 2, 4)
        );
        assert_eq!(syn("x = 5 +\\\n"), s("unexpected EOF while parsing", 1, 9));
        assert_eq!(
            syn("f(x for x in y, 1)\n"),
            s("Generator expression must be parenthesized", 1, 3)
        );
        assert_eq!(
            syn("f(a=1, 2)\n"),
            s("positional argument follows keyword argument", 1, 8)
        );
        assert_eq!(
            syn("f(x=1, x=2)\n"),
            s("keyword argument repeated: x", 1, 8)
        );
        assert_eq!(
            syn("def f(a=1, b):\n pass\n"),
            s("non-default argument follows default argument", 1, 12)
        );
        assert_eq!(
            syn("def f(a, a): pass\n"),
            s("duplicate argument 'a' in function definition", 1, 10)
        );
        assert_eq!(
            syn("def f(*): pass\n"),
            s("named arguments must follow bare *", 1, 7)
        );
        assert_eq!(syn("return\n"), s("'return' outside function", 1, 1));
        assert_eq!(
            syn("for x in y:\n    pass\nelse:\n    break\n"),
            s("'break' outside loop", 4, 5)
        );
        assert_eq!(
            syn("def f():\n  class A:\n    return 1\n"),
            s("'return' outside function", 3, 5)
        );
        assert_eq!(
            syn("continue\n"),
            s("'continue' not properly in loop", 1, 1)
        );
        assert_eq!(
            syn("try:\n pass\nexcept A, B:\n pass\n"),
            s("multiple exception types must be parenthesized", 3, 8)
        );
        assert_eq!(
            syn("try:\n pass\nexcept:\n pass\nexcept A:\n pass\n"),
            s("default 'except:' must be last", 3, 1)
        );
        assert_eq!(
            syn("x = {'a': 1, 'b'}\n").0,
            "':' expected after dictionary key"
        );
        assert_eq!(
            syn("print 'x'\n"),
            s(
                "Missing parentheses in call to 'print'. Did you mean print(...)?",
                1,
                1
            )
        );
        assert_eq!(
            syn("x = 1 +\\ 2\n").0,
            "unexpected character after line continuation character"
        );
        assert_eq!(syn("else: pass\n"), s("invalid syntax", 1, 1));
        assert_eq!(
            syn("x = {1, 2}\n").0,
            "set literals ({1, 2}) are not supported; use a list, or a dict for lookups"
        );
        assert_eq!(syn("x = a[...]\n").0, "'...' (Ellipsis) is not supported");
        assert_eq!(
            syn("@dec\ndef f(): pass\n").0,
            "decorators (@name before def or class) are not supported"
        );
        assert_eq!(
            syn("with open(f) as g:\n  pass\n").0,
            "'with' statements are not supported"
        );
        assert_eq!(
            syn("x = (yield)\n").0,
            "'yield' is not supported: generator functions are not available"
        );
        assert_eq!(
            syn("nonlocal x\n").0,
            "nonlocal declaration not allowed at module level"
        );
    }

    #[test]
    fn indentation_errors() {
        let ind = |src: &str| {
            let (kind, text, line, col) = err(src);
            assert_eq!(kind, ExcKind::IndentationError, "{src:?}");
            (text, line, col)
        };
        assert_eq!(
            ind("if x:\ny\n"),
            s(
                "expected an indented block after 'if' statement on line 1",
                2,
                1
            )
        );
        assert_eq!(
            ind("x = 1\nwhile x:\n"),
            s(
                "expected an indented block after 'while' statement on line 2",
                2,
                9
            )
        );
        assert_eq!(
            ind("class A:\npass\n"),
            s(
                "expected an indented block after class definition on line 1",
                2,
                1
            )
        );
        assert_eq!(
            ind("def f():\n\nx\n").0,
            "expected an indented block after function definition on line 1"
        );
        assert_eq!(ind("  x = 1\n"), s("unexpected indent", 1, 2));
        assert_eq!(ind("x\n  y\n"), s("unexpected indent", 2, 2));
        assert_eq!(
            ind("if x:\n    y\n  z\n"),
            s("unindent does not match any outer indentation level", 3, 4)
        );
        assert_eq!(
            ind("if True:\n    x = 1\n   y = 2\n"),
            s("unindent does not match any outer indentation level", 3, 9)
        );
        // A tab goes to the next multiple of 8: it lines up with eight spaces.
        assert_eq!(parse("if x:\n\ty = 1\n        z = 2\n").len(), 1);
    }

    #[test]
    fn needs_more_input() {
        for text in [
            "x = (1,",
            "x = [\n  1,",
            "s = '''abc",
            "x = 1 + \\",
            "x = 1 + \\\n",
            "if x:",
            "for i in range(3):\n    print(i)",
            "if x: y = 1",
            "def f():\n    return 1",
            "if x:\n    y\nelse:",
            "try:\n    x",
            "class A:\n    def f(self):\n        pass",
        ] {
            assert!(needs_more(text), "{text:?}");
        }
        for text in [
            "",
            "x = 1",
            "for i in range(3):\n    print(i)\n",
            "if x:\n",
            "x = (1))",
            "x = = 1",
            "s = 'abc",
            "print(1)",
            "back y",
        ] {
            assert!(!needs_more(text), "{text:?}");
        }
    }

    #[test]
    fn deep_inputs_are_refused_not_overflowed() {
        let too_deep = "expression too deeply nested (more than 200 levels)";
        let nested = |n: usize| format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n));
        assert_eq!(parse(&nested(150)).len(), 1);
        assert_eq!(syn(&nested(201)).0, "too many nested parentheses");
        assert_eq!(syn(&format!("x = {}1\n", "-".repeat(100_000))).0, too_deep);
        assert_eq!(
            syn(&format!("x = {}1\n", "not ".repeat(100_000))).0,
            too_deep
        );
        assert_eq!(
            syn(&format!("x = 1{}\n", " + 1".repeat(100_000))).0,
            too_deep
        );
        assert_eq!(
            syn(&format!("x = 1{}\n", " or 1".repeat(100_000))).0,
            too_deep
        );
        assert_eq!(
            syn(&format!("x = 2{}\n", " ** 2".repeat(100_000))).0,
            too_deep
        );
        assert_eq!(syn(&format!("x = a{}\n", ".b".repeat(100_000))).0, too_deep);
        assert_eq!(syn(&format!("x = f{}\n", "()".repeat(100_000))).0, too_deep);
        assert_eq!(
            syn(&format!("x = a{}\n", "[0]".repeat(100_000))).0,
            too_deep
        );
        assert_eq!(
            syn(&format!("x = 1{}\n", " if 1 else 1".repeat(100_000))).0,
            too_deep
        );
        assert_eq!(
            syn(&format!("x = {}1\n", "lambda: ".repeat(100_000))).0,
            too_deep
        );
        assert_eq!(
            syn(&format!("x = {}\n", "[".repeat(100_000))).0,
            "too many nested parentheses"
        );
        // Chains of 150 additions inside 60 calls: deeper than the limit in all.
        let inner = format!("1{}", " + 1".repeat(150));
        assert_eq!(
            syn(&format!(
                "x = {}{inner}{}\n",
                "f(".repeat(60),
                ")".repeat(60)
            ))
            .0,
            too_deep
        );
        // Blocks: at most 100 levels of indentation, as CPython.
        let mut blocks = String::new();
        for level in 0..120 {
            blocks.push_str(&format!("{}if x:\n", " ".repeat(level)));
        }
        blocks.push_str(&format!("{}pass\n", " ".repeat(120)));
        let (kind, text, _, _) = err(&blocks);
        assert_eq!(
            (kind, text.as_str()),
            (ExcKind::IndentationError, "too many levels of indentation")
        );
        assert!(parse_module(&nested(199)).is_ok());
        assert!(parse_module(&format!("x = {}1{}\n", "f(".repeat(199), ")".repeat(199))).is_ok());
        // On a small stack, deep inputs parse or are refused, and never overflow it (in an
        // unoptimised build the stack budget refuses them well before 200 levels).
        let child = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                let deep = [
                    nested(199),
                    format!("x = {}1\n", "-".repeat(199)),
                    format!("x = {}{}\n", "[".repeat(199), "]".repeat(199)),
                    format!("x = f'{{{}1{}}}'\n", "(".repeat(199), ")".repeat(199)),
                ];
                deep.iter().all(|src| match parse_module(src) {
                    Ok(_) => true,
                    Err(e) => e.message.id == "py-syntax-too-deep",
                })
            })
            .expect("thread");
        assert!(child.join().expect("no overflow"));
    }

    #[test]
    fn long_inputs_parse() {
        let list = format!("x = [{}]\n", "1.5, ".repeat(50_000));
        let stmts = parse(&list);
        let StmtKind::Assign(_, value) = &stmts[0].kind else {
            panic!()
        };
        assert!(matches!(&value.kind, ExprKind::List(items) if items.len() == 50_000));
        let lines = "a = a + 1\n".repeat(30_000);
        assert_eq!(parse(&lines).len(), 30_000);
        let long_line = format!("x = a{}\n", ", a".repeat(50_000));
        assert_eq!(parse(&long_line).len(), 1);
    }

    #[test]
    fn book_programs() {
        let programs = [
            "\
class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        out = x * y
        return out

    def backward(self, dout):
        dx = dout * self.y  # swap x and y
        dy = dout * self.x
        return dx, dy

apple = 100
apple_num = 2
tax = 1.1
mul_apple_layer = MulLayer()
apple_price = mul_apple_layer.forward(apple, apple_num)
dprice = 1
dapple_price, dtax = mul_apple_layer.backward(dprice)
print(\"price:\", int(price))
",
            "\
import numpy as np

class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out
",
            "\
def softmax(x):
    if x.ndim == 2:
        x = x.T
        x = x - np.max(x, axis=0)
        y = np.exp(x) / np.sum(np.exp(x), axis=0)
        return y.T

    x = x - np.max(x) # overflow guard
    return np.exp(x) / np.sum(np.exp(x))


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size
",
            "\
from collections import OrderedDict
class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std = 0.01):
        self.params = {}
        self.params['W1'] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.layers = OrderedDict()
        self.layers['Affine1'] = Affine(self.params['W1'], self.params['b1'])
        self.lastLayer = SoftmaxWithLoss()

    def gradient(self, x, t):
        self.loss(x, t)
        dout = 1
        dout = self.lastLayer.backward(dout)
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)
        grads = {}
        grads['W1'], grads['b1'] = self.layers['Affine1'].dW, self.layers['Affine1'].db
        return grads
",
            "\
(x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, one_hot_label=True)
network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
iters_num = 10000
train_size = x_train.shape[0]
for i in range(iters_num):
    batch_mask = np.random.choice(train_size, batch_size)
    x_batch = x_train[batch_mask]
    grad = network.gradient(x_batch, t_batch)
    for key in ('W1', 'b1', 'W2', 'b2'):
        network.params[key] -= learning_rate * grad[key]
    if i % iter_per_epoch == 0:
        train_acc = network.accuracy(x_train, t_train)
        print(\"train acc, test acc | \" + str(train_acc) + \", \" + str(test_acc))
",
            "\
for key in grad_numerical.keys():
    diff = np.average( np.abs(grad_backprop[key] - grad_numerical[key]) )
    print(key + \":\" + str(diff))
print(f\"{name:>7}: {count:3d} @ {cost:.3f}\")
",
            "\
history = {'loss': [], 'acc': []}
for step in range(3):
    history['loss'].append(5.0 / (step + 1))
squares = [i * i for i in range(6) if i % 2 == 0]
pairs = {k: v for k, v in zip('abc', range(3))}
total = sum(x * x for x in squares)
f = lambda a, b=2: a ** b
print(sorted(pairs.items(), key=lambda kv: -kv[1]))
",
            "\
apple = 100;
n = 2;
tax = 1.1;
apple_price = apple * n;
price = apple_price * tax;
back price 1;
price
grad(apple)
",
            "\
load digits;
idx = array([415, 843, 779]);
x = x_train[idx]; t = t_train[idx];
h = relu(x @ W1 + b1)
loss = softmax_with_loss(h @ W2 + b2, t)
back loss;
W1 -= 0.1 * grad(W1);
print(loss)
",
            "\
try:
    d = {'a': 1}
    print(d['b'])
except KeyError as e:
    print('missing', e)
finally:
    print('done')
x = 10
while x > 0:
    x //= 3
    if x == 1: break
else:
    print('never')
학습률 = 0.01
print(학습률, a[1:, ::2], m[0, 1], a[:, 0])
",
        ];
        for program in programs {
            parse(program);
        }
    }

    /// Every `src` of the conformance files parses (the files live outside the repository).
    #[test]
    #[ignore]
    fn conformance_programs_parse() {
        let dir = "/work/shared/conformance";
        let mut count = 0;
        let mut failures = Vec::new();
        for file in [
            "python.jsonl",
            "print.jsonl",
            "grad.jsonl",
            "ch5.jsonl",
            "rng.jsonl",
        ] {
            let Ok(text) = std::fs::read_to_string(format!("{dir}/{file}")) else {
                continue;
            };
            for line in text.lines() {
                let case: serde_json::Value = serde_json::from_str(line).expect("json");
                let src = case["src"].as_str().unwrap_or_default();
                count += 1;
                if let Err(e) = parse_module(src) {
                    failures.push(format!(
                        "{file} {}: {} at {:?}\n{src}",
                        case["id"],
                        Lang::En.say(&e.message),
                        e.pos
                    ));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {count}:\n{}",
            failures.len(),
            failures.join("\n\n")
        );
        eprintln!("{count} programs parsed");
    }
}
