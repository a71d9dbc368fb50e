//! A session: names bound to graph nodes, the gradients of the last `back`, and the statements
//! that change them.
//!
//! Every source of lines (a script, the REPL, a lesson) hands text to `Session::run`, which parses
//! it, runs each statement, and hands what the statement did to the caller as an `Outcome`:
//! plain data, never text. `show` turns outcomes into text. An outcome may name nodes of the
//! graph, so it is handed over (and rendered) before the next statement runs.
//!
//! A statement either happens completely or not at all: nodes it built are dropped, the random
//! stream is put back, and no binding or gradient changes when it fails.

mod blocks;
mod calls;
mod outcome;
mod plots;

pub use outcome::{Origin, Outcome};

use crate::engine::gradcheck::{self, Report};
use crate::engine::graph::{Gradients, Graph, Node, NodeId, Op, UnaryKind, too_large};
use crate::engine::interrupt;
use crate::engine::memory;
use crate::engine::random::{self, DEFAULT_SEED, Rng};
use crate::engine::shape;
use crate::engine::value::Value;
use crate::i18n::Message;
use crate::lang::ast::{BinOp, Dout, Expr, ExprKind, Func, Ident, Span, Statement, StatementKind};
use crate::lang::error::{Error, Result};
use crate::lang::parser;
use crate::lang::suggest;
use crate::msg;
use compact_str::CompactString;
use ndarray::{ArrayD, IxDyn};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Garbage is looked for no sooner than after this many new nodes…
const MIN_COLLECTION_NODES: usize = 1024;
/// …or this many new bytes, and no fewer than `COLLECTION_BYTES_PER_NODE` for each live node.
/// A collection costs a walk over the nodes, whatever their arrays hold, so new bytes in
/// proportion to the nodes pay for it; a training loop's garbage then goes every iteration or
/// two, and its arrays are made again in memory the cache still holds.
const MIN_COLLECTION_BYTES: usize = 256 << 10;
const COLLECTION_BYTES_PER_NODE: usize = 64;
/// Letting go of an array this large (512 KB of float64) collects at once.
const LARGE_ELEMENTS: usize = 1 << 16;

/// The most nodes `graph --dot` writes; Graphviz cannot lay out much more in reasonable time.
pub const MAX_DOT_NODES: usize = 5_000;

/// What the last `back` found, kept so that `grad(NAME)`, `dNAME` and pictures can use it.
#[derive(Debug, Clone)]
pub struct BackRecord {
    /// The name `back` ran from.
    pub output: String,
    pub output_node: NodeId,
    /// Each named variable that took part and its node then, in the order the names were
    /// defined. Their gradients stay in `gradients`, which is not copied.
    pub named: Vec<(String, NodeId)>,
    /// Older values of names that were bound again after the output was computed from them
    /// (the `W1` a loss used before `W1 -= …`), which took part: the name and the node.
    pub former: Vec<(String, NodeId)>,
    pub gradients: Gradients,
}

impl BackRecord {
    /// The dout the pass started from: the output's own gradient.
    pub fn dout(&self) -> Cow<'_, ArrayD<f64>> {
        self.gradients
            .get(self.output_node)
            .unwrap_or_else(|| Cow::Owned(ArrayD::zeros(IxDyn(&[0]))))
    }

    /// The gradient of each named variable that took part, in the order the names were defined.
    pub fn named_grads(&self) -> impl Iterator<Item = (&str, Cow<'_, ArrayD<f64>>)> {
        self.named
            .iter()
            .filter_map(|(name, node)| self.gradients.get(*node).map(|g| (name.as_str(), g)))
    }
}

/// One line of `:vars`.
#[derive(Debug, Clone, PartialEq)]
pub struct VarInfo {
    pub name: String,
    pub shape: Vec<usize>,
    pub layer: &'static str,
    pub has_grad: bool,
    /// The bytes of its value and of its gradient.
    pub bytes: usize,
}

#[derive(Debug, Clone)]
pub struct Session {
    graph: Graph,
    /// Names in the order they were first defined, and the node each is bound to now.
    bindings: Vec<(String, NodeId)>,
    slots: FxHashMap<String, usize>,
    /// Leaves that a name was bound to before the name was bound again (`W1 -= …` makes a new
    /// leaf): the name they had. A value computed earlier may still read such a node, and the
    /// pictures, `check` and `grad` call it the name's older value rather than the name.
    /// Collected with the nodes, so it holds at most one entry per live node.
    former: FxHashMap<NodeId, CompactString>,
    last_back: Option<BackRecord>,
    /// How many times `back` or `step` has run, so that a reader of `last_back` can tell a new
    /// record from the one it saw.
    backs: u64,
    rng: Rng,
    /// The random stream as it was before the running statement first drew from it (boxed: the
    /// generator's state is 2.5 KB, and every statement moves this field).
    rng_before: Option<Box<Rng>>,
    /// Warnings of the statements run since the caller last took them.
    warnings: Vec<Error>,
    /// When to look for garbage next: once the arena has doubled since the last collection, or
    /// enough new bytes have come to pay for a walk over it, so the cost of collecting is
    /// spread over the statements that made it.
    next_collection: (usize, usize),
    /// A rebinding let go of a large array: collect after this statement, so its memory goes at
    /// once (rebinding `x = ones(5000, 5000)` ten times holds one array, not ten).
    collect_soon: bool,
    /// The most bytes the session may hold: values, gradients and the arena itself.
    budget: usize,
    /// Told how far a long `check` or loop got, for a progress bar on a terminal.
    progress: Option<ProgressHook>,
    /// The largest image `imshow` draws, in pixel rows and columns: what fits the terminal,
    /// and never more than `MAX_IMAGE_SIDE` on either side.
    image_limit: (usize, usize),
    /// Whether values are echoed (see `set_echo`).
    echo: bool,
}

/// The most pixel rows or columns `imshow` draws anywhere: a picture larger than this is a
/// data set shown by mistake (`imshow(x_train)`), not an image.
pub const MAX_IMAGE_SIDE: usize = 256;

/// A function the session calls with (done, total) during long work, such as a `check` of
/// more than about a second. The caller decides how to show it.
#[derive(Clone)]
pub struct ProgressHook(pub std::sync::Arc<dyn Fn(Progress) + Send + Sync>);

/// How far long work got.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    /// A `check`: elements nudged so far, of how many.
    Check { done: usize, total: usize },
    /// A `for` loop: iterations finished, of how many, the time since it started, and the latest
    /// value of a 0-d variable named `loss`, if there is one. `done == total` means it ended.
    Loop {
        done: usize,
        total: usize,
        elapsed: std::time::Duration,
        loss: Option<f64>,
    },
}

impl std::fmt::Debug for ProgressHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProgressHook")
    }
}

impl Default for Session {
    fn default() -> Session {
        Session::new()
    }
}

/// What a statement's new value reads from before the statement; see `Session::reads`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reads {
    /// A named variable that is not data: the value stays in the graph, joined to it.
    Name,
    /// Data and constants only: the value is data.
    Data,
    /// Constants only (literals, `randn`): the value is a new leaf, as the book's `params`.
    Constants,
}

/// The source text being run, so that nodes can be labelled with what the user typed.
struct Source<'a> {
    text: &'a str,
    base: usize,
}

impl<'a> Source<'a> {
    fn slice(&self, span: Span) -> Cow<'a, str> {
        let start = span.start.saturating_sub(self.base).min(self.text.len());
        let end = span
            .end
            .saturating_sub(self.base)
            .clamp(start, self.text.len());
        let text = self.text.get(start..end).unwrap_or_default();
        // Most labels are already on one line with single spaces; only the others are folded.
        let mut folded = true;
        let mut after_space = false;
        for &b in text.as_bytes() {
            match b {
                b'\n' | b'\r' | b'\t' => folded = false,
                b' ' if after_space => folded = false,
                _ => {}
            }
            after_space = b == b' ';
        }
        if folded {
            return Cow::Borrowed(text);
        }
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

impl Session {
    pub fn new() -> Session {
        Session {
            graph: Graph::new(),
            bindings: Vec::new(),
            slots: FxHashMap::default(),
            former: FxHashMap::default(),
            image_limit: (MAX_IMAGE_SIDE, MAX_IMAGE_SIDE),
            last_back: None,
            backs: 0,
            rng: Rng::new(DEFAULT_SEED),
            rng_before: None,
            next_collection: (MIN_COLLECTION_NODES, MIN_COLLECTION_BYTES),
            collect_soon: false,
            warnings: Vec::new(),
            budget: memory::default_budget(),
            progress: None,
            echo: true,
        }
    }

