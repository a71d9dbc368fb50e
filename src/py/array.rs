//! (stub until the real file lands)
#![allow(unused_variables)]
use std::rc::Rc;
use crate::py::ast::{BinOp, CmpOp, UnaryOp};
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::py::value::{ArrayObj, Value};
use crate::msg;
fn todo() -> PyErr { PyErr::new(ExcKind::NotImplementedError, msg!("py-text", text = "array")) }
pub fn binary(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> { Err(todo()) }
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> { Err(todo()) }
pub fn unary(op: UnaryOp, a: &Value) -> PyResult<Value> { Err(todo()) }
pub fn inplace(op: BinOp, target: &Rc<ArrayObj>, b: &Value) -> PyResult<()> { Err(todo()) }
pub fn getitem(a: &Rc<ArrayObj>, index: &Value) -> PyResult<Value> { Err(todo()) }
pub fn setitem(a: &Rc<ArrayObj>, index: &Value, value: &Value) -> PyResult<()> { Err(todo()) }
pub fn truth(a: &ArrayObj) -> PyResult<bool> { Err(todo()) }
pub fn len(a: &ArrayObj) -> PyResult<usize> { Err(todo()) }
pub fn iterate(a: &Rc<ArrayObj>) -> PyResult<Vec<Value>> { Err(todo()) }
pub fn str_of(a: &ArrayObj) -> String { crate::show::print::to_string(&a.to_engine()) }
pub fn repr_of(a: &ArrayObj) -> String { str_of(a) }
pub fn scalar_repr(v: &Value) -> String { String::new() }
pub fn scalar_str(v: &Value) -> String { String::new() }
