//! What the pictures, `step` and `back` call a node: the name bound to it, the older value of a
//! name that was bound again since (`W1 (before the update)`), or the source text that made it.
//! One place, so that `graph`, `step`, `back` and `check` tell the same story about a value
//! that a training loop's `W1 -= …` has replaced.

use crate::engine::graph::NodeId;
use crate::i18n::Lang;
use crate::msg;
use crate::session::Session;

/// The name of `node` when a variable holds it now, or `NAME (before the update)` when the name
/// it had was bound to another value since; `None` otherwise.
pub fn title(session: &Session, node: NodeId, lang: Lang) -> Option<String> {
    if let Some(name) = session.name_of(node) {
        return Some(name.to_string());
    }
    session
        .former_name(node)
        .map(|name| before_update(name, lang))
}

/// `NAME (before the update)`, the label of a name's older value.
pub fn before_update(name: &str, lang: Lang) -> String {
    lang.say(&msg!("before-update", name = name))
}

/// The sentence `back` and `check` end with when `output` was computed from older values of
/// `names` (each named once, in order); `None` when there are none.
pub fn rebound_note<'a>(
    names: impl IntoIterator<Item = &'a str>,
    output: &str,
    lang: Lang,
) -> Option<String> {
    let mut unique: Vec<&str> = Vec::new();
    for name in names {
        if !unique.contains(&name) {
            unique.push(name);
        }
    }
    let first = *unique.first()?;
    Some(lang.say(&msg!(
        "rebound-note",
        names = unique.join(", "),
        output = output,
        example = first
    )))
}

/// `title`, or else the source text that made the node.
pub fn describe(session: &Session, node: NodeId, lang: Lang) -> String {
    title(session, node, lang).unwrap_or_else(|| session.describe_node(node))
}
