//! Prose fitted to the terminal's width: the one wrapping function that lesson prose, check
//! reports, warnings, errors and the REPL's messages all go through.
//!
//! Width is display width, so a Korean syllable takes two columns, and colour escapes take none:
//! they pass through untouched, attached to the word they colour. A line breaks only at a space,
//! never inside a word, a number or a code span in backticks; a word too wide for any line is
//! kept whole on a line of its own, except a run of Korean syllables, which may break between
//! two syllables, as Korean text does. A line that already fits is returned exactly as it was,
//! so aligned columns keep their spacing.
//!
//! Code (an array, a line of the graph's drawing, a Python sketch, the source line under an
//! error and its caret) is never given to this module: cutting it would change what it says.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// One piece of a line that is never broken at a space: its text as written, escapes included,
/// its display width, and the spaces that stood before it (kept when it stays on the same line,
/// so `a  b` keeps its two spaces; dropped at a break).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub width: usize,
    pub space_before: String,
}

impl Word {
    /// A word with `text` as it is shown, measured by display width.
    pub fn new(text: String) -> Word {
        let width = width(&text);
        Word {
            text,
            width,
            space_before: " ".to_string(),
        }
    }
}

/// The display width of `text`: Korean counts two columns, colour escapes count none.
pub fn width(text: &str) -> usize {
    let mut total = 0;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(len) = escape_len(rest) {
            rest = &rest[len..];
            continue;
        }
        total += c.width().unwrap_or(0);
        rest = &rest[c.len_utf8()..];
    }
    total
}

/// Wraps every line of `text` to `columns`. Each line keeps its leading spaces, and the lines
/// it wraps onto start with the same spaces. A trailing newline stays a trailing newline.
pub fn wrap(text: &str, columns: usize) -> String {
    wrap_each_line(text, columns, |line| {
        line[..line.len() - line.trim_start_matches(' ').len()].to_string()
    })
}

/// Wraps every line of a two-column table such as `:help`'s (`  code    what it does`): a line
/// wraps onto lines that start under its second column, found as its widest gap of three or
/// more spaces that ends in the left half of the width; a line without one keeps its leading
/// spaces, as in `wrap`.
pub fn wrap_table(text: &str, columns: usize) -> String {
    wrap_each_line(text, columns, |line| {
        " ".repeat(second_column(line, columns))
    })
}

/// `wrap_line` on every line of `text`, each continuing under the indent `indent_of` gives
/// for it; newlines stay where they were.
fn wrap_each_line(text: &str, columns: usize, indent_of: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive('\n') {
        let (line, newline) = match piece.strip_suffix('\n') {
            Some(line) => (line, "\n"),
            None => (piece, ""),
        };
        out.push_str(&wrap_line(line, columns, &indent_of(line)));
        out.push_str(newline);
    }
    out
}

/// The display column where `line`'s second column starts, or its leading spaces' width.
fn second_column(line: &str, columns: usize) -> usize {
    let body = line.trim_start_matches(' ');
    let leading = line.len() - body.len();
    let mut best: Option<(usize, usize)> = None;
    let (mut at, mut gap) = (leading, 0);
    for c in body.chars() {
        if c == ' ' {
            gap += 1;
        } else {
            let wide_enough = gap >= 3 && at + gap <= columns / 2;
            if wide_enough && best.is_none_or(|(widest, _)| gap >= widest) {
                best = Some((gap, at + gap));
            }
            at += gap + c.width().unwrap_or(0);
            gap = 0;
        }
    }
    if let Some((_, column)) = best {
        return column;
    }
    // A line that opens with a short label (`commands: …`) continues under the label's text.
    match body.split_once(": ") {
        Some((label, _)) if !label.contains(' ') && leading + label.width() + 2 <= columns / 3 => {
            leading + label.width() + 2
        }
        _ => leading,
    }
}

/// Wraps one line (no newline in it) to `columns`; the lines it wraps onto start with `indent`.
/// The result has no trailing newline.
pub fn wrap_line(line: &str, columns: usize, indent: &str) -> String {
    if width(line) <= columns {
        return line.replace(NO_BREAK, " ");
    }
    let body = line.trim_start_matches(' ');
    let first_prefix = &line[..line.len() - body.len()];
    let mut laid = lay_out(&words(body), columns, first_prefix, indent);
    laid.truncate(laid.trim_end_matches('\n').len());
    laid.replace(NO_BREAK, " ")
}

/// `code` with its spaces made unbreakable, for a piece of code (an array, a gradient) set
/// inside a sentence that will be wrapped: `wrap` and `wrap_line` keep it on one line and give
/// its spaces back.
pub fn keep_whole(code: &str) -> String {
    code.replace(' ', NO_BREAK_STR)
}

/// The no-break space that `keep_whole` glues code with. No message or lesson uses one, so every
/// one that reaches `wrap_line` is glue to turn back into a space.
const NO_BREAK: char = '\u{a0}';
const NO_BREAK_STR: &str = "\u{a0}";

