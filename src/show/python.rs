//! A lesson's Python sketch, drawn as a code block: indented, its lines kept as written, and on
//! a terminal coloured by a small tokenizer (keywords, names of layers' methods, numbers,
//! strings, comments). It is shown, never run.

use crate::show::style::Style;

const KEYWORDS: [&str; 20] = [
    "def", "class", "return", "self", "import", "as", "from", "if", "else", "elif", "for", "in",
    "while", "None", "True", "False", "and", "or", "not", "lambda",
];

/// The block, each line indented by four spaces.
pub fn render(code: &str, style: &Style) -> String {
    let mut out = String::new();
    for (i, line) in code.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !line.trim().is_empty() {
            out.push_str("    ");
            out.push_str(&highlight_line(line, style));
        }
    }
    out
}

fn highlight_line(line: &str, style: &Style) -> String {
    let mut out = String::new();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c == '#' {
            out.push_str(&style.comment(&line[start..]));
            break;
        }
        if c == '"' || c == '\'' {
            let mut j = i + 1;
            while j < chars.len() && chars[j].1 != c {
                j += 1;
            }
            let end = chars.get(j + 1).map_or(line.len(), |&(at, _)| at);
            out.push_str(&style.string(&line[start..end]));
            i = j + 1;
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let mut j = i;
            while j < chars.len() && (chars[j].1.is_alphanumeric() || chars[j].1 == '_') {
                j += 1;
            }
            let end = chars.get(j).map_or(line.len(), |&(at, _)| at);
            let word = &line[start..end];
            if KEYWORDS.contains(&word) {
                out.push_str(&style.keyword(word));
            } else if chars.get(j).is_some_and(|&(_, next)| next == '(') {
                out.push_str(&style.layer(word));
            } else {
                out.push_str(word);
            }
            i = j;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && (chars[j].1.is_ascii_alphanumeric() || chars[j].1 == '.') {
                j += 1;
            }
            let end = chars.get(j).map_or(line.len(), |&(at, _)| at);
            out.push_str(&style.number(&line[start..end]));
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_every_line_and_its_indentation() {
        let code = "class Relu:\n    def forward(self, x):\n        return x  # keep";
        let text = render(code, &Style::plain());
        assert_eq!(
            text,
            "    class Relu:\n        def forward(self, x):\n            return x  # keep"
        );
    }

    #[test]
    fn colours_keywords_comments_and_strings_on_a_terminal() {
        let text = render("def f(s='a'):  # note", &Style::new(true));
        assert!(text.contains("\u{1b}["), "{text:?}");
        let plain: String = strip(&text);
        assert_eq!(plain, "    def f(s='a'):  # note");
    }

    fn strip(text: &str) -> String {
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
