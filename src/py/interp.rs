//! The evaluator: statements and expressions over `value`'s objects, with Python's scoping
//! (a name assigned in a function is local to it; closures read enclosing functions' names),
//! its calls (positional, default, keyword, `*args`, `**kw`), classes and exceptions.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use crate::engine::interrupt;
use crate::engine::random::Rng;
use crate::msg;
use crate::py::ast::{
    Arg, BinOp, BoolOp, ClassDef, CmpOp, Comprehension, Expr, ExprKind, FPart, FuncDef, Ident,
    Params, Stmt, StmtKind, UnaryOp,
};
use crate::py::error::{ExcKind, Frame, PyErr, PyResult};
use crate::py::fasthash::NameMap;
use crate::py::value::{
    Args, Class, Dict, Function, Instance, Interp, IterState, LocalNames, Method, MethodKind,
    Scope, Value, as_int, dict_set, grow, hash_key, range_len,
};
use crate::py::{array, builtins, format, numpy, strings};

/// How deep Python calls may nest before a `RecursionError`, as CPython's default limit.
pub const RECURSION_LIMIT: usize = 1000;

/// A method called in place, without a bound-method object.
enum Direct {
    Func(Rc<Function>),
    Native,
}

/// How a block ended. A `return`'s value waits in [`Interp::returned`] until the call takes
/// it: a `Flow` is then one byte, and the value is not copied at every block it leaves.
enum Flow {
    Normal,
    Break,
    Continue,
    Return,
}

/// Where names are looked up and bound.
#[derive(Clone)]
struct Env {
    scope: Rc<RefCell<Scope>>,
    /// A function's names; `None` at module level, in a class body and in a comprehension,
    /// where lookup walks the scope chain.
    names: Option<Rc<LocalNames>>,
    /// The name of the running function, for tracebacks (`<module>` at the top).
    function: Rc<str>,
}

fn err(kind: ExcKind, message: crate::i18n::Message) -> PyErr {
    PyErr::new(kind, message)
}

fn type_error(message: crate::i18n::Message) -> PyErr {
    err(ExcKind::TypeError, message)
}

impl Interp {
    /// The module scope as the tape keys scopes (a scope's address): the key of a top-level
    /// name that holds a node's output.
    pub fn globals_key(&self) -> usize {
        Rc::as_ptr(&self.globals) as usize
    }

    pub fn new(out: Box<dyn Write + Send>, seed: u32) -> Interp {
        Interp {
            out,
            rng: Rng::new(seed),
            globals: Rc::new(RefCell::new(Scope::default())),
            builtins: builtins::table(),
            depth: 0,
            repr_stack: Vec::new(),
            modules: HashMap::new(),
            steps: 0,
            step_limit: None,
            recursion_limit: RECURSION_LIMIT,
            after_back: Default::default(),
            spare_scopes: Vec::new(),
            returned: Value::None,
            grads_by_object: Vec::new(),
            grads_from_layers: false,
            tape: crate::py::tape::Tape::default(),
            module_scopes: Vec::new(),
            view: None,
        }
    }

    /// The layer object and its `forward` when `f` is `layer.forward` of an object whose class
    /// is a layer, called where a call records a node (not inside a layer's own methods, nor
    /// while `check` re-runs one).
    fn layer_forward(&self, f: &Value) -> Option<(Rc<Instance>, Rc<Function>)> {
        if self.tape.layer_depth > 0 || self.tape.paused {
            return None;
        }
        let Value::Method(m) = f else { return None };
        let (MethodKind::Func(forward), Value::Instance(object)) = (&m.kind, &m.receiver) else {
            return None;
        };
        (forward.def.name == "forward" && crate::py::tape::is_layer_class(&object.class))
            .then(|| (object.clone(), forward.clone()))
    }

    fn module_env(&self) -> Env {
        Env {
            scope: self.globals.clone(),
            names: None,
            function: Rc::from("<module>"),
        }
    }

    /// Runs a module's statements. An error stops at the statement that raised it; what ran
    /// before stays, as in Python.
    pub fn run(&mut self, stmts: &[Stmt]) -> PyResult<()> {
        let env = self.module_env();
        match self.exec_block(stmts, &env)? {
            Flow::Normal => Ok(()),
            Flow::Return => {
                self.returned = Value::None;
                Err(PyErr::new(ExcKind::SyntaxError, msg!("py-return-outside")))
            }
            Flow::Break | Flow::Continue => {
                Err(PyErr::new(ExcKind::SyntaxError, msg!("py-loop-outside")))
            }
        }
    }

    /// Evaluates one expression at module level (the REPL's echo).
    pub fn eval_top(&mut self, e: &Expr) -> PyResult<Value> {
        let env = self.module_env();
        self.eval(e, &env)
    }

    /// Empties every container reachable from the globals, one at a time from a work list:
    /// objects that hold each other (a function and the globals it reads, `a.append(a)`, a
    /// layer and its network) are freed, and a list nested a million deep is freed without a
    /// million nested drops.
    pub fn teardown(&mut self) {
        self.tape.clear();
        self.returned = Value::None;
        // Only containers go on the work list, and only while the system gives the room: the
        // end of a program that ran out of memory must not need more of it.
        fn keep(work: &mut Vec<Value>, v: Value) {
            let holds = matches!(
                v,
                Value::List(_)
                    | Value::Dict(_)
                    | Value::Tuple(_)
                    | Value::Iter(_)
                    | Value::Instance(_)
                    | Value::Class(_)
                    | Value::Module(_)
                    | Value::Func(_)
                    | Value::Method(_)
            );
            if holds && work.try_reserve(1).is_ok() {
                work.push(v);
            }
        }
        // Draining a map allocates nothing; what is not kept is dropped on the spot.
        fn drain(work: &mut Vec<Value>, map: &RefCell<NameMap<Value>>) {
            if let Ok(mut map) = map.try_borrow_mut() {
                for (_, v) in map.drain() {
                    keep(work, v);
                }
            }
        }
        fn drain_scope(work: &mut Vec<Value>, scope: &RefCell<Scope>) {
            if let Ok(mut scope) = scope.try_borrow_mut() {
                for v in scope.slots.drain(..).flatten() {
                    keep(work, v);
                }
                for (_, v) in scope.vars.drain() {
                    keep(work, v);
                }
            }
        }
        let mut work: Vec<Value> = Vec::new();
        drain_scope(&mut work, &self.globals);
        for (_, v) in self.modules.drain() {
            keep(&mut work, v);
        }
        // What the program made and is still alive, reached or not: the closures' scopes and
        // the objects that hold each other go on the list too.
        for t in crate::py::value::take_tracked() {
            let v = match t {
                crate::py::value::Tracked::List(w) => w.upgrade().map(Value::List),
                crate::py::value::Tracked::Dict(w) => w.upgrade().map(Value::Dict),
                crate::py::value::Tracked::Instance(w) => w.upgrade().map(Value::Instance),
                crate::py::value::Tracked::Scope(w) => {
                    if let Some(sc) = w.upgrade() {
                        drain_scope(&mut work, &sc);
                    }
                    None
                }
            };
            if let Some(v) = v {
                keep(&mut work, v);
            }
        }
        while let Some(v) = work.pop() {
            match v {
                Value::List(l) => {
                    while let Some(x) = l.try_borrow_mut().ok().and_then(|mut items| items.pop()) {
                        keep(&mut work, x);
                    }
                }
                Value::Dict(d) => {
                    if let Ok(mut d) = d.try_borrow_mut() {
                        d.index.clear();
                        while let Some((k, x)) = d.entries.pop() {
                            keep(&mut work, k);
                            keep(&mut work, x);
                        }
                    }
                }
                Value::Tuple(t) => {
                    if let Ok(items) = Rc::try_unwrap(t) {
                        for x in items {
                            keep(&mut work, x);
                        }
                    }
                }
                Value::Iter(state) => {
                    while let Some(x) = state.try_borrow_mut().ok().and_then(|mut s| s.items.pop())
                    {
                        keep(&mut work, x);
                    }
                }
                Value::Instance(inst) => {
                    while let Some((_, x)) =
                        inst.attrs.try_borrow_mut().ok().and_then(|mut a| a.pop())
                    {
                        keep(&mut work, x);
                    }
                    keep(&mut work, Value::Class(inst.class.clone()));
                }
                Value::Class(c) => {
                    crate::py::value::classes_changed();
                    drain(&mut work, &c.attrs);
                }
                Value::Module(m) => drain(&mut work, &m.attrs),
                Value::Func(f) => {
                    let mut scope = f.closure.clone();
                    while let Some(sc) = scope {
                        drain_scope(&mut work, &sc);
                        scope = sc.borrow().parent.clone();
                    }
                    for (_, x) in &f.defaults {
                        keep(&mut work, x.clone());
                    }
                }
                Value::Method(m) => {
                    keep(&mut work, m.receiver.clone());
                    if let MethodKind::Func(f) = &m.kind {
                        keep(&mut work, Value::Func(f.clone()));
                    }
                }
                _ => {}
            }
        }
    }

    /// A global by name, if bound.
    pub fn global(&self, name: &str) -> Option<Value> {
        self.globals.borrow().vars.get(name).cloned()
    }

    pub fn set_global(&mut self, name: &str, v: Value) {
        self.globals.borrow_mut().vars.set(name, v);
    }

    fn exec_block(&mut self, stmts: &[Stmt], env: &Env) -> PyResult<Flow> {
        for s in stmts {
            match self.exec(s, env).map_err(|e| e.at(s.pos))? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn check_interrupt(&mut self) -> PyResult<()> {
        self.steps += 1;
        if self.step_limit.is_some_and(|limit| self.steps > limit) {
            return Err(PyErr::new(ExcKind::RuntimeError, msg!("py-step-limit")));
        }
        if interrupt::requested() {
            return Err(PyErr::new(
                ExcKind::KeyboardInterrupt,
                msg!("py-interrupted"),
            ));
        }
        Ok(())
    }

    fn exec(&mut self, s: &Stmt, env: &Env) -> PyResult<Flow> {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(e, env)?;
            }
            StmtKind::Assign(targets, value) => {
                let since = self.tape.next_serial();
                let v = self.eval(value, env)?;
                // One target and no node recorded (nothing to note about the name): the value
                // moves into its place.
                if let [t] = targets.as_slice()
                    && self.tape.next_serial() == since
                {
                    self.assign(t, v, env)?;
                    return Ok(Flow::Normal);
                }
                for t in targets {
                    self.assign(t, v.clone(), env)?;
                    if let ExprKind::Name(name) = &t.kind
                        && self.tape.next_serial() != since
                    {
                        let scope = Rc::as_ptr(&env.scope) as usize;
                        self.tape.bound(since, &v, scope, name);
                    }
                }
            }
            StmtKind::AugAssign(target, op, value) => self.aug_assign(target, *op, value, env)?,
            StmtKind::If(branches, other) => {
                for (cond, body) in branches {
                    if self.condition(cond, env)? {
                        return self.exec_block(body, env);
                    }
                }
                return self.exec_block(other, env);
            }
            StmtKind::While(..) | StmtKind::For(..) => return self.exec_loop(s, env),
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Pass => {}
            StmtKind::Return(e) => {
                self.returned = match e {
                    Some(e) => self.eval(e, env)?,
                    None => Value::None,
                };
                return Ok(Flow::Return);
            }
            _ => return self.exec_rare(s, env),
        }
        Ok(Flow::Normal)
    }

    /// Whether the condition of an `if` or a `while` holds. `n < 2` between two numbers of one
    /// kind, each a literal or a bound local, is compared where it stands: no value is made
    /// for the answer, and nothing is called.
    #[inline(always)]
    fn condition(&mut self, cond: &Expr, env: &Env) -> PyResult<bool> {
        if let ExprKind::Compare(first, rest) = &cond.kind
            && let [(op, second)] = rest.as_slice()
            && let (Some(a), Some(b)) = (leaf_number(first, env), leaf_number(second, env))
        {
            let quick = match (a, b) {
                (Number::Int(x), Number::Int(y)) => compare_ordered(*op, &x, &y),
                (Number::Float(x), Number::Float(y)) => compare_ordered(*op, &x, &y),
                _ => None,
            };
            if let Some(t) = quick {
                return Ok(t);
            }
        }
        let c = self.eval(cond, env)?;
        self.is_true(&c).map_err(|e| e.at(cond.pos))
    }

