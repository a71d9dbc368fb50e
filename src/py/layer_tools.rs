//! The graph statements (`back`, `step`, `graph`, `check`) when their target came from the
//! learner's own layers: what they print, in the learner's language. `learner` walks the
//! nodes and `grade` checks them; this file reads the statement and lays out the text.

use std::io::Write;
use std::rc::Rc;

use crate::i18n::Message;
use crate::msg;
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::grade::{self, Case, Row};
use crate::py::learner::{self, Walk};
use crate::py::tape::is_layer_class;
use crate::py::value::{Interp, Value};
use crate::show::view::View;

/// Which statement.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Tool {
    Back,
    Step,
    Graph,
    Check,
}

/// A graph statement on a learner's value, read from its text.
pub struct Request {
    pub tool: Tool,
    pub name: String,
    /// What follows the name: `ones`, an expression for dout, `sample N`, or a shape.
    pub rest: String,
    pub target: Target,
}

pub enum Target {
    Node(u64),
    Class(Rc<crate::py::value::Class>),
}

/// What a statement printed: its pages (a `step` waits between them) and its warnings.
pub struct Printed {
    pub pages: Vec<String>,
    pub warnings: Vec<Message>,
    /// After a `back` or `step`: the values no layer made, with their gradients (where the
    /// graph statements made one, the walk goes on in the session).
    pub leaves: Vec<(Value, Value)>,
}

/// The request in `text` when its target is a learner's layer output (or, for `check`, a layer
/// class); `None` leaves the statement to the session.
///
/// A number is found by the name its layer call was bound to; failing that (`loss =
/// net.loss(x, t)` binds what a method returned), by the latest layer output equal to it,
/// unless `session_made(name)` says the graph statements computed that name.
pub fn request(
    interp: &Interp,
    text: &str,
    session_made: &dyn Fn(&str) -> bool,
) -> Option<Request> {
    let (tool, name, rest) = read(text)?;
    let global = interp.globals.borrow().vars.get(name).cloned();
    // The book's classes are among the start-up names.
    let value = global.or_else(|| {
        interp
            .builtins
            .get(name)
            .filter(|v| matches!(v, Value::Class(_)))
            .cloned()
    })?;
    let target = match &value {
        Value::Class(c) if tool == Tool::Check && is_layer_class(c) => Target::Class(c.clone()),
        v => {
            let globals = interp.globals_key();
            let node = interp.tape.producer(v, Some((globals, name))).or_else(|| {
                (!session_made(name))
                    .then(|| interp.tape.producer(v, None))
                    .flatten()
            })?;
            Target::Node(node)
        }
    };
    Some(Request {
        tool,
        name: name.to_string(),
        rest: rest.to_string(),
        target,
    })
}

/// `back NAME rest`: the statement, its target's name and what follows it (trimmed), for the
/// four statements that walk a graph.
fn read(text: &str) -> Option<(Tool, &str, &str)> {
    let text = text.trim();
    let (word, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let tool = match word {
        "back" => Tool::Back,
        "step" => Tool::Step,
        "graph" => Tool::Graph,
        "check" => Tool::Check,
        _ => return None,
    };
    let rest = rest.trim_start();
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let name = &rest[..end];
    (!name.is_empty()).then(|| (tool, name, rest[end..].trim()))
}

/// A graph statement inside a Python block (a training loop's `back loss`), in a workspace:
/// it runs over the learner's layers; `back` prints nothing there, as a loop echoes nothing.
/// False when it is not one this can run.
pub fn in_block(interp: &mut Interp, text: &str) -> PyResult<bool> {
    let Some(view) = interp.view else {
        return Ok(false);
    };
    let Some(req) = request(interp, text, &|_| false) else {
        return Ok(false);
    };
    // A walk from inside a layer's own methods (or from code `check` runs) would walk into
    // itself.
    if interp.tape.layer_depth > 0 || interp.tape.paused {
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            msg!("lr-tool-in-layer", text = text),
        ));
    }
    // `back` prints nothing here: its page of gradients is not laid out at all.
    let printed = run_printing(interp, &req, &view, req.tool != Tool::Back)?;
    let mut text = String::new();
    text.extend(printed.pages);
    for w in &printed.warnings {
        text.push_str(&crate::show::diagnostic::render_warning_message(w, &view));
    }
    let _ = interp.out.write_all(text.as_bytes());
    Ok(true)
}

