//! The namespace of the REPL, a lesson and a `.bp` script: Python's objects over the session's
//! graph.
//!
//! Every top-level statement is parsed as Python. One the session's language also reads, whose
//! names hold numbers and arrays, runs in the session, which records it in the graph (`r =
//! relu(x)`, `price = apple * n`, `for` loops of the training kind) and so keeps `back`, `grad`,
//! `step`, `check` and `graph` working. Anything else (a `class`, a `def`, a list, a string, a
//! method call, an object's attribute) runs in the interpreter. The two share one set of names:
//! before a session statement, the numbers and arrays it reads are handed to the session as
//! leaves (unless it holds them already); after it, what it bound is handed back as Python's
//! objects, and an array two names share stays one object.

use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use crate::engine::value::Value as EValue;
use crate::lang::ast::{Dout, Expr as LExpr, ExprKind as LKind, Index, Statement, StatementKind};
use crate::lang::error::Error as LangError;
use crate::lang::parser as lparser;
use crate::py::ast::{Arg, Expr, ExprKind, Stmt, StmtKind};
use crate::py::error::PyResult;
use crate::py::parser;
use crate::py::tape::same_value;
use crate::py::value::{ArrayObj, DType, Interp, Value};
use crate::session::Session;

/// One top-level statement of a text, and where its source is: `src[start..end]`. (A text
/// has a handful of these, made once: the statement is kept inline.)
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Piece {
    /// Text only the session's own language reads (an older script's line).
    Graph { start: usize, end: usize },
    /// A Python statement; `quiet` when a `;` ended it. Where it runs is decided when it runs,
    /// by what its names hold then.
    Python {
        stmt: Stmt,
        quiet: bool,
        start: usize,
        end: usize,
    },
}

/// What the interpreter prints, kept until the caller's writer takes it (the interpreter's
/// writer must be its own; the caller's is lent for one statement at a time).
#[derive(Clone, Default)]
pub struct Sink(Arc<Mutex<Vec<u8>>>);