    /// Whether an assignment or a bare expression shows its value (the REPL's and a `.bp`
    /// script's way), or only `print` and the graph tools print (a `.py` file's, as Python runs
    /// one).
    pub fn set_echo(&mut self, echo: bool) {
        self.echo = echo;
    }

    /// Whether assignments and bare expressions show their values.
    pub fn echoes(&self) -> bool {
        self.echo
    }

    /// Sets who is told how far long work got.
    pub fn set_progress(&mut self, hook: Option<ProgressHook>) {
        self.progress = hook;
    }

    /// The most bytes the session may hold. A statement that would pass it fails before it
    /// allocates, and changes nothing.
    pub fn budget(&self) -> usize {
        self.budget
    }

    /// Fits `imshow` to a terminal of `rows` lines and `columns` cells: each pixel takes one
    /// line and two cells, plus a frame around the picture and a line under it.
    pub fn set_terminal_size(&mut self, rows: usize, columns: usize) {
        self.image_limit = (
            rows.saturating_sub(3).clamp(1, MAX_IMAGE_SIDE),
            (columns.saturating_sub(2) / 2).clamp(1, MAX_IMAGE_SIDE),
        );
    }

    /// The largest image `imshow` draws: (pixel rows, pixel columns).
    pub fn image_limit(&self) -> (usize, usize) {
        self.image_limit
    }

    pub fn set_budget(&mut self, bytes: usize) {
        self.budget = bytes;
    }

    /// Who holds the session's memory, largest first: each variable with its value, its
    /// gradient and the unnamed values it was computed from (a value two names reach counts for
    /// the one defined last), then the last `back`'s other gradients and nodes no name reaches
    /// (kept until the next collection), under the empty name.
    pub fn holders(&self) -> Vec<(String, usize)> {
        let len = self.graph.len();
        let mut owner: Vec<Option<usize>> = vec![None; len];
        for (i, (_, node)) in self.bindings.iter().enumerate() {
            owner[*node] = Some(i);
        }
        let mut sizes = vec![0usize; self.bindings.len() + 1];
        for id in (0..len).rev() {
            let node = self.graph.node(id);
            if let Some(o) = owner[id] {
                for &input in &node.inputs {
                    owner[input].get_or_insert(o);
                }
            }
            let slot = owner[id].unwrap_or(self.bindings.len());
            sizes[slot] += node.value.bytes() + node.op.cache_bytes();
        }
        let mut named_grads = 0;
        for (i, (name, _)) in self.bindings.iter().enumerate() {
            if let Some(len) = self.gradient_len(name) {
                let bytes = len * std::mem::size_of::<f64>();
                sizes[i] += bytes;
                named_grads += bytes;
            }
        }
        let back = self.last_back.as_ref().map_or(0, |b| b.gradients.bytes());
        sizes[self.bindings.len()] += back.saturating_sub(named_grads);
        let mut holders: Vec<(String, usize)> = self
            .bindings
            .iter()
            .map(|(name, _)| name.clone())
            .chain([String::new()])
            .zip(sizes)
            .filter(|(_, bytes)| *bytes > 0)
            .collect();
        holders.sort_by_key(|h| std::cmp::Reverse(h.1));
        holders
    }

    /// `reserve` for an array of `len` float64s.
    fn reserve_floats(&self, len: usize, span: Span) -> Result<()> {
        self.reserve(len.saturating_mul(std::mem::size_of::<f64>()), span)
    }

    /// `reserve` for the output of `x OP y`: float64s, or a byte an element for a comparison.
    /// Shapes that do not broadcast are left for the layer to refuse.
    fn reserve_binary(&self, op: BinOp, xn: NodeId, yn: NodeId, span: Span) -> Result<()> {
        let (x, y) = (&self.graph.node(xn).value, &self.graph.node(yn).value);
        let Some(len) = shape::broadcast(x.shape(), y.shape()).and_then(|s| shape::checked_len(&s))
        else {
            return Ok(());
        };
        let each = match op {
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne => 1,
            _ => std::mem::size_of::<f64>(),
        };
        // A boolean operand is read as floats: its copy is counted too.
        let copies = self.float_copies(&[xn, yn]);
        self.reserve(len.saturating_mul(each).saturating_add(copies), span)
    }

    /// Asks for `bytes` more before anything is allocated: an error at `span` when the session
    /// would pass its budget, or when the system would refuse them.
    fn reserve(&self, bytes: usize, span: Span) -> Result<()> {
        let held = self.bytes_total();
        if held.saturating_add(bytes) > self.budget {
            let largest: Vec<String> = self
                .holders()
                .into_iter()
                .filter(|(name, _)| !name.is_empty())
                .take(3)
                .map(|(name, bytes)| format!("{name} ({})", memory::describe(bytes)))
                .collect();
            let (needed, held, budget) = (
                memory::describe(bytes),
                memory::describe(held),
                memory::describe(self.budget),
            );
            let message = if largest.is_empty() {
                msg!(
                    "memory-budget-unnamed",
                    needed = needed,
                    held = held,
                    budget = budget
                )
            } else {
                msg!(
                    "memory-budget",
                    needed = needed,
                    held = held,
                    budget = budget,
                    largest = largest.join(", ")
                )
            };
            return Err(Error::new(message, span));
        }
        // Small requests are not worth a probe; a refusal of them would be the system's end.
        if bytes >= 1 << 20 && !memory::available(bytes) {
            return Err(Error::new(
                msg!("memory-refused", needed = memory::describe(bytes)),
                span,
            ));
        }
        Ok(())
    }

    /// As `np.random.seed(seed)`: the stream numpy's legacy global generator makes.
    pub fn set_seed(&mut self, seed: u32) {
        self.rng = Rng::new(seed);
    }

    /// The random stream, for a statement about to draw from it. The first draw of a statement
    /// keeps a copy of the stream as it was (2.5 KB), so a statement that fails puts it back,
    /// and a statement that draws nothing copies nothing.
    fn rng(&mut self) -> &mut Rng {
        if self.rng_before.is_none() {
            self.rng_before = Some(Box::new(self.rng.clone()));
        }
        &mut self.rng
    }

    /// The random stream as it stands, for a runtime that draws from the same stream between
    /// statements (the Python stage's `np.random`).
    pub fn random_stream(&self) -> &Rng {
        &self.rng
    }

    /// Carries on from `rng`: what another runtime drew between statements.
    pub fn set_random_stream(&mut self, rng: &Rng) {
        if self.rng != *rng {
            self.rng = rng.clone();
        }
    }

    /// Binds `name` to a new leaf holding `value`, as `name = value` with a typed value does:
    /// how a value made outside the session (by the Python stage) enters the graph.
    pub fn define(&mut self, name: &str, value: Value) -> NodeId {
        let node = self.graph.leaf(value, name);
        self.bind(name, node);
        node
    }

    /// Forgets `name`, as `del name`: its value goes with the next collection.
    pub fn forget(&mut self, name: &str) {
        self.unbind(name);
    }

    /// Forgets every variable and gradient; the random stream carries on.
    pub fn reset(&mut self) {
        let rng = self.rng.clone();
        *self = Session {
            rng,
            budget: self.budget,
            progress: self.progress.take(),
            ..Session::new()
        };
    }

    /// Parses and runs `text`, one logical line whose first byte is at offset `base` of the
    /// file (spans in errors are file offsets). Statements run in order, and each one's outcome
    /// goes to `each` before the next runs; the first that fails stops the line, leaving the
    /// session as it was before that statement. An error `each` returns stops the line too.
    pub fn run(
        &mut self,
        text: &str,
        base: usize,
        each: &mut dyn FnMut(&Session, &Statement, Outcome) -> Result<()>,
    ) -> Result<()> {
        let statements = parser::parse_line(text, base)?;
        self.run_parsed(&statements, text, base, each)
    }