/// A graph statement whose target Python holds as something no gradient flows through (a
/// tuple, a string, an object): the error that says so, rather than the session's "unknown
/// name" for a name the learner did define.
pub fn unsuitable(interp: &Interp, text: &str) -> Option<PyErr> {
    let (tool, name, _) = read(text)?;
    let word = text.split_whitespace().next().unwrap_or_default();
    let value = interp.globals.borrow().vars.get(name).cloned()?;
    let fits = crate::py::tape::differentiable(&value)
        || matches!(value, Value::Bool(_) | Value::NpBool(_))
        || (tool == Tool::Check && matches!(value, Value::Class(_)));
    (!fits).then(|| {
        PyErr::new(
            ExcKind::TypeError,
            msg!(
                "lr-not-a-value",
                tool = word,
                name = name,
                kind = value.type_name()
            ),
        )
    })
}

/// Evaluates `text` as one Python expression at the top level.
fn eval_text(interp: &mut Interp, text: &str) -> PyResult<Value> {
    // Its places are in `text`, not in the source: the statement's own place is shown instead.
    let unplaced = |mut e: PyErr| {
        e.pos = None;
        e.trace.clear();
        e
    };
    let stmts = crate::py::parser::parse_module(text).map_err(unplaced)?;
    match stmts.as_slice() {
        [s] => match &s.kind {
            crate::py::ast::StmtKind::Expr(e) => interp.eval_top(e).map_err(unplaced),
            _ => Err(PyErr::new(
                ExcKind::SyntaxError,
                msg!("lr-bad-rest", text = text),
            )),
        },
        _ => Err(PyErr::new(
            ExcKind::SyntaxError,
            msg!("lr-bad-rest", text = text),
        )),
    }
}

/// The dout a `back` or `step` starts from, and the sample size of a `check`.
fn options(interp: &mut Interp, rest: &str, root: &Value) -> PyResult<(Value, Option<usize>)> {
    let mut rest = rest.trim();
    let mut sample = None;
    if let Some(i) = rest.find("sample") {
        let n = rest[i + "sample".len()..].trim();
        sample = Some(
            n.parse::<usize>()
                .map_err(|_| PyErr::new(ExcKind::ValueError, msg!("lr-bad-rest", text = rest)))?,
        );
        rest = rest[..i].trim();
    }
    let seed = match rest {
        "" | "ones" => learner::default_seed(root),
        text => {
            let mut v = eval_text(interp, text)?;
            if matches!(v, Value::List(_) | Value::Tuple(_))
                && let Some(array) = interp.builtins.get("array").cloned()
            {
                v = interp.call(&array, crate::py::value::Args::new(vec![v]))?;
            }
            let (got, want) = (learner::shape_of(&v), learner::shape_of(root));
            if !crate::py::tape::differentiable(&v) || got != want {
                return Err(PyErr::new(
                    ExcKind::ValueError,
                    msg!(
                        "lr-dout-shape",
                        text = text,
                        got = crate::py::value::shape_text(&got),
                        want = crate::py::value::shape_text(&want)
                    ),
                ));
            }
            v
        }
    };
    Ok((seed, sample.filter(|&n| n > 0)))
}

/// Runs the request.
pub fn run(interp: &mut Interp, req: &Request, view: &View) -> PyResult<Printed> {
    run_printing(interp, req, view, true)
}

/// [`run`]; a `back` lays out its page of gradients only when `print` is set.
fn run_printing(interp: &mut Interp, req: &Request, view: &View, print: bool) -> PyResult<Printed> {
    match &req.target {
        Target::Class(class) => check_class(interp, req, class.clone(), view),
        Target::Node(root) => {
            let root = *root;
            let value = interp
                .tape
                .node(root)
                .and_then(|n| n.output_value())
                .unwrap_or(Value::None);
            if req.tool == Tool::Graph {
                if !req.rest.is_empty() {
                    return Err(PyErr::new(
                        ExcKind::ValueError,
                        msg!("lr-graph-rest", text = req.rest.as_str()),
                    ));
                }
                return Ok(Printed {
                    pages: vec![graph(interp, root, view)],
                    warnings: Vec::new(),
                    leaves: Vec::new(),
                });
            }
            let (seed, sample) = options(interp, &req.rest, &value)?;
            match req.tool {
                Tool::Check => check(interp, req, root, seed, sample, view),
                // `back` and `step` (`graph` returned above).
                _ => {
                    let walk = if req.tool == Tool::Step {
                        learner::back_described(interp, root, seed)?
                    } else {
                        learner::back(interp, root, seed)?
                    };
                    let named = learner::publish(interp, &walk);
                    let pages = if req.tool == Tool::Back {
                        if print {
                            vec![gradients(interp, &named, "", view)]
                        } else {
                            Vec::new()
                        }
                    } else {
                        step_pages(interp, req, &walk, &named, view)
                    };
                    Ok(Printed {
                        pages,
                        warnings: walk.warnings,
                        leaves: walk.leaves.into_iter().map(|l| (l.value, l.grad)).collect(),
                    })
                }
            }
        }
    }
}