    /// `while` and `for`, out of `exec`'s way.
    #[inline(never)]
    fn exec_loop(&mut self, s: &Stmt, env: &Env) -> PyResult<Flow> {
        match &s.kind {
            StmtKind::While(cond, body, other) => loop {
                self.check_interrupt()?;
                if !self.condition(cond, env)? {
                    return self.exec_block(other, env);
                }
                match self.exec_block(body, env)? {
                    Flow::Break => break,
                    Flow::Return => return Ok(Flow::Return),
                    Flow::Normal | Flow::Continue => {}
                }
            },
            StmtKind::For(target, iter, body, other) => {
                let it = self.eval(iter, env)?;
                let mut items = self.iter_of(&it).map_err(|e| e.at(iter.pos))?;
                loop {
                    self.check_interrupt()?;
                    let Some(item) = self.next_item(&mut items)? else {
                        return self.exec_block(other, env);
                    };
                    self.assign(target, item, env)?;
                    match self.exec_block(body, env)? {
                        Flow::Break => break,
                        Flow::Return => return Ok(Flow::Return),
                        Flow::Normal | Flow::Continue => {}
                    }
                }
            }
            _ => {}
        }
        Ok(Flow::Normal)
    }

    /// The statements a loop does not run at every turn, kept out of `exec` so that its own
    /// frame stays small.
    #[inline(never)]
    fn exec_rare(&mut self, s: &Stmt, env: &Env) -> PyResult<Flow> {
        match &s.kind {
            StmtKind::Def(def) => {
                let f = self.make_function(def.clone(), &def.params, env, false)?;
                self.bind(&def.name, Value::Func(Rc::new(f)), env)?;
            }
            StmtKind::Class(def) => {
                let c = self.make_class(def, env)?;
                self.bind(&def.name, c, env)?;
            }
            StmtKind::Import(module, alias) => {
                let m = self.import(module)?;
                match alias {
                    Some(a) => self.bind(a, m, env)?,
                    None => {
                        // `import numpy.random` binds `numpy`.
                        let top = module.split('.').next().unwrap_or(module);
                        let m = self.import(top)?;
                        self.bind(top, m, env)?
                    }
                }
            }
            StmtKind::FromImport(module, names) => {
                let m = self.import(module)?;
                let Value::Module(m) = m else {
                    return Err(err(
                        ExcKind::ImportError,
                        msg!("py-no-module", name = module),
                    ));
                };
                for (name, alias) in names {
                    if name == "*" {
                        let attrs: Vec<(String, Value)> = m
                            .attrs
                            .borrow()
                            .iter()
                            .filter(|(k, _)| !k.starts_with('_'))
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .collect();
                        for (k, v) in attrs {
                            self.bind(&k, v, env)?;
                        }
                        continue;
                    }
                    let v = m.attrs.borrow().get(name).cloned().ok_or_else(|| {
                        err(
                            ExcKind::ImportError,
                            msg!("py-cannot-import", name = name.as_str(), module = module),
                        )
                    })?;
                    self.bind(alias.as_ref().unwrap_or(name), v, env)?;
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete(t, env)?;
                }
            }
            StmtKind::Assert(cond, message) => {
                let c = self.eval(cond, env)?;
                if !self.truthy(&c)? {
                    let text = match message {
                        Some(m) => {
                            let v = self.eval(m, env)?;
                            self.str_of(&v)?
                        }
                        None => String::new(),
                    };
                    return Err(err(ExcKind::AssertionError, msg!("py-text", text = text)));
                }
            }
            StmtKind::Raise(e) => {
                let Some(e) = e else {
                    return Err(err(ExcKind::RuntimeError, msg!("py-reraise")));
                };
                let v = self.eval(e, env)?;
                return Err(match v {
                    Value::Exception(x) => {
                        let mut x = (*x).clone();
                        x.pos = None;
                        x.trace.clear();
                        x
                    }
                    Value::ExcClass(kind) => PyErr::new(kind, msg!("py-text", text = "")),
                    other => type_error(msg!("py-raise-type", kind = other.type_name())),
                });
            }
            StmtKind::Try(t) => return self.exec_try(t, env),
            StmtKind::Tool(text) if crate::py::layer_tools::in_block(self, text)? => {}
            StmtKind::Tool(text) => {
                return Err(err(
                    ExcKind::NotImplementedError,
                    msg!("py-tool-in-python", text = text.as_str()),
                ));
            }
            _ => {}
        }
        Ok(Flow::Normal)
    }

    fn exec_try(&mut self, t: &crate::py::ast::TryStmt, env: &Env) -> PyResult<Flow> {
        let result = match self.exec_block(&t.body, env) {
            Ok(flow) => match flow {
                Flow::Normal => self.exec_block(&t.orelse, env),
                other => Ok(other),
            },
            Err(e) if e.kind == ExcKind::KeyboardInterrupt || e.kind == ExcKind::MemoryError => {
                Err(e)
            }
            Err(e) => {
                let mut handled = None;
                for (class, name, body) in &t.handlers {
                    let matches = match class {
                        None => true,
                        Some(c) => {
                            let c = self.eval(c, env)?;
                            self.exception_matches(&c, e.kind)?
                        }
                    };
                    if matches {
                        if let Some(name) = name {
                            self.bind(name, Value::Exception(Rc::new(e.clone())), env)?;
                        }
                        handled = Some(self.exec_block(body, env));
                        break;
                    }
                }
                handled.unwrap_or(Err(e))
            }
        };
        if !t.finally.is_empty() {
            // A `return` in the `try` waits while `finally` runs (and calls of its own return).
            let pending = matches!(result, Ok(Flow::Return))
                .then(|| std::mem::replace(&mut self.returned, Value::None));
            match self.exec_block(&t.finally, env)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
            if let Some(v) = pending {
                self.returned = v;
            }
        }
        result
    }

