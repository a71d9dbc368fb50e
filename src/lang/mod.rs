//! The language: the AST (plain data with spans), the parser, and the error type. Nothing here
//! touches ndarray.
pub mod ast;
pub mod error;
pub mod parser;
pub mod suggest;
