//! Logical lines: where one line of the language ends, before any parsing. A physical line
//! continues on the next while a '[' or '(' is open, and a block header (`for i in range(3):`)
//! takes its indented block with it, so a script is split into logical lines and a REPL or editor
//! asks whether to read another line.

use super::lexeme::{columns, is_name_char};
use super::statement::compound_keyword;
use std::collections::VecDeque;

/// True when `text` needs another line before it can be parsed: a '[' or '(' is still open
/// (ignoring comments), or `text` starts with a block header (a line that ends in ':' or starts
/// with `for`, `if`, `elif` or `else`) and its last physical line is not empty. As in Python's
/// REPL, an empty line ends a block.
/// True when `text` has a '[' or '(' still open (ignoring comments): the line goes on, whatever
/// the block structure. A line editor keeps its own buffer open for this; an open block is
/// `needs_more_input`'s business.
pub fn brackets_open(text: &str) -> bool {
    let mut brackets = Brackets::new();
    brackets.feed(text);
    !brackets.mismatched && brackets.open()
}

pub fn needs_more_input(text: &str) -> bool {
    let mut brackets = Brackets::new();
    brackets.feed(text);
    if brackets.mismatched {
        return false;
    }
    if brackets.open() {
        return true;
    }
    let Some((_, first)) = bracket_lines(text).next() else {
        return false;
    };
    let last_line = text.rsplit('\n').next().unwrap_or_default();
    starts_block(first) && !last_line.trim().is_empty()
}

/// Split a whole script into logical lines: (byte offset of the line in `src`, the line text
/// without its newline). Physical lines are joined while a bracket is open, and a block header
/// is joined with its block: the lines after it, up to the first one that is indented no more
/// than the header and is not blank or only a comment (an `if`'s `elif` and `else`, lined up with
/// it, belong to it too). Blank and comment lines after a block are lines of their own. `\r\n`
/// endings are handled (the `\r` is not part of the text).
///
/// The lines are found as they are asked for, so a script of a million lines is read without
/// a list of them all.
pub fn logical_lines(src: &str) -> LogicalLines<'_> {
    LogicalLines { src }
}

/// A script to be read as logical lines, by iterating over it (see `logical_lines`).
#[derive(Debug, Clone, Copy)]
pub struct LogicalLines<'a> {
    src: &'a str,
}

impl<'a> IntoIterator for LogicalLines<'a> {
    type Item = (usize, &'a str);
    type IntoIter = LogicalLinesIter<'a>;

    fn into_iter(self) -> LogicalLinesIter<'a> {
        LogicalLinesIter {
            src: self.src,
            lines: bracket_lines(self.src),
            held: VecDeque::new(),
        }
    }
}

/// The logical lines of a script, one at a time.
#[derive(Debug, Clone)]
pub struct LogicalLinesIter<'a> {
    src: &'a str,
    lines: BracketLines<'a>,
    /// Lines read past the end of a block to find where it ends, to be given out next.
    held: VecDeque<(usize, &'a str)>,
}

impl<'a> LogicalLinesIter<'a> {
    fn next_line(&mut self) -> Option<(usize, &'a str)> {
        self.held.pop_front().or_else(|| self.lines.next())
    }
}

impl<'a> Iterator for LogicalLinesIter<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let (start, header) = self.next_line()?;
        let mut end = start + header.len();
        if starts_block(header) {
            let columns = indentation(header);
            let chains = first_word(header) == Some("if");
            // Blank lines inside the block belong to it only if a line of the block follows.
            let mut past = Vec::new();
            while let Some((at, line)) = self.next_line() {
                past.push((at, line));
                if is_blank(line) {
                    continue;
                }
                let deeper = indentation(line) > columns;
                let chained = chains
                    && indentation(line) == columns
                    && matches!(first_word(line), Some("elif" | "else"));
                if !(deeper || chained) {
                    break;
                }
                past.clear();
                end = at + line.len();
            }
            for line in past.into_iter().rev() {
                self.held.push_front(line);
            }
        }
        Some((start, &self.src[start..end]))
    }
}

/// The lines of `src` with physical lines joined while a bracket is open: (byte offset, text
/// without its newline).
fn bracket_lines(src: &str) -> BracketLines<'_> {
    BracketLines {
        src,
        physical: src.split_inclusive('\n'),
        start: 0,
    }
}

/// The lines `bracket_lines` gives, one at a time.
#[derive(Debug, Clone)]
struct BracketLines<'a> {
    src: &'a str,
    physical: std::str::SplitInclusive<'a, char>,
    /// Where the next line starts.
    start: usize,
}