/// `dNAME = value` lines, continuation lines under the value.
pub fn gradients(
    interp: &mut Interp,
    named: &[(String, Value)],
    indent: &str,
    view: &View,
) -> String {
    let mut out = String::new();
    for (name, v) in named {
        let text = interp.str_of(v).unwrap_or_default();
        let pad = " ".repeat(indent.len() + name.chars().count() + 3);
        let text = text.replace('\n', &format!("\n{pad}"));
        out.push_str(&format!("{indent}{} = {text}\n", view.style.grad(name)));
    }
    out
}

fn step_pages(
    interp: &mut Interp,
    req: &Request,
    walk: &Walk,
    named: &[(String, Value)],
    view: &View,
) -> Vec<String> {
    let (style, lang) = (&view.style, view.lang);
    let seed = learner::short_text(interp, &walk.seed);
    let heading = format!(
        "{}\n",
        style.context(&lang.say(&msg!(
            "lr-step-heading",
            name = req.name.as_str(),
            count = walk.visits.len(),
            dout = seed
        )))
    );
    let mut pages = Vec::new();
    let total = walk.visits.len();
    for (i, visit) in walk.visits.iter().enumerate() {
        let class = interp
            .tape
            .node(visit.serial)
            .map(|n| n.class().to_string())
            .unwrap_or_default();
        let mut page = if i == 0 {
            heading.clone()
        } else {
            String::new()
        };
        page += &format!(
            "[{}/{}] {}  {}\n",
            i + 1,
            total,
            style.layer(&class),
            learner::call_text(interp, visit.serial)
        );
        let cached: Vec<String> = visit
            .cached
            .iter()
            .map(|(k, v)| format!("self.{k} = {v}"))
            .collect();
        let nothing = lang.word("step-nothing");
        page.push_str(&format!(
            "      {}  {}\n",
            lang.word("step-cached"),
            if cached.is_empty() {
                nothing
            } else {
                cached.join(", ")
            }
        ));
        let dout = learner::short_text(interp, &visit.dout);
        page.push_str(&format!("      dout    {dout}\n"));
        page.push_str(&format!(
            "      {}\n",
            lang.say(&msg!("lr-step-returned", class = class.as_str()))
        ));
        for learner::Returned {
            param,
            grad: g,
            summed,
            to,
        } in &visit.returned
        {
            let g_text = match g {
                Some(g) => learner::short_text(interp, g),
                None => "None".to_string(),
            };
            page.push_str(&format!(
                "        {} = {g_text}  → {to}\n",
                style.grad(&format!("d{param}"))
            ));
            if let Some(from) = summed {
                page.push_str(&format!(
                    "          {}\n",
                    style.context(&lang.say(&msg!(
                        "lr-step-summed",
                        param = param.as_str(),
                        from = crate::py::value::shape_text(from)
                    )))
                ));
            }
        }
        for (name, g) in &visit.params {
            let g_text = learner::short_text(interp, g);
            page.push_str(&format!(
                "        self.{} = {g_text}  → {name}\n",
                style.grad(&format!("d{name}"))
            ));
        }
        pages.push(page);
    }
    let mut done = format!("{}\n", style.context(&lang.word("step-done")));
    done.push_str(&gradients(interp, named, "  ", view));
    pages.push(done);
    pages
}

