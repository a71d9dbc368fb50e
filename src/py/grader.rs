//! The exercises' grader: runs a learner's file and checks it on inputs it has not seen. A
//! layer is checked by its forward values against the book's class (ours, in
//! `common/layers.py`), its backward by the per-layer gradient check of `grade`, its cache (two
//! forwards, then one backward, must use the second's inputs) and the caller's arrays (forward
//! leaves its inputs as they were). The first thing wrong is the verdict, in the words of the
//! mistake patterns, with the numbers of one small case.

use std::rc::Rc;

use crate::engine::random::Rng;
use crate::i18n::Message;
use crate::msg;
use crate::py::error::PyErr;
use crate::py::grade::{self, Case, values};
use crate::py::learner::{call_method, copy_of};
use crate::py::tape::{Input, Slot, fingerprint};
use crate::py::value::{Args, ArrayObj, Class, DType, Instance, Interp, Value};

/// What grading found: passed or not, and what to tell the learner, first thing first.
pub struct Verdict {
    pub passed: bool,
    pub lines: Vec<Message>,
    /// What the learner's file printed while it ran.
    pub printed: String,
}

/// The layer an exercise asks for: its class name, and its `forward`'s inputs (`t` labels).
struct LayerSpec {
    class: &'static str,
    inputs: &'static [&'static str],
}

/// The class an exercise asks for, where it asks for one.
pub fn class_of(slug: &str) -> Option<&'static str> {
    Some(match slug {
        "add" => "AddLayer",
        "mul" => "MulLayer",
        "relu" => "Relu",
        "sigmoid" => "Sigmoid",
        "affine" => "Affine",
        "softmax_with_loss" => "SoftmaxWithLoss",
        "two_layer_net" => "TwoLayerNet",
        _ => return None,
    })
}

fn layer_spec(slug: &str) -> Option<LayerSpec> {
    let inputs: &[&str] = match slug {
        "add" | "mul" => &["x", "y"],
        "relu" | "sigmoid" | "affine" => &["x"],
        "softmax_with_loss" => &["x", "t"],
        _ => return None,
    };
    Some(LayerSpec {
        class: class_of(slug)?,
        inputs,
    })
}

/// A fresh interpreter with the REPL's start-up names, its output kept.
fn interpreter() -> (Interp, crate::py::workspace::Sink) {
    let sink = crate::py::workspace::Sink::default();
    let mut interp = Interp::new(Box::new(sink.clone()), 0);
    interp.recursion_limit = crate::py::recursion_limit_here();
    // A loop that never ends is stopped, so a grade always comes back.
    interp.step_limit = Some(50_000_000);
    interp.tape.paused = true;
    crate::py::layers::install(&mut interp);
    (interp, sink)
}

fn fail(lines: Vec<Message>, printed: String) -> Verdict {
    Verdict {
        passed: false,
        lines,
        printed,
    }
}

fn error_line(e: &PyErr) -> Message {
    msg!(
        "ex-error",
        kind = e.kind.name(),
        message = e.message.clone(),
        line = e
            .trace
            .last()
            .map(|f| f.pos.line)
            .or(e.pos.map(|p| p.line))
            .unwrap_or(0)
    )
}

/// Grades `src` for the exercise `slug`, on inputs drawn fresh each time.
pub fn grade(slug: &str, src: &str) -> Verdict {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(2024);
    grade_with(slug, src, seed)
}

/// [`grade`] on the inputs `seed` draws (the tests' fixed ones). What the learner's code made
/// is freed afterwards, and nothing else: the REPL's objects are not the grader's.
pub fn grade_with(slug: &str, src: &str, seed: u32) -> Verdict {
    crate::py::value::with_own_tracking(|| grade_here(slug, src, seed))
}

fn grade_here(slug: &str, src: &str, seed: u32) -> Verdict {
    let (mut interp, sink) = interpreter();
    let run = crate::py::parser::parse_module(src).and_then(|stmts| interp.run(&stmts));
    let printed = sink.take();
    let verdict = match (run, slug) {
        (Err(e), _) => Err(vec![error_line(&e)]),
        (Ok(()), slug) => graded(&mut interp, slug, seed),
    };
    interp.teardown();
    interp.free_modules();
    match verdict {
        Ok(()) => Verdict {
            passed: true,
            lines: vec![msg!("ex-passed")],
            printed,
        },
        Err(lines) => fail(lines, printed),
    }
}