    /// [`Session::run`] of statements parsed already from `text` (at offset `base`).
    pub fn run_parsed(
        &mut self,
        statements: &[Statement],
        text: &str,
        base: usize,
        each: &mut dyn FnMut(&Session, &Statement, Outcome) -> Result<()>,
    ) -> Result<()> {
        let source = Source { text, base };
        for statement in statements {
            self.run_statement(statement, &source, each, false)?;
        }
        Ok(())
    }

    /// Frees the nodes that nothing can reach any more: no name, and not the last `back` (its
    /// output, the names it reported, and everything they were computed from). The arena is
    /// compacted in order, so a node's inputs still come before it and `back` stays a walk
    /// over indices. It runs when the arena has doubled since the last time, or its new bytes
    /// pay for the walk (see `COLLECTION_BYTES_PER_NODE`), or when a large array was let go, so
    /// a long session's cost per statement stays constant
    /// and its memory is what its names reach.
    fn collect_garbage(&mut self) {
        let (nodes_at, bytes_at) = self.next_collection;
        if !self.collect_soon && self.graph.len() < nodes_at && self.graph.value_bytes() < bytes_at
        {
            return;
        }
        self.collect_soon = false;
        let len = self.graph.len();
        let mut keep = vec![false; len];
        for &(_, node) in &self.bindings {
            keep[node] = true;
        }
        if let Some(back) = &self.last_back {
            keep[back.output_node] = true;
            for &(_, node) in back.named.iter().chain(&back.former) {
                keep[node] = true;
            }
        }
        for id in (0..len).rev() {
            if keep[id] {
                for &input in &self.graph.node(id).inputs {
                    keep[input] = true;
                }
            }
        }
        // A chain whose every node is still reached (a script of `y = y * w` lines) keeps
        // everything: nothing moves, so there is no map to build or apply.
        if keep.iter().all(|&kept| kept) {
            self.plan_next_collection();
            return;
        }
        let map = self.graph.compact(&keep);
        let moved = |node: NodeId| map[node].unwrap_or(node);
        for binding in &mut self.bindings {
            binding.1 = moved(binding.1);
        }
        self.former = std::mem::take(&mut self.former)
            .into_iter()
            .filter_map(|(node, name)| Some((map[node]?, name)))
            .collect();
        if let Some(back) = self.last_back.take() {
            self.last_back = Some(BackRecord {
                output_node: moved(back.output_node),
                named: back
                    .named
                    .into_iter()
                    .map(|(name, node)| (name, moved(node)))
                    .collect(),
                former: back
                    .former
                    .into_iter()
                    .map(|(name, node)| (name, moved(node)))
                    .collect(),
                gradients: back.gradients.remap(&map),
                output: back.output,
            });
        }
        self.plan_next_collection();
    }

    /// When the next collection comes, from what is live now: see `collect_garbage`.
    fn plan_next_collection(&mut self) {
        let (live_nodes, live_bytes) = (self.graph.len(), self.graph.value_bytes());
        self.next_collection = (
            (2 * live_nodes).max(live_nodes + MIN_COLLECTION_NODES),
            live_bytes + MIN_COLLECTION_BYTES.max(COLLECTION_BYTES_PER_NODE * live_nodes),
        );
    }

    /// What the session's arrays hold: every value in the graph, the layers' own caches (most
    /// share their arrays with the values) and the last gradients.
    pub fn bytes_held(&self) -> usize {
        self.graph.value_bytes() + self.last_back.as_ref().map_or(0, |b| b.gradients.bytes())
    }

    /// All the session holds, what the budget counts: its arrays, and the graph's nodes and
    /// gradient slots themselves (72 and 16 bytes each), with room for more.
    pub fn bytes_total(&self) -> usize {
        self.bytes_held()
            + self.graph.arena_bytes()
            + self
                .last_back
                .as_ref()
                .map_or(0, |b| b.gradients.slot_bytes())
    }

    /// Adds a warning about the statement at `span` (one the Python side ran).
    pub fn warn(&mut self, warning: Error) {
        self.warnings.push(warning);
    }

    /// The warnings left by the statements run since the last call, e.g. an overflow in `exp`.
    pub fn take_warnings(&mut self) -> Vec<Error> {
        std::mem::take(&mut self.warnings)
    }

    /// The names a user can refer to now: variables, then `dNAME` for the last gradients.
    pub fn known_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.bindings.iter().map(|(n, _)| n.clone()).collect();
        if let Some(back) = &self.last_back {
            for (name, _) in &back.named {
                let d_name = format!("d{name}");
                if !self.slots.contains_key(&d_name) {
                    names.push(d_name);
                }
            }
        }
        names
    }

    /// The variables, in the order they were defined, for `:vars`.
    pub fn vars(&self) -> Vec<VarInfo> {
        self.bindings
            .iter()
            .map(|(name, node)| VarInfo {
                name: name.clone(),
                shape: self.graph.node(*node).value.shape().to_vec(),
                layer: self.graph.node(*node).op.name(),
                has_grad: self.gradient_len(name).is_some(),
                bytes: self.graph.node(*node).value.bytes()
                    + self.gradient_len(name).map_or(0, |len| len * 8),
            })
            .collect()
    }