    fn exception_matches(&mut self, class: &Value, kind: ExcKind) -> PyResult<bool> {
        match class {
            Value::ExcClass(k) => Ok(k.catches(kind)),
            Value::Tuple(items) => {
                for c in items.iter() {
                    if self.exception_matches(c, kind)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            other => Err(type_error(msg!("py-except-type", kind = other.type_name()))),
        }
    }

    // ---- names ----

    /// A name's value: a function's local from its slot, else the enclosing functions' scopes,
    /// the module's globals and the builtins, in Python's order.
    fn lookup(&self, name: &Ident, env: &Env) -> PyResult<Value> {
        if let Some(names) = &env.names {
            if let Some(i) = local_slot(name, names) {
                let scope = env.scope.borrow();
                if let Some(Some(v)) = scope.slots.get(i) {
                    return Ok(v.clone());
                }
                return Err(err(
                    ExcKind::UnboundLocalError,
                    msg!("py-unbound-local", name = name.as_str()),
                ));
            }
            // A function defined at module level has no enclosing scope: its other names are
            // the module's (a `global` declaration changes nothing there).
            let parent = match &env.scope.borrow().parent {
                None => return self.lookup_module(name),
                Some(parent) => parent.clone(),
            };
            if names.globals.contains(name.as_str()) {
                return self.lookup_module(name);
            }
            return self.lookup_from(name, Some(parent));
        }
        if Rc::ptr_eq(&env.scope, &self.globals) {
            return self.lookup_module(name);
        }
        self.lookup_from(name, Some(env.scope.clone()))
    }

    /// A global or a builtin, the global through the cell its name remembers.
    fn lookup_module(&self, name: &Ident) -> PyResult<Value> {
        // The common case, a bound global its name remembers: one borrow, no hashing.
        let known = {
            let globals = self.globals.borrow();
            let known = globals.vars.known_cell(&name.cell);
            if let Some(v) = known.and_then(|at| globals.vars.get_at(at)) {
                return Ok(v.clone());
            }
            known
        };
        let at = match known {
            Some(at) => Some(at),
            None => match self.globals.try_borrow_mut() {
                Ok(mut g) => Some(g.vars.cell_of(name, &name.cell)),
                Err(_) => None,
            },
        };
        if let Some(at) = at {
            if let Some(v) = self.globals.borrow().vars.get_at(at) {
                return Ok(v.clone());
            }
            // A name the module has a cell for but has not bound: a builtin, found directly.
            if let Some(v) = self.builtins.get(name.as_str()) {
                return Ok(v.clone());
            }
        }
        self.lookup_global(name)
    }

    /// `name` in `scope` or the scopes it sits in, then the globals.
    fn lookup_from(&self, name: &str, mut scope: Option<Rc<RefCell<Scope>>>) -> PyResult<Value> {
        while let Some(s) = scope {
            let s = s.borrow();
            if let Some(v) = s.get(name) {
                return Ok(v);
            }
            scope = s.parent.clone();
        }
        self.lookup_global(name)
    }

    /// A name of the module or a builtin, or the `NameError` that says what is near.
    fn lookup_global(&self, name: &str) -> PyResult<Value> {
        if let Some(v) = self.globals.borrow().vars.get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.after_back.get(name) {
            return Ok(v.clone());
        }
        let mut e = err(ExcKind::NameError, msg!("py-name-error", name = name));
        let globals = self.globals.borrow();
        e.suggestion = crate::lang::suggest::closest(
            name,
            globals
                .vars
                .keys()
                .chain(self.builtins.keys())
                .map(String::as_str),
        )
        .map(str::to_string);
        Err(e)
    }

    fn bind(&mut self, name: &str, v: Value, env: &Env) -> PyResult<()> {
        if let Some(names) = &env.names {
            if names.globals.contains(name) {
                self.globals.borrow_mut().vars.set(name, v);
                return Ok(());
            }
            if names.nonlocals.contains(name) {
                let mut scope = env.scope.borrow().parent.clone();
                while let Some(s) = scope {
                    if s.borrow().contains(name) {
                        s.borrow_mut().set(name, v);
                        return Ok(());
                    }
                    scope = s.borrow().parent.clone();
                }
                return Err(err(
                    ExcKind::SyntaxError,
                    msg!("py-no-nonlocal", name = name),
                ));
            }
        }
        env.scope.borrow_mut().set(name, v);
        Ok(())
    }

    /// [`Interp::bind`] for a name in the source, through its slot when it is a local.
    fn bind_ident(&mut self, name: &Ident, v: Value, env: &Env) -> PyResult<()> {
        match &env.names {
            Some(names) => {
                if let Some(i) = local_slot(name, names)
                    && let Some(slot) = env.scope.borrow_mut().slots.get_mut(i)
                {
                    *slot = Some(v);
                    return Ok(());
                }
            }
            None => {
                if let Ok(mut scope) = env.scope.try_borrow_mut() {
                    let at = scope.vars.cell_of(name, &name.cell);
                    scope.vars.set_at(at, v);
                    return Ok(());
                }
            }
        }
        self.bind(name, v, env)
    }

    fn assign(&mut self, target: &Expr, v: Value, env: &Env) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => self.bind_ident(n, v, env),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let values = self.unpack(&v, items.len()).map_err(|e| e.at(target.pos))?;
                for (t, v) in items.iter().zip(values) {
                    self.assign(t, v, env)?;
                }
                Ok(())
            }
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj, env)?;
                self.setattr(&o, name, v).map_err(|e| e.at(target.pos))
            }
            ExprKind::Index(obj, index) => {
                let o = self.eval(obj, env)?;
                let i = self.eval(index, env)?;
                self.setitem(&o, &i, v).map_err(|e| e.at(target.pos))
            }
            _ => Err(err(ExcKind::SyntaxError, msg!("py-cannot-assign")).at(target.pos)),
        }
    }

    fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let mut it = self.iter_of(v)?;
        let mut out = Vec::with_capacity(n);
        while let Some(x) = self.next_item(&mut it)? {
            if out.len() == n {
                return Err(err(
                    ExcKind::ValueError,
                    msg!("py-unpack-many", expected = n),
                ));
            }
            out.push(x);
        }
        if out.len() < n {
            return Err(err(
                ExcKind::ValueError,
                msg!("py-unpack-few", expected = n, got = out.len()),
            ));
        }
        Ok(out)
    }

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr, env: &Env) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                let old = self.lookup(n, env).map_err(|e| e.at(target.pos))?;
                let rhs = self.eval(value, env)?;
                let new = self.inplace(op, old, &rhs).map_err(|e| e.at(target.pos))?;
                self.bind_ident(n, new, env)
            }
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj, env)?;
                let old = self.getattr(&o, name).map_err(|e| e.at(target.pos))?;
                let rhs = self.eval(value, env)?;
                let new = self.inplace(op, old, &rhs).map_err(|e| e.at(target.pos))?;
                self.setattr(&o, name, new).map_err(|e| e.at(target.pos))
            }
            ExprKind::Index(obj, index) => {
                let o = self.eval(obj, env)?;
                let i = self.eval(index, env)?;
                let old = self.getitem(&o, &i).map_err(|e| e.at(target.pos))?;
                let rhs = self.eval(value, env)?;
                let new = self.inplace(op, old, &rhs).map_err(|e| e.at(target.pos))?;
                self.setitem(&o, &i, new).map_err(|e| e.at(target.pos))
            }
            _ => Err(err(ExcKind::SyntaxError, msg!("py-cannot-assign")).at(target.pos)),
        }
    }

    /// `old op= rhs`: arrays and lists change in place and stay the same object; everything
    /// else makes a new value.
    fn inplace(&mut self, op: BinOp, old: Value, rhs: &Value) -> PyResult<Value> {
        match &old {
            Value::Array(a) => {
                array::inplace(op, a, rhs)?;
                Ok(old)
            }
            Value::List(l) if op == BinOp::Add => {
                let items = self.collect(rhs)?;
                l.borrow_mut().extend(items);
                Ok(old)
            }
            _ => self.binary(op, &old, rhs),
        }
    }

    fn delete(&mut self, target: &Expr, env: &Env) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                let removed = if env
                    .names
                    .as_ref()
                    .is_some_and(|x| x.globals.contains(n.as_str()))
                {
                    self.globals.borrow_mut().vars.remove(n.as_str())
                } else {
                    env.scope.borrow_mut().remove(n)
                };
                removed.map(|_| ()).ok_or_else(|| {
                    err(ExcKind::NameError, msg!("py-name-error", name = n.as_str()))
                })
            }
            ExprKind::Index(obj, index) => {
                let o = self.eval(obj, env)?;
                let i = self.eval(index, env)?;
                self.delitem(&o, &i)
            }
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj, env)?;
                match &o {
                    Value::Instance(inst) => {
                        let mut attrs = inst.attrs.borrow_mut();
                        let at = attrs
                            .iter()
                            .position(|(k, _)| *k == **name)
                            .ok_or_else(|| {
                                err(
                                    ExcKind::AttributeError,
                                    msg!("py-no-attr", kind = o.type_name(), name = name.as_str()),
                                )
                            })?;
                        attrs.remove(at);
                        Ok(())
                    }
                    _ => Err(err(
                        ExcKind::AttributeError,
                        msg!("py-no-attr", kind = o.type_name(), name = name.as_str()),
                    )),
                }
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for t in items {
                    self.delete(t, env)?;
                }
                Ok(())
            }
            _ => Err(err(ExcKind::SyntaxError, msg!("py-cannot-delete"))),
        }
    }

    // ---- functions and classes ----

    fn make_function(
        &mut self,
        def: Rc<FuncDef>,
        params: &Rc<Params>,
        env: &Env,
        is_lambda: bool,
    ) -> PyResult<Function> {
        let mut defaults = Vec::new();
        for (name, d) in params.positional.iter().chain(&params.keyword_only) {
            if let Some(d) = d {
                defaults.push((name.clone(), self.eval(d, env)?));
            }
        }
        let mut found = Found::default();
        collect_names(&def.body, &mut found);
        let mut names = LocalNames {
            globals: found.globals.into_iter().collect(),
            nonlocals: found.nonlocals.into_iter().collect(),
            ..LocalNames::default()
        };
        // The parameters take the first slots, in order, whatever the body declares (CPython
        // refuses `global x` of a parameter x; here the parameter stays local).
        let params_in_order = params
            .positional
            .iter()
            .chain(&params.keyword_only)
            .map(|(p, _)| p)
            .chain(&params.star)
            .chain(&params.star_star);
        for p in params_in_order {
            names.globals.remove(p);
            names.nonlocals.remove(p);
            names.add(p);
        }
        for n in &found.locals {
            if !names.globals.contains(n) && !names.nonlocals.contains(n) {
                names.add(n);
            }
        }
        if env.names.is_some() {
            // The function keeps the scope it is made in alive: a closure's cycle is torn
            // down at the end through this list.
            crate::py::value::track(crate::py::value::Tracked::Scope(Rc::downgrade(&env.scope)));
        }
        let qualname = if env.names.is_none() && !Rc::ptr_eq(&env.scope, &self.globals) {
            // A class body.
            format!("{}.{}", env.function, def.name)
        } else {
            def.name.clone()
        };
        Ok(Function {
            def: def.clone(),
            params: params.clone(),
            defaults,
            closure: env.names.is_some().then(|| env.scope.clone()),
            globals: self.globals.clone(),
            qualname,
            is_lambda,
            names: Rc::new(names),
            frame_name: Rc::from(if is_lambda {
                "<lambda>"
            } else {
                def.name.as_str()
            }),
        })
    }

    fn make_class(&mut self, def: &ClassDef, env: &Env) -> PyResult<Value> {
        let mut bases = Vec::new();
        for b in &def.bases {
            match self.eval(b, env)? {
                Value::Class(c) => bases.push(c),
                Value::Builtin(b) if b.name == "object" => {}
                other => {
                    return Err(type_error(msg!("py-bad-base", kind = other.type_name())).at(b.pos));
                }
            }
        }
        let scope = Rc::new(RefCell::new(Scope::plain(
            env.names.is_some().then(|| env.scope.clone()),
        )));
        let class_env = Env {
            scope: scope.clone(),
            names: None,
            function: Rc::from(def.name.as_str()),
        };
        match self.exec_block(&def.body, &class_env)? {
            Flow::Normal => {}
            _ => {
                self.returned = Value::None;
                return Err(err(ExcKind::SyntaxError, msg!("py-return-outside")));
            }
        }
        let attrs = std::mem::take(&mut scope.borrow_mut().vars).into_map();
        crate::py::value::classes_changed();
        Ok(Value::Class(Rc::new(Class {
            name: def.name.clone(),
            attrs: RefCell::new(attrs),
            bases,
        })))
    }

    /// Calls any callable with evaluated arguments.
    pub fn call(&mut self, f: &Value, args: Args) -> PyResult<Value> {
        match f {
            Value::Builtin(b) => (b.func)(self, args),
            Value::Func(func) => self.call_function(func, None, args),
            Value::Method(m) => match &m.kind {
                MethodKind::Func(func) => self.call_function(func, Some(m.receiver.clone()), args),
                MethodKind::Native(name) => self.call_native_method(&m.receiver, name, args),
            },
            Value::Class(c) => self.instantiate(c, args),
            Value::DType(dt) => numpy::dtype_call(*dt, args),
            Value::ExcClass(kind) => {
                let text = match args.pos.as_slice() {
                    [] => String::new(),
                    [one] => self.str_of(one)?,
                    many => self.repr_of(&Value::tuple(many.to_vec()))?,
                };
                Ok(Value::Exception(Rc::new(PyErr::new(
                    *kind,
                    msg!("py-text", text = text),
                ))))
            }
            Value::Instance(inst) => match self.class_attr(&inst.class, "__call__") {
                Some(Value::Func(func)) => self.call_function(&func, Some(f.clone()), args),
                _ => Err(type_error(msg!("py-not-callable", kind = f.type_name()))),
            },
            other => Err(type_error(msg!(
                "py-not-callable",
                kind = other.type_name()
            ))),
        }
    }

    fn instantiate(&mut self, class: &Rc<Class>, args: Args) -> PyResult<Value> {
        let inst = Rc::new(Instance {
            class: class.clone(),
            attrs: RefCell::new(Vec::new()),
        });
        crate::py::value::track(crate::py::value::Tracked::Instance(Rc::downgrade(&inst)));
        let obj = Value::Instance(inst);
        match self.class_attr(class, "__init__") {
            Some(Value::Func(init)) => {
                let r = self.call_function(&init, Some(obj.clone()), args)?;
                if !matches!(r, Value::None) {
                    return Err(type_error(msg!("py-init-returned", kind = r.type_name())));
                }
            }
            _ => {
                if !args.pos.is_empty() || !args.kw.is_empty() {
                    return Err(type_error(msg!(
                        "py-class-no-args",
                        name = class.name.as_str()
                    )));
                }
            }
        }
        Ok(obj)
    }

    /// An attribute of a class or of its bases, depth first.
    pub fn class_attr(&self, class: &Rc<Class>, name: &str) -> Option<Value> {
        if let Some(v) = class.attrs.borrow().get(name) {
            return Some(v.clone());
        }
        class.bases.iter().find_map(|b| self.class_attr(b, name))
    }

    fn call_function(
        &mut self,
        func: &Rc<Function>,
        receiver: Option<Value>,
        args: Args,
    ) -> PyResult<Value> {
        let in_layer = self.in_layer(&receiver);
        let scope = self.call_scope(func)?;
        let bound = self.bind_params(func, receiver, args, &mut scope.borrow_mut().slots);
        if let Err(e) = bound {
            self.spare(scope);
            return Err(e);
        }
        self.run_call(func, scope, in_layer)
    }

    /// A call whose arguments are all positional and fit the parameters: each is evaluated
    /// straight into its slot.
    fn call_positional(
        &mut self,
        func: &Rc<Function>,
        receiver: Option<Value>,
        args: &[Arg],
        env: &Env,
    ) -> PyResult<Value> {
        let in_layer = self.in_layer(&receiver);
        let scope = self.call_scope(func)?;
        let mut at = 0;
        if let Some(r) = receiver {
            scope.borrow_mut().slots[0] = Some(r);
            at = 1;
        }
        for a in args {
            let Arg::Pos(e) = a else { continue };
            match self.eval(e, env) {
                Ok(v) => scope.borrow_mut().slots[at] = Some(v),
                Err(e) => {
                    self.spare(scope);
                    return Err(e);
                }
            }
            at += 1;
        }
        // Every parameter given (the common case): no default to look for.
        if at < func.params.positional.len() {
            let filled = self.fill_defaults(func, &mut scope.borrow_mut().slots);
            if let Err(e) = filled {
                self.spare(scope);
                return Err(e);
            }
        }
        self.run_call(func, scope, in_layer)
    }

    /// Whether `func` can be called through [`Interp::call_positional`] with these arguments.
    fn fits_positional(func: &Function, receiver: bool, args: &[Arg]) -> bool {
        args.iter().all(|a| matches!(a, Arg::Pos(_)))
            && usize::from(receiver) + args.len() <= func.params.positional.len()
            && func.params.star.is_none()
            && func.params.star_star.is_none()
            && func.params.keyword_only.is_empty()
    }

    /// Inside a layer's own methods nothing records: they are the node. (Where nothing
    /// records at all, a `.py` file, this is not asked.)
    fn in_layer(&self, receiver: &Option<Value>) -> bool {
        !self.tape.paused
            && matches!(receiver, Some(Value::Instance(i)) if crate::py::tape::is_layer_class(&i.class))
    }

    /// A scope for a call of `func`, its slots empty: a spare one when there is one.
    fn call_scope(&mut self, func: &Rc<Function>) -> PyResult<Rc<RefCell<Scope>>> {
        if self.depth >= self.recursion_limit {
            return Err(err(ExcKind::RecursionError, msg!("py-recursion")));
        }
        self.check_interrupt()?;
        let n = func.names.slots.len();
        let scope = self
            .spare_scopes
            .pop()
            .unwrap_or_else(|| Rc::new(RefCell::new(Scope::default())));
        {
            let mut s = scope.borrow_mut();
            // A spare scope's slots are all empty already; only their number may differ.
            if s.slots.len() != n {
                s.slots.truncate(n);
                let more = n - s.slots.len();
                if s.slots.try_reserve_exact(more).is_err() {
                    return Err(err(ExcKind::MemoryError, msg!("py-text", text = "")));
                }
                s.slots.resize(n, None);
            }
            s.parent = func.closure.clone();
            // A spare scope keeps the names of the function it last served: a loop calling
            // one function finds them already there.
            if !s
                .names
                .as_ref()
                .is_some_and(|names| Rc::ptr_eq(names, &func.names))
            {
                s.names = Some(func.names.clone());
            }
        }
        Ok(scope)
    }

    /// Keeps a finished call's scope for the next call, unless something holds on to it (a
    /// closure made in the call). Its slots are emptied; its function's names stay (they hold
    /// no value).
    fn spare(&mut self, scope: Rc<RefCell<Scope>>) {
        if Rc::strong_count(&scope) != 1 || Rc::weak_count(&scope) != 0 {
            return;
        }
        if self.spare_scopes.len() >= 64 {
            return;
        }
        let emptied = match scope.try_borrow_mut() {
            Ok(mut s) => {
                s.slots.iter_mut().for_each(|slot| *slot = None);
                s.vars.clear();
                s.parent = None;
                s.slots.capacity() <= 64
            }
            Err(_) => false,
        };
        if emptied {
            self.spare_scopes.push(scope);
        }
    }

    /// Runs `func`'s body in `scope`, its parameters bound.
    fn run_call(
        &mut self,
        func: &Rc<Function>,
        scope: Rc<RefCell<Scope>>,
        in_layer: bool,
    ) -> PyResult<Value> {
        let env = Env {
            scope,
            names: Some(func.names.clone()),
            function: func.frame_name.clone(),
        };
        // A function of one of our Python modules reads that module's globals.
        let saved_globals = (!Rc::ptr_eq(&func.globals, &self.globals))
            .then(|| std::mem::replace(&mut self.globals, func.globals.clone()));
        self.tape.layer_depth += usize::from(in_layer);
        self.depth += 1;
        let mut result = if func.is_lambda {
            match func.def.body.first().map(|s| &s.kind) {
                Some(StmtKind::Return(Some(e))) => self.eval(e, &env),
                _ => Ok(Value::None),
            }
        } else {
            match self.exec_block(&func.def.body, &env) {
                Ok(Flow::Return) => Ok(std::mem::replace(&mut self.returned, Value::None)),
                Ok(_) => Ok(Value::None),
                Err(e) => Err(e),
            }
        };
        self.depth -= 1;
        self.tape.layer_depth -= usize::from(in_layer);
        if let Some(g) = saved_globals {
            self.globals = g;
        }
        self.spare(env.scope);
        if let Err(e) = &mut result {
            self.add_frame(e, func);
        }
        result
    }

    /// The line of a call's traceback, put under those of the calls it made.
    #[cold]
    fn add_frame(&self, e: &mut PyErr, func: &Function) {
        let pos = e.pos.take().unwrap_or(func.def.pos);
        e.trace.insert(
            0,
            Frame {
                function: func.frame_name.to_string(),
                pos,
            },
        );
    }

    /// Puts the arguments of a call into the slots of its parameters: the positional ones in
    /// order (the receiver first), `*args`, the keywords by name, `**kw`, then the defaults.
    fn bind_params(
        &mut self,
        func: &Function,
        receiver: Option<Value>,
        args: Args,
        slots: &mut [Option<Value>],
    ) -> PyResult<()> {
        let p = &func.params;
        let fname = func.qualname.as_str();
        let npos = p.positional.len();
        let nkw = p.keyword_only.len();
        let mut pos = receiver.into_iter().chain(args.pos);
        for slot in slots.iter_mut().take(npos) {
            match pos.next() {
                Some(v) => *slot = Some(v),
                None => break,
            }
        }
        let rest: Vec<Value> = pos.collect();
        match &p.star {
            Some(_) => slots[npos + nkw] = Some(Value::tuple(rest)),
            None if !rest.is_empty() => {
                return Err(type_error(msg!(
                    "py-too-many-args",
                    name = fname,
                    expected = npos,
                    given = npos + rest.len()
                )));
            }
            None => {}
        }
        let mut extra = Dict::default();
        for (k, v) in args.kw {
            let known = p
                .positional
                .iter()
                .chain(&p.keyword_only)
                .position(|(n, _)| *n == k);
            if let Some(at) = known {
                if slots[at].is_some() {
                    return Err(type_error(msg!(
                        "py-multiple-values",
                        name = fname,
                        arg = k
                    )));
                }
                slots[at] = Some(v);
            } else if p.star_star.is_some() {
                dict_set(&mut extra, Value::str(&k), v)?;
            } else {
                return Err(type_error(msg!("py-unexpected-kw", name = fname, arg = k)));
            }
        }
        if p.star_star.is_some() {
            slots[npos + nkw + usize::from(p.star.is_some())] = Some(Value::dict(extra));
        }
        self.fill_defaults(func, slots)
    }

    /// The defaults of the parameters no argument gave, or the error that names those missing.
    fn fill_defaults(&self, func: &Function, slots: &mut [Option<Value>]) -> PyResult<()> {
        let p = &func.params;
        let fname = func.qualname.as_str();
        let mut missing = Vec::new();
        for (at, (name, _)) in p.positional.iter().chain(&p.keyword_only).enumerate() {
            if slots[at].is_none() {
                match func.defaults.iter().find(|(n, _)| n == name) {
                    Some((_, d)) => slots[at] = Some(d.clone()),
                    None => missing.push(format!("'{name}'")),
                }
            }
        }
        if !missing.is_empty() {
            let list = match missing.len() {
                1 => missing[0].clone(),
                _ => {
                    let last = missing.pop().unwrap_or_default();
                    format!("{} and {last}", missing.join(", "))
                }
            };
            return Err(type_error(msg!(
                "py-missing-args",
                name = fname,
                count = missing.len().max(1),
                names = list
            )));
        }
        Ok(())
    }

    fn call_native_method(&mut self, recv: &Value, name: &str, mut args: Args) -> PyResult<Value> {
        if let Value::Builtin(b) = recv {
            // An unbound method of a type: its first argument is the receiver.
            if args.pos.is_empty() {
                return Err(type_error(msg!(
                    "py-unbound-method",
                    name = name,
                    kind = b.name
                )));
            }
            let receiver = args.pos.remove(0);
            let fits = matches!(
                (b.name, &receiver),
                ("str", Value::Str(_))
                    | ("list", Value::List(_))
                    | ("dict", Value::Dict(_))
                    | ("tuple", Value::Tuple(_))
            );
            if !fits {
                return Err(type_error(msg!(
                    "py-unbound-method",
                    name = name,
                    kind = b.name
                )));
            }
            return self.call_native_method(&receiver, name, args);
        }
        match recv {
            Value::Array(a) => numpy::call_method(self, a, name, args),
            Value::NpFloat(_) | Value::NpInt(_) | Value::NpBool(_) => {
                numpy::call_scalar_method(recv, name, args)
            }
            Value::Str(s) => {
                let s = s.clone();
                // The string's methods call back into the interpreter one closure at a time.
                let me = RefCell::new(self);
                let mut str_of = |v: &Value| me.borrow_mut().str_of(v);
                let mut repr_of = |v: &Value| me.borrow_mut().repr_of(v);
                let mut iterate = |v: &Value| me.borrow_mut().collect(v);
                strings::call_str_method(&s, name, args, &mut str_of, &mut repr_of, &mut iterate)
            }
            _ => builtins::call_method(self, recv, name, args),
        }
    }

    pub fn import(&mut self, module: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(module) {
            return Ok(m.clone());
        }
        let m = match module {
            "numpy" => numpy::numpy_module(),
            "numpy.random" => {
                let np = self.import("numpy")?;
                self.getattr(&np, "random")?
            }
            "common" => {
                let package = builtins::package("common");
                for part in ["functions", "gradient", "layers"] {
                    let m = self.import(&format!("common.{part}"))?;
                    self.setattr(&package, part, m)?;
                }
                package
            }
            "common.functions" | "common.gradient" | "common.layers" => {
                self.source_module(module)?
            }
            _ => match builtins::module(module) {
                Some(m) => m,
                None => {
                    return Err(err(
                        ExcKind::ModuleNotFoundError,
                        msg!("py-no-module", name = module),
                    ));
                }
            },
        };
        self.modules.insert(module.to_string(), m.clone());
        Ok(m)
    }

    /// Frees our Python modules' globals (they and their functions hold each other), for an
    /// interpreter that is done: the exercises' grader, after each grade.
    pub fn free_modules(&mut self) {
        for scope in self.module_scopes.drain(..) {
            let vars = std::mem::take(&mut scope.borrow_mut().vars);
            drop(vars);
        }
    }

    /// A module of ours written in Python (`common.layers`), run once in its own globals.
    fn source_module(&mut self, name: &str) -> PyResult<Value> {
        let (src, natives) = match name {
            "common.functions" => (
                include_str!("common/functions.py"),
                crate::py::layers::functions(),
            ),
            "common.gradient" => (include_str!("common/gradient.py"), Vec::new()),
            _ => (include_str!("common/layers.py"), Vec::new()),
        };
        let stmts = crate::py::parser::parse_module(src)?;
        let scope = Rc::new(RefCell::new(Scope::default()));
        scope
            .borrow_mut()
            .vars
            .extend(natives.into_iter().map(|(k, v)| (k.to_string(), v)));
        // Its functions read its globals, not the learner's.
        let saved = std::mem::replace(&mut self.globals, scope.clone());
        let env = self.module_env();
        let result = self.exec_block(&stmts, &env);
        self.globals = saved;
        result?;
        let attrs = scope.borrow().vars.clone().into_map();
        self.module_scopes.push(scope);
        Ok(Value::Module(Rc::new(crate::py::value::Module {
            name: name.to_string(),
            attrs: RefCell::new(attrs),
        })))
    }

    // ---- expressions ----

    #[inline(always)]
    fn eval(&mut self, e: &Expr, env: &Env) -> PyResult<Value> {
        // A number or a bound local, the commonest leaves, without a call.
        if let Some(v) = leaf(e, env) {
            return Ok(v);
        }
        // The error is given its place where it is, and the value is not moved at all: each
        // copy of a result on the way back from a nested expression costs.
        let mut result = self.eval_inner(e, env);
        if let Err(x) = &mut result {
            x.place(e.pos);
        }
        result
    }

    /// An expression's value. The arms whose last step is a call give back that call's result
    /// as it is (not unwrapped with `?` and wrapped in a new `Ok`), so it is written once, where
    /// it ends up.
    fn eval_inner(&mut self, e: &Expr, env: &Env) -> PyResult<Value> {
        // No arm leaves a value in a local the others share: a `bool` stored there had made the
        // compiler copy the shared result byte by byte, and the caller's next read stall.
        match &e.kind {
            ExprKind::None => Ok(Value::None),
            ExprKind::True => Ok(Value::Bool(true)),
            ExprKind::False => Ok(Value::Bool(false)),
            ExprKind::Int(i) => Ok(Value::Int(*i)),
            ExprKind::Float(x) => Ok(Value::Float(*x)),
            ExprKind::Str(s) => Ok(Value::Str(s.clone())),
            ExprKind::Name(n) => self.lookup(n, env),
            ExprKind::Tuple(items) => Ok(Value::tuple(self.eval_items(items, env)?)),
            ExprKind::List(items) => Ok(Value::list(self.eval_items(items, env)?)),
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj, env)?;
                self.getattr(&o, name)
            }
            ExprKind::Index(obj, index) => {
                let o = self.eval(obj, env)?;
                let i = self.eval(index, env)?;
                self.getitem(&o, &i)
            }
            ExprKind::Call(func, args) => self.eval_call(e, func, args, env),
            ExprKind::Unary(op, x) => {
                let v = self.eval(x, env)?;
                self.unary(*op, &v)
            }
            ExprKind::Binary(op, a, b) => {
                let a = self.eval(a, env)?;
                let b = self.eval(b, env)?;
                // Two ints that do not overflow, as `binary` would first try, without the call.
                if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                    let r = match op {
                        BinOp::Add => x.checked_add(*y),
                        BinOp::Sub => x.checked_sub(*y),
                        _ => None,
                    };
                    if let Some(r) = r {
                        return Ok(Value::Int(r));
                    }
                }
                self.binary(*op, &a, &b)
            }
            ExprKind::BoolOp(op, a, b) => {
                let a = self.eval(a, env)?;
                let t = self.is_true(&a)?;
                match (op, t) {
                    (BoolOp::And, false) | (BoolOp::Or, true) => Ok(a),
                    _ => self.eval(b, env),
                }
            }
            ExprKind::Compare(first, rest) => self.eval_compare(first, rest, env),
            ExprKind::IfExp { cond, then, other } => {
                let c = self.eval(cond, env)?;
                if self.is_true(&c)? {
                    self.eval(then, env)
                } else {
                    self.eval(other, env)
                }
            }
            _ => self.eval_rare(e, env),
        }
    }

    /// `a < b`, and a chain `a < b <= c` that stops at the first false comparison.
    fn eval_compare(&mut self, first: &Expr, rest: &[(CmpOp, Expr)], env: &Env) -> PyResult<Value> {
        let mut left = self.eval(first, env)?;
        let Some(((last_op, last), chain)) = rest.split_last() else {
            return Ok(Value::Bool(true));
        };
        for (op, right) in chain {
            let r = self.eval(right, env)?;
            let result = self.compare(*op, &left, &r).map_err(|x| x.at(right.pos))?;
            if !self.truthy(&result)? {
                return Ok(result);
            }
            left = r;
        }
        let r = self.eval(last, env)?;
        let mut result = self.compare(*last_op, &left, &r);
        if let Err(x) = &mut result {
            x.place(last.pos);
        }
        result
    }

    /// A call: `f(…)`, `obj.method(…)`, a class made into an object.
    #[inline(never)]
    fn eval_call(&mut self, e: &Expr, func: &Expr, args: &[Arg], env: &Env) -> PyResult<Value> {
        let f = match &func.kind {
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj, env)?;
                match self.direct_method(&o, name) {
                    Some(Direct::Func(f)) => {
                        if Self::fits_positional(&f, true, args) {
                            return self.call_positional(&f, Some(o), args, env);
                        }
                        let argv = self.eval_args(args, env)?;
                        return self.call_function(&f, Some(o), argv);
                    }
                    Some(Direct::Native) => {
                        // `xs.append(x)`, a loop's commonest call: no argument vector.
                        if let (Value::List(l), "append", [Arg::Pos(x)]) = (&o, name.as_ref(), args)
                        {
                            let x = self.eval(x, env)?;
                            return builtins::list_append(l, x);
                        }
                        let argv = self.eval_args(args, env)?;
                        return self.call_native_method(&o, name, argv);
                    }
                    None => self.getattr(&o, name).map_err(|x| x.at(func.pos))?,
                }
            }
            // A function by name (`fib(n - 1)`): looked up at once.
            ExprKind::Name(n) => {
                let mut found = self.lookup(n, env);
                if let Err(x) = &mut found {
                    x.place(func.pos);
                }
                found?
            }
            _ => self.eval(func, env)?,
        };
        if let Value::Func(f) = &f
            && Self::fits_positional(f, false, args)
        {
            return self.call_positional(f, None, args, env);
        }
        let argv = self.eval_args(args, env)?;
        match self.layer_forward(&f) {
            Some((object, forward)) => {
                // `layer.forward(…)` outside a layer's own methods: one node.
                let names = arg_names(args);
                let out = self.call(&f, argv.clone())?;
                let scope = Rc::as_ptr(&env.scope) as usize;
                self.tape
                    .record(object, forward, argv, names, scope, &out, e.pos);
                Ok(out)
            }
            None => self.call(&f, argv),
        }
    }

    /// The expressions a loop seldom evaluates at every turn, kept out of `eval_inner` so that
    /// its own frame stays small.
    #[inline(never)]
    fn eval_rare(&mut self, e: &Expr, env: &Env) -> PyResult<Value> {
        Ok(match &e.kind {
            ExprKind::FStr(parts) => Value::str(&self.fstring(parts, env)?),
            ExprKind::Dict(pairs) => {
                let mut d = Dict::default();
                for (k, v) in pairs {
                    let k = self.eval(k, env)?;
                    let v = self.eval(v, env)?;
                    dict_set(&mut d, k, v)?;
                }
                Value::dict(d)
            }
            ExprKind::Slice(lo, hi, step) => {
                let mut part = |x: &Option<Box<Expr>>| -> PyResult<Value> {
                    match x {
                        Some(x) => self.eval(x, env),
                        None => Ok(Value::None),
                    }
                };
                let lo = part(lo)?;
                let hi = part(hi)?;
                let step = part(step)?;
                Value::Slice(Rc::new((lo, hi, step)))
            }
            ExprKind::Lambda(params, body) => {
                let def = Rc::new(FuncDef {
                    name: "<lambda>".into(),
                    params: params.clone(),
                    body: vec![Stmt {
                        kind: StmtKind::Return(Some((**body).clone())),
                        pos: body.pos,
                    }],
                    pos: e.pos,
                });
                Value::Func(Rc::new(self.make_function(def, params, env, true)?))
            }
            ExprKind::ListComp(elt, comps) => {
                let mut out = Vec::new();
                let child = self.child_env(env);
                self.comprehend(comps, &child, &mut |me, env| {
                    out.push(me.eval(elt, env)?);
                    Ok(())
                })?;
                Value::list(out)
            }
            ExprKind::GenExp(elt, comps) => {
                let mut out = Vec::new();
                let child = self.child_env(env);
                self.comprehend(comps, &child, &mut |me, env| {
                    out.push(me.eval(elt, env)?);
                    Ok(())
                })?;
                Value::Iter(Rc::new(RefCell::new(IterState {
                    items: out,
                    next: 0,
                })))
            }
            ExprKind::DictComp(k, v, comps) => {
                let mut d = Dict::default();
                let child = self.child_env(env);
                self.comprehend(comps, &child, &mut |me, env| {
                    let key = me.eval(k, env)?;
                    let value = me.eval(v, env)?;
                    dict_set(&mut d, key, value)
                })?;
                Value::dict(d)
            }
            _ => Value::None,
        })
    }

    /// `o.name(…)` called without making the bound method first: a Python method of the
    /// object's class (unless the call is one the tape records, a layer's `forward`), or a
    /// native method of a list, dict, tuple or str.
    fn direct_method(&self, o: &Value, name: &Ident) -> Option<Direct> {
        match o {
            Value::Instance(inst) => {
                if inst.attrs.borrow().iter().any(|(k, _)| same_name(k, name)) {
                    return None;
                }
                let class = Rc::as_ptr(&inst.class) as usize;
                let epoch = crate::py::value::class_epoch();
                let known = match &*name.method.borrow() {
                    Some((c, e, f)) if *c == class && *e == epoch => {
                        f.upgrade().and_then(|f| f.downcast().ok())
                    }
                    _ => None,
                };
                let f: Rc<Function> = match known {
                    Some(f) => f,
                    None => {
                        let Some(Value::Func(f)) = self.class_attr(&inst.class, name) else {
                            return None;
                        };
                        let any: Rc<dyn std::any::Any> = f.clone();
                        *name.method.borrow_mut() = Some((class, epoch, Rc::downgrade(&any)));
                        f
                    }
                };
                let records = name == "forward"
                    && self.tape.layer_depth == 0
                    && !self.tape.paused
                    && crate::py::tape::is_layer_class(&inst.class);
                (!records).then_some(Direct::Func(f))
            }
            Value::List(_) | Value::Dict(_) | Value::Tuple(_) if builtins::has_method(o, name) => {
                Some(Direct::Native)
            }
            Value::Str(_) if strings::STR_METHODS.contains(&name.as_str()) => Some(Direct::Native),
            _ => None,
        }
    }

    fn child_env(&self, env: &Env) -> Env {
        Env {
            scope: Rc::new(RefCell::new(Scope::plain(Some(env.scope.clone())))),
            names: None,
            function: env.function.clone(),
        }
    }

    fn comprehend(
        &mut self,
        comps: &[Comprehension],
        env: &Env,
        body: &mut dyn FnMut(&mut Interp, &Env) -> PyResult<()>,
    ) -> PyResult<()> {
        let Some((first, rest)) = comps.split_first() else {
            return body(self, env);
        };
        let it = self.eval(&first.iter, env)?;
        let mut items = self.iter_of(&it)?;
        'items: while let Some(item) = self.next_item(&mut items)? {
            self.check_interrupt()?;
            self.assign(&first.target, item, env)?;
            for c in &first.conds {
                let v = self.eval(c, env)?;
                if !self.truthy(&v)? {
                    continue 'items;
                }
            }
            self.comprehend(rest, env, body)?;
        }
        Ok(())
    }

    fn eval_items(&mut self, items: &[Expr], env: &Env) -> PyResult<Vec<Value>> {
        items.iter().map(|x| self.eval(x, env)).collect()
    }

    fn eval_args(&mut self, args: &[Arg], env: &Env) -> PyResult<Args> {
        let mut out = Args::default();
        for a in args {
            match a {
                Arg::Pos(e) => out.pos.push(self.eval(e, env)?),
                Arg::Star(e) => {
                    let v = self.eval(e, env)?;
                    let items = self.collect(&v).map_err(|x| x.at(e.pos))?;
                    out.pos.extend(items);
                }
                Arg::Kw(name, e) => {
                    let v = self.eval(e, env)?;
                    if out.kw.iter().any(|(k, _)| k == name) {
                        return Err(err(
                            ExcKind::SyntaxError,
                            msg!("py-repeated-kw", arg = name.as_str()),
                        )
                        .at(e.pos));
                    }
                    out.kw.push((name.clone(), v));
                }
                Arg::StarStar(e) => {
                    let v = self.eval(e, env)?;
                    let Value::Dict(d) = &v else {
                        return Err(type_error(msg!("py-starstar", kind = v.type_name())).at(e.pos));
                    };
                    for (k, v) in d.borrow().entries.iter() {
                        let Value::Str(k) = k else {
                            return Err(type_error(msg!("py-kw-not-str")).at(e.pos));
                        };
                        out.kw.push((k.to_string(), v.clone()));
                    }
                }
            }
        }
        Ok(out)
    }

    fn fstring(&mut self, parts: &[FPart], env: &Env) -> PyResult<String> {
        let mut out = String::new();
        for p in parts {
            match p {
                FPart::Lit(s) => out.push_str(s),
                FPart::Field {
                    expr,
                    text,
                    equals,
                    conv,
                    spec,
                } => {
                    let v = self.eval(expr, env)?;
                    let spec = self.fstring(spec, env)?;
                    if *equals {
                        out.push_str(text);
                    }
                    let conv = match conv {
                        None if *equals && spec.is_empty() => Some('r'),
                        c => *c,
                    };
                    let v = match conv {
                        Some('r') | Some('a') => Value::str(&self.repr_of(&v)?),
                        Some('s') => Value::str(&self.str_of(&v)?),
                        _ => v,
                    };
                    out.push_str(&self.format(&v, &spec).map_err(|x| x.at(expr.pos))?);
                }
            }
        }
        Ok(out)
    }

    /// Python's `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if spec.is_empty() {
            return self.str_of(v);
        }
        match v {
            Value::Instance(inst) => match self.class_attr(&inst.class, "__format__") {
                Some(Value::Func(f)) => {
                    let r =
                        self.call_function(&f, Some(v.clone()), Args::new(vec![Value::str(spec)]))?;
                    self.str_of(&r)
                }
                _ => format::format_value(v, spec),
            },
            _ => format::format_value(v, spec),
        }
    }

    // ---- attributes ----

    pub fn getattr(&mut self, o: &Value, name: &str) -> PyResult<Value> {
        let missing = || {
            err(
                ExcKind::AttributeError,
                msg!("py-no-attr", kind = o.type_name(), name = name),
            )
        };
        match o {
            Value::Instance(inst) => {
                if let Some((_, v)) = inst.attrs.borrow().iter().find(|(k, _)| same_name(k, name)) {
                    return Ok(v.clone());
                }
                match self.class_attr(&inst.class, name) {
                    Some(Value::Func(f)) => Ok(Value::Method(Rc::new(Method {
                        receiver: o.clone(),
                        kind: MethodKind::Func(f),
                    }))),
                    Some(v) => Ok(v),
                    None if name == "__class__" => Ok(Value::Class(inst.class.clone())),
                    None if name == "__dict__" => {
                        let mut d = Dict::default();
                        for (k, v) in inst.attrs.borrow().iter() {
                            dict_set(&mut d, Value::str(k), v.clone())?;
                        }
                        Ok(Value::dict(d))
                    }
                    None => Err(missing()),
                }
            }
            Value::Class(c) => match self.class_attr(c, name) {
                Some(v) => Ok(v),
                None if name == "__name__" => Ok(Value::str(&c.name)),
                None => Err(err(
                    ExcKind::AttributeError,
                    msg!("py-class-no-attr", class = c.name.as_str(), name = name),
                )),
            },
            Value::Module(m) => m.attrs.borrow().get(name).cloned().ok_or_else(|| {
                err(
                    ExcKind::AttributeError,
                    msg!("py-module-no-attr", module = m.name.as_str(), name = name),
                )
            }),
            Value::Array(a) => numpy::attr(a, name).unwrap_or_else(|| Err(missing())),
            Value::NpFloat(_) | Value::NpInt(_) | Value::NpBool(_) => {
                numpy::scalar_attr(o, name).unwrap_or_else(|| Err(missing()))
            }
            Value::Str(_) if strings::STR_METHODS.contains(&name) => Ok(native(o, name)),
            Value::DType(dt) if name == "name" => Ok(Value::str(dt.name())),
            Value::Func(f) if name == "__name__" => Ok(Value::str(&f.def.name)),
            Value::Builtin(b) if name == "__name__" => Ok(Value::str(b.name)),
            // `str.lower`, `list.append`: a type's method, called with its receiver first.
            Value::Builtin(b) if builtins::type_methods(b.name).contains(&name) => {
                Ok(native(o, name))
            }
            Value::ExcClass(kind) if name == "__name__" => Ok(Value::str(kind.name())),
            Value::Exception(e) if name == "args" => {
                let text = crate::i18n::Lang::En.say(&e.message);
                Ok(Value::tuple(vec![Value::str(&text)]))
            }
            _ if builtins::has_method(o, name) => Ok(native(o, name)),
            _ => Err(missing()),
        }
    }

    pub fn setattr(&mut self, o: &Value, name: &str, v: Value) -> PyResult<()> {
        match o {
            Value::Instance(inst) => {
                let mut attrs = inst.attrs.borrow_mut();
                match attrs.iter_mut().find(|(k, _)| same_name(k, name)) {
                    Some(slot) => slot.1 = v,
                    None => attrs.push((name.to_string(), v)),
                }
                Ok(())
            }
            Value::Class(c) => {
                c.attrs.borrow_mut().insert(name.to_string(), v);
                crate::py::value::classes_changed();
                Ok(())
            }
            Value::Module(m) => {
                m.attrs.borrow_mut().insert(name.to_string(), v);
                Ok(())
            }
            _ => Err(err(
                ExcKind::AttributeError,
                msg!("py-readonly-attr", kind = o.type_name(), name = name),
            )),
        }
    }

    // ---- items ----

    pub fn getitem(&mut self, o: &Value, i: &Value) -> PyResult<Value> {
        match o {
            Value::List(l) => {
                let l = l.borrow();
                match i {
                    Value::Slice(s) => Ok(Value::list(slice_items(&l, s)?)),
                    _ => Ok(l[seq_index(i, l.len(), "list")?].clone()),
                }
            }
            Value::Tuple(t) => match i {
                Value::Slice(s) => Ok(Value::tuple(slice_items(t, s)?)),
                _ => Ok(t[seq_index(i, t.len(), "tuple")?].clone()),
            },
            Value::Str(s) => strings::str_index(s, i),
            Value::Range(r) => {
                let (start, stop, step) = (&r.0, &r.1, &r.2);
                let items = range_len(*start, *stop, *step);
                match i {
                    Value::Slice(_) => Err(type_error(msg!("py-range-slice"))),
                    _ => {
                        let k = seq_index(i, items, "range")? as i64;
                        Ok(Value::Int(start + k * step))
                    }
                }
            }
            Value::Dict(d) => {
                let key = hash_key(i)?;
                let d = d.borrow();
                match d.index.get(&key) {
                    Some(&at) => Ok(d.entries[at].1.clone()),
                    None => {
                        let text = self.repr_of(i)?;
                        Err(err(ExcKind::KeyError, msg!("py-text", text = text)))
                    }
                }
            }
            Value::Array(a) => array::getitem(a, i),
            Value::Instance(inst) => match self.class_attr(&inst.class, "__getitem__") {
                Some(Value::Func(f)) => {
                    self.call_function(&f, Some(o.clone()), Args::new(vec![i.clone()]))
                }
                _ => Err(type_error(msg!(
                    "py-not-subscriptable",
                    kind = o.type_name()
                ))),
            },
            _ => Err(type_error(msg!(
                "py-not-subscriptable",
                kind = o.type_name()
            ))),
        }
    }

    pub fn setitem(&mut self, o: &Value, i: &Value, v: Value) -> PyResult<()> {
        match o {
            Value::List(l) => {
                if let Value::Slice(s) = i {
                    let items = self.collect(&v)?;
                    return set_slice(&mut l.borrow_mut(), s, items);
                }
                let mut l = l.borrow_mut();
                let at = seq_index(i, l.len(), "list")
                    .map_err(|_| err(ExcKind::IndexError, msg!("py-list-assign-range")))?;
                l[at] = v;
                Ok(())
            }
            Value::Dict(d) => dict_set(&mut d.borrow_mut(), i.clone(), v),
            Value::Array(a) => array::setitem(a, i, &v),
            Value::Instance(inst) => match self.class_attr(&inst.class, "__setitem__") {
                Some(Value::Func(f)) => {
                    self.call_function(&f, Some(o.clone()), Args::new(vec![i.clone(), v]))?;
                    Ok(())
                }
                _ => Err(type_error(msg!("py-no-item-assign", kind = o.type_name()))),
            },
            _ => Err(type_error(msg!("py-no-item-assign", kind = o.type_name()))),
        }
    }

    fn delitem(&mut self, o: &Value, i: &Value) -> PyResult<()> {
        match o {
            Value::List(l) => {
                let mut l = l.borrow_mut();
                if let Value::Slice(s) = i {
                    let (start, step, count) =
                        crate::py::value::slice_span(&s.0, &s.1, &s.2, l.len())?;
                    let mut idx: Vec<usize> = (0..count)
                        .map(|k| (start + k as i64 * step) as usize)
                        .collect();
                    idx.sort_unstable();
                    for k in idx.into_iter().rev() {
                        l.remove(k);
                    }
                    return Ok(());
                }
                let at = seq_index(i, l.len(), "list")?;
                l.remove(at);
                Ok(())
            }
            Value::Dict(d) => {
                let key = hash_key(i)?;
                let removed = d.borrow_mut().remove(&key);
                match removed {
                    Some(_) => Ok(()),
                    None => {
                        let text = self.repr_of(i)?;
                        Err(err(ExcKind::KeyError, msg!("py-text", text = text)))
                    }
                }
            }
            _ => Err(type_error(msg!("py-no-item-delete", kind = o.type_name()))),
        }
    }

    // ---- operators ----

    pub fn unary(&mut self, op: UnaryOp, v: &Value) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::Bool(!self.truthy(v)?));
        }
        match (op, v) {
            (_, v) if v.is_numpy() => array::unary(op, v),
            (UnaryOp::Neg, Value::Int(i)) => i.checked_neg().map(Value::Int).ok_or_else(overflow),
            (UnaryOp::Neg, Value::Bool(b)) => Ok(Value::Int(-i64::from(*b))),
            (UnaryOp::Neg, Value::Float(x)) => Ok(Value::Float(-x)),
            (UnaryOp::Pos, Value::Int(_) | Value::Float(_)) => Ok(v.clone()),
            (UnaryOp::Pos, Value::Bool(b)) => Ok(Value::Int(i64::from(*b))),
            (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::Int(!i64::from(*b))),
            (_, Value::Instance(inst)) => {
                let name = match op {
                    UnaryOp::Neg => "__neg__",
                    UnaryOp::Pos => "__pos__",
                    _ => "__invert__",
                };
                match self.class_attr(&inst.class, name) {
                    Some(Value::Func(f)) => {
                        self.call_function(&f, Some(v.clone()), Args::default())
                    }
                    _ => Err(type_error(msg!(
                        "py-bad-unary",
                        op = unary_symbol(op),
                        kind = v.type_name()
                    ))),
                }
            }
            _ => Err(type_error(msg!(
                "py-bad-unary",
                op = unary_symbol(op),
                kind = v.type_name()
            ))),
        }
    }

    pub fn binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        // Plain ints and floats first: most of a loop's arithmetic.
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => {
                let r = match op {
                    BinOp::Add => x.checked_add(*y),
                    BinOp::Sub => x.checked_sub(*y),
                    BinOp::Mul => x.checked_mul(*y),
                    _ => None,
                };
                if let Some(r) = r {
                    return Ok(Value::Int(r));
                }
            }
            (Value::Float(_) | Value::Int(_), Value::Float(_) | Value::Int(_)) => {
                let (x, y) = match (a, b) {
                    (Value::Float(x), Value::Float(y)) => (*x, *y),
                    (Value::Int(x), Value::Float(y)) => (*x as f64, *y),
                    (Value::Float(x), Value::Int(y)) => (*x, *y as f64),
                    _ => (0.0, 0.0),
                };
                match op {
                    BinOp::Add => return Ok(Value::Float(x + y)),
                    BinOp::Sub => return Ok(Value::Float(x - y)),
                    BinOp::Mul => return Ok(Value::Float(x * y)),
                    _ => {}
                }
            }
            _ => {}
        }
        if a.is_numpy() || b.is_numpy() {
            let other = if a.is_numpy() { b } else { a };
            if !matches!(other, Value::Instance(_)) {
                return array::binary(op, a, b);
            }
        }
        if let Some(v) = builtins::number_binary(op, a, b)? {
            return Ok(v);
        }
        match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                let mut s = String::new();
                let len = x.len() + y.len();
                if len > format::MAX_LEN || s.try_reserve(len).is_err() {
                    return Err(err(ExcKind::MemoryError, msg!("py-too-long", count = len)));
                }
                s.push_str(x);
                s.push_str(y);
                return Ok(Value::string(s));
            }
            (BinOp::Mul, Value::Str(s), n) | (BinOp::Mul, n, Value::Str(s))
                if as_int(n).is_some() =>
            {
                return strings::str_mul(s, as_int(n).unwrap_or(0));
            }
            (BinOp::Mod, Value::Str(fmt), args) => {
                let fmt = fmt.clone();
                let me = RefCell::new(&mut *self);
                let mut str_of = |v: &Value| me.borrow_mut().str_of(v);
                let mut repr_of = |v: &Value| me.borrow_mut().repr_of(v);
                return Ok(Value::str(&format::percent_format(
                    &fmt,
                    args,
                    &mut str_of,
                    &mut repr_of,
                )?));
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                let mut items = x.borrow().clone();
                items.extend(y.borrow().iter().cloned());
                return Ok(Value::list(items));
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut items = x.as_ref().clone();
                items.extend(y.iter().cloned());
                return Ok(Value::tuple(items));
            }
            (BinOp::Mul, Value::List(l), n) | (BinOp::Mul, n, Value::List(l))
                if as_int(n).is_some() =>
            {
                let items = repeat(&l.borrow(), as_int(n).unwrap_or(0))?;
                return Ok(Value::list(items));
            }
            (BinOp::Mul, Value::Tuple(t), n) | (BinOp::Mul, n, Value::Tuple(t))
                if as_int(n).is_some() =>
            {
                return Ok(Value::tuple(repeat(t, as_int(n).unwrap_or(0))?));
            }
            _ => {}
        }
        if let Some(name) = dunder(op) {
            if let Value::Instance(inst) = a
                && let Some(Value::Func(f)) = self.class_attr(&inst.class, name)
            {
                return self.call_function(&f, Some(a.clone()), Args::new(vec![b.clone()]));
            }
            let rname = format!("__r{}", &name[2..]);
            if let Value::Instance(inst) = b
                && let Some(Value::Func(f)) = self.class_attr(&inst.class, &rname)
            {
                return self.call_function(&f, Some(b.clone()), Args::new(vec![a.clone()]));
            }
        }
        Err(type_error(msg!(
            "py-bad-operands",
            op = op.symbol(),
            a = a.type_name(),
            b = b.type_name()
        )))
    }

    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        // Two ints or two floats, a loop's and a recursion's usual test, first.
        let quick = match (a, b) {
            (Value::Int(x), Value::Int(y)) => compare_ordered(op, x, y),
            (Value::Float(x), Value::Float(y)) => compare_ordered(op, x, y),
            _ => None,
        };
        if let Some(result) = quick {
            return Ok(Value::Bool(result));
        }
        match op {
            CmpOp::Is => return Ok(Value::Bool(same_object(a, b))),
            CmpOp::IsNot => return Ok(Value::Bool(!same_object(a, b))),
            CmpOp::In => return Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Value::Bool(!self.contains(b, a)?)),
            _ => {}
        }
        if a.is_numpy() || b.is_numpy() {
            return array::compare(op, a, b);
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(self.equal(a, b)?)),
            CmpOp::Ne => Ok(Value::Bool(!self.equal(a, b)?)),
            _ => {
                let ord = self.order(a, b, op)?;
                Ok(Value::Bool(match op {
                    CmpOp::Lt => ord == std::cmp::Ordering::Less,
                    CmpOp::Le => ord != std::cmp::Ordering::Greater,
                    CmpOp::Gt => ord == std::cmp::Ordering::Greater,
                    _ => ord != std::cmp::Ordering::Less,
                }))
            }
        }
    }

    /// Python's `==` for non-numpy values.
    pub fn equal(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (builtins::as_number(a), builtins::as_number(b)) {
            return Ok(builtins::numbers_equal(x, y));
        }
        Ok(match (a, b) {
            (Value::None, Value::None) => true,
            (Value::Str(x), Value::Str(y)) => x == y,
            (Value::List(x), Value::List(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_equal(&x, &y)?
            }
            (Value::Tuple(x), Value::Tuple(y)) => self.seq_equal(x, y)?,
            (Value::Dict(x), Value::Dict(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                if x.entries.len() != y.entries.len() {
                    return Ok(false);
                }
                for (k, v) in &x.entries {
                    match y.index.get(&hash_key(k)?) {
                        Some(&at) => {
                            if !self.equal(v, &y.entries[at].1)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                true
            }
            (Value::Range(r1), Value::Range(r2)) => r1 == r2,
            _ if a.is_numpy() || b.is_numpy() => {
                let v = array::compare(CmpOp::Eq, a, b)?;
                self.truthy(&v)?
            }
            (Value::DType(x), Value::DType(y)) => x == y,
            (Value::DType(x), Value::Str(s)) | (Value::Str(s), Value::DType(x)) => {
                x.name() == s.as_ref()
            }
            (Value::Instance(inst), _) => match self.class_attr(&inst.class, "__eq__") {
                Some(Value::Func(f)) => {
                    let r = self.call_function(&f, Some(a.clone()), Args::new(vec![b.clone()]))?;
                    return self.truthy(&r);
                }
                _ => same_object(a, b),
            },
            _ => same_object(a, b),
        })
    }

    fn seq_equal(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y) {
            if !self.equal(p, q)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Python's ordering of two values (`<` and friends, `sorted`, `min`, `max`).
    pub fn order(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<std::cmp::Ordering> {
        use std::cmp::Ordering;
        if let (Some(x), Some(y)) = (builtins::as_number(a), builtins::as_number(b)) {
            return Ok(builtins::numbers_cmp(x, y).unwrap_or(Ordering::Equal));
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => Ok(x.cmp(y)),
            (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_)) => {
                let x = self.collect(a)?;
                let y = self.collect(b)?;
                for (p, q) in x.iter().zip(&y) {
                    if !self.equal(p, q)? {
                        return self.order(p, q, op);
                    }
                }
                Ok(x.len().cmp(&y.len()))
            }
            _ if a.is_numpy() || b.is_numpy() => {
                let lt = array::compare(CmpOp::Lt, a, b)?;
                if self.truthy(&lt)? {
                    return Ok(Ordering::Less);
                }
                let gt = array::compare(CmpOp::Gt, a, b)?;
                Ok(if self.truthy(&gt)? {
                    Ordering::Greater
                } else {
                    Ordering::Equal
                })
            }
            _ => Err(type_error(msg!(
                "py-bad-compare",
                op = cmp_symbol(op),
                a = a.type_name(),
                b = b.type_name()
            ))),
        }
    }

    fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.contains(sub.as_ref())),
                other => Err(type_error(msg!("py-in-str", kind = other.type_name()))),
            },
            Value::Dict(d) => {
                let key = hash_key(item)?;
                Ok(d.borrow().index.contains_key(&key))
            }
            Value::DictView(v) if v.kind == crate::py::value::ViewKind::Keys => {
                let key = hash_key(item)?;
                Ok(v.dict.borrow().index.contains_key(&key))
            }
            Value::Range(r) => match as_int(item) {
                Some(i) => {
                    let (start, stop, step) = (&r.0, &r.1, &r.2);
                    let inside = if *step > 0 {
                        i >= *start && i < *stop
                    } else {
                        i <= *start && i > *stop
                    };
                    Ok(inside && (i - start) % step == 0)
                }
                None => Ok(false),
            },
            Value::Array(_) => {
                let eq = array::compare(CmpOp::Eq, container, item)?;
                match eq {
                    Value::Array(m) => Ok(m.to_vec().iter().any(|&x| x != 0.0)),
                    other => self.truthy(&other),
                }
            }
            _ => {
                let items = self.collect(container)?;
                for x in &items {
                    if same_object(x, item) || self.equal(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// Python's truthiness.
    /// [`Interp::truthy`], a `bool` (what a comparison gives an `if`) answered on the spot.
    #[inline(always)]
    fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            _ => self.truthy(v),
        }
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) | Value::NpBool(b) => *b,
            Value::Int(i) | Value::NpInt(i) => *i != 0,
            Value::Float(x) | Value::NpFloat(x) => *x != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) => !d.borrow().entries.is_empty(),
            Value::DictView(v) => !v.dict.borrow().entries.is_empty(),
            Value::Range(r) => range_len(r.0, r.1, r.2) > 0,
            Value::Array(a) => array::truth(a)?,
            Value::Instance(inst) => {
                if let Some(Value::Func(f)) = self.class_attr(&inst.class, "__bool__") {
                    let r = self.call_function(&f, Some(v.clone()), Args::default())?;
                    return self.truthy(&r);
                }
                if let Some(Value::Func(f)) = self.class_attr(&inst.class, "__len__") {
                    let r = self.call_function(&f, Some(v.clone()), Args::default())?;
                    return self.truthy(&r);
                }
                true
            }
            _ => true,
        })
    }

    // ---- iteration ----

    /// An iterator over any iterable.
    pub fn iter_of(&mut self, v: &Value) -> PyResult<PyIter> {
        Ok(match v {
            Value::Range(r) => PyIter::Range(r.0, r.1, r.2),
            Value::Iter(state) => PyIter::Shared(state.clone()),
            Value::List(l) => PyIter::List(l.clone(), 0),
            Value::Instance(inst) => match self.class_attr(&inst.class, "__getitem__") {
                Some(_) => {
                    let mut items = Vec::new();
                    loop {
                        match self.getitem(v, &Value::Int(items.len() as i64)) {
                            Ok(x) => items.push(x),
                            Err(e) if e.kind == ExcKind::IndexError => break,
                            Err(e) => return Err(e),
                        }
                    }
                    PyIter::Items(items.into_iter())
                }
                None => return Err(type_error(msg!("py-not-iterable", kind = v.type_name()))),
            },
            _ => PyIter::Items(collect_plain(v)?.into_iter()),
        })
    }

    pub fn next_item(&mut self, it: &mut PyIter) -> PyResult<Option<Value>> {
        Ok(match it {
            PyIter::Range(cur, stop, step) => {
                let more = if *step > 0 {
                    *cur < *stop
                } else {
                    *cur > *stop
                };
                if more {
                    let v = *cur;
                    *cur = cur.saturating_add(*step);
                    Some(Value::Int(v))
                } else {
                    None
                }
            }
            PyIter::List(l, at) => {
                let item = l.borrow().get(*at).cloned();
                *at += 1;
                item
            }
            PyIter::Shared(state) => {
                let mut s = state.borrow_mut();
                let item = s.items.get(s.next).cloned();
                if item.is_some() {
                    s.next += 1;
                }
                item
            }
            PyIter::Items(items) => items.next(),
        })
    }

    /// Every item of an iterable, in order.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        let mut it = self.iter_of(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next_item(&mut it)? {
            grow(&mut out)?;
            out.push(x);
            if out.len() % 65536 == 0 {
                self.check_interrupt()?;
            }
        }
        Ok(out)
    }

    // ---- str and repr ----

    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Array(a) => Ok(array::str_of(a)),
            Value::NpFloat(_) | Value::NpInt(_) | Value::NpBool(_) => Ok(array::scalar_str(v)),
            Value::Exception(e) => Ok(crate::i18n::Lang::En.say(&e.message)),
            Value::DType(dt) => Ok(dt.name().to_string()),
            Value::Instance(inst) => match self.class_attr(&inst.class, "__str__") {
                Some(Value::Func(f)) => {
                    let r = self.call_function(&f, Some(v.clone()), Args::default())?;
                    match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(type_error(msg!(
                            "py-str-returned",
                            kind = other.type_name()
                        ))),
                    }
                }
                _ => self.repr_of(v),
            },
            _ => self.repr_of(v),
        }
    }

    pub fn repr_of(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Float(x) => format::float_repr(*x),
            Value::Str(s) => strings::str_repr(s),
            Value::Tuple(t) => {
                let key = Rc::as_ptr(t) as usize;
                if self.repr_stack.len() > RECURSION_LIMIT {
                    return Err(err(ExcKind::RecursionError, msg!("py-recursion")));
                }
                self.repr_stack.push(key);
                let parts: PyResult<Vec<String>> = t.iter().map(|x| self.repr_of(x)).collect();
                self.repr_stack.pop();
                let parts = parts?;
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Value::List(l) => {
                let key = Rc::as_ptr(l) as usize;
                if self.repr_stack.contains(&key) {
                    return Ok("[...]".into());
                }
                if self.repr_stack.len() > RECURSION_LIMIT {
                    return Err(err(ExcKind::RecursionError, msg!("py-recursion")));
                }
                self.repr_stack.push(key);
                let items = l.borrow().clone();
                let parts: PyResult<Vec<String>> = items.iter().map(|x| self.repr_of(x)).collect();
                self.repr_stack.pop();
                format!("[{}]", parts?.join(", "))
            }
            Value::Dict(d) => {
                let key = Rc::as_ptr(d) as usize;
                if self.repr_stack.contains(&key) {
                    return Ok("{...}".into());
                }
                if self.repr_stack.len() > RECURSION_LIMIT {
                    return Err(err(ExcKind::RecursionError, msg!("py-recursion")));
                }
                self.repr_stack.push(key);
                let entries = d.borrow().entries.clone();
                let mut parts = Vec::with_capacity(entries.len());
                for (k, x) in &entries {
                    match (self.repr_of(k), self.repr_of(x)) {
                        (Ok(k), Ok(x)) => parts.push(format!("{k}: {x}")),
                        (Err(e), _) | (_, Err(e)) => {
                            self.repr_stack.pop();
                            return Err(e);
                        }
                    }
                }
                self.repr_stack.pop();
                format!("{{{}}}", parts.join(", "))
            }
            Value::Range(r) => {
                let (a, b, c) = (&r.0, &r.1, &r.2);
                if *c == 1 {
                    format!("range({a}, {b})")
                } else {
                    format!("range({a}, {b}, {c})")
                }
            }
            Value::Iter(_) => "<iterator object>".into(),
            Value::DictView(v) => {
                let items = v.kind.items(&v.dict.borrow());
                let list = self.repr_of(&Value::list(items))?;
                format!("{}({list})", v.kind.name())
            }
            Value::Slice(s) => {
                let (a, b, c) = s.as_ref();
                format!(
                    "slice({}, {}, {})",
                    self.repr_of(a)?,
                    self.repr_of(b)?,
                    self.repr_of(c)?
                )
            }
            Value::Func(f) => {
                if f.is_lambda {
                    "<function <lambda>>".into()
                } else {
                    format!("<function {}>", f.qualname)
                }
            }
            Value::Builtin(b) => match b.name {
                "float" | "int" | "str" | "bool" | "list" | "tuple" | "dict" | "range"
                | "object" => {
                    format!("<class '{}'>", b.name)
                }
                name => format!("<built-in function {name}>"),
            },
            Value::Method(m) => match &m.kind {
                MethodKind::Func(f) => {
                    let recv = self.repr_of(&m.receiver)?;
                    format!("<bound method {} of {recv}>", f.qualname)
                }
                MethodKind::Native(name) => {
                    format!(
                        "<built-in method {name} of {} object>",
                        m.receiver.type_name()
                    )
                }
            },
            Value::Class(c) => format!("<class '__main__.{}'>", c.name),
            Value::Instance(inst) => match self.class_attr(&inst.class, "__repr__") {
                Some(Value::Func(f)) => {
                    let r = self.call_function(&f, Some(v.clone()), Args::default())?;
                    match r {
                        Value::Str(s) => s.to_string(),
                        other => {
                            return Err(type_error(msg!(
                                "py-str-returned",
                                kind = other.type_name()
                            )));
                        }
                    }
                }
                _ => format!("<__main__.{} object>", inst.class.name),
            },
            Value::Module(m) => format!("<module '{}'>", m.name),
            Value::Array(a) => array::repr_of(a),
            Value::NpFloat(_) | Value::NpInt(_) | Value::NpBool(_) => array::scalar_repr(v),
            Value::DType(dt) => format!("dtype('{}')", dt.name()),
            Value::Exception(e) => {
                let text = crate::i18n::Lang::En.say(&e.message);
                format!("{}({})", e.kind.name(), strings::str_repr(&text))
            }
            Value::ExcClass(k) => format!("<class '{}'>", k.name()),
        })
    }
}