/// The layers `root` came from, in the order forward ran them, each with its class in a box.
fn graph(interp: &mut Interp, root: u64, view: &View) -> String {
    let (style, lang) = (&view.style, view.lang);
    let mut order = learner::order(interp, root);
    order.reverse();
    let mut out = format!(
        "{}\n",
        style.context(&lang.say(&msg!("lr-graph-heading", count = order.len())))
    );
    for serial in order {
        let Some(node) = interp.tape.node(serial) else {
            continue;
        };
        let object = node.object.clone();
        let class = node.class().to_string();
        let inputs = node.inputs.clone();
        let out_value = node.output_value();
        let out_name = learner::output_name(interp, node)
            .unwrap_or_else(|| format!("{}.forward(…)", learner::object_name(interp, &object)));
        let mut parts: Vec<String> = Vec::new();
        for i in &inputs {
            let label = learner::input_label(interp, i);
            let v = learner::short_text(interp, &i.value);
            if label == v {
                parts.push(style.number(&v));
            } else {
                parts.push(format!("{} {}", style.name(&label), style.number(&v)));
            }
        }
        // Parameters the object holds (`self.W`), drawn as inputs.
        let attrs = object.attrs.borrow().clone();
        for (k, v) in &attrs {
            if let Value::Array(a) = v
                && attrs.iter().any(|(d, _)| *d == format!("d{k}"))
                && !inputs
                    .iter()
                    .any(|i| matches!(&i.value, Value::Array(b) if Rc::ptr_eq(&a.buf, &b.buf)))
            {
                let label = learner::global_name(interp, v, None)
                    .map(|g| format!("self.{k} ({g})"))
                    .unwrap_or_else(|| format!("self.{k}"));
                parts.push(format!(
                    "{} {}",
                    style.name(&label),
                    crate::py::value::shape_text(&a.shape)
                ));
            }
        }
        let name = learner::object_name(interp, &object);
        let label = if name == class {
            class.clone()
        } else {
            format!("{class} {name}")
        };
        let bar = "─".repeat(label.chars().count() + 2);
        let v = out_value
            .map(|v| learner::short_text(interp, &v))
            .unwrap_or_default();
        let width = parts
            .iter()
            .map(|p| crate::show::wrap::width(p))
            .max()
            .unwrap_or(0);
        let lines = parts.len().max(1);
        let mid = (lines - 1) / 2;
        out.push_str(&format!("{:w$} ┌{bar}┐\n", "", w = width));
        for (li, p) in parts.iter().enumerate() {
            let pad = " ".repeat(width - crate::show::wrap::width(p));
            let joint = if li == mid { "─┤" } else { " │" };
            let tail = if li == mid {
                format!(
                    " {} ├─ {} {}",
                    style.layer(&label),
                    style.name(&out_name),
                    style.number(&v)
                )
            } else {
                format!(" {:w$} │", "", w = label.chars().count())
            };
            out.push_str(&format!("{p}{pad}{joint}{tail}\n"));
        }
        if parts.is_empty() {
            out.push_str(&format!(
                "{:w$}  │ {} ├─ {} {}\n",
                "",
                style.layer(&label),
                style.name(&out_name),
                style.number(&v),
                w = width
            ));
        }
        out.push_str(&format!("{:w$} └{bar}┘\n", "", w = width));
        if let Some(g) = interp.grads_by_object.iter().find_map(|(a, g)| {
            interp
                .tape
                .node(serial)
                .and_then(|n| n.output_value())
                .filter(|o| matches!(o, Value::Array(b) if Rc::ptr_eq(a, b)))
                .map(|_| g.clone())
        }) {
            let g = learner::short_text(interp, &g);
            out.push_str(&format!(
                "{:w$}  {} {g}\n",
                "",
                style.grad(&lang.word("lr-graph-grad")),
                w = width
            ));
        }
    }
    out
}