/// What the exercise `slug` checks, on the file's names after it ran.
fn graded(interp: &mut Interp, slug: &str, seed: u32) -> Graded {
    match slug {
        "apple" => apple(interp),
        // A network's hidden values are drawn by its weights: fixed ones, checked to stay off
        // ReLU's kink.
        "two_layer_net" => two_layer_net(interp, 77),
        "train" => train(interp),
        _ => match layer_spec(slug) {
            Some(spec) => layer(interp, &spec, seed),
            None => Err(vec![msg!("ex-unknown", name = slug)]),
        },
    }
}

type Graded = Result<(), Vec<Message>>;

fn global(interp: &Interp, name: &str) -> Option<Value> {
    interp.globals.borrow().vars.get(name).cloned()
}

fn class_named(interp: &Interp, name: &str) -> Result<Rc<Class>, Vec<Message>> {
    match global(interp, name) {
        Some(Value::Class(c)) if crate::py::tape::is_layer_class(&c) => Ok(c),
        _ => Err(vec![msg!("ex-no-class", class = name)]),
    }
}

/// Random values kept at least 0.05 away from 0, so that no element sits at ReLU's kink, where
/// a central difference and a correct backward may rightly disagree.
fn random(rng: &mut Rng, shape: &[usize]) -> Value {
    let n: usize = shape.iter().product();
    let data = (0..n)
        .map(|_| {
            let v = rng.next_normal();
            v.signum() * (v.abs() + 0.05)
        })
        .collect();
    Value::array(ArrayObj::from_vec(data, shape.to_vec(), DType::Float64))
}

/// One-hot labels for `rows` rows of `classes`, or the class numbers.
fn labels(rng: &mut Rng, rows: usize, classes: usize, one_hot: bool) -> Value {
    let picks: Vec<usize> = (0..rows)
        .map(|_| (rng.next_uniform() * classes as f64) as usize % classes)
        .collect();
    if one_hot {
        let mut data = vec![0.0; rows * classes];
        for (r, &c) in picks.iter().enumerate() {
            data[r * classes + c] = 1.0;
        }
        Value::array(ArrayObj::from_vec(
            data,
            vec![rows, classes],
            DType::Float64,
        ))
    } else {
        let data = picks.iter().map(|&c| c as f64).collect();
        Value::array(ArrayObj::from_vec(data, vec![rows], DType::Int64))
    }
}

fn close(a: &Value, b: &Value) -> bool {
    let (x, y) = (values(a), values(b));
    crate::py::learner::shape_of(a) == crate::py::learner::shape_of(b)
        && x.len() == y.len()
        && x.iter()
            .zip(&y)
            .all(|(p, q)| (p - q).abs() <= 1e-7 * (1.0 + q.abs()))
}

