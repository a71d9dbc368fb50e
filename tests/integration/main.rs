//! The one integration test crate. Each module drives the library or the real binary through a
//! small helper and checks its output against data.

mod bad_input;
mod cli;
mod conformance;
mod engine;
mod korean;
mod layering;
mod lessons;
mod picture;
mod repl;
mod show;
mod support;