    /// The value bound to `name`, if any.
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.slots
            .get(name)
            .map(|&slot| &self.graph.node(self.bindings[slot].1).value)
    }

    /// How many elements the gradient of `name` from the last `back` has, if it took part.
    fn gradient_len(&self, name: &str) -> Option<usize> {
        let back = self.last_back.as_ref()?;
        back.named
            .iter()
            .filter(|(n, _)| n == name)
            .find_map(|(_, node)| back.gradients.len_of(*node))
    }

    /// The gradient of the variable `name` from the last `back`, as a value of its kind.
    pub fn gradient_value(&self, name: &str) -> Option<Value> {
        let back = self.last_back.as_ref()?;
        let (_, node) = back.named.iter().find(|(n, _)| n == name)?;
        back.gradients.value(*node)
    }

    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// How many times `back` or `step` has run in this session (since `reset`).
    pub fn backs_run(&self) -> u64 {
        self.backs
    }

    pub fn last_back(&self) -> Option<&BackRecord> {
        self.last_back.as_ref()
    }

    /// The node bound to `name`.
    pub fn node_of(&self, name: &str) -> Option<NodeId> {
        self.slots.get(name).map(|&slot| self.bindings[slot].1)
    }

    /// Every variable and its node, in the order the names were defined.
    pub fn bindings(&self) -> impl Iterator<Item = (&str, NodeId)> {
        self.bindings
            .iter()
            .map(|(name, node)| (name.as_str(), *node))
    }

    /// A node's name if a variable is bound to it, else the source text that made it.
    pub fn describe_node(&self, node: NodeId) -> String {
        self.name_of(node)
            .map_or_else(|| self.graph.node(node).label.to_string(), str::to_string)
    }

    /// Whether `node` is a constant the learner wrote into an expression, such as the `1` of
    /// `1 / x`: a literal with no name. Nothing is learned about a constant, so pictures and
    /// `step` show it without a gradient. A literal may be written `2`, `(2)`, `-1` or `- (1)`;
    /// its label is the source text.
    pub fn is_constant(&self, node: NodeId) -> bool {
        let n = self.graph.node(node);
        if !matches!(n.op, Op::Leaf) || self.name_of(node).is_some() {
            return false;
        }
        let number: String = n
            .label
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')'))
            .collect();
        // `inf` and `nan` parse as numbers too, but the language has no such literals.
        number.contains(|c: char| c.is_ascii_digit()) && number.parse::<f64>().is_ok()
    }

    /// What `node`, made by the statement that began when the graph had `nodes_before` nodes,
    /// reads from before the statement: a named variable, only data (`Op::Data`), or nothing.
    /// The statement's nodes are `nodes_before..=node`, each after its inputs, so one walk down
    /// that range, marking what `node` reaches, is enough.
    fn reads(&self, node: NodeId, nodes_before: NodeId) -> Reads {
        let len = node + 1 - nodes_before;
        let (mut small, mut large) = ([false; 64], Vec::new());
        let reached: &mut [bool] = if len <= small.len() {
            &mut small[..len]
        } else {
            large.resize(len, false);
            &mut large
        };
        reached[len - 1] = true;
        let mut reads = Reads::Constants;
        for id in (nodes_before..=node).rev() {
            if !reached[id - nodes_before] {
                continue;
            }
            for &input in &self.graph.node(id).inputs {
                if input >= nodes_before {
                    reached[input - nodes_before] = true;
                } else if matches!(self.graph.node(input).op, Op::Data) {
                    reads = Reads::Data;
                } else if self.name_of(input).is_some() {
                    return Reads::Name;
                }
            }
        }
        reads
    }

    /// The first name bound to `node`, for labelling pictures of the graph.
    pub fn name_of(&self, node: NodeId) -> Option<&str> {
        self.bindings
            .iter()
            .find(|(_, n)| *n == node)
            .map(|(name, _)| name.as_str())
    }

    /// The name `node` was bound to before that name was bound to something else, when no
    /// name holds `node` now: `W1` for the weights a loss was computed from before the update
    /// `W1 -= …` bound W1 to a new leaf.
    pub fn former_name(&self, node: NodeId) -> Option<&str> {
        if self.former.is_empty() || self.name_of(node).is_some() {
            return None;
        }
        self.former.get(&node).map(CompactString::as_str)
    }

    /// The leaves that hold an older value of a name bound again since, with that name, in
    /// the order they were made, among the nodes `wanted` keeps: what `back` and `check` call
    /// `W1 (before the update)`.
    fn former_leaves(&self, wanted: impl Fn(NodeId) -> bool) -> Vec<(String, NodeId)> {
        let mut former: Vec<(String, NodeId)> = self
            .former
            .iter()
            .filter(|&(&node, _)| wanted(node) && self.name_of(node).is_none())
            .map(|(&node, name)| (name.to_string(), node))
            .collect();
        former.sort_by_key(|&(_, node)| node);
        former
    }

    /// Runs one statement and says what it did. On failure everything is put back as it was.
    fn execute(&mut self, statement: &Statement, source: &Source) -> Result<Outcome> {
        let nodes_before = self.graph.len();
        let warnings_before = self.warnings.len();
        self.rng_before = None;
        let result = self.execute_inner(statement, source);
        let rng_before = self.rng_before.take();
        if result.is_err() {
            self.graph.truncate(nodes_before);
            if self.former.keys().any(|&node| node >= nodes_before) {
                self.former.retain(|&node, _| node < nodes_before);
            }
            if let Some(rng) = rng_before {
                self.rng = *rng;
            }
            self.warnings.truncate(warnings_before);
        }
        result
    }

    fn execute_inner(&mut self, statement: &Statement, source: &Source) -> Result<Outcome> {
        interrupted(statement.span)?;
        let outcome = match &statement.kind {
            StatementKind::Assign { name, value } => {
                let nodes_before = self.graph.len();
                let mut node = self.eval(value, source)?;
                // Ctrl-C inside a long operation (a product stops between its blocks): what it
                // made is not the value, so nothing is bound and the statement is the one named.
                interrupted(statement.span)?;
                let origin = self.origin_of(value, node);
                // A value made from no named variable (`W1 = 0.01 * randn(64, 50)`) starts a new
                // graph, as the book's `params['W1']` does: a leaf, which `check` nudges and
                // `back` stops at. One computed from data alone (`x = x_train[batch]`) is data,
                // which takes no gradient.
                if node >= nodes_before && !matches!(self.graph.node(node).op, Op::Leaf | Op::Data)
                {
                    let reads = self.reads(node, nodes_before);
                    if reads != Reads::Name {
                        let kept = self.graph.node(node).value.clone();
                        self.graph.truncate(nodes_before);
                        let label = source.slice(value.span);
                        node = match reads {
                            Reads::Data => self.graph.data(kept, &label),
                            _ => self.graph.leaf(kept, &label),
                        };
                    }
                }
                self.bind(&name.name, node);
                Outcome::Value {
                    name: Some(name.name.clone()),
                    value: self.graph.node(node).value.clone(),
                    origin,
                }
            }
            StatementKind::Expr(Expr {
                kind:
                    ExprKind::Call {
                        func: Func::Print,
                        args,
                        ..
                    },
                ..
            }) if args.len() != 1 => {
                let nodes_before = self.graph.len();
                let mut values = Vec::with_capacity(args.len());
                for arg in args {
                    let node = self.eval(arg, source)?;
                    values.push(self.graph.node(node).value.clone());
                }
                interrupted(statement.span)?;
                self.graph.truncate(nodes_before);
                Outcome::Printed { values }
            }
            StatementKind::Expr(expr) => {
                let nodes_before = self.graph.len();
                let node = self.eval(expr, source)?;
                interrupted(statement.span)?;
                let origin = self.origin_of(expr, node);
                let value = self.graph.node(node).value.clone();
                // Nothing can refer to the nodes of a bare expression, so they need not stay.
                self.graph.truncate(nodes_before);
                Outcome::Value {
                    name: None,
                    value,
                    origin,
                }
            }
            StatementKind::Back { target, dout } => {
                let record = self.backward(target, dout, source)?;
                self.last_back = Some(record);
                self.backs += 1;
                Outcome::Back
            }
            StatementKind::Graph { target, dot } => {
                let node = self.lookup_bound(target)?;
                // Only the DOT export is bounded, so only it counts the nodes.
                if dot.is_some() {
                    let size = self
                        .graph
                        .ancestors(node)
                        .iter()
                        .filter(|&&part| part)
                        .count();
                    if size > MAX_DOT_NODES {
                        return Err(Error::new(
                            msg!(
                                "dot-too-many-nodes",
                                name = &target.name,
                                count = size,
                                max = MAX_DOT_NODES
                            ),
                            target.span,
                        ));
                    }
                }
                Outcome::Graph {
                    target: target.name.to_string(),
                    node,
                    dot: dot.clone(),
                }
            }
            StatementKind::Step { target, dout } => {
                let record = self.backward(target, dout, source)?;
                let mut steps = Vec::new();
                self.graph
                    .backward_steps(record.output_node, record.dout().into_owned(), |step| {
                        if !step.sent.is_empty() {
                            steps.push(step);
                        }
                    });
                self.last_back = Some(record);
                self.backs += 1;
                Outcome::Step { steps }
            }
            StatementKind::Import => Outcome::Silent,
            StatementKind::Del { names } => {
                // All or nothing: every name must exist before any is forgotten.
                for name in names {
                    self.lookup_bound(name)?;
                }
                for name in names {
                    self.unbind(&name.name);
                }
                Outcome::Silent
            }
            StatementKind::Load { dataset } => {
                if dataset.name != "digits" {
                    return Err(Error::new(
                        crate::msg!("load-unknown", name = &dataset.name, known = "digits"),
                        dataset.span,
                    ));
                }
                let set = crate::engine::digits::load();
                let mut arrays = Vec::new();
                for (name, array) in [
                    ("x_train", set.x_train),
                    ("t_train", set.t_train),
                    ("x_test", set.x_test),
                    ("t_test", set.t_test),
                ] {
                    arrays.push((name.to_string(), array.shape().to_vec()));
                    let node = self.graph.data(Value::float(array), name);
                    self.bind(name, node);
                }
                Outcome::Loaded { arrays }
            }
            StatementKind::Seed { seed } => {
                self.set_seed(*seed);
                Outcome::Silent
            }
            StatementKind::AugAssign { name, op, value } => {
                self.aug_assign(name, *op, value, statement.span, source)?
            }
            StatementKind::IndexAssign {
                name,
                indices,
                op,
                value,
            } => self.index_assign(name, indices, *op, value, statement.span, source)?,
            StatementKind::Plot { series, height } => self.plot(series, height.as_ref(), source)?,
            StatementKind::Imshow { image } => self.imshow(image, source)?,
            // `run_statement` runs blocks itself.
            StatementKind::For { .. } | StatementKind::If { .. } => Outcome::Silent,
            StatementKind::Check {
                target,
                dout,
                sample,
            } => {
                let node = self.lookup_bound(target)?;
                // A backward pass, and a forward pass again for each nudge.
                self.reserve(
                    self.graph.backward_bytes(node).saturating_mul(2),
                    target.span,
                )?;
                let dout_value = match dout {
                    Dout::Ones => None,
                    Dout::Expr(_) if !self.graph.node(node).value.is_float() => None,
                    Dout::Expr(expr) => Some((
                        self.dout_for(target, node, dout, source)?.0,
                        source.slice(expr.span).to_string(),
                    )),
                };
                let report = self
                    .check(node, &target.name, *sample, dout_value)
                    .map_err(|message| Error::new(message, target.span))?;
                interrupted(statement.span)?;
                Outcome::Check(report)
            }
        };
        let unechoed = !self.echo && matches!(outcome, Outcome::Value { .. });
        Ok(
            if (statement.silent || unechoed)
                && !blocks::is_print(statement)
                && !matches!(
                    outcome,
                    Outcome::Graph {
                        dot: Some(Some(_)),
                        ..
                    }
                )
            {
                Outcome::Silent
            } else {
                outcome
            },
        )
    }

    /// The gradient check of `sum(output * dout)` for every named leaf it depends on, and for
    /// the older values of names bound again since `output` was computed from them.
    fn check(
        &mut self,
        output: NodeId,
        target: &str,
        sample: Option<usize>,
        dout: Option<(ArrayD<f64>, String)>,
    ) -> std::result::Result<Report, Message> {
        let took_part = self.graph.ancestors(output);
        let is_variable = |node: NodeId| {
            node <= output
                && took_part[node]
                && matches!(self.graph.node(node).op, Op::Leaf)
                && self.graph.node(node).value.is_float()
        };
        let mut leaves: Vec<(String, NodeId)> = self
            .bindings()
            .filter(|&(_, node)| is_variable(node))
            .map(|(name, node)| (name.to_string(), node))
            .collect();
        let former = self.former_leaves(is_variable);
        let rebound: Vec<String> = former.iter().map(|(name, _)| name.clone()).collect();
        leaves.extend(former);
        // The random stream is only drawn from when the check samples.
        let mut rng = self.rng.clone();
        let mut report = gradcheck::check_leaves_with(
            &self.graph,
            output,
            target,
            &leaves,
            sample,
            dout.as_ref().map(|(value, _)| value),
            &mut rng,
            &mut |done, all| {
                if let Some(hook) = &self.progress {
                    (hook.0)(Progress::Check { done, total: all });
                }
            },
        )?;
        if rng != self.rng {
            *self.rng() = rng;
        }
        report.dout = dout.map(|(_, text)| text);
        report.rebound = rebound;
        Ok(report)
    }

    /// What the learner typed (literals, constructors) and comparisons are `Typed`; what a layer
    /// computed is `Computed`, and a gradient taken out of the last `back` is `Gradient`.
    fn origin_of(&self, expr: &Expr, node: NodeId) -> Origin {
        if !matches!(self.graph.node(node).op, Op::Leaf | Op::Compare(_)) {
            return Origin::Computed;
        }
        let is_gradient = match &expr.kind {
            ExprKind::Grad(_) => true,
            ExprKind::Name(name) => {
                !self.slots.contains_key(name.as_str())
                    && name
                        .strip_prefix('d')
                        .is_some_and(|n| self.gradient_len(n).is_some())
            }
            _ => false,
        };
        if is_gradient {
            Origin::Gradient
        } else {
            Origin::Typed
        }
    }

    fn bind(&mut self, name: &str, node: NodeId) {
        match self.slots.get(name) {
            Some(&slot) => {
                let old = self.bindings[slot].1;
                if self.graph.node(old).value.len() >= LARGE_ELEMENTS {
                    self.collect_soon = true;
                }
                // Only a leaf's old value is remembered by name: the parameters a training
                // loop updates. A computed value rebound in a chain (`y = y * 2`, a million
                // times) keeps no entry, so the table stays as small as the leaves.
                if old != node && matches!(self.graph.node(old).op, Op::Leaf | Op::Data) {
                    self.former.insert(old, CompactString::from(name));
                }
                self.bindings[slot].1 = node;
            }
            None => {
                self.slots.insert(name.to_string(), self.bindings.len());
                self.bindings.push((name.to_string(), node));
            }
        }
    }

    /// Forgets `name`; its value goes with the next collection, which comes at once.
    fn unbind(&mut self, name: &str) {
        let Some(slot) = self.slots.remove(name) else {
            return;
        };
        self.bindings.remove(slot);
        for index in self.slots.values_mut() {
            if *index > slot {
                *index -= 1;
            }
        }
        self.collect_soon = true;
    }

    /// Runs the backward pass from `target`, without changing the session.
    fn backward(&mut self, target: &Ident, dout: &Dout, source: &Source) -> Result<BackRecord> {
        let output = self.lookup_bound(target)?;
        let output_value = &self.graph.node(output).value;
        if !output_value.is_float() {
            return Err(Error::new(
                msg!("back-boolean", name = &target.name),
                target.span,
            ));
        }
        let plan = self.graph.backward_plan(output);
        self.reserve(self.graph.planned_bytes(&plan), target.span)?;
        let (dout, dout_int) = self.dout_for(target, output, dout, source)?;
        let gradients = self.graph.backward_planned(plan, dout, dout_int);
        interrupted(target.span)?;
        let named = self
            .bindings
            .iter()
            .filter(|(_, node)| gradients.has(*node))
            .map(|(name, node)| (name.clone(), *node))
            .collect();
        let former = self.former_leaves(|node| node <= output && gradients.has(node));
        Ok(BackRecord {
            output: target.name.to_string(),
            output_node: output,
            named,
            former,
            gradients,
        })
    }

    /// The dout of `back`, `step` or `check` from `output` (bound to `target`): ones, or the
    /// learner's expression broadcast to the output's shape; and whether it is an int64 (ones
    /// like an int64 output, as numpy's `ones_like`, or an int the learner wrote: the book's
    /// `dprice = 1`).
    fn dout_for(
        &mut self,
        target: &Ident,
        output: NodeId,
        dout: &Dout,
        source: &Source,
    ) -> Result<(ArrayD<f64>, bool)> {
        let target_shape = self.graph.node(output).value.shape().to_vec();
        let output_int = self.graph.node(output).value.is_int();
        Ok(match dout {
            // Filled in blocks that look at Ctrl-C; a refusal by the system is an error.
            Dout::Ones => (
                crate::engine::memory::try_array(&target_shape, || 1.0)
                    .ok_or_else(|| refused(&target_shape, target.span))?,
                output_int,
            ),
            Dout::Expr(expr) => {
                let value = self.eval_detached(expr, source)?;
                let int = value.is_int();
                let value = value.to_float();
                let dout = match shape::broadcast(value.shape(), &target_shape) {
                    Some(s) if s == target_shape => value
                        .broadcast(IxDyn(&target_shape))
                        .map(|v| crate::engine::layers::common::map1(&v, |d| d))
                        .ok_or_else(|| Error::new(msg!("dout-not-broadcast"), expr.span))?,
                    _ => {
                        return Err(Error::new(
                            msg!(
                                "dout-shape",
                                dout = shape::describe(value.shape()),
                                name = &target.name,
                                shape = shape::describe(&target_shape)
                            ),
                            expr.span,
                        ));
                    }
                };
                (dout, int)
            }
        })
    }

    /// `dNAME`, or `grad(NAME)` when the user has a variable called `dNAME` of their own.
    pub fn grad_label(&self, name: &str) -> String {
        let d_name = format!("d{name}");
        if self.slots.contains_key(&d_name) {
            format!("grad({name})")
        } else {
            d_name
        }
    }

    fn lookup_bound(&self, ident: &Ident) -> Result<NodeId> {
        self.node_of(&ident.name)
            .ok_or_else(|| self.unknown_name(ident))
    }

    /// The error for a name that is not bound: "did you mean" the closest known name or function,
    /// else the known names, the first [`Self::SHOWN_NAMES`] of them and how many more there are.
    fn unknown_name(&self, ident: &Ident) -> Error {
        let known = self.known_names();
        let functions = Func::ALL.iter().map(|f| f.name());
        let candidates = known.iter().map(String::as_str).chain(functions);
        let name = ident.name.as_str();
        let message = match suggest::closest(name, candidates) {
            Some(close) => msg!("unknown-name-close", name = name, close = close),
            None if known.is_empty() => msg!("unknown-name-first", name = name),
            None if known.len() <= Self::SHOWN_NAMES => {
                msg!("unknown-name-known", name = name, names = known.join(", "))
            }
            None => msg!(
                "unknown-name-known-more",
                name = name,
                names = known[..Self::SHOWN_NAMES].join(", "),
                count = known.len() - Self::SHOWN_NAMES,
            ),
        };
        Error::new(message, ident.span)
    }

    /// How many known names an unknown-name error lists before "… and N more": enough to jog the
    /// memory, few enough that one error among thousands of names stays one line.
    const SHOWN_NAMES: usize = 10;

    /// Evaluates `expr`, building graph nodes for every layer call, and returns its node. A
    /// layer whose inputs were finite but whose output is not leaves a warning, as numpy's
    /// `RuntimeWarning` does; the value is kept.
    /// The value of `expr`, with nothing it built left in the graph: for what a statement reads
    /// but does not keep (a size, an index, a condition, a dout, what `plot` draws).
    fn eval_detached(&mut self, expr: &Expr, source: &Source) -> Result<Value> {
        let nodes_before = self.graph.len();
        let node = self.eval(expr, source)?;
        let value = self.graph.node(node).value.clone();
        self.graph.truncate(nodes_before);
        Ok(value)
    }

    fn eval(&mut self, expr: &Expr, source: &Source) -> Result<NodeId> {
        let nodes_before = self.graph.len();
        let node = self.eval_inner(expr, source)?;
        // `print(e)` hands back the node of `e`, whose own evaluation has warned already.
        let passes_through = matches!(
            expr.kind,
            ExprKind::Call {
                func: Func::Print,
                ..
            }
        );
        if node >= nodes_before
            && !passes_through
            && let Some(message) = overflow_warning(&self.graph, node)
        {
            self.warnings.push(Error::new(message, expr.span));
        }
        Ok(node)
    }

    fn eval_inner(&mut self, expr: &Expr, source: &Source) -> Result<NodeId> {
        // A bound name is the commonest operand and needs no label.
        if let ExprKind::Name(name) = &expr.kind
            && let Some(node) = self.node_of(name)
        {
            return Ok(node);
        }
        let label = source.slice(expr.span);
        match &expr.kind {
            ExprKind::Number(v) => Ok(self.graph.leaf(Value::Scalar(*v), &label)),
            ExprKind::Int(v) => Ok(self.graph.leaf(Value::int_scalar(*v), &label)),
            ExprKind::Array {
                shape: dims,
                values,
                int,
                bool,
            } => {
                if shape::checked_len(dims).is_none() {
                    return Err(Error::new(too_large(dims), expr.span));
                }
                let array = ArrayD::from_shape_vec(IxDyn(dims), values.clone()).map_err(|e| {
                    Error::new(msg!("array-malformed", reason = e.to_string()), expr.span)
                })?;
                let value = if *bool {
                    Value::bools(array.mapv(|v| v != 0.0))
                } else if *int {
                    Value::Int(Box::new(array.into_shared()))
                } else {
                    Value::float(array)
                };
                Ok(self.graph.leaf(value, &label))
            }
            ExprKind::Name(name) => self.eval_name(&Ident {
                name: name.clone(),
                span: expr.span,
            }),
            ExprKind::Neg(inner) => {
                // A minus sign on a literal is part of the number, not a ×(−1) node.
                if let ExprKind::Number(v) = inner.kind {
                    return Ok(self.graph.leaf(Value::Scalar(-v), &label));
                }
                if let ExprKind::Int(v) = inner.kind {
                    return Ok(self.graph.leaf(Value::int_scalar(-v), &label));
                }
                let x = self.eval(inner, source)?;
                let copies = self.float_copies(&[x]);
                self.reserve(
                    (self.graph.node(x).value.len().saturating_mul(8)).saturating_add(copies),
                    expr.span,
                )?;
                Ok(self.graph.unary(UnaryKind::Neg, x, &label))
            }
            ExprKind::Bool(b) => Ok(self
                .graph
                .leaf(Value::bools(ArrayD::from_elem(IxDyn(&[]), *b)), &label)),
            ExprKind::Transpose(inner) => {
                let x = self.eval(inner, source)?;
                self.eval_transpose(x, &label, expr.span)
            }
            ExprKind::Index { base, indices } => {
                let x = self.eval(base, source)?;
                self.eval_index(x, indices, &label, expr.span, source)
            }
            ExprKind::Binary {
                op: op @ (BinOp::MatMul | BinOp::Pow | BinOp::Mod | BinOp::FloorDiv),
                lhs,
                rhs,
            } => {
                let x = self.eval(lhs, source)?;
                let y = self.eval(rhs, source)?;
                self.eval_new_binary(*op, x, y, &label, expr.span)
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let x = self.eval(lhs, source)?;
                let y = self.eval(rhs, source)?;
                self.reserve_binary(*op, x, y, expr.span)?;
                self.graph
                    .binary(*op, x, y, &label)
                    .map_err(|m| Error::new(m, expr.span))
            }
            ExprKind::Call {
                func,
                func_span,
                args,
                kwargs,
            } => self.eval_call(*func, *func_span, args, kwargs, expr.span, &label, source),
            ExprKind::Grad(ident) => {
                // The value shares the gradient's array: no memory to reserve.
                let grad = self.grad_value(ident)?;
                Ok(self.graph.leaf(grad, &label))
            }
            ExprKind::Mask(ident) => {
                let node = self.lookup_bound(ident)?;
                self.reserve(self.graph.node(node).value.len(), expr.span)?;
                match self.graph.node(node).op.widened().as_ref() {
                    Op::Relu(relu) => {
                        let mask = relu.mask.clone();
                        Ok(self.graph.leaf(Value::bools(mask), &label))
                    }
                    other => Err(Error::new(
                        msg!("mask-not-relu", name = &ident.name, maker = made_by(other)),
                        ident.span,
                    )),
                }
            }
        }
    }

    fn eval_name(&mut self, ident: &Ident) -> Result<NodeId> {
        if let Some(node) = self.node_of(&ident.name) {
            return Ok(node);
        }
        // `dW` for `grad(W)`: the value shares the gradient's array, no memory to reserve.
        if let Some(stripped) = ident.name.strip_prefix('d')
            && self.gradient_len(stripped).is_some()
        {
            let grad = self
                .gradient_value(stripped)
                .unwrap_or_else(|| Value::float(ArrayD::zeros(IxDyn(&[0]))));
            return Ok(self.graph.leaf(grad, &ident.name));
        }
        if let Some(stripped) = ident.name.strip_prefix('d')
            && let Some(back) = &self.last_back
            && back.former.iter().any(|(name, _)| name == stripped)
        {
            return Err(Error::new(
                msg!("grad-rebound", name = stripped, output = &back.output),
                ident.span,
            ));
        }
        Err(self.unknown_name(ident))
    }

    fn grad_value(&self, ident: &Ident) -> Result<Value> {
        let Some(back) = &self.last_back else {
            return Err(Error::new(
                msg!("grad-before-back", name = &ident.name),
                ident.span,
            ));
        };
        if let Some(grad) = self.gradient_value(&ident.name) {
            return Ok(grad);
        }
        let Some(node) = self.node_of(&ident.name) else {
            return Err(self.unknown_name(ident));
        };
        if matches!(self.graph.node(node).op, Op::Data) {
            return Err(Error::new(
                msg!("grad-of-data", name = &ident.name),
                ident.span,
            ));
        }
        if back.former.iter().any(|(name, _)| *name == ident.name) {
            return Err(Error::new(
                msg!("grad-rebound", name = &ident.name, output = &back.output),
                ident.span,
            ));
        }
        Err(Error::new(
            msg!(
                "grad-took-no-part",
                name = &ident.name,
                output = &back.output
            ),
            ident.span,
        ))
    }

    #[allow(clippy::too_many_arguments)]
    fn eval_call(
        &mut self,
        func: Func,
        func_span: Span,
        args: &[Expr],
        kwargs: &[(Ident, Expr)],
        span: Span,
        label: &str,
        source: &Source,
    ) -> Result<NodeId> {
        let arity = |n: usize| {
            if args.len() == n {
                Ok(())
            } else {
                Err(Error::new(
                    msg!(
                        "call-arity",
                        func = func.name(),
                        expected = n,
                        got = args.len()
                    ),
                    func_span,
                ))
            }
        };
        match func {
            Func::Relu | Func::Sigmoid | Func::Exp => {
                arity(1)?;
                let x = self.eval(&args[0], source)?;
                let kind = match func {
                    Func::Relu => UnaryKind::Relu,
                    Func::Sigmoid => UnaryKind::Sigmoid,
                    _ => UnaryKind::Exp,
                };
                let len = self.graph.node(x).value.len();
                // ReLU also keeps its mask, a byte an element.
                let mask = if kind == UnaryKind::Relu { len } else { 0 };
                let copies = self.float_copies(&[x]);
                self.reserve(
                    len.saturating_mul(8)
                        .saturating_add(mask)
                        .saturating_add(copies),
                    span,
                )?;
                Ok(self.graph.unary(kind, x, label))
            }
            Func::Add | Func::Mul => {
                arity(2)?;
                let x = self.eval(&args[0], source)?;
                let y = self.eval(&args[1], source)?;
                let op = if func == Func::Add {
                    BinOp::Add
                } else {
                    BinOp::Mul
                };
                self.reserve_binary(op, x, y, span)?;
                self.graph
                    .binary(op, x, y, label)
                    .map_err(|m| Error::new(m, span))
            }
            Func::OnesLike => {
                arity(1)?;
                let x = self.eval(&args[0], source)?;
                let dims = self.graph.node(x).value.shape().to_vec();
                self.reserve_floats(self.graph.node(x).value.len(), span)?;
                let ones = memory::try_array(&dims, || 1.0).ok_or_else(|| refused(&dims, span))?;
                // numpy's ones_like keeps the dtype of x.
                let int = self.graph.node(x).value.is_int();
                Ok(self.graph.leaf(Value::float(ones).into_int_if(int), label))
            }
            Func::Choice => {
                let n = self.eval_size(func, &args[0], source)?;
                let k = self.eval_size(func, &args[1], source)?;
                if shape::checked_len(&[k]).is_none() {
                    return Err(Error::new(too_large(&[k]), span));
                }
                random::check_choice_arguments(n as u64, k)
                    .map_err(|message| Error::new(message, span))?;
                self.reserve_floats(k, span)?;
                let picks = self.rng().choice(n as u64, k);
                let values: Vec<f64> = picks.into_iter().map(|v| v as f64).collect();
                // numpy's picks are int64.
                let picks = ArrayD::from_shape_vec(IxDyn(&[k]), values).unwrap_or_default();
                Ok(self
                    .graph
                    .leaf(Value::Int(Box::new(picks.into_shared())), label))
            }
            Func::Dot
            | Func::Affine
            | Func::Softmax
            | Func::CrossEntropyError
            | Func::SoftmaxWithLoss
            | Func::Sum
            | Func::Mean
            | Func::Max
            | Func::Argmax
            | Func::Log
            | Func::Sqrt
            | Func::Tanh
            | Func::Transpose
            | Func::Reshape
            | Func::Range
            | Func::Linspace
            | Func::Arange
            | Func::Print
            | Func::ZerosLike
            | Func::Array
            | Func::Eye => self.eval_new_call(func, func_span, args, kwargs, span, label, source),
            Func::Ones | Func::Zeros | Func::Randn | Func::Rand => {
                if args.is_empty() {
                    return Err(Error::new(
                        msg!("sizes-missing", func = func.name()),
                        func_span,
                    ));
                }
                // numpy's limit; beyond it, printing and broadcasting would recurse too deep.
                if args.len() > shape::MAX_DIMS {
                    return Err(Error::new(
                        msg!("too-many-dims", count = args.len(), max = shape::MAX_DIMS),
                        span,
                    ));
                }
                let mut dims = Vec::with_capacity(args.len());
                for arg in args {
                    dims.push(self.eval_size(func, arg, source)?);
                }
                let Some(len) = shape::checked_len(&dims) else {
                    return Err(Error::new(too_large(&dims), span));
                };
                self.reserve_floats(len, span)?;
                let array = match func {
                    Func::Ones => memory::try_array(&dims, || 1.0),
                    Func::Zeros => memory::try_array(&dims, || 0.0),
                    // After Ctrl-C the rest is filled with zeros at once, and thrown away below.
                    Func::Rand => {
                        let rng = self.rng();
                        memory::try_array(&dims, || {
                            if interrupt::requested() {
                                0.0
                            } else {
                                rng.next_uniform()
                            }
                        })
                    }
                    _ => {
                        let rng = self.rng();
                        memory::try_array(&dims, || {
                            if interrupt::requested() {
                                0.0
                            } else {
                                rng.next_normal()
                            }
                        })
                    }
                }
                .ok_or_else(|| refused(&dims, span))?;
                interrupted(span)?;
                Ok(self.graph.leaf(Value::float(array), label))
            }
        }
    }

    /// One size argument of `ones`, `zeros` or `randn`: a whole number that is not negative.
    fn eval_size(&mut self, func: Func, arg: &Expr, source: &Source) -> Result<usize> {
        let value = self.eval_detached(arg, source)?.to_float();
        let bad = || Error::new(msg!("sizes-not-whole", func = func.name()), arg.span);
        if value.ndim() != 0 {
            return Err(bad());
        }
        let size = value.first().copied().unwrap_or(f64::NAN);
        if !(size >= 0.0 && size.fract() == 0.0 && size <= 1e18) {
            return Err(bad());
        }
        Ok(size as usize)
    }
}

