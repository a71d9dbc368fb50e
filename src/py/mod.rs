//! Python: the language the book writes, as a tree-walking interpreter over its own objects.
//!
//! `parser` (tokens with nom, then recursive descent) makes `ast`; `interp` runs it over the
//! objects of `value`; `array` and `numpy` are numpy's arrays and namespace; `format` is
//! Python's `format()` mini-language and `%`; `builtins` are Python's built-in functions.
//! Errors are Python's exceptions (`error`), in the catalogue's words.

pub mod array;
pub mod ast;
pub mod builtins;
pub mod error;
pub mod format;
pub mod interp;
pub mod lexer;
pub mod numpy;
pub mod parser;
pub mod strings;
pub mod value;