/// A live iteration.
pub enum PyIter {
    Range(i64, i64, i64),
    List(Rc<RefCell<Vec<Value>>>, usize),
    Shared(Rc<RefCell<IterState>>),
    Items(std::vec::IntoIter<Value>),
}

/// The items of an iterable that needs no Python code to walk: tuples, lists, strings, dicts
/// (their keys), ranges, iterators (what is left of them) and arrays (their rows).
pub fn collect_plain(v: &Value) -> PyResult<Vec<Value>> {
    Ok(match v {
        Value::Tuple(t) => t.as_ref().clone(),
        Value::List(l) => l.borrow().clone(),
        Value::Str(s) => s
            .chars()
            .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
            .collect(),
        Value::Dict(d) => d.borrow().entries.iter().map(|(k, _)| k.clone()).collect(),
        Value::DictView(v) => v.kind.items(&v.dict.borrow()),
        Value::Range(r) => {
            let (start, stop, step) = (&r.0, &r.1, &r.2);
            let n = range_len(*start, *stop, *step);
            if n > 1 << 28 {
                return Err(err(ExcKind::MemoryError, msg!("py-too-long", count = n)));
            }
            (0..n as i64)
                .map(|k| Value::Int(start + k * step))
                .collect()
        }
        Value::Iter(state) => {
            let mut s = state.borrow_mut();
            let rest = s.items[s.next.min(s.items.len())..].to_vec();
            s.next = s.items.len();
            rest
        }
        Value::Array(a) => array::iterate(a)?,
        other => {
            return Err(type_error(msg!(
                "py-not-iterable",
                kind = other.type_name()
            )));
        }
    })
}