/// The words of a line of prose: split at spaces, with a code span in backticks (`back NAME`)
/// kept as one word with the text around it.
pub fn words(line: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut space = String::new();
    let mut current = String::new();
    let mut in_code = false;
    // A backtick opens a span only if another one closes it, so a lone one is a letter.
    let last_backtick = line.rfind('`');
    for (i, c) in line.char_indices() {
        if c == '`' {
            in_code = !in_code && last_backtick.is_some_and(|last| last > i);
        }
        if c == ' ' && !in_code {
            if !current.is_empty() {
                let mut word = Word::new(std::mem::take(&mut current));
                word.space_before = std::mem::take(&mut space);
                words.push(word);
            }
            space.push(' ');
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        let mut word = Word::new(current);
        word.space_before = space;
        words.push(word);
    }
    words
}

/// Lays `words` out in lines of at most `columns`, the first starting with `first_prefix` and
/// the others with `indent`; every line ends in a newline. A word wider than a line gets a line
/// of its own, unless it can break between two Korean syllables.
pub fn lay_out(words: &[Word], columns: usize, first_prefix: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut line = first_prefix.to_string();
    let mut line_width = width(first_prefix);
    let indent_width = width(indent);
    let mut empty = true;
    for word in words.iter().filter(|w| !w.text.is_empty()) {
        let mut word = word.clone();
        loop {
            let space = if empty { 0 } else { word.space_before.len() };
            if line_width + space + word.width <= columns {
                break;
            }
            // A Korean run too long for even an empty line fills what is left of this one.
            let too_long = indent_width + word.width > columns;
            let room = columns.saturating_sub(line_width + space);
            if too_long && let Some((head, tail)) = split_between_syllables(&word.text, room) {
                if !empty {
                    line.push_str(&word.space_before);
                }
                line.push_str(&head);
                word = Word {
                    width: width(&tail),
                    text: tail,
                    space_before: String::new(),
                };
            } else if empty {
                // Nothing fits better on the next line: keep the word whole here.
                break;
            }
            out.push_str(&line);
            out.push('\n');
            line = indent.to_string();
            line_width = indent_width;
            empty = true;
        }
        if !empty {
            line.push_str(&word.space_before);
            line_width += word.space_before.len();
        }
        line.push_str(&word.text);
        line_width += word.width;
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// The longest head of `text` that ends between two Korean syllables and is at most `room`
/// columns wide, and the rest; none when no such break exists.
fn split_between_syllables(text: &str, room: usize) -> Option<(String, String)> {
    let mut best = None;
    let mut used = 0;
    let mut previous_syllable = false;
    let mut rest = text;
    let mut at = 0;
    while let Some(c) = rest.chars().next() {
        if let Some(len) = escape_len(rest) {
            rest = &rest[len..];
            at += len;
            continue;
        }
        let syllable = is_hangul_syllable(c);
        if previous_syllable && syllable && at > 0 {
            best = Some(at);
        }
        used += c.width().unwrap_or(0);
        if used > room {
            break;
        }
        previous_syllable = syllable;
        rest = &rest[c.len_utf8()..];
        at += c.len_utf8();
    }
    let at = best?;
    Some((text[..at].to_string(), text[at..].to_string()))
}

/// A precomposed Hangul syllable (가 to 힣): the unit Korean may break between.
fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// The length in bytes of the escape sequence `text` starts with (`ESC [ … m` and the other
/// control sequences), if it starts with one.
fn escape_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("\u{1b}[")?;
    let end = rest.bytes().position(|b| (0x40..=0x7e).contains(&b))?;
    Some(2 + end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_fits_is_kept_as_it_was() {
        assert_eq!(wrap("  x  1.0   ok\n", 20), "  x  1.0   ok\n");
    }

    #[test]
    fn breaks_at_spaces_and_keeps_the_indent() {
        assert_eq!(
            wrap("  one two three four", 10),
            "  one two\n  three\n  four"
        );
    }

    #[test]
    fn korean_counts_two_columns_and_breaks_between_words() {
        let text = "가나다 라마바 사아자 차카타 파하";
        assert_eq!(wrap(text, 14), "가나다 라마바\n사아자 차카타\n파하");
    }

    #[test]
    fn a_korean_run_longer_than_the_line_breaks_between_syllables() {
        let text = "가나다라마바사아자차카타";
        let wrapped = wrap(text, 10);
        assert_eq!(wrapped, "가나다라마\n바사아자차\n카타");
    }

    #[test]
    fn a_latin_word_longer_than_the_line_is_kept_whole() {
        assert_eq!(wrap("a 0123456789abcdef b", 10), "a\n0123456789abcdef\nb");
    }

    #[test]
    fn a_code_span_is_one_word() {
        assert_eq!(wrap("run `back NAME` first", 12), "run\n`back NAME`\nfirst");
    }

    #[test]
    fn escapes_take_no_columns_and_pass_through() {
        let red = "\u{1b}[31mred\u{1b}[0m";
        let text = format!("{red} {red} {red}");
        assert_eq!(width(&text), 11);
        assert_eq!(wrap(&text, 11), text);
        assert_eq!(wrap(&text, 8), format!("{red} {red}\n{red}"));
    }

    #[test]
    fn code_kept_whole_is_not_broken_and_gets_its_spaces_back() {
        let text = format!("x was used twice: {}", keep_whole("grad [1. 2.] + [3. 4.]"));
        assert_eq!(
            wrap_line(&text, 24, ""),
            "x was used twice:\ngrad [1. 2.] + [3. 4.]"
        );
        assert_eq!(wrap_line(&text, 80, ""), text.replace('\u{a0}', " "));
    }

    #[test]
    fn a_table_row_wraps_under_its_second_column() {
        let text = "  grad(x)   dx        the gradient of x from the last back\nnext line";
        assert_eq!(
            wrap_table(text, 44),
            "  grad(x)   dx        the gradient of x from\n                      the last back\nnext line"
        );
        // Gaps of two spaces are a list, not a table: the line keeps its own indent.
        assert_eq!(
            wrap_table(":help  :vars  :memory  :reset", 20),
            ":help  :vars\n:memory  :reset"
        );
        // A labelled list continues under the label's text.
        assert_eq!(
            wrap_table("commands: :help  :vars  :memory", 30),
            "commands: :help  :vars\n          :memory"
        );
    }

    #[test]
    fn a_hanging_indent_starts_every_line_after_the_first() {
        assert_eq!(
            wrap_line("error: one two three", 12, "  "),
            "error: one\n  two three"
        );
    }
}