/// `check y`: each of the learner's layers `y` came through, graded on its own.
fn check(
    interp: &mut Interp,
    req: &Request,
    root: u64,
    seed: Value,
    sample: Option<usize>,
    view: &View,
) -> PyResult<Printed> {
    let order = learner::order(interp, root);
    let whole = grade::whole(interp, root, &seed, sample.unwrap_or(grade::SAMPLE))
        .unwrap_or_else(|e| vec![grade::error_row(&req.name, &e)]);
    let given = req.rest.split("sample").next().unwrap_or_default().trim();
    let dout = match given {
        "" => "ones".to_string(),
        r => r.to_string(),
    };
    let whole_heading = msg!("lr-check-whole", name = req.name.as_str(), dout = dout);
    let mut text = report(&whole_heading, &whole, view);
    let mut rows = Vec::new();
    for serial in order.iter().rev() {
        let Some(node) = interp.tape.node(*serial) else {
            continue;
        };
        let case = Case {
            object: node.object.clone(),
            args: node.args.clone(),
            inputs: node.inputs.clone(),
        };
        let name = learner::object_name(interp, &case.object);
        let class = case.object.class.name.clone();
        for mut row in grade::grade(interp, &case, sample.unwrap_or(grade::SAMPLE)) {
            if name != class {
                row.class = format!("{class} {name}");
            }
            rows.push(row);
        }
    }
    let heading = msg!(
        "lr-check-heading",
        name = req.name.as_str(),
        count = order.len()
    );
    text.push_str(&report(&heading, &rows, view));
    Ok(Printed {
        pages: vec![text],
        warnings: Vec::new(),
        leaves: Vec::new(),
    })
}

/// `check CLASS [shape]`: the class on its own.
fn check_class(
    interp: &mut Interp,
    req: &Request,
    class: Rc<crate::py::value::Class>,
    view: &View,
) -> PyResult<Printed> {
    let shape = match req.rest.trim() {
        "" => None,
        text => {
            let v = eval_text(interp, text)?;
            let dims = match &v {
                Value::Tuple(t) => t.to_vec(),
                Value::List(l) => l.borrow().clone(),
                v => vec![v.clone()],
            };
            let dims: Option<Vec<usize>> = dims
                .iter()
                .map(|d| crate::py::value::as_int(d).and_then(|i| usize::try_from(i).ok()))
                .collect();
            match dims {
                Some(d)
                    if !d.is_empty()
                        && d.iter().all(|&x| x >= 1)
                        && d.iter()
                            .try_fold(1usize, |a, &x| a.checked_mul(x))
                            .is_some_and(|n| n <= 100_000) =>
                {
                    Some(d)
                }
                _ => {
                    return Err(PyErr::new(
                        ExcKind::ValueError,
                        msg!("lr-bad-shape", text = text),
                    ));
                }
            }
        }
    };
    let case = grade::class_case(interp, &class, shape)?;
    let rows = grade::grade(interp, &case, grade::SAMPLE);
    let heading = msg!("lr-check-class-heading", class = class.name.as_str());
    Ok(Printed {
        pages: vec![report(&heading, &rows, view)],
        warnings: Vec::new(),
        leaves: Vec::new(),
    })
}

fn report(heading: &Message, rows: &[Row], view: &View) -> String {
    let (style, lang) = (&view.style, view.lang);
    let mut out = format!("{}\n", style.context(&lang.say(heading)));
    let cw = rows
        .iter()
        .map(|r| r.class.chars().count())
        .max()
        .unwrap_or(0);
    let nw = rows
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0);
    for r in rows {
        let verdict = if r.ok {
            style.ok(&lang.word("check-ok"))
        } else {
            style.error(&lang.word("check-mismatch"))
        };
        let detail = if r.max_diff.is_nan() {
            String::new()
        } else {
            let at: Vec<String> = r.at.iter().map(|i| i.to_string()).collect();
            let max = format!("{:.2e}", r.max_diff);
            if at.is_empty() {
                lang.say(&msg!("lr-check-row-number", max = max))
            } else {
                lang.say(&msg!(
                    "lr-check-row",
                    max = max,
                    at = format!("[{}]", at.join(", "))
                ))
            }
        };
        let class = if cw == 0 {
            String::new()
        } else {
            format!(
                "{}{}  ",
                style.layer(&r.class),
                " ".repeat(cw - r.class.chars().count())
            )
        };
        out.push_str(&format!(
            "  {class}{}{}  {detail}  {verdict}\n",
            style.name(&r.name),
            " ".repeat(nw - r.name.chars().count()),
        ));
        if let Some((n, of)) = r.sampled {
            out.push_str(&format!(
                "      {}\n",
                style.context(&lang.say(&msg!("lr-check-sampled", count = n, of = of)))
            ));
        }
        for note in &r.notes {
            let text = crate::show::wrap::wrap_line(&lang.say(note), view.width, "      ");
            out.push_str(&format!("      {text}\n"));
        }
    }
    out
}