/// The variable each positional argument names, where it is a plain name (none after `*args`,
/// where positions no longer line up).
fn arg_names(args: &[Arg]) -> Vec<Option<String>> {
    let mut out = Vec::new();
    for a in args {
        match a {
            Arg::Pos(Expr {
                kind: ExprKind::Name(n),
                ..
            }) => out.push(Some(n.to_string())),
            Arg::Pos(_) => out.push(None),
            Arg::Star(_) => break,
            Arg::Kw(..) | Arg::StarStar(_) => {}
        }
    }
    out
}

/// Whether two attribute names are the same, compared in place: an attribute's name is short,
/// and the library's `memcmp`, called for each, had been a few percent of a method call.
#[inline(always)]
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().unwrap_or([0; 8]));
    let half = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().unwrap_or([0; 4]));
    match n {
        0 => true,
        // The first, middle and last bytes are all of a name of three or fewer.
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        // Two overlapping reads cover the whole name.
        4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        _ => a == b,
    }
}

/// The value of a literal int, or of a name that is a bound local of `env`'s function: the
/// leaves an expression has most, found without a call.
#[inline(always)]
fn leaf(e: &Expr, env: &Env) -> Option<Value> {
    match &e.kind {
        ExprKind::Int(i) => Some(Value::Int(*i)),
        ExprKind::Name(n) => bound_local(n, env),
        _ => None,
    }
}