/// numpy's words for what went wrong when a layer turned finite inputs into inf or nan, and how
/// many elements it affected. The English catalogue keeps numpy's `RuntimeWarning` text exactly,
/// so a learner can search for it; the Korean one says the same in Korean.
fn overflow_warning(graph: &Graph, node: NodeId) -> Option<Message> {
    let n = graph.node(node);
    let is_divide = match n.op {
        Op::Div(_) | Op::DivScalar(_) => true,
        Op::Exp(_)
        | Op::ExpScalar(_)
        | Op::Mul(_)
        | Op::MulScalar(_)
        | Op::Add(_)
        | Op::Sub(_)
        | Op::Log(_)
        | Op::Sqrt(_)
        | Op::Pow(_) => false,
        _ => return None,
    };
    if !n.value.is_float() {
        return None;
    }
    // Outputs are nearly always finite: look at the inputs only when one is not.
    let bad = match &n.value {
        Value::Scalar(v) => usize::from(!v.is_finite()),
        Value::Float(out) | Value::Int(out) => match out.as_slice_memory_order() {
            Some(flat) => flat.iter().filter(|v| !v.is_finite()).count(),
            None => out.iter().filter(|v| !v.is_finite()).count(),
        },
        Value::Bool(_) => 0,
    };
    if bad == 0 {
        return None;
    }
    let inputs_finite = n.inputs.iter().all(|&i| match &graph.node(i).value {
        Value::Scalar(v) => v.is_finite(),
        Value::Float(a) | Value::Int(a) => a.iter().all(|v| v.is_finite()),
        Value::Bool(_) => true,
    });
    if !inputs_finite {
        return None;
    }
    let numpy = match n.op {
        Op::Exp(_) | Op::ExpScalar(_) => msg!("numpy-overflow-exp"),
        Op::Mul(_) | Op::MulScalar(_) => msg!("numpy-overflow-multiply"),
        Op::Add(_) => msg!("numpy-overflow-add"),
        Op::Sub(_) => msg!("numpy-overflow-subtract"),
        // log(0) is −inf (numpy: a division by zero), log of a negative number nan.
        Op::Log(_) if has(&n.value, |v| v == f64::NEG_INFINITY) => msg!("numpy-divide-by-zero-log"),
        Op::Log(_) => msg!("numpy-invalid-log"),
        Op::Sqrt(_) => msg!("numpy-invalid-sqrt"),
        Op::Pow(_) if has(&n.value, f64::is_nan) => msg!("numpy-invalid-power"),
        Op::Pow(_)
            if n.inputs
                .first()
                .is_some_and(|&b| has(&graph.node(b).value, |v| v == 0.0)) =>
        {
            msg!("numpy-divide-by-zero-power")
        }
        Op::Pow(_) => msg!("numpy-overflow-power"),
        _ if is_divide => divide_warning(graph, n),
        _ => return None,
    };
    Some(msg!(
        "overflow-warning",
        numpy = numpy,
        bad = bad,
        count = n.value.len()
    ))
}