impl Sink {
    /// What was written so far, taken.
    pub fn take(&self) -> String {
        match self.0.lock() {
            Ok(mut v) => String::from_utf8_lossy(&std::mem::take(&mut *v)).into_owned(),
            Err(_) => String::new(),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.lock() {
            Ok(mut v) => {
                v.try_reserve(buf.len())
                    .map_err(|_| std::io::Error::from(std::io::ErrorKind::OutOfMemory))?;
                v.extend_from_slice(buf);
                Ok(buf.len())
            }
            Err(_) => Err(std::io::Error::other("poisoned")),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One name both sides hold: the session's value (an array by its buffer) and the Python object
/// made of it or given for it.
struct Shared {
    engine: EValue,
    object: Value,
}

pub struct Workspace {
    pub session: Session,
    pub interp: Interp,
    sink: Sink,
    shared: HashMap<String, Shared>,
    /// The `back` whose gradients Python was given last (the session's count of them).
    gradients_of: u64,
}

impl Workspace {
    /// A workspace over `session`, with numpy's names and our layer functions in scope, as if
    /// `import numpy as np` and `from numpy import *` had run.
    pub fn new(session: Session) -> Workspace {
        let sink = Sink::default();
        let mut interp = Interp::new(Box::new(sink.clone()), 0);
        interp.rng = session.random_stream().clone();
        interp.recursion_limit = super::recursion_limit_here();
        crate::py::layers::install(&mut interp);
        Workspace {
            session,
            interp,
            sink,
            shared: HashMap::new(),
            gradients_of: 0,
        }
    }

    /// Forgets every variable, on both sides; the random stream carries on.
    pub fn reset(&mut self) {
        self.session.reset();
        self.interp.teardown();
        self.interp.globals.borrow_mut().vars.clear();
        self.interp.after_back.clear();
        self.interp.grads_by_object.clear();
        self.interp.tape.clear();
        self.shared.clear();
        self.gradients_of = 0;
    }

    /// Splits `src` into its top-level statements.
    pub fn plan(&self, src: &str) -> PyResult<Vec<Piece>> {
        let stmts = parser::parse_module_quiet(src)?;
        let lines = super::report::line_starts(src);
        let starts: Vec<usize> = stmts
            .iter()
            .map(|(s, _)| super::report::offset_in(src, &lines, s.pos))
            .collect();
        Ok(stmts
            .into_iter()
            .enumerate()
            .map(|(i, (stmt, quiet))| {
                let start = starts[i];
                let next = starts.get(i + 1).copied().unwrap_or(src.len());
                let end = trim_tail(src, start, next.max(start));
                Piece::Python {
                    stmt,
                    quiet,
                    start,
                    end,
                }
            })
            .collect())
    }

    /// The statements of one logical line of a script, when the session runs them as Python
    /// would and no Python has run yet (no list written outside a call, no name that only
    /// Python has): the graph language alone, run without the interpreter or its parse.
    pub fn session_line(&self, line: &str, offset: usize) -> Option<Vec<Statement>> {
        let statements = lparser::parse_line(line, offset).ok()?;
        let names = Names::of(&statements);
        let python = names.list_literal
            || names
                .reads
                .iter()
                .any(|n| self.interp.builtins.contains_key(n.as_str()));
        (!python).then_some(statements)
    }

    /// The session's statements for `stmt` (its source is `text`, at offset `base`) when it runs
    /// in the session, which records it in the graph, rather than in the interpreter, by what
    /// its names hold now: `None` for the interpreter, else the statements parsed once for
    /// both the check and the run (or the session's parse error, for one of our statements it
    /// cannot read: the session says what that statement takes).
    pub fn session_statements(
        &self,
        stmt: &Stmt,
        text: &str,
        base: usize,
    ) -> Option<Result<Vec<Statement>, LangError>> {
        // A statement word alone (`plot`, `back`) is the session's, which says what it takes,
        // unless Python has a variable of that name.
        let statement_word = matches!(&stmt.kind, StmtKind::Expr(Expr {
            kind: ExprKind::Name(n),
            ..
        }) if crate::py::lexer::TOOL_WORDS.contains(&n.as_str())
            && !self.interp.globals.borrow().vars.contains_key(n.as_str()));
        if statement_word || matches!(stmt.kind, StmtKind::Tool(_)) {
            return Some(lparser::parse_line(text, base));
        }
        match &stmt.kind {
            StmtKind::Expr(_)
            | StmtKind::Assign(..)
            | StmtKind::AugAssign(..)
            | StmtKind::If(..)
            | StmtKind::For(..)
            | StmtKind::Del(..) => {}
            // `import numpy as np` binds `np` as Python does.
            _ => return None,
        }
        // numpy changes an array in place (`x += 1`, `x[0] = 5`): every holder sees it, so
        // Python does it (the session would make a new array). The graph takes the new
        // values as a leaf when it next reads the name.
        let in_place = match &stmt.kind {
            StmtKind::AugAssign(target, ..) => match &target.kind {
                ExprKind::Name(n) => matches!(
                    self.interp.globals.borrow().vars.get(n.as_str()),
                    Some(Value::Array(_))
                ),
                _ => true,
            },
            StmtKind::Assign(targets, _) => {
                targets.iter().any(|t| !matches!(t.kind, ExprKind::Name(_)))
            }
            _ => false,
        };
        // `first = loss` of a number a layer made: Python's, so that the tape notes that
        // `first` holds that node too (its chain stays after `loss` is rebound).
        let keeps_node = name_copy(stmt).is_some_and(|(targets, source)| {
            matches!(
                targets,
                [Expr {
                    kind: ExprKind::Name(_),
                    ..
                }]
            ) && self.interp.tape.holds(self.interp.globals_key(), source)
        });
        // A string, a list, a dict or an attribute that is not numpy's is Python's business.
        if in_place || keeps_node || python_only(stmt) {
            return None;
        }
        let statements = lparser::parse_line(text, base).ok()?;
        let names = Names::of(&statements);
        // After a `back` over the learner's layers, `grad(W)` is Python's: the session did
        // not compute those gradients.
        let layers_grad = self.interp.grads_from_layers && names.funcs.contains(&"grad");
        if names.list_literal || layers_grad {
            return None;
        }
        let globals = self.interp.globals.borrow();
        let shadowed = names.funcs.iter().any(|f| {
            globals
                .vars
                .get(f)
                .is_some_and(|v| !matches!(v, Value::Builtin(_)))
        });
        // A name Python has and the session does not (`None`, `len`) is Python's.
        let readable = names
            .reads
            .iter()
            .all(|n| match globals.vars.get(n.as_str()) {
                Some(v) => to_engine(v).is_some(),
                None => {
                    self.session.value(n).is_some()
                        || !(self.interp.builtins.contains_key(n.as_str())
                            || (self.interp.grads_from_layers
                                && self.interp.after_back.contains_key(n.as_str())))
                }
            });
        (!shadowed && readable).then_some(Ok(statements))
    }

    /// The graph statement `stmt` when its target is a value the learner's own layers made
    /// (or, for `check`, a layer class): it runs over their nodes, not in the session.
    pub fn layer_request(&self, stmt: &Stmt) -> Option<crate::py::layer_tools::Request> {
        match &stmt.kind {
            StmtKind::Tool(text) => crate::py::layer_tools::request(&self.interp, text, &|name| {
                self.session_computed(name)
            }),
            _ => None,
        }
    }

    /// Whether the graph statements computed `name` (a node with inputs, not a leaf).
    fn session_computed(&self, name: &str) -> bool {
        self.session
            .node_of(name)
            .is_some_and(|id| !self.session.graph().node(id).inputs.is_empty())
    }

    /// The error for a graph statement whose target Python holds as something that takes no
    /// gradient (a tuple, a string), where the session alone would call the name unknown.
    pub fn unsuitable_target(&self, stmt: &Stmt) -> Option<crate::py::error::PyErr> {
        match &stmt.kind {
            StmtKind::Tool(text) => crate::py::layer_tools::unsuitable(&self.interp, text),
            _ => None,
        }
    }

    /// Runs a graph statement on the learner's layers; its gradients are Python's `dNAME`
    /// and `grad(x)` afterwards.
    pub fn layer_tool(
        &mut self,
        req: &crate::py::layer_tools::Request,
        view: &crate::show::View,
    ) -> PyResult<crate::py::layer_tools::Printed> {
        self.interp.rng = self.session.random_stream().clone();
        let printed = crate::py::layer_tools::run(&mut self.interp, req, view);
        self.session.set_random_stream(&self.interp.rng);
        self.after_python();
        let mut printed = printed?;
        let leaves = std::mem::take(&mut printed.leaves);
        if let Some(text) = self.continue_into_session(&leaves, view)
            && let Some(last) = printed.pages.last_mut()
        {
            last.push_str(&text);
        }
        Ok(printed)
    }

    /// After a walk through the learner's layers: where it reached values the graph statements
    /// computed (`h = relu(x @ W)` typed at the prompt, then a layer of the learner's on `h`),
    /// the session's `back` goes on from them, from the gradients the walk gave them, as one
    /// walk of `sum(h * dh) + …`. Its gradients join the learner's; what it printed is the
    /// extra `dNAME` lines.
    fn continue_into_session(
        &mut self,
        leaves: &[(Value, Value)],
        view: &crate::show::View,
    ) -> Option<String> {
        let mut parts = Vec::new();
        let mut temps = Vec::new();
        for (value, grad) in leaves {
            let name = self
                .shared
                .iter()
                .find(|(_, s)| same_value(&s.object, value))
                .map(|(n, _)| n.clone());
            let Some(name) = name else { continue };
            let Some(dout) = to_engine(grad).filter(|_| self.session_computed(&name)) else {
                continue;
            };
            let temp = format!("__dout{}", temps.len());
            self.session.define(&temp, dout);
            parts.push(format!("sum({name} * {temp})"));
            temps.push(temp);
        }
        if parts.is_empty() {
            return None;
        }
        let text = format!("__seed = {}; back __seed", parts.join(" + "));
        let learner_named: Vec<(String, Value)> = self
            .interp
            .after_back
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let learner_objects = std::mem::take(&mut self.interp.grads_by_object);
        let ran = lparser::parse_line(&text, 0).ok().and_then(|statements| {
            self.enter_session(&statements);
            self.session
                .run_parsed(&statements, &text, 0, &mut |_, _, _| Ok(()))
                .ok()
        });
        // The session's gradients, the temporary names left out, then the learner's again.
        self.take_gradients();
        for t in temps.iter().chain(std::iter::once(&"__seed".to_string())) {
            self.session.forget(t);
        }
        self.interp.after_back.retain(|k, _| !k.starts_with("d__"));
        let mut fresh: Vec<(String, Value)> = self
            .interp
            .after_back
            .iter()
            .filter(|(k, _)| !learner_named.iter().any(|(n, _)| n == *k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        fresh.sort_by(|a, b| a.0.cmp(&b.0));
        self.interp.after_back.extend(learner_named);
        let mut objects = learner_objects;
        objects.append(&mut self.interp.grads_by_object);
        self.interp.grads_by_object = objects;
        self.interp.grads_from_layers = true;
        ran?;
        Some(crate::py::layer_tools::gradients(
            &mut self.interp,
            &fresh,
            "",
            view,
        ))
    }

    /// After the session's `back` (or `step`): where it reached values the learner's layers
    /// made, the walk goes on through those layers, from the gradients the session gave them.
    /// Their gradients join the session's; what it printed is the extra `dNAME` lines.
    pub fn continue_into_layers(
        &mut self,
        statements: &[Statement],
        view: &crate::show::View,
    ) -> Option<PyResult<String>> {
        let walked = statements.iter().any(|s| {
            matches!(
                s.kind,
                StatementKind::Back { .. } | StatementKind::Step { .. }
            )
        });
        if !walked || self.interp.tape.nodes.is_empty() {
            return None;
        }
        let record = self.session.last_back()?;
        let globals = self.interp.globals_key();
        let mut roots = Vec::new();
        for (name, gradient) in record.named_grads() {
            let Some(object) = self.interp.globals.borrow().vars.get(name).cloned() else {
                continue;
            };
            let Some(node) = self.interp.tape.producer(&object, Some((globals, name))) else {
                continue;
            };
            let engine = EValue::float(gradient.into_owned());
            if let Some(value) = from_engine(&engine) {
                roots.push((node, value));
            }
        }
        if roots.is_empty() {
            return None;
        }
        let printed = crate::py::learner::back_from(&mut self.interp, roots).map(|walk| {
            let before: std::collections::HashSet<String> =
                self.interp.after_back.keys().cloned().collect();
            let named = crate::py::learner::publish_more(&mut self.interp, &walk);
            let fresh: Vec<(String, Value)> = named
                .into_iter()
                .filter(|(n, _)| !before.contains(n))
                .collect();
            let mut text = crate::py::layer_tools::gradients(&mut self.interp, &fresh, "", view);
            for w in &walk.warnings {
                text.push_str(&crate::show::diagnostic::render_warning_message(w, view));
            }
            text
        });
        Some(printed)
    }

    /// Before a session statement: the numbers and arrays it reads, as the session's leaves,
    /// where the session does not hold them as they are; and the random stream.
    pub fn enter_session(&mut self, statements: &[Statement]) {
        self.session.set_random_stream(&self.interp.rng);
        for name in Names::of(statements).reads {
            let object = self
                .interp
                .globals
                .borrow()
                .vars
                .get(name.as_str())
                .cloned();
            let Some(object) = object else {
                if self.shared.remove(name.as_str()).is_some() {
                    self.session.forget(&name);
                }
                continue;
            };
            let in_step = self.shared.get(name.as_str()).is_some_and(|s| {
                same_value(&s.object, &object)
                    && self
                        .session
                        .value(&name)
                        .is_some_and(|v| same_engine(v, &s.engine))
                    && same_content(&object, &s.engine)
            });
            if in_step {
                continue;
            }
            if let Some(engine) = to_engine(&object) {
                self.session.define(&name, engine.clone());
                self.shared
                    .insert(name.to_string(), Shared { engine, object });
            }
        }
    }

    /// After a session statement: what it bound or forgot, on the Python side too; the random
    /// stream; and the last `back`'s gradients, for `grad(x)` and `dx` in Python.
    pub fn leave_session(&mut self) {
        self.interp.rng = self.session.random_stream().clone();
        let mut seen = std::collections::HashSet::new();
        let bound: Vec<(String, EValue)> = self
            .session
            .bindings()
            .filter_map(|(name, _)| {
                seen.insert(name.to_string());
                let value = self.session.value(name)?;
                match self.shared.get(name) {
                    Some(s) if same_engine(&s.engine, value) => None,
                    _ => Some((name.to_string(), value.clone())),
                }
            })
            .collect();
        for (name, engine) in bound {
            // A second name for the same array is the same object, as in numpy.
            let object = self
                .shared
                .values()
                .find(|s| is_array(&s.engine) && same_engine(&s.engine, &engine))
                .map(|s| s.object.clone())
                .or_else(|| from_engine(&engine));
            // Where the system would not give the room for a copy, Python does not see the
            // name; the session still has it.
            let Some(object) = object else {
                continue;
            };
            self.interp
                .globals
                .borrow_mut()
                .vars
                .insert(name.clone(), object.clone());
            self.shared.insert(name, Shared { engine, object });
        }
        let gone: Vec<String> = self
            .shared
            .keys()
            .filter(|n| !seen.contains(n.as_str()))
            .cloned()
            .collect();
        for name in gone {
            self.shared.remove(&name);
            self.interp.globals.borrow_mut().vars.remove(&name);
        }
        self.take_gradients();
    }

    /// The last `back`'s gradients, where Python finds them: `dNAME` and `grad(array)`.
    fn take_gradients(&mut self) {
        if self.session.backs_run() == self.gradients_of {
            return;
        }
        self.gradients_of = self.session.backs_run();
        self.interp.grads_from_layers = false;
        self.interp.after_back.clear();
        self.interp.grads_by_object.clear();
        let Some(record) = self.session.last_back() else {
            return;
        };
        let mut by_object = Vec::new();
        for (name, gradient) in record.named_grads() {
            let int = self
                .session
                .node_of(name)
                .is_some_and(|n| record.gradients.is_int(n));
            let engine = EValue::float(gradient.into_owned()).into_int_if(int);
            let Some(value) = from_engine(&engine) else {
                continue;
            };
            if let Some(Shared {
                object: Value::Array(a),
                ..
            }) = self.shared.get(name)
            {
                by_object.push((a.clone(), value.clone()));
            }
            self.interp
                .after_back
                .insert(self.session.grad_label(name), value);
        }
        self.interp.grads_by_object = by_object;
    }

    /// Runs one statement in the interpreter. At the top level of an interactive session an
    /// expression's value, and an assignment's names, are echoed unless `quiet` (or the
    /// session does not echo).
    pub fn run_python(&mut self, stmt: &Stmt, quiet: bool) -> PyResult<()> {
        self.interp.rng = self.session.random_stream().clone();
        let result = self.run_python_inner(stmt, quiet);
        self.session.set_random_stream(&self.interp.rng);
        self.after_python();
        result
    }

    fn run_python_inner(&mut self, stmt: &Stmt, quiet: bool) -> PyResult<()> {
        let echo = !quiet && self.session.echoes();
        match &stmt.kind {
            StmtKind::Expr(e) => {
                let v = self.interp.eval_top(e)?;
                if echo && !matches!(v, Value::None) {
                    let text = self.echo_text(&v)?;
                    let _ = writeln!(self.sink, "{text}");
                }
                Ok(())
            }
            _ => {
                self.interp.run(std::slice::from_ref(stmt))?;
                self.note_alias(stmt);
                if echo {
                    let mut names = Vec::new();
                    match &stmt.kind {
                        StmtKind::Assign(targets, _) => {
                            for t in targets {
                                target_names(t, &mut names);
                            }
                        }
                        StmtKind::AugAssign(t, ..) => target_names(t, &mut names),
                        _ => {}
                    }
                    for name in names {
                        let v = self.interp.globals.borrow().vars.get(&name).cloned();
                        if let Some(v) = v {
                            let text = self.echo_text(&v)?;
                            let pad = " ".repeat(name.chars().count() + 3);
                            let text = text.replace('\n', &format!("\n{pad}"));
                            let _ = writeln!(self.sink, "{name} = {text}");
                        }
                    }
                }
                Ok(())
            }
        }
    }

    /// After `first = loss` at the top level, where `loss` holds a number a layer made:
    /// `first` holds that node too, so its chain stays after `loss` is rebound.
    fn note_alias(&mut self, stmt: &Stmt) {
        let Some((targets, source)) = name_copy(stmt) else {
            return;
        };
        if !self.interp.tape.has_holders() {
            return;
        }
        let scope = self.interp.globals_key();
        for t in targets {
            if let ExprKind::Name(target) = &t.kind {
                let v = self
                    .interp
                    .globals
                    .borrow()
                    .vars
                    .get(target.as_str())
                    .cloned();
                if let Some(v) = v {
                    self.interp.tape.alias(&v, scope, source, target);
                }
            }
        }
    }

    /// What an echo shows: what `print` shows, with a string in quotes.
    fn echo_text(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(_) => self.interp.repr_of(v),
            _ => self.interp.str_of(v),
        }
    }

    /// After a Python statement: a name it rebound or deleted is no longer the session's.
    fn after_python(&mut self) {
        let globals = self.interp.globals.borrow();
        let stale: Vec<String> = self
            .shared
            .iter()
            .filter(|(name, s)| {
                globals
                    .vars
                    .get(name.as_str())
                    .is_none_or(|v| !same_value(v, &s.object))
            })
            .map(|(name, _)| name.clone())
            .collect();
        drop(globals);
        for name in stale {
            self.shared.remove(&name);
            self.session.forget(&name);
        }
    }

    /// Hands what the interpreter printed to `out`.
    pub fn drain(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let bytes = match self.sink.0.lock() {
            Ok(mut v) => std::mem::take(&mut *v),
            Err(_) => return Ok(()),
        };
        out.write_all(&bytes)
    }

    /// The attributes and methods after `NAME.` for every name in scope (and `np.random`), for
    /// Tab after a dot.
    pub fn members(&self) -> HashMap<String, Vec<String>> {
        let mut all = HashMap::new();
        let globals = self.interp.globals.borrow();
        let named = globals.vars.iter().chain(
            self.interp
                .builtins
                .iter()
                .filter(|(n, _)| n.as_str() == "np"),
        );
        for (name, v) in named {
            let list = members_of(v);
            if let (Value::Module(m), true) = (v, name == "np")
                && let Some(random) = m.attrs.borrow().get("random")
            {
                all.insert(format!("{name}.random"), members_of(random));
            }
            if !list.is_empty() {
                all.insert(name.clone(), list);
            }
        }
        all
    }

    /// Every name the learner can use, for completion.
    pub fn known_names(&self) -> Vec<String> {
        let mut names = self.session.known_names();
        names.extend(self.interp.globals.borrow().vars.keys().cloned());
        names.extend(self.interp.builtins.keys().cloned());
        names.sort();
        names.dedup();
        names
    }
}

/// What `v.` can be followed by, sorted.
fn members_of(v: &Value) -> Vec<String> {
    let mut names: Vec<String> = match v {
        Value::Instance(i) => {
            let mut names: Vec<String> = i.attrs.borrow().iter().map(|(n, _)| n.clone()).collect();
            let mut class = Some(i.class.clone());
            while let Some(c) = class {
                names.extend(c.attrs.borrow().keys().cloned());
                class = c.bases.first().cloned();
            }
            names
        }
        Value::Class(c) => c.attrs.borrow().keys().cloned().collect(),
        Value::Module(m) => m.attrs.borrow().keys().cloned().collect(),
        Value::Array(_) => crate::py::numpy::METHODS
            .iter()
            .chain(["shape", "ndim", "size", "dtype", "T"].iter())
            .map(|s| s.to_string())
            .collect(),
        other => crate::py::builtins::type_methods(&other.type_name())
            .iter()
            .map(|s| s.to_string())
            .collect(),
    };
    names.retain(|n| !n.starts_with("__"));
    names.sort();
    names.dedup();
    names
}

/// The end of a statement's text: before the blank lines and comments that follow it.
fn trim_tail(src: &str, start: usize, end: usize) -> usize {
    let text = &src[start..end];
    let mut keep = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        at += line.len();
        if !t.is_empty() && !t.starts_with('#') {
            keep = at;
        }
    }
    let keep = if keep == 0 { text.len() } else { keep };
    start + text[..keep].trim_end().len()
}

/// The names an assignment's target binds (`a`, `a, b`, `(x, t), (u, v)`).
fn target_names(t: &Expr, out: &mut Vec<String>) {
    match &t.kind {
        ExprKind::Name(n) => out.push(n.to_string()),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for i in items {
                target_names(i, out);
            }
        }
        _ => {}
    }
}

/// `a = b` (or `a = c = b`): the targets and the name whose value they take.
fn name_copy(stmt: &Stmt) -> Option<(&[Expr], &str)> {
    match &stmt.kind {
        StmtKind::Assign(
            targets,
            Expr {
                kind: ExprKind::Name(source),
                ..
            },
        ) => Some((targets.as_slice(), source.as_str())),
        _ => None,
    }
}

/// Whether a statement holds what only Python has: strings, dicts, lambdas, attributes other
/// than numpy's `np.`, comprehensions, keyword-less calls of methods.
fn python_only(stmt: &Stmt) -> bool {
    let mut found = false;
    walk_stmt(stmt, &mut |e: &Expr| match &e.kind {
        ExprKind::None
        | ExprKind::Str(_)
        | ExprKind::FStr(_)
        | ExprKind::Dict(..)
        | ExprKind::Lambda(..) => found = true,
        ExprKind::ListComp(..) | ExprKind::DictComp(..) | ExprKind::GenExp(..) => found = true,
        ExprKind::Attr(base, name) => {
            let numpy = matches!(&base.kind, ExprKind::Name(n) if n == "np")
                || matches!(&base.kind, ExprKind::Attr(b, r) if r == "random"
                        && matches!(&b.kind, ExprKind::Name(n) if n == "np"));
            // The array methods the session records (`x.reshape(2, -1)`); on anything else
            // the names decide.
            let session_method = matches!(
                name.as_str(),
                "T" | "reshape"
                    | "sum"
                    | "mean"
                    | "max"
                    | "argmax"
                    | "copy"
                    | "flatten"
                    | "transpose"
            );
            if !numpy && !session_method {
                found = true;
            }
        }
        _ => {}
    });
    found
}

/// Calls `f` on every expression of a statement the session might run, nested ones included.
fn walk_stmt(stmt: &Stmt, f: &mut dyn FnMut(&Expr)) {
    match &stmt.kind {
        StmtKind::Expr(e) => walk(e, f),
        StmtKind::Assign(targets, value) => {
            for t in targets {
                walk(t, f);
            }
            walk(value, f);
        }
        StmtKind::AugAssign(t, _, value) => {
            walk(t, f);
            walk(value, f);
        }
        StmtKind::If(branches, other) => {
            for (cond, body) in branches {
                walk(cond, f);
                body.iter().for_each(|s| walk_stmt(s, f));
            }
            other.iter().for_each(|s| walk_stmt(s, f));
        }
        StmtKind::For(target, iter, body, other) => {
            walk(target, f);
            walk(iter, f);
            body.iter().chain(other).for_each(|s| walk_stmt(s, f));
        }
        StmtKind::While(cond, body, other) => {
            walk(cond, f);
            body.iter().chain(other).for_each(|s| walk_stmt(s, f));
        }
        StmtKind::Del(targets) => targets.iter().for_each(|t| walk(t, f)),
        _ => {}
    }
}

fn walk(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(|i| walk(i, f)),
        ExprKind::Dict(pairs) => {
            for (k, v) in pairs {
                walk(k, f);
                walk(v, f);
            }
        }
        ExprKind::Attr(base, _) => walk(base, f),
        ExprKind::Index(base, index) => {
            walk(base, f);
            walk(index, f);
        }
        ExprKind::Slice(a, b, c) => [a, b, c].into_iter().flatten().for_each(|x| walk(x, f)),
        ExprKind::Call(callee, args) => {
            walk(callee, f);
            for a in args {
                match a {
                    Arg::Pos(x) | Arg::Star(x) | Arg::Kw(_, x) | Arg::StarStar(x) => walk(x, f),
                }
            }
        }
        ExprKind::Unary(_, x) => walk(x, f),
        ExprKind::Binary(_, a, b) | ExprKind::BoolOp(_, a, b) => {
            walk(a, f);
            walk(b, f);
        }
        ExprKind::Compare(first, rest) => {
            walk(first, f);
            rest.iter().for_each(|(_, x)| walk(x, f));
        }
        ExprKind::IfExp { cond, then, other } => {
            walk(cond, f);
            walk(then, f);
            walk(other, f);
        }
        _ => {}
    }
}

/// The names a session statement reads and the functions it calls.
#[derive(Default)]
struct Names {
    reads: Vec<compact_str::CompactString>,
    funcs: Vec<&'static str>,
    /// A list written outside a call (`x = [1, 2]`), which is Python's list.
    list_literal: bool,
}

impl Names {
    fn of(statements: &[Statement]) -> Names {
        let mut names = Names::default();
        for s in statements {
            names.statement(s);
        }
        names
    }

    fn read(&mut self, name: &compact_str::CompactString) {
        if !self.reads.contains(name) {
            self.reads.push(name.clone());
        }
    }

    fn statement(&mut self, s: &Statement) {
        match &s.kind {
            StatementKind::Assign { value, .. } => self.expr(value, false),
            StatementKind::Back { target, dout }
            | StatementKind::Step { target, dout }
            | StatementKind::Check { target, dout, .. } => {
                self.read(&target.name);
                if let Dout::Expr(e) = dout {
                    self.expr(e, true);
                }
            }
            StatementKind::Expr(e) => self.expr(e, false),
            StatementKind::Graph { target, .. } => self.read(&target.name),
            StatementKind::Del { names } => {
                for n in names {
                    self.read(&n.name);
                }
            }
            StatementKind::Load { .. } | StatementKind::Seed { .. } | StatementKind::Import => {}
            StatementKind::Plot { series, height } => {
                for e in series.iter().chain(height) {
                    self.expr(e, true);
                }
            }
            StatementKind::Imshow { image } => self.expr(image, true),
            StatementKind::AugAssign { name, value, .. } => {
                self.read(&name.name);
                self.expr(value, false);
            }
            StatementKind::IndexAssign {
                name,
                indices,
                value,
                ..
            } => {
                self.read(&name.name);
                self.indices(indices);
                self.expr(value, false);
            }
            StatementKind::For { iter, body, .. } => {
                self.expr(iter, true);
                for s in body {
                    self.statement(s);
                }
            }
            StatementKind::If {
                cond,
                then_body,
                else_body,
            } => {
                self.expr(cond, false);
                for s in then_body.iter().chain(else_body) {
                    self.statement(s);
                }
            }
        }
    }

    fn indices(&mut self, indices: &[Index]) {
        for i in indices {
            match i {
                Index::Expr(e) => self.expr(e, true),
                Index::Slice {
                    start, stop, step, ..
                } => {
                    for e in [start, stop, step].into_iter().flatten() {
                        self.expr(e, true);
                    }
                }
            }
        }
    }

    /// `in_call`: the expression is an argument, where a list is numpy's array-like.
    fn expr(&mut self, e: &LExpr, in_call: bool) {
        match &e.kind {
            LKind::Number(_) | LKind::Int(_) | LKind::Bool(_) => {}
            LKind::Array { .. } => {
                if !in_call {
                    self.list_literal = true;
                }
            }
            LKind::Name(n) => self.read(n),
            LKind::Neg(x) | LKind::Transpose(x) => self.expr(x, in_call),
            LKind::Binary { lhs, rhs, .. } => {
                self.expr(lhs, in_call);
                self.expr(rhs, in_call);
            }
            LKind::Call {
                func, args, kwargs, ..
            } => {
                self.funcs.push(func.name());
                for a in args {
                    self.expr(a, true);
                }
                for (_, a) in kwargs {
                    self.expr(a, true);
                }
            }
            LKind::Index { base, indices } => {
                self.expr(base, in_call);
                self.indices(indices);
            }
            LKind::Grad(n) | LKind::Mask(n) => {
                self.read(&n.name);
                self.funcs.push(if matches!(e.kind, LKind::Grad(_)) {
                    "grad"
                } else {
                    "mask"
                });
            }
        }
    }
}

/// A Python object as the session's value, if it is a number or an array (and the system
/// gives the room for the copy).
fn to_engine(v: &Value) -> Option<EValue> {
    const EXACT: i64 = 1 << 53;
    Some(match v {
        Value::Int(i) | Value::NpInt(i) if i.abs() <= EXACT => EValue::int_scalar(*i as f64),
        Value::Float(f) | Value::NpFloat(f) => EValue::Scalar(*f),
        Value::Array(a) => {
            let data = copied(a.size(), || a.to_vec().into_iter())?;
            if a.dtype == DType::Int64 && data.iter().any(|x| x.abs() > EXACT as f64) {
                return None;
            }
            let array = ndarray::ArrayD::from_shape_vec(ndarray::IxDyn(&a.shape), data).ok()?;
            match a.dtype {
                DType::Float64 => EValue::float(array),
                DType::Int64 => EValue::Int(Box::new(array.into_shared())),
                DType::Bool => EValue::bools(array.mapv(|x| x != 0.0)),
            }
        }
        _ => return None,
    })
}

/// `n` elements in a vector the system was asked for first: `None` where it refuses.
fn copied<I: Iterator<Item = f64>>(n: usize, items: impl FnOnce() -> I) -> Option<Vec<f64>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).ok()?;
    v.extend(items());
    Some(v)
}