impl<'a> Iterator for BracketLines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let src = self.src;
        let start = self.start;
        let mut end = start;
        let mut brackets: Option<Brackets> = None;
        for physical in self.physical.by_ref() {
            end += physical.len();
            // A line that starts a logical line and has no opening bracket cannot leave one open.
            let open = match &mut brackets {
                None if !physical.bytes().any(|b| b == b'(' || b == b'[') => false,
                brackets => {
                    let brackets = brackets.get_or_insert_with(Brackets::new);
                    brackets.feed(physical);
                    brackets.open()
                }
            };
            if !open {
                self.start = end;
                return Some((start, without_newline(&src[start..end])));
            }
        }
        // A script that ends with a bracket still open ends its last logical line there; parsing
        // it reports the unclosed bracket.
        (start < src.len()).then(|| {
            self.start = src.len();
            (start, without_newline(&src[start..]))
        })
    }
}

/// Whether `line` is a block header: it starts with `for`, `if`, `elif` or `else`, or it ends in
/// ':' (outside comments), as `while x:` would, which then takes its block into its error.
fn starts_block(line: &str) -> bool {
    match first_word(line) {
        Some("elif" | "else") => return true,
        // `for = 1` is an (invalid) assignment, not a header.
        Some("for" | "if")
            if compound_keyword(line.trim_start_matches([' ', '\t', '\r'])).is_some() =>
        {
            return true;
        }
        _ => {}
    }
    // Most lines have no ':' at all, and then need no scan.
    if !line.as_bytes().contains(&b':') {
        return false;
    }
    let mut brackets = Brackets::new();
    brackets.feed(line);
    brackets.last == Some(b':')
}

/// The name `line` starts with after its indentation, e.g. `else` in `  else:`.
fn first_word(line: &str) -> Option<&str> {
    let at = line.trim_start_matches([' ', '\t', '\r']);
    let len = at.find(|c: char| !is_name_char(c)).unwrap_or(at.len());
    (len > 0).then(|| &at[..len])
}

/// How many columns indent `line`.
fn indentation(line: &str) -> usize {
    let at = line.trim_start_matches([' ', '\t']);
    columns(&line[..line.len() - at.len()])
}

/// Whether `line` has no statement: only blanks, or a comment.
fn is_blank(line: &str) -> bool {
    let at = line.trim_start_matches([' ', '\t', '\r', '\n']);
    at.is_empty() || at.starts_with('#')
}

