//! (stub until the real file lands)
#![allow(unused_variables)]
use std::rc::Rc;
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::interp::Interp;
use crate::py::value::{Args, ArrayObj, DType, Value};
use crate::msg;
fn todo() -> PyErr { PyErr::new(ExcKind::NotImplementedError, msg!("py-text", text = "numpy")) }
pub fn numpy_module() -> Value { Value::None }
pub fn attr(a: &Rc<ArrayObj>, name: &str) -> Option<PyResult<Value>> { None }
pub const METHODS: &[&str] = &[];
pub fn call_method(interp: &mut Interp, a: &Rc<ArrayObj>, name: &str, args: Args) -> PyResult<Value> { Err(todo()) }
pub fn scalar_attr(v: &Value, name: &str) -> Option<PyResult<Value>> { None }
pub fn call_scalar_method(v: &Value, name: &str, args: Args) -> PyResult<Value> { Err(todo()) }
pub fn dtype_call(dt: DType, args: Args) -> PyResult<Value> { Err(todo()) }
pub fn dtype_from(v: &Value) -> PyResult<DType> { Err(todo()) }
