//! Logical lines: where one line of the language ends, before any parsing. A physical line
//! continues on the next while a '[' or '(' is open, so a script is split into logical lines and
//! a REPL or editor asks whether to read another line.

use super::lexeme::is_name_char;

/// True when `text` has a '[' or '(' still open (ignoring comments), i.e. a REPL/script reader
/// should read another line before parsing.
pub fn needs_more_input(text: &str) -> bool {
    let mut brackets = Brackets::new();
    brackets.feed(text);
    brackets.open()
}

/// Split a whole script into logical lines: (byte offset of the line in `src`, the line text
/// without its newline). Physical lines are joined while a bracket is open. `\r\n` endings are
/// handled (the `\r` is not part of the text).
pub fn logical_lines(src: &str) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    let mut brackets = Brackets::new();
    let mut start = 0;
    let mut end = 0;
    for physical in src.split_inclusive('\n') {
        end += physical.len();
        brackets.feed(physical);
        if !brackets.open() {
            lines.push((start, without_newline(&src[start..end])));
            start = end;
            brackets = Brackets::new();
        }
    }
    // A script that ends with a bracket still open ends its last logical line there; parsing it
    // reports the unclosed bracket.
    if start < src.len() {
        lines.push((start, without_newline(&src[start..])));
    }
    lines
}

/// The open brackets of text read so far, to decide whether a line continues on the next one.
/// Comments are skipped; the file name of a `graph` statement is skipped too, since it may
/// contain brackets (or quotes around them) that are not the language's.
#[derive(Debug)]
struct Brackets {
    stack: Vec<char>,
    /// A closing bracket did not match: the line is an error already, so reading on is pointless.
    mismatched: bool,
    comment: bool,
    quote: bool,
    statement_start: bool,
    graph: bool,
}

impl Brackets {
    fn new() -> Brackets {
        Brackets {
            stack: Vec::new(),
            mismatched: false,
            comment: false,
            quote: false,
            statement_start: true,
            graph: false,
        }
    }

    fn open(&self) -> bool {
        !self.mismatched && !self.stack.is_empty()
    }

    /// Scans more text, e.g. `a = [1, 2,  # more below` leaves one '[' open.
    fn feed(&mut self, text: &str) {
        for (i, c) in text.char_indices() {
            if c == '\n' {
                self.comment = false;
                self.quote = false;
                continue;
            }
            if self.comment {
                continue;
            }
            if self.quote {
                self.quote = c != '"';
                continue;
            }
            if c == ' ' || c == '\t' || c == '\r' {
                continue;
            }
            let at_start = std::mem::replace(&mut self.statement_start, false);
            match c {
                '#' => {
                    self.comment = true;
                    self.statement_start = at_start;
                }
                ';' if self.stack.is_empty() => {
                    self.statement_start = true;
                    self.graph = false;
                }
                '"' if self.graph => self.quote = true,
                // Only a graph file name may be quoted; a quote anywhere else is an error now.
                '"' => self.mismatched = true,
                _ if self.graph => {}
                '(' | '[' => self.stack.push(c),
                ')' | ']' => {
                    let opener = if c == ')' { '(' } else { '[' };
                    if self.stack.pop() != Some(opener) {
                        self.mismatched = true;
                    }
                }
                c if at_start && (c.is_ascii_alphabetic() || c == '_') => {
                    let word = &text[i..];
                    let len = word.find(|c: char| !is_name_char(c)).unwrap_or(word.len());
                    self.graph = &word[..len] == "graph";
                }
                _ => {}
            }
        }
    }
}

fn without_newline(line: &str) -> &str {
    let line = line.strip_suffix('\n').unwrap_or(line);
    line.strip_suffix('\r').unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ast::Span;
    use crate::lang::parser::parse_line;

    #[test]
    fn needs_more_input_while_a_bracket_is_open() {
        for text in [
            "x = [1, 2,",
            "relu((x",
            "a = [[1], # ]",
            "back y (",
            "a = [1,\n 2,",
        ] {
            assert!(needs_more_input(text), "{text:?}");
        }
        for text in [
            "",
            "x = [1, 2]",
            "x = 1 # (",
            "x = 1)",
            "x = (1]",
            "graph y --dot a(1.dot",
            "graph y --dot \"a;(b\"",
            "x = \"(",
            "a = [1,\n 2]",
        ] {
            assert!(!needs_more_input(text), "{text:?}");
        }
        assert!(needs_more_input("graph y --dot f(; a = ("));
    }

    #[test]
    fn logical_lines_join_open_brackets() {
        let src = "a = 1\r\nb = [1,\r\n  2]  # two\n\n# c\nc = (a +\nb)";
        let lines = logical_lines(src);
        assert_eq!(
            lines,
            vec![
                (0, "a = 1"),
                (7, "b = [1,\r\n  2]  # two"),
                (28, ""),
                (29, "# c"),
                (33, "c = (a +\nb)")
            ]
        );
        for (offset, text) in &lines {
            assert_eq!(&src[*offset..*offset + text.len()], *text);
        }
        let statements = parse_line(lines[1].1, lines[1].0).unwrap();
        assert_eq!(statements[0].span, Span::new(7, 20));
        assert_eq!(logical_lines(""), vec![]);
        assert_eq!(logical_lines("x\n"), vec![(0, "x")]);
        assert_eq!(logical_lines("x = [1,\n"), vec![(0, "x = [1,")]);
        assert_eq!(logical_lines("x = [1,\n2\n"), vec![(0, "x = [1,\n2")]);
        let e = parse_line("x = [1,\n2", 0).unwrap_err();
        assert_eq!(
            (e.span, e.related),
            (Span::new(9, 9), Some(Span::new(4, 5)))
        );
    }
}