/// Whether a float value has an element for which `test` holds.
fn has(value: &Value, test: impl Fn(f64) -> bool) -> bool {
    match value {
        Value::Scalar(v) => test(*v),
        Value::Float(a) | Value::Int(a) => a.iter().any(|&v| test(v)),
        Value::Bool(_) => false,
    }
}

/// Which of numpy's three divide warnings a division of finite numbers earned: an infinity from
/// a zero divisor is a division by zero, one from a nonzero divisor an overflow, and a nan
/// (only 0 / 0 makes one from finite numbers) an invalid value. numpy would print one line for
/// each kind present; one line names the first kind found, in that order.
fn divide_warning(graph: &Graph, n: &Node) -> Message {
    let has_infinity = has(&n.value, f64::is_infinite);
    let divisor_has_zero = n
        .inputs
        .get(1)
        .is_some_and(|&i| has(&graph.node(i).value, |v| v == 0.0));
    match (has_infinity, divisor_has_zero) {
        (true, true) => msg!("numpy-divide-by-zero"),
        (true, false) => msg!("numpy-overflow-divide"),
        (false, _) => msg!("numpy-invalid-divide"),
    }
}

/// What made a value, for the error of `mask()` on a value that no ReLU made.
fn made_by(op: &Op) -> Message {
    match op {
        Op::Leaf => msg!("made-by-literal"),
        Op::Data => msg!("made-by-data"),
        Op::Compare(cmp) => msg!("made-by-comparison", symbol = cmp.symbol()),
        other => msg!("made-by-layer", layer = other.name()),
    }
}

