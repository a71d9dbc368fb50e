//! (stub until the real file lands)
#![allow(unused_variables)]
use crate::py::ast::Stmt;
use crate::py::error::{ExcKind, PyErr, PyResult};
use crate::msg;
pub fn parse_module(src: &str) -> PyResult<Vec<Stmt>> { Err(PyErr::new(ExcKind::SyntaxError, msg!("py-text", text = "parser"))) }
pub fn needs_more(src: &str) -> bool { false }