fn text(interp: &mut Interp, v: &Value) -> String {
    interp
        .str_of(v)
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// One case: the arguments of forward, and (for Affine) of the constructor.
struct Trial {
    init: Vec<Value>,
    args: Vec<Value>,
}

fn trials(spec: &LayerSpec, rng: &mut Rng) -> Vec<Trial> {
    // A batch of one, and non-square batches.
    let shapes = [(1usize, 3usize), (3, 2), (4, 5)];
    shapes
        .iter()
        .enumerate()
        .map(|(k, &(n, m))| match spec.class {
            "Affine" => Trial {
                init: vec![random(rng, &[m, m + 2]), random(rng, &[m + 2])],
                args: vec![random(rng, &[n, m])],
            },
            "SoftmaxWithLoss" => Trial {
                init: Vec::new(),
                args: vec![random(rng, &[n, m]), labels(rng, n, m, k != 1)],
            },
            _ => Trial {
                init: Vec::new(),
                args: spec.inputs.iter().map(|_| random(rng, &[n, m])).collect(),
            },
        })
        .collect()
}

fn make(interp: &mut Interp, class: &Value, init: &[Value]) -> Result<Rc<Instance>, PyErr> {
    let args = Args::new(init.iter().map(copy_of).collect());
    match interp.call(class, args)? {
        Value::Instance(o) => Ok(o),
        _ => Err(PyErr::new(
            crate::py::error::ExcKind::TypeError,
            msg!("ex-no-class", class = "?"),
        )),
    }
}

fn layer(interp: &mut Interp, spec: &LayerSpec, seed: u32) -> Graded {
    let theirs = Value::Class(class_named(interp, spec.class)?);
    let ours = match interp.import("common.layers") {
        Ok(Value::Module(m)) => m.attrs.borrow().get(spec.class).cloned(),
        _ => None,
    }
    .ok_or_else(|| vec![msg!("ex-unknown", name = spec.class)])?;
    let mut rng = Rng::new(seed);
    for trial in trials(spec, &mut rng) {
        let err = |e: PyErr| vec![error_line(&e)];
        let mine = make(interp, &theirs, &trial.init).map_err(err)?;
        let reference = make(interp, &ours, &trial.init).map_err(err)?;
        // Forward: the values, and the caller's arrays left as they were.
        let before: Vec<u64> = trial
            .args
            .iter()
            .map(|a| match a {
                Value::Array(x) => fingerprint(x),
                _ => 0,
            })
            .collect();
        let args: Vec<Value> = trial.args.clone();
        let got = call_method(interp, &mine, "forward", args.clone()).map_err(err)?;
        for ((a, b), name) in args.iter().zip(&before).zip(spec.inputs) {
            if let Value::Array(x) = a
                && fingerprint(x) != *b
            {
                return Err(vec![msg!(
                    "ex-input-changed",
                    class = spec.class,
                    name = *name
                )]);
            }
        }
        let want = call_method(
            interp,
            &reference,
            "forward",
            trial.args.iter().map(copy_of).collect(),
        )
        .map_err(err)?;
        if !close(&got, &want) {
            let input = text(interp, &trial.args[0]);
            let (g, w) = (text(interp, &got), text(interp, &want));
            return Err(vec![
                msg!("ex-forward", class = spec.class),
                msg!("ex-case", input = input, got = g, want = w),
                msg!("ex-nudge"),
            ]);
        }
        // Backward: each input, and Affine's W and b, against central differences.
        let inputs: Vec<Input> = spec
            .inputs
            .iter()
            .enumerate()
            .map(|(i, p)| Input {
                param: p.to_string(),
                slot: Slot::Pos(i),
                value: trial.args[i].clone(),
                from: None,
                name: None,
            })
            .collect();
        let case = Case {
            object: mine.clone(),
            args: Args::new(trial.args.clone()),
            inputs,
        };
        let rows = grade::grade(interp, &case, grade::SAMPLE);
        if let Some(row) = rows.iter().find(|r| !r.ok) {
            let mut lines = vec![msg!(
                "ex-backward",
                class = spec.class,
                name = row.name.as_str()
            )];
            lines.extend(row.notes.iter().cloned());
            // The numbers of this case: backward's and ours on dout = ones.
            let dout = match &got {
                Value::Array(a) => Value::array(ArrayObj::from_vec(
                    vec![1.0; a.size()],
                    a.shape.clone(),
                    DType::Float64,
                )),
                _ => Value::Int(1),
            };
            let _ = call_method(
                interp,
                &mine,
                "forward",
                trial.args.iter().map(copy_of).collect(),
            );
            let _ = call_method(
                interp,
                &reference,
                "forward",
                trial.args.iter().map(copy_of).collect(),
            );
            let g = call_method(interp, &mine, "backward", vec![copy_of(&dout)]);
            let w = call_method(interp, &reference, "backward", vec![copy_of(&dout)]);
            if let (Ok(g), Ok(w)) = (g, w) {
                // Sigmoid's backward from x, not from out: dout * (1 - x) * x.
                let x = values(&trial.args[0]);
                let from_x: Vec<f64> = x.iter().map(|v| (1.0 - v) * v).collect();
                let got = values(&g);
                if spec.class == "Sigmoid"
                    && got.len() == from_x.len()
                    && got.iter().zip(&from_x).all(|(a, b)| (a - b).abs() < 1e-9)
                {
                    lines.push(msg!("ex-sigmoid-x"));
                }
                let input = text(interp, &trial.args[0]);
                let (g, w) = (text(interp, &g), text(interp, &w));
                lines.push(msg!("ex-case-back", input = input, got = g, want = w));
            }
            lines.push(msg!("ex-nudge"));
            return Err(lines);
        }
        // The cache: two forwards, then one backward, uses the second's inputs.
        let other: Vec<Value> = trial
            .args
            .iter()
            .enumerate()
            .map(|(i, a)| match (spec.inputs.get(i), a) {
                (Some(&"t"), _) => a.clone(),
                (_, Value::Array(x)) => random(&mut rng, &x.shape),
                _ => a.clone(),
            })
            .collect();
        let dout = match &want {
            Value::Array(a) => random(&mut rng, &a.shape),
            _ => Value::Int(1),
        };
        let pair = (|| -> Result<(Value, Value), PyErr> {
            call_method(
                interp,
                &mine,
                "forward",
                trial.args.iter().map(copy_of).collect(),
            )?;
            call_method(
                interp,
                &mine,
                "forward",
                other.iter().map(copy_of).collect(),
            )?;
            let g = call_method(interp, &mine, "backward", vec![copy_of(&dout)])?;
            call_method(
                interp,
                &reference,
                "forward",
                other.iter().map(copy_of).collect(),
            )?;
            let w = call_method(interp, &reference, "backward", vec![copy_of(&dout)])?;
            Ok((g, w))
        })();
        let (g, w) = pair.map_err(err)?;
        let first = |v: &Value| match v {
            Value::Tuple(t) => t.first().cloned().unwrap_or(Value::None),
            v => v.clone(),
        };
        if !close(&first(&g), &first(&w)) {
            return Err(vec![msg!("ex-cache", class = spec.class), msg!("ex-nudge")]);
        }
    }
    Ok(())
}

fn number(interp: &Interp, name: &str) -> Option<f64> {
    match global(interp, name)? {
        Value::Int(i) | Value::NpInt(i) => Some(i as f64),
        Value::Float(x) | Value::NpFloat(x) => Some(x),
        _ => None,
    }
}

fn apple(interp: &mut Interp) -> Graded {
    let want: [(&str, f64); 4] = [
        ("price", 220.00000000000003),
        ("dapple", 2.2),
        ("dapple_num", 110.00000000000001),
        ("dtax", 200.0),
    ];
    for (name, value) in want {
        match number(interp, name) {
            None => return Err(vec![msg!("ex-missing", name = name), msg!("ex-nudge")]),
            Some(v) if v.to_bits() != value.to_bits() => {
                return Err(vec![
                    msg!(
                        "ex-number",
                        name = name,
                        got = crate::py::format::float_repr(v),
                        want = crate::py::format::float_repr(value)
                    ),
                    msg!("ex-nudge"),
                ]);
            }
            Some(_) => {}
        }
    }
    Ok(())
}

fn two_layer_net(interp: &mut Interp, seed: u32) -> Graded {
    let class = match global(interp, "TwoLayerNet") {
        Some(c @ Value::Class(_)) => c,
        _ => return Err(vec![msg!("ex-no-class", class = "TwoLayerNet")]),
    };
    let mut rng = Rng::new(seed);
    for (n, one_hot) in [(1usize, true), (3, true)] {
        let err = |e: PyErr| vec![error_line(&e)];
        interp.rng = Rng::new(5);
        let args = Args::new(vec![
            Value::Int(4),
            Value::Int(5),
            Value::Int(3),
            Value::Float(0.5),
        ]);
        let net = match interp.call(&class, args).map_err(err)? {
            Value::Instance(o) => o,
            _ => return Err(vec![msg!("ex-no-class", class = "TwoLayerNet")]),
        };
        let x = random(&mut rng, &[n, 4]);
        let t = labels(&mut rng, n, 3, one_hot);
        let grads =
            call_method(interp, &net, "gradient", vec![x.clone(), t.clone()]).map_err(err)?;
        let params = interp
            .getattr(&Value::Instance(net.clone()), "params")
            .map_err(err)?;
        for key in ["W1", "b1", "W2", "b2"] {
            let k = Value::str(key);
            let p = interp.getitem(&params, &k).map_err(err)?;
            let g = interp
                .getitem(&grads, &k)
                .map_err(|_| vec![msg!("ex-grads-key", key = key), msg!("ex-nudge")])?;
            let Value::Array(p) = p else { continue };
            let got = values(&g);
            if got.len() != p.size() {
                return Err(vec![msg!("ex-grads-shape", key = key), msg!("ex-nudge")]);
            }
            let data = p.to_vec();
            for (i, &v) in data.iter().enumerate() {
                let mut f = [0.0; 2];
                for (j, by) in [1e-5, -1e-5].into_iter().enumerate() {
                    grade::set_element(&p, i, v + by);
                    let loss = call_method(interp, &net, "loss", vec![x.clone(), t.clone()]);
                    grade::set_element(&p, i, v);
                    f[j] = values(&loss.map_err(err)?)
                        .first()
                        .copied()
                        .unwrap_or(f64::NAN);
                }
                let num = (f[0] - f[1]) / 2e-5;
                if (num - got[i]).abs() > 1e-6 * (1.0 + num.abs()) {
                    return Err(vec![
                        msg!(
                            "ex-gradient",
                            key = key,
                            got = crate::py::format::float_repr(got[i]),
                            want = crate::py::format::float_repr(num),
                            at = i
                        ),
                        msg!("ex-nudge"),
                    ]);
                }
            }
        }
    }
    Ok(())
}

fn train(interp: &mut Interp) -> Graded {
    match number(interp, "test_acc") {
        None => Err(vec![
            msg!("ex-missing", name = "test_acc"),
            msg!("ex-nudge"),
        ]),
        Some(acc) if acc >= 0.93 => Ok(()),
        Some(acc) => Err(vec![
            msg!("ex-accuracy", got = crate::py::format::float_repr(acc)),
            msg!("ex-nudge"),
        ]),
    }
}