/// The session's value as a Python object: a Python number for a number, an array for an
/// array; `None` where the system refuses the room for the copy.
fn from_engine(v: &EValue) -> Option<Value> {
    let first = |a: &crate::engine::value::Floats| a.iter().next().copied().unwrap_or(0.0);
    Some(match v {
        EValue::Scalar(f) => Value::Float(*f),
        EValue::Float(a) if a.ndim() == 0 => Value::NpFloat(first(a)),
        EValue::Int(a) if a.ndim() == 0 => Value::Int(first(a) as i64),
        EValue::Bool(a) if a.ndim() == 0 => Value::Bool(a.iter().next().copied().unwrap_or(false)),
        EValue::Float(a) => array_of(
            copied(a.len(), || a.iter().copied())?,
            a.shape(),
            DType::Float64,
        ),
        EValue::Int(a) => array_of(
            copied(a.len(), || a.iter().copied())?,
            a.shape(),
            DType::Int64,
        ),
        EValue::Bool(a) => array_of(
            copied(a.len(), || a.iter().map(|&b| f64::from(b)))?,
            a.shape(),
            DType::Bool,
        ),
    })
}

fn array_of(data: Vec<f64>, shape: &[usize], dtype: DType) -> Value {
    Value::Array(Rc::new(ArrayObj::from_vec(data, shape.to_vec(), dtype)))
}

fn is_array(v: &EValue) -> bool {
    !matches!(v, EValue::Scalar(_)) && !v.shape().is_empty()
}

/// The same session value: an array by its buffer, a number by its bits.
fn same_engine(a: &EValue, b: &EValue) -> bool {
    match (a, b) {
        (EValue::Scalar(x), EValue::Scalar(y)) => x.to_bits() == y.to_bits(),
        (EValue::Float(x), EValue::Float(y)) | (EValue::Int(x), EValue::Int(y)) => {
            x.as_ptr() == y.as_ptr() && x.shape() == y.shape()
        }
        (EValue::Bool(x), EValue::Bool(y)) => x.as_ptr() == y.as_ptr() && x.shape() == y.shape(),
        _ => false,
    }
}

/// Whether an array still holds what the session was given (Python may have changed it in
/// place since: `x[0] = 5`, `W -= lr * g` on an attribute that shares it).
fn same_content(object: &Value, engine: &EValue) -> bool {
    let Value::Array(a) = object else {
        return true;
    };
    if a.shape != engine.shape() {
        return false;
    }
    let theirs = engine.as_float();
    a.to_vec()
        .iter()
        .zip(theirs.iter())
        .all(|(x, y)| x.to_bits() == y.to_bits())
}
