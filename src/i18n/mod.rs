//! The program's own words, in Korean and English, and how the language is chosen.
//!
//! Code never holds a sentence. It names a message of the catalogue by id and passes its
//! arguments (`msg!("unknown-name", name = "r2")`); the catalogue files under `src/i18n/ko` and
//! `src/i18n/en` say it in each language, in Project Fluent's syntax. A `Message` is plain data,
//! so an error made deep in the engine is put into words only when it is shown, in the language
//! of that moment: `:lang` changes everything from the next line on.
//!
//! This module imports nothing else of the crate, so every stage may name a message.

mod catalogue;
mod lang;
mod message;

pub use catalogue::{ids, parse_errors, text};
pub use lang::Lang;
pub use message::{Arg, Message};
