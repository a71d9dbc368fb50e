//! The text of `:help` and `:help LAYER`, in Korean and English. The layer pages end with the
//! layer's Rust source as compiled into this binary, so the learner reads the code they just ran.

use crate::engine::layers;
use crate::i18n::Lang;

/// `:help`: a short language reference with examples that run as typed.
pub fn overview(lang: Lang) -> String {
    lang.word("help-overview")
}

/// The names `:help NAME` knows.
pub const TOPICS: [&str; 8] = ["add", "mul", "relu", "sigmoid", "exp", "div", "neg", "sub"];

/// `:help LAYER`: the forward and backward rule, what forward caches, and the source.
pub fn layer(topic: &str, lang: Lang) -> Option<String> {
    let (file, page) = match topic {
        "add" | "+" => ("add", "help-add"),
        "mul" | "*" => ("mul", "help-mul"),
        "relu" => ("relu", "help-relu"),
        "sigmoid" => ("sigmoid", "help-sigmoid"),
        "exp" => ("exp", "help-exp"),
        "div" | "/" => ("div", "help-div"),
        "neg" => ("neg", "help-neg"),
        "sub" | "-" => ("sub", "help-sub"),
        _ => return None,
    };
    let source = layers::source(file)?;
    let heading = lang.word("help-source-heading");
    Some(format!(
        "{}\n{heading}: src/engine/layers/{file}.rs\n\n{source}",
        lang.word(page)
    ))
}
