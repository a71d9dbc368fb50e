//! What rustyline needs to edit a line of the language: completion, hints, highlighting and the
//! validator that keeps a line open while a bracket is.
//!
//! The helper holds a copy of the names the session knows, refreshed by the REPL after every
//! line, so it never borrows the session while the user types.

use crate::i18n::Lang;
use crate::lang::ast::{Func, RESERVED};
use crate::lang::parser;
use crate::show::style::Style;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::cell::Cell;

/// The REPL's `:commands`, for completion and for the "unknown command" message.
pub const COMMANDS: [&str; 18] = [
    ":help",
    ":vars",
    ":memory",
    ":digits",
    ":reset",
    ":lessons",
    ":lesson",
    ":next",
    ":prev",
    ":exercises",
    ":exercise",
    ":hint",
    ":solution",
    ":lang",
    ":color",
    ":seed",
    ":clear",
    ":quit",
];

/// Statement keywords, which complete with a space.
const KEYWORDS: [&str; 11] = [
    "back", "graph", "step", "check", "seed", "del", "load", "plot", "imshow", "for", "if",
];

pub struct EditorHelper {
    /// The learner's variable names (and `dNAME` after a back).
    pub names: Vec<String>,
    /// What may follow `NAME.` (`np.`, `np.random.`, `layer.`, `x.`), by NAME.
    pub members: std::collections::HashMap<String, Vec<String>>,
    /// Lesson slugs, for `:lesson ` completion.
    pub lessons: Vec<String>,
    pub style: Style,
    /// The language of the hints; the REPL sets it, and again after `:lang`.
    pub lang: Lang,
    history_hinter: HistoryHinter,
    /// Where the cursor sits on a bracket whose partner should light up.
    bracket: Cell<Option<usize>>,
    /// The prompt holds a lesson's statement: no hints, since a dimmed hint after it would
    /// read as part of the statement the lesson wrote.
    pub holds_lesson_statement: bool,
}

impl EditorHelper {
    pub fn new(style: Style) -> EditorHelper {
        EditorHelper {
            names: Vec::new(),
            members: std::collections::HashMap::new(),
            lessons: Vec::new(),
            style,
            lang: Lang::En,
            history_hinter: HistoryHinter::new(),
            bracket: Cell::new(None),
            holds_lesson_statement: false,
        }
    }

