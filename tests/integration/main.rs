//! The one integration test crate. Each module drives the library or the real binary through a
//! small helper and checks its output against data.

mod bad_input;
mod ch5_errors;
mod ch5_props;
mod cli;
mod columns;
mod conformance;
mod engine;
mod exercises;
mod guided;
mod help;
mod ints;
mod korean;
mod layering;
mod lesson_text;
mod lessons;
mod limits;
mod paste;
mod picture;
mod plots;
mod python;
mod repl;
mod show;
mod support;
mod tools;
mod workspace;
mod your_layers;
