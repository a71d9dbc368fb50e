//! The names an interactive session starts with: numpy's (as `import numpy as np` and `from
//! numpy import *` give them, `seed`, `rand`, `randn` and `choice` from `numpy.random`), and our
//! layer functions, computed by the engine's layers so that Python code gets the numbers the
//! graph does. Inside Python code they record nothing; at the top level the session runs them
//! and records the node.

use std::rc::Rc;

use crate::engine::layers::cross_entropy;
use crate::engine::layers::{Affine, Relu, Sigmoid, Softmax, SoftmaxWithLoss, checks};
use crate::msg;
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::value::{Args, ArrayObj, DType, Interp, Value, to_array};

/// Puts numpy's names and the layer functions among the built-in names.
pub fn install(interp: &mut Interp) {
    let np = crate::py::numpy::numpy_module();
    if let Value::Module(m) = &np {
        let attrs = m.attrs.borrow();
        for (name, v) in attrs.iter() {
            if !name.starts_with('_') {
                interp.builtins.insert(name.clone(), v.clone());
            }
        }
        if let Some(Value::Module(random)) = attrs.get("random") {
            for name in ["seed", "rand", "randn", "choice"] {
                if let Some(v) = random.attrs.borrow().get(name) {
                    interp.builtins.insert(name.to_string(), v.clone());
                }
            }
        }
    }
    // `import numpy as np` gives this same module, made once.
    interp.modules.insert("numpy".to_string(), np.clone());
    interp.builtins.insert("np".to_string(), np);
    for (name, f) in functions() {
        interp.builtins.insert(name.to_string(), f);
    }
    interp
        .builtins
        .insert("grad".to_string(), Value::builtin("grad", grad));
    // The book's layer classes, as `from common.layers import *` gives them.
    if let Ok(Value::Module(m)) = interp.import("common.layers") {
        for name in BOOK_LAYERS {
            if let Some(v) = m.attrs.borrow().get(name) {
                interp.builtins.insert(name.to_string(), v.clone());
            }
        }
    }
}

/// The chapter's layer classes, among the start-up names.
pub const BOOK_LAYERS: [&str; 6] = [
    "MulLayer",
    "AddLayer",
    "Relu",
    "Sigmoid",
    "Affine",
    "SoftmaxWithLoss",
];

/// Our layer functions, computed by the engine's layers.
pub fn functions() -> Vec<(&'static str, Value)> {
    let table: [(&'static str, crate::py::value::NativeFn); 6] = [
        ("relu", relu),
        ("sigmoid", sigmoid),
        ("softmax", softmax_fn),
        ("cross_entropy_error", cross_entropy_error),
        ("softmax_with_loss", softmax_with_loss),
        ("affine", affine),
    ];
    table
        .into_iter()
        .map(|(name, f)| (name, Value::builtin(name, f)))
        .collect()
}

fn type_error(message: crate::i18n::Message) -> PyErr {
    PyErr::new(ExcKind::TypeError, message)
}

/// The positional arguments of `name`, exactly `n` of them, as float arrays.
fn arrays(name: &str, args: &Args, n: usize) -> PyResult<Vec<Rc<ArrayObj>>> {
    if args.pos.len() != n || !args.kw.is_empty() {
        return Err(type_error(msg!(
            "py-layer-arity",
            name = name,
            count = n,
            given = args.pos.len() + args.kw.len()
        )));
    }
    args.pos.iter().map(to_array).collect()
}

fn floats(a: &ArrayObj) -> crate::engine::value::Floats {
    a.to_ndarray().into_shared()
}

fn array(a: ndarray::ArrayD<f64>) -> Value {
    Value::Array(Rc::new(ArrayObj::from_ndarray(a, DType::Float64)))
}

fn layer_error(name: &str, e: crate::engine::layers::LayerError) -> PyErr {
    PyErr::new(ExcKind::ValueError, e.message(name))
}

fn relu(_: &mut Interp, args: Args) -> PyResult<Value> {
    let x = &arrays("relu", &args, 1)?[0];
    Ok(array(Relu::new().forward(&floats(x)).into_owned()))
}

fn sigmoid(_: &mut Interp, args: Args) -> PyResult<Value> {
    let x = &arrays("sigmoid", &args, 1)?[0];
    Ok(array(Sigmoid::new().forward(&floats(x)).into_owned()))
}

fn softmax_fn(_: &mut Interp, args: Args) -> PyResult<Value> {
    let x = &arrays("softmax", &args, 1)?[0];
    checks::softmax(&x.shape).map_err(|e| layer_error("softmax", e))?;
    Ok(array(Softmax::new().forward(&floats(x)).into_owned()))
}

/// `y` and `t` checked as the session checks them: matching shapes, or labels in range.
fn checked(name: &str, y: &ArrayObj, t: &ArrayObj) -> PyResult<()> {
    let target =
        cross_entropy::check_shapes(&y.shape, &t.shape).map_err(|e| layer_error(name, e))?;
    if matches!(target, cross_entropy::Target::Labels) {
        let classes = y.shape.last().copied().unwrap_or(1);
        cross_entropy::check_labels(&t.to_ndarray().view(), classes)
            .map_err(|e| layer_error(name, e))?;
    }
    Ok(())
}

fn cross_entropy_error(_: &mut Interp, args: Args) -> PyResult<Value> {
    let a = arrays("cross_entropy_error", &args, 2)?;
    checked("cross_entropy_error", &a[0], &a[1])?;
    let loss =
        cross_entropy::cross_entropy_error(&a[0].to_ndarray().view(), &a[1].to_ndarray().view());
    Ok(Value::NpFloat(loss))
}

fn softmax_with_loss(_: &mut Interp, args: Args) -> PyResult<Value> {
    let a = arrays("softmax_with_loss", &args, 2)?;
    checks::softmax(&a[0].shape).map_err(|e| layer_error("softmax_with_loss", e))?;
    checked("softmax_with_loss", &a[0], &a[1])?;
    let loss = SoftmaxWithLoss::new().forward(&floats(&a[0]), &floats(&a[1]));
    Ok(Value::NpFloat(
        loss.iter().next().copied().unwrap_or(f64::NAN),
    ))
}

fn affine(_: &mut Interp, args: Args) -> PyResult<Value> {
    let a = arrays("affine", &args, 3)?;
    checks::affine(&a[0].shape, &a[1].shape, &a[2].shape).map_err(|e| layer_error("affine", e))?;
    let out = Affine::new().forward(&floats(&a[0]), &floats(&a[1]), &floats(&a[2]));
    Ok(array(out.into_owned()))
}

/// `grad(x)` inside Python code: the last `back`'s gradient of the array `x`, found by identity.
fn grad(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let [x] = args.pos.as_slice() else {
        return Err(type_error(msg!(
            "py-layer-arity",
            name = "grad",
            count = 1usize,
            given = args.pos.len() + args.kw.len()
        )));
    };
    if let Value::Array(a) = x
        && let Some((_, g)) = interp
            .grads_by_object
            .iter()
            .find(|(held, _)| Rc::ptr_eq(held, a))
    {
        return Ok(g.clone());
    }
    Err(PyErr::new(ExcKind::ValueError, msg!("py-grad-unknown")))
}