    /// The completions of the word that ends at `pos`: where it starts, and the candidates.
    pub fn candidates(&self, line: &str, pos: usize) -> (usize, Vec<String>) {
        let before = &line[..pos];
        if let Some(rest) = before.strip_prefix(":lesson ") {
            let start = pos - rest.len();
            let matches = self
                .lessons
                .iter()
                .filter(|s| s.starts_with(rest))
                .cloned()
                .collect();
            return (start, matches);
        }
        if let Some(rest) = before.strip_prefix(":help ") {
            let start = pos - rest.len();
            let topics = crate::app::help::names().filter(|t| t.starts_with(rest));
            return (start, topics.map(|t| t.to_string()).collect());
        }
        if before.starts_with(':') && !before.contains(' ') {
            let mut matches: Vec<String> = COMMANDS
                .iter()
                .filter(|c| c.starts_with(before))
                .map(|c| c.to_string())
                .collect();
            matches.sort();
            return (0, matches);
        }
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_')
            .last()
            .map_or(pos, |(i, _)| i);
        let word = &before[start..];
        // After a dot: the attributes and methods of what is before it.
        if let Some(owner) = before[..start].strip_suffix('.') {
            let from = owner
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
                .last()
                .map_or(owner.len(), |(i, _)| i);
            let found = self
                .members
                .get(&owner[from..])
                .map(|names| {
                    names
                        .iter()
                        .filter(|n| n.starts_with(word))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            return (start, found);
        }
        if word.is_empty() || word.starts_with(|c: char| c.is_ascii_digit()) {
            return (start, Vec::new());
        }
        let at_statement_start = before[..start].trim().is_empty();
        let after_back = {
            let head: Vec<&str> = before[..start].split_whitespace().collect();
            matches!(head.as_slice(), ["back" | "step", _])
        };
        let mut found: Vec<String> = Vec::new();
        if at_statement_start {
            found.extend(
                KEYWORDS
                    .iter()
                    .filter(|k| k.starts_with(word))
                    .map(|k| format!("{k} ")),
            );
        }
        if after_back && "ones".starts_with(word) {
            found.push("ones".to_string());
        }
        found.extend(
            Func::ALL
                .iter()
                .map(|f| f.name())
                .chain(["grad", "mask"])
                .filter(|f| f.starts_with(word))
                .map(|f| format!("{f}(")),
        );
        // A function offered with its paren is not offered again bare.
        let with_paren: Vec<String> = found.clone();
        found.extend(
            self.names
                .iter()
                .filter(|n| n.starts_with(word) && !with_paren.contains(&format!("{n}(")))
                .cloned(),
        );
        found.sort();
        found.dedup();
        (start, found)
    }

    /// A dimmed hint of what comes next, for the statement keywords and the functions. The
    /// hints are the language's own placeholders (`NAME`, `dout`, `x`), as `:help` writes them
    /// in both languages; only the sizes of `ones(` are words.
    fn syntax_hint(line: &str, lang: Lang) -> Option<String> {
        let trimmed = line.trim_start();
        for keyword in KEYWORDS {
            if let Some(rest) = trimmed.strip_prefix(keyword) {
                let words = rest.split_whitespace().count();
                let fresh_word = rest.ends_with(' ');
                let hint = match (keyword, words, fresh_word) {
                    ("back" | "step", 0, true) => "NAME [ones | dout]",
                    ("back" | "step", 1, true) => "[ones | dout]",
                    ("check", 0, true) => "NAME",
                    ("graph", 0, true) => "NAME [--dot [FILE]]",
                    ("graph", 1, true) => "[--dot [FILE]]",
                    _ => return None,
                };
                return Some(hint.to_string());
            }
        }
        let open = line.strip_suffix('(')?;
        let func = open
            .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .next()?;
        let hint = match func {
            "relu" | "sigmoid" | "exp" | "ones_like" => "x)",
            "add" | "mul" => "a, b)",
            "grad" | "mask" => "NAME)",
            "ones" | "zeros" | "randn" => return Some(lang.word("hint-sizes")),
            _ => return None,
        };
        Some(hint.to_string())
    }
}

impl Helper for EditorHelper {}

impl Completer for EditorHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, found) = self.candidates(line, pos);
        let pairs = found
            .into_iter()
            .map(|c| Pair {
                display: c.clone(),
                replacement: c,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for EditorHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        if pos < line.len() || self.holds_lesson_statement {
            return None;
        }
        Self::syntax_hint(line, self.lang).or_else(|| self.history_hinter.hint(line, pos, ctx))
    }
}

impl Highlighter for EditorHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        let _ = pos;
        if !self.style.is_colored() {
            return Cow::Borrowed(line);
        }
        let partner = self.bracket.get().and_then(|at| matching_bracket(line, at));
        Cow::Owned(highlight_line(line, &self.names, partner, &self.style))
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(self.style.context(hint))
    }

    fn highlight_char(&self, line: &str, pos: usize, kind: CmdKind) -> bool {
        let _ = kind;
        // Re-highlight on every change: lines are short, and names and numbers change colour as
        // they are typed.
        let on_bracket = [pos.checked_sub(1), Some(pos)]
            .into_iter()
            .flatten()
            .find(|&i| matches!(line.as_bytes().get(i), Some(b'[' | b']' | b'(' | b')')));
        self.bracket.set(on_bracket);
        self.style.is_colored()
    }
}

impl Validator for EditorHelper {
    /// Keeps the input open while a block or a bracket is.
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        // A lesson's pre-filled statement is whole already, and a `:command` is one line.
        if self.holds_lesson_statement || input.trim_start().starts_with(':') {
            return Ok(ValidationResult::Valid(None));
        }
        // A bracket stays open, so that a matrix can be typed row by row. A block typed line by
        // line is read by the REPL loop, with the `... ` prompt; a paste arrives whole, blank
        // lines and all, and stays open while it is an unfinished block.
        let pasted_block = input.contains('\n') && crate::py::parser::needs_more(input);
        if pasted_block || parser::brackets_open(input) {
            Ok(ValidationResult::Incomplete)
        } else {
            Ok(ValidationResult::Valid(None))
        }
    }
}