/// The error for an array the system would not give memory for.
fn refused(dims: &[usize], span: Span) -> Error {
    let bytes = dims.iter().fold(8usize, |acc, &d| acc.saturating_mul(d));
    Error::new(
        msg!("memory-refused", needed = memory::describe(bytes)),
        span,
    )
}

/// An error if Ctrl-C was pressed: the statement then fails, and so never happened.
fn interrupted(span: Span) -> Result<()> {
    if interrupt::requested() {
        Err(Error::new(crate::msg!("interrupted"), span))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn error_of(lines: &str) -> Error {
        let mut session = Session::new();
        session
            .run(lines, 0, &mut |_, _, _| Ok(()))
            .expect_err("the lines fail")
    }

    /// The message in both languages, checked to be a real sentence of the catalogue.
    fn both(message: &Message) -> (String, String) {
        let en = Lang::En.say(message);
        let ko = Lang::Ko.say(message);
        assert_ne!(message.id, "raw", "not in the catalogue: {en}");
        assert!(
            en != message.id && ko != message.id,
            "missing id {}",
            message.id
        );
        assert!(
            ko.chars().any(|c| ('가'..='힣').contains(&c)),
            "not Korean: {ko}"
        );
        (en, ko)
    }

    #[test]
    fn every_error_of_a_statement_is_said_in_both_languages() {
        let cases = [
            ("x = 1; x2", "unknown name 'x2'; did you mean 'x'?"),
            ("r2", "unknown name 'r2'; define it first, e.g. r2 = 1.0"),
            ("abc = 1; qqqqqq", "unknown name 'qqqqqq'; known names: abc"),
            (
                "m = 1 < 2; back m",
                "'m' is a boolean array, and no gradient flows through a comparison; run back from a number array",
            ),
            (
                "r = ones(2, 2); back r [1.0, 2.0, 3.0]",
                "dout has shape (3,) but 'r' has shape (2, 2); give a dout of the same shape, or `ones`",
            ),
            (
                "x = 1; grad(x)",
                "no gradients yet: run `back NAME` first, then grad(x)",
            ),
            (
                "a = 1; b = 2; c = a * 3; back c; grad(b)",
                "'b' took no part in the last back, which ran from 'c'",
            ),
            (
                "x = 1; mask(x)",
                "'x' was made by a literal value, not by relu, so it has no mask; mask() takes a name made by relu(...)",
            ),
            (
                "x = 1; c = x < 2; mask(c)",
                "'c' was made by a comparison ('<'), not by relu, so it has no mask; mask() takes a name made by relu(...)",
            ),
            (
                "x = 1; y = x * 2; mask(y)",
                "'y' was made by the mul layer, not by relu, so it has no mask; mask() takes a name made by relu(...)",
            ),
            (
                "z = ones(2.5)",
                "ones takes sizes that are whole numbers of 0 or more, e.g. ones(2, 3)",
            ),
        ];
        for (lines, english) in cases {
            let error = error_of(lines);
            let (en, ko) = both(&error.message);
            assert_eq!(en, english, "{lines}");
            for leak in [
                "unknown",
                "define",
                "known names",
                "took no part",
                "made by",
                "layer",
            ] {
                assert!(!ko.contains(leak), "{lines}: {ko}");
            }
        }
    }

    #[test]
    fn the_messages_a_line_cannot_reach_are_in_the_catalogue_too() {
        // The parser already refuses a wrong number of arguments and a malformed array.
        let messages = [
            msg!("call-arity", func = "relu", expected = 1usize, got = 2usize),
            msg!("sizes-missing", func = "randn"),
            msg!("dout-not-broadcast"),
            msg!("array-malformed", reason = "incompatible shapes"),
        ];
        let english = [
            "relu takes 1 argument(s), got 2",
            "randn takes at least one size, e.g. randn(2, 3)",
            "dout could not be broadcast",
            "malformed array literal: incompatible shapes",
        ];
        for (message, english) in messages.iter().zip(english) {
            assert_eq!(both(message).0, english);
        }
    }

    #[test]
    fn an_overflow_warns_in_numpy_s_words_and_then_in_the_reader_s() {
        let mut session = Session::new();
        session
            .run("big = exp([1000.0, 1.0])", 0, &mut |_, _, _| Ok(()))
            .expect("an overflow is no error");
        let warnings = session.take_warnings();
        let [warning] = warnings.as_slice() else {
            panic!("one warning: {warnings:?}");
        };
        let (en, ko) = both(&warning.message);
        assert_eq!(
            en,
            "overflow encountered in exp: 1 of 2 element(s) became inf or nan"
        );
        assert_eq!(
            ko,
            "exp에서 오버플로가 일어났습니다: 원소 2개 중 1개가 inf 또는 nan이 되었습니다"
        );
    }

    #[test]
    fn a_division_names_numpy_s_cause_in_both_languages() {
        let cases = [
            (
                "q = [1.0, 2.0] / [0.0, 1.0]",
                "divide by zero encountered in divide",
                "나눗셈에서 0으로 나누었습니다",
            ),
            (
                "q = [0.0, 2.0] / [0.0, 1.0]",
                "invalid value encountered in divide",
                "나눗셈에서 0을 0으로 나누었습니다",
            ),
            (
                "q = 1e300 / 1e-300",
                "overflow encountered in divide",
                "나눗셈에서 오버플로가 일어났습니다",
            ),
        ];
        for (line, english, korean) in cases {
            let mut session = Session::new();
            session
                .run(line, 0, &mut |_, _, _| Ok(()))
                .expect("a division by zero is no error");
            let warnings = session.take_warnings();
            let [warning] = warnings.as_slice() else {
                panic!("{line}: one warning: {warnings:?}");
            };
            let (en, ko) = both(&warning.message);
            assert!(en.starts_with(&format!("{english}: ")), "{line}: {en}");
            assert!(ko.starts_with(&format!("{korean}: ")), "{line}: {ko}");
        }
    }

    #[test]
    fn literals_in_any_spelling_are_constants_and_names_are_not() {
        let mut session = Session::new();
        session
            .run(
                "t = 2.0; y = (3) * t + - 1 - -(2) + 1e3",
                0,
                &mut |_, _, _| Ok(()),
            )
            .expect("the line runs");
        let graph = session.graph();
        let constants: Vec<String> = (0..graph.len())
            .filter(|&id| session.is_constant(id))
            .map(|id| graph.node(id).label.to_string())
            .collect();
        assert_eq!(constants, ["(3)", "- 1", "-(2)", "1e3"]);
        let t = session.node_of("t").expect("t is bound");
        assert!(!session.is_constant(t));
    }
}