/// The open brackets of text read so far, to decide whether a line continues on the next one.
/// Comments are skipped; the file name of a `graph` statement is skipped too, since it may
/// contain brackets (or quotes around them) that are not the language's.
#[derive(Debug)]
struct Brackets {
    stack: Vec<u8>,
    /// A closing bracket did not match: the line is an error already, so reading on is pointless.
    mismatched: bool,
    comment: bool,
    quote: bool,
    statement_start: bool,
    graph: bool,
    /// The last byte that is not a blank, a comment or a graph file name, e.g. the ':' of
    /// `for i in x:  # loop`.
    last: Option<u8>,
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
            last: None,
        }
    }

    fn open(&self) -> bool {
        !self.mismatched && !self.stack.is_empty()
    }

    /// Scans more text, e.g. `a = [1, 2,  # more below` leaves one '[' open. Every character
    /// that matters here is ASCII, so the scan goes byte by byte; a byte of a multi-byte
    /// character only counts as "something that is not a blank".
    fn feed(&mut self, text: &str) {
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                self.comment = false;
                self.quote = false;
                continue;
            }
            if self.comment {
                continue;
            }
            if self.quote {
                self.quote = b != b'"';
                continue;
            }
            if b == b' ' || b == b'\t' || b == b'\r' {
                continue;
            }
            let at_start = std::mem::replace(&mut self.statement_start, false);
            if b != b'#' && !self.graph {
                self.last = Some(b);
            }
            match b {
                b'#' => {
                    self.comment = true;
                    self.statement_start = at_start;
                }
                b';' if self.stack.is_empty() => {
                    self.statement_start = true;
                    self.graph = false;
                }
                b'"' if self.graph => self.quote = true,
                // Only a graph file name may be quoted; a quote anywhere else is an error now.
                b'"' => self.mismatched = true,
                _ if self.graph => {}
                b'(' | b'[' => self.stack.push(b),
                b')' | b']' => {
                    let opener = if b == b')' { b'(' } else { b'[' };
                    if self.stack.pop() != Some(opener) {
                        self.mismatched = true;
                    }
                }
                b if at_start && (b.is_ascii_alphabetic() || b == b'_') => {
                    let word = &bytes[i..];
                    let len = word
                        .iter()
                        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
                        .unwrap_or(word.len());
                    self.graph = &word[..len] == b"graph";
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
    use crate::lang::ast::{Span, StatementKind};
    use crate::lang::parser::parse_line;

    /// The logical lines as a list, to compare.
    fn logical_lines(src: &str) -> Vec<(usize, &str)> {
        super::logical_lines(src).into_iter().collect()
    }

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

    #[test]
    fn needs_more_input_while_a_block_is_open() {
        for text in [
            "for i in range(3):",
            "for i in range(3):  # loop",
            "for i in range(3):\n    x = i",
            "for i in range(3):\n    x = i\n    if x:",
            "if x: y = 1",
            "if x:\n    y = 1\nelse:",
            "else:",
            "while x:",
            "for i in range(\n3):",
            "for i in x:\n    y = [1,\n",
        ] {
            assert!(needs_more_input(text), "{text:?}");
        }
        for text in [
            // An empty line right after the header ends it too; parsing says the block is
            // missing, as Python does.
            "for i in range(3):\n",
            "for i in range(3):\n    x = i\n",
            "for i in range(3):\n    x = i\n   ",
            "for i in range(3):\r\n    x = i\r\n",
            "if x: y = 1\n",
            "x = 1",
            "x = 1  # note:",
            "graph y --dot a:",
            "graph y --dot \"a:\"",
            "for = 1",
            "format = 1",
            "x = y[1:]",
            "for i in x): ",
        ] {
            assert!(!needs_more_input(text), "{text:?}");
        }
    }

    #[test]
    fn logical_lines_take_a_header_with_its_block() {
        let src = "load digits\nfor i in range(3):\n    x = i\n\n      # inner comment\n    y = [1,\n2]\n# after\n\nif x:\n    a = 1\nelif y:\n    a = 2\nelse:\n    a = 3\nz = 1\n";
        let lines = logical_lines(src);
        let at = |text: &str| src.find(text).unwrap();
        assert_eq!(
            lines,
            vec![
                (0, "load digits"),
                (
                    at("for"),
                    "for i in range(3):\n    x = i\n\n      # inner comment\n    y = [1,\n2]"
                ),
                (at("# after"), "# after"),
                (at("# after") + 8, ""),
                (
                    at("if x"),
                    "if x:\n    a = 1\nelif y:\n    a = 2\nelse:\n    a = 3"
                ),
                (at("z = 1"), "z = 1"),
            ]
        );
        // Each unit parses at its offset, with spans into the file.
        let statements = parse_line(lines[1].1, lines[1].0).unwrap();
        let StatementKind::For { body, .. } = &statements[0].kind else {
            panic!("{statements:?}")
        };
        assert_eq!(body.len(), 2);
        assert_eq!(body[1].span.start, at("y = [1,"));
        assert_eq!(body[1].span.end, at("2]") + 2);
        assert_eq!(parse_line(lines[4].1, lines[4].0).unwrap().len(), 1);
    }

    #[test]
    fn logical_lines_end_a_block_where_python_does() {
        // A `for` takes no `else`; an `if` takes only one lined up with it.
        assert_eq!(
            logical_lines("for i in x:\n    y\nelse:\n    z"),
            vec![(0, "for i in x:\n    y"), (18, "else:\n    z")]
        );
        assert_eq!(
            logical_lines("if a:\n    if b:\n        c\n    else:\n        d\nelse:\n    e\nf"),
            vec![
                (
                    0,
                    "if a:\n    if b:\n        c\n    else:\n        d\nelse:\n    e"
                ),
                (58, "f")
            ]
        );
        // A header without a block is a unit of its own; parsing it says the block is missing.
        assert_eq!(
            logical_lines("for i in x:\nz"),
            vec![(0, "for i in x:"), (12, "z")]
        );
        // A dedent that matches no level stays in the block, for the parser to report.
        assert_eq!(
            logical_lines("for i in x:\n    y\n  z\nw"),
            vec![(0, "for i in x:\n    y\n  z"), (22, "w")]
        );
        // A tab indents as 8 columns, as in Python.
        assert_eq!(
            logical_lines("    for i in x:\n\ty\nz"),
            vec![(0, "    for i in x:\n\ty"), (19, "z")]
        );
        // Single-line blocks, an indented header, CRLF, and a header with a bracket open.
        assert_eq!(
            logical_lines(
                "if x: y\nelse: z\nw\n  for i in x:\r\n    y\r\n  v\r\nfor i in range(\n3):\n y"
            ),
            vec![
                (0, "if x: y\nelse: z"),
                (16, "w"),
                (18, "  for i in x:\r\n    y"),
                (40, "  v"),
                (45, "for i in range(\n3):\n y"),
            ]
        );
        // A line indented under a single-line block belongs to it, and is an error there.
        let src = "if x: y\n    z";
        assert_eq!(logical_lines(src), vec![(0, src)]);
        let e = parse_line(src, 0).unwrap_err();
        assert_eq!(
            (e.message.id, e.span),
            ("parse-unexpected-indent", Span::new(12, 13))
        );
        // Every statement of a script made of units is where logical_lines says.
        let src = "for i in x:\n    y = (1 +\n  2)\n    z = i";
        let lines = logical_lines(src);
        assert_eq!(lines, vec![(0, src)]);
        let e = parse_line("for i in x:\n    y\n  z", 0).unwrap_err();
        assert_eq!(e.span, Span::new(20, 21));
    }
}