/// Colours numbers, known names, built-ins and brackets, keeping the display width unchanged.
pub fn highlight_line(
    line: &str,
    names: &[String],
    partner: Option<usize>,
    style: &Style,
) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    let mut chars = line.char_indices().peekable();
    let in_comment_from = comment_start(line);
    while let Some((i, c)) = chars.next() {
        if in_comment_from.is_some_and(|from| i >= from) {
            out.push_str(&style.context(&line[i..]));
            break;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_alphanumeric() || d == '_' {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let word = &line[i..end];
            if RESERVED.contains(&word) {
                out.push_str(&style.layer(word));
            } else if names.iter().any(|n| n == word) {
                out.push_str(&style.name(word));
            } else {
                out.push_str(word);
            }
        } else if c.is_ascii_digit()
            || (c == '.' && chars.peek().is_some_and(|(_, d)| d.is_ascii_digit()))
        {
            let mut end = i + 1;
            let mut prev = c;
            while let Some(&(j, d)) = chars.peek() {
                let exponent_sign = (d == '-' || d == '+') && (prev == 'e' || prev == 'E');
                if d.is_ascii_digit() || d == '.' || d == 'e' || d == 'E' || exponent_sign {
                    end = j + 1;
                    prev = d;
                    chars.next();
                } else {
                    break;
                }
            }
            out.push_str(&style.number(&line[i..end]));
        } else if matches!(c, '[' | ']' | '(' | ')') {
            let text = &line[i..i + 1];
            if partner == Some(i) {
                out.push_str(&style.ok(text));
            } else {
                out.push_str(&style.heading(text));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The byte offset of a `#` comment on the line, if any.
fn comment_start(line: &str) -> Option<usize> {
    line.find('#')
}

/// The partner of the bracket at byte `at`, searching forwards for an opener and backwards for
/// a closer, counting nesting.
pub fn matching_bracket(line: &str, at: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let (open, close, forward) = match bytes.get(at)? {
        b'[' => (b'[', b']', true),
        b'(' => (b'(', b')', true),
        b']' => (b'[', b']', false),
        b')' => (b'(', b')', false),
        _ => return None,
    };
    let mut depth = 0usize;
    let indices: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new(at..bytes.len())
    } else {
        Box::new((0..=at).rev())
    };
    for i in indices {
        let b = bytes[i];
        if b == open {
            if forward {
                depth += 1
            } else {
                depth = depth.checked_sub(1)?
            }
        } else if b == close {
            if forward {
                depth = depth.checked_sub(1)?
            } else {
                depth += 1
            }
        }
        if depth == 0 {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn helper_with(names: &[&str]) -> EditorHelper {
        let mut helper = EditorHelper::new(Style::plain());
        helper.names = names.iter().map(|n| n.to_string()).collect();
        helper.lessons = vec!["graph".into(), "relu".into()];
        helper
    }

    #[test]
    fn completes_functions_with_their_paren_and_variables_by_name() {
        let helper = helper_with(&["x", "xs"]);
        assert_eq!(
            helper.candidates("r = rel", 7),
            (4, vec!["relu(".to_string()])
        );
        assert_eq!(
            helper.candidates("x", 1).1,
            vec!["x".to_string(), "xs".to_string()]
        );
        assert_eq!(helper.candidates("ba", 2).1, vec!["back ".to_string()]);
        assert_eq!(
            helper.candidates("back x o", 8).1,
            vec!["ones".to_string(), "ones(".into(), "ones_like(".into()]
        );
        assert_eq!(
            helper.candidates(":le", 3).1,
            vec![":lesson".to_string(), ":lessons".into()]
        );
        assert_eq!(
            helper.candidates(":lesson re", 10),
            (8, vec!["relu".to_string()])
        );
    }

    #[test]
    fn hints_the_syntax_of_back() {
        let hint = |line| EditorHelper::syntax_hint(line, Lang::En);
        assert_eq!(hint("back "), Some("NAME [ones | dout]".to_string()));
        assert_eq!(hint("back r "), Some("[ones | dout]".to_string()));
        assert_eq!(hint("y = relu("), Some("x)".to_string()));
        assert_eq!(hint("x = 1"), None);
    }

    #[test]
    fn the_sizes_hint_is_in_the_language_of_the_moment() {
        let en = EditorHelper::syntax_hint("ones(", Lang::En);
        assert_eq!(en, Some("rows, cols)".to_string()));
        let ko = EditorHelper::syntax_hint("z = randn(", Lang::Ko);
        assert_eq!(ko, Some("행, 열)".to_string()));
    }

    #[test]
    fn finds_the_partner_bracket_both_ways() {
        let line = "relu([[1, 2], [3, 4]])";
        assert_eq!(matching_bracket(line, 4), Some(21));
        assert_eq!(matching_bracket(line, 21), Some(4));
        assert_eq!(matching_bracket(line, 6), Some(11));
        assert_eq!(matching_bracket("[1, 2", 0), None);
    }

    #[test]
    fn highlighting_keeps_the_text() {
        let style = Style::new(true);
        let names = vec!["x".to_string()];
        let line = "r = relu(x * 2.5e-3) # 주석";
        let lit = highlight_line(line, &names, None, &style);
        let stripped: String = strip_ansi(&lit);
        assert_eq!(stripped, line);
        assert!(lit.contains("\u{1b}["), "colour codes are present");
    }

    fn strip_ansi(text: &str) -> String {
        let mut out = String::new();
        let mut in_escape = false;
        for c in text.chars() {
            match (in_escape, c) {
                (false, '\u{1b}') => in_escape = true,
                (true, 'm') => in_escape = false,
                (true, _) => {}
                (false, c) => out.push(c),
            }
        }
        out
    }
}
