//! The text of `:help` and `:help LAYER`, in Korean and English. The layer pages end with the
//! layer's Rust source as compiled into this binary, so the learner reads the code they just ran.
//! The words wrap to the terminal's width, under their table's second column; the source is
//! code and is kept whole.

use crate::engine::layers;
use crate::i18n::Lang;
use crate::show::wrap;

/// `:help`: a short language reference with examples that run as typed, `columns` wide.
pub fn overview(lang: Lang, columns: usize) -> String {
    wrap::wrap_table(&lang.word("help-overview"), columns)
}

/// The names `:help NAME` knows.
pub const TOPICS: [&str; 8] = ["add", "mul", "relu", "sigmoid", "exp", "div", "neg", "sub"];

/// `:help LAYER`: the forward and backward rule, what forward caches, and the source; the
/// words `columns` wide.
pub fn layer(topic: &str, lang: Lang, columns: usize) -> Option<String> {
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
    let heading = wrap::wrap(&format!("{heading}: src/engine/layers/{file}.rs"), columns);
    Some(format!(
        "{}\n{heading}\n\n{source}",
        wrap::wrap_table(&lang.word(page), columns)
    ))
}
