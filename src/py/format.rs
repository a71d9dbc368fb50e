//! (stub until the real file lands)
#![allow(unused_variables)]
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::value::Value;
use crate::msg;
fn todo() -> PyErr { PyErr::new(ExcKind::NotImplementedError, msg!("py-text", text = "format")) }
pub fn float_repr(x: f64) -> String { crate::show::print::float_repr(x) }
pub fn format_value(v: &Value, spec: &str) -> PyResult<String> { Err(todo()) }
pub fn percent_format(fmt: &str, args: &Value, str_of: &mut dyn FnMut(&Value) -> PyResult<String>, repr_of: &mut dyn FnMut(&Value) -> PyResult<String>) -> PyResult<String> { Err(todo()) }
