//! backprop: chapter 5 of *Deep Learning from Scratch* as a language you can type.
//!
//! The data path, one folder per stage, with imports that only point down this list:
//!
//! ```text
//! app      cli, repl, editor, script runner, lessons, help, paths: where lines come from
//! show     numpy printing, style, back panels, graph pictures, step and check reports
//! session  names → nodes, statements, rollback; returns what happened as data (Outcome)
//! engine   values, shapes, random numbers, the graph (the chain rule), layers/
//! lang     ast (plain data), parser, errors
//! i18n     the message catalogue, Korean and English; imports nothing of the crate
//! ```
//!
//! A lower stage never names a higher one; `tests/integration/layering.rs` checks it.
pub mod app;
pub mod engine;
pub mod i18n;
pub mod lang;
pub mod py;
pub mod session;
pub mod show;
