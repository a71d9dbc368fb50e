//! (stub until the real file lands)
#![allow(unused_variables)]
use std::rc::Rc;
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::value::{Args, Value};
use crate::msg;
fn todo() -> PyErr { PyErr::new(ExcKind::NotImplementedError, msg!("py-text", text = "str")) }
pub fn str_repr(s: &str) -> String { format!("'{s}'") }
pub const STR_METHODS: &[&str] = &[];
pub fn call_str_method(s: &Rc<str>, name: &str, args: Args, str_of: &mut dyn FnMut(&Value) -> PyResult<String>, iterate: &mut dyn FnMut(&Value) -> PyResult<Vec<Value>>) -> PyResult<Value> { Err(todo()) }
pub fn str_index(s: &str, index: &Value) -> PyResult<Value> { Err(todo()) }
pub fn str_mul(s: &str, n: i64) -> PyResult<Value> { Err(todo()) }
pub fn str_len(s: &str) -> usize { s.chars().count() }