/// A plain number, read where it is.
#[derive(Clone, Copy)]
enum Number {
    Int(i64),
    Float(f64),
}

/// The number a literal int, or a bound local of `env`'s function, holds: read in its place,
/// neither copied out nor dropped.
#[inline(always)]
fn leaf_number(e: &Expr, env: &Env) -> Option<Number> {
    match &e.kind {
        ExprKind::Int(i) => Some(Number::Int(*i)),
        ExprKind::Name(n) => {
            let slot = local_slot(n, env.names.as_ref()?)?;
            match env.scope.borrow().slots.get(slot)? {
                Some(Value::Int(i)) => Some(Number::Int(*i)),
                Some(Value::Float(x)) => Some(Number::Float(*x)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The value of `name` when it is a local of `env`'s function and bound.
#[inline(always)]
fn bound_local(name: &Ident, env: &Env) -> Option<Value> {
    let slot = local_slot(name, env.names.as_ref()?)?;
    env.scope.borrow().slots.get(slot)?.clone()
}

/// The slot of `name` among a function's locals, found once for each function's names and
/// kept in the name.
#[inline]
fn local_slot(name: &Ident, names: &Rc<LocalNames>) -> Option<usize> {
    let key = Rc::as_ptr(names) as usize;
    let (known, slot) = name.slot.get();
    let slot = if known == key {
        slot
    } else {
        find_slot(name, names, key)
    };
    (slot != u32::MAX).then_some(slot as usize)
}

/// [`local_slot`] for a name not yet looked up in these names: found, and kept in the name
/// (`u32::MAX` for a name that is not a local).
#[inline(never)]
fn find_slot(name: &Ident, names: &LocalNames, key: usize) -> u32 {
    let slot = names.slot(name).map_or(u32::MAX, |i| i as u32);
    name.slot.set((key, slot));
    slot
}

/// `a op b` for two numbers of one kind, as Rust compares them (IEEE for floats, as Python);
/// `None` for the operators that are not comparisons of values.
#[inline]
fn compare_ordered<T: PartialOrd>(op: CmpOp, a: &T, b: &T) -> Option<bool> {
    Some(match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        _ => return None,
    })
}

fn native(o: &Value, name: &str) -> Value {
    Value::Method(Rc::new(Method {
        receiver: o.clone(),
        kind: MethodKind::Native(Rc::from(name)),
    }))
}

fn overflow() -> PyErr {
    err(ExcKind::OverflowError, msg!("py-int-overflow"))
}

/// An index into a sequence of `len` items, negative from the end.
fn seq_index(i: &Value, len: usize, kind: &str) -> PyResult<usize> {
    let Some(k) = as_int(i) else {
        return Err(type_error(msg!(
            "py-seq-index-type",
            seq = kind,
            kind = i.type_name()
        )));
    };
    let n = len as i64;
    let at = if k < 0 { k + n } else { k };
    if at < 0 || at >= n {
        return Err(err(ExcKind::IndexError, msg!("py-index-range", seq = kind)));
    }
    Ok(at as usize)
}

fn slice_items(items: &[Value], s: &(Value, Value, Value)) -> PyResult<Vec<Value>> {
    let (start, step, count) = crate::py::value::slice_span(&s.0, &s.1, &s.2, items.len())?;
    Ok((0..count)
        .map(|k| items[(start + k as i64 * step) as usize].clone())
        .collect())
}

fn set_slice(list: &mut Vec<Value>, s: &(Value, Value, Value), items: Vec<Value>) -> PyResult<()> {
    let (start, step, count) = crate::py::value::slice_span(&s.0, &s.1, &s.2, list.len())?;
    if step == 1 {
        let start = start.max(0) as usize;
        list.splice(start..start + count, items);
        return Ok(());
    }
    if items.len() != count {
        return Err(err(
            ExcKind::ValueError,
            msg!("py-slice-assign-size", got = items.len(), expected = count),
        ));
    }
    for (k, v) in items.into_iter().enumerate() {
        list[(start + k as i64 * step) as usize] = v;
    }
    Ok(())
}

fn repeat(items: &[Value], n: i64) -> PyResult<Vec<Value>> {
    let n = n.max(0) as usize;
    let total = items.len().saturating_mul(n);
    let mut out = Vec::new();
    if total > 1 << 28 || out.try_reserve_exact(total).is_err() {
        return Err(err(
            ExcKind::MemoryError,
            msg!("py-too-long", count = total),
        ));
    }
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    Ok(out)
}

fn same_object(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y && (-5..=256).contains(x),
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y) || (x.is_empty() && y.is_empty()),
        (Value::Tuple(x), Value::Tuple(y)) => Rc::ptr_eq(x, y),
        (Value::List(x), Value::List(y)) => Rc::ptr_eq(x, y),
        (Value::Dict(x), Value::Dict(y)) => Rc::ptr_eq(x, y),
        (Value::Func(x), Value::Func(y)) => Rc::ptr_eq(x, y),
        (Value::Builtin(x), Value::Builtin(y)) => Rc::ptr_eq(x, y),
        (Value::Class(x), Value::Class(y)) => Rc::ptr_eq(x, y),
        (Value::Instance(x), Value::Instance(y)) => Rc::ptr_eq(x, y),
        (Value::Module(x), Value::Module(y)) => Rc::ptr_eq(x, y),
        (Value::Array(x), Value::Array(y)) => Rc::ptr_eq(x, y),
        (Value::Iter(x), Value::Iter(y)) => Rc::ptr_eq(x, y),
        (Value::DType(x), Value::DType(y)) => x == y,
        (Value::ExcClass(x), Value::ExcClass(y)) => x == y,
        (Value::NpBool(x), Value::NpBool(y)) => x == y,
        _ => false,
    }
}

/// What a function body binds and declares, in the order the names first appear.
#[derive(Default)]
struct Found {
    locals: Vec<String>,
    globals: Vec<String>,
    nonlocals: Vec<String>,
}

/// The names a function body binds, not looking inside nested functions and classes (their
/// own names are bound, their bodies are theirs).
fn collect_names(body: &[Stmt], names: &mut Found) {
    fn targets(e: &Expr, names: &mut Found) {
        match &e.kind {
            ExprKind::Name(n) => {
                names.locals.push(n.to_string());
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for x in items {
                    targets(x, names);
                }
            }
            _ => {}
        }
    }
    for s in body {
        match &s.kind {
            StmtKind::Assign(ts, _) => ts.iter().for_each(|t| targets(t, names)),
            StmtKind::AugAssign(t, _, _) => targets(t, names),
            StmtKind::For(t, _, b, o) => {
                targets(t, names);
                collect_names(b, names);
                collect_names(o, names);
            }
            StmtKind::While(_, b, o) => {
                collect_names(b, names);
                collect_names(o, names);
            }
            StmtKind::If(branches, o) => {
                for (_, b) in branches {
                    collect_names(b, names);
                }
                collect_names(o, names);
            }
            StmtKind::Def(d) => {
                names.locals.push(d.name.clone());
            }
            StmtKind::Class(c) => {
                names.locals.push(c.name.clone());
            }
            StmtKind::Import(m, alias) => {
                let n = alias
                    .clone()
                    .unwrap_or_else(|| m.split('.').next().unwrap_or(m).to_string());
                names.locals.push(n);
            }
            StmtKind::FromImport(_, list) => {
                for (n, a) in list {
                    names.locals.push(a.clone().unwrap_or_else(|| n.clone()));
                }
            }
            StmtKind::Global(list) => names.globals.extend(list.iter().cloned()),
            StmtKind::Nonlocal(list) => names.nonlocals.extend(list.iter().cloned()),
            StmtKind::Del(ts) => ts.iter().for_each(|t| targets(t, names)),
            StmtKind::Try(t) => {
                collect_names(&t.body, names);
                for (_, n, b) in &t.handlers {
                    if let Some(n) = n {
                        names.locals.push(n.clone());
                    }
                    collect_names(b, names);
                }
                collect_names(&t.orelse, names);
                collect_names(&t.finally, names);
            }
            _ => {}
        }
    }
}

fn dunder(op: BinOp) -> Option<&'static str> {
    Some(match op {
        BinOp::Add => "__add__",
        BinOp::Sub => "__sub__",
        BinOp::Mul => "__mul__",
        BinOp::Div => "__truediv__",
        BinOp::FloorDiv => "__floordiv__",
        BinOp::Mod => "__mod__",
        BinOp::Pow => "__pow__",
        BinOp::MatMul => "__matmul__",
        _ => return None,
    })
}

fn unary_symbol(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        UnaryOp::Invert => "~",
        UnaryOp::Not => "not",
    }
}

fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

#[cfg(test)]
mod tests {
    use super::same_name;

    /// The in-place comparison agrees with `==` for every pair of names up to 20 bytes that
    /// differ in any one byte, or in length, or not at all (ASCII and a two-byte character).
    #[test]
    fn same_name_agrees_with_equality() {
        let base = "abcdefghijklmnopqrsé";
        let mut names: Vec<String> = (0..=base.len())
            .filter(|&n| base.is_char_boundary(n))
            .map(|n| base[..n].to_string())
            .collect();
        for n in 1..=18 {
            for at in 0..n {
                let mut s = base.as_bytes()[..n].to_vec();
                s[at] = b'Z';
                names.push(String::from_utf8(s).expect("ASCII"));
            }
        }
        for a in &names {
            for b in &names {
                assert_eq!(same_name(a, b), a == b, "{a:?} and {b:?}");
            }
        }
    }
}
