//! Lessons: the only module that knows the lesson file format, how prose is drawn in a
//! terminal, and how a lesson is played.
//!
//! A lesson is `lessons/LANG/NN-slug.md`: front matter with `title:` and `slug:`, Markdown prose,
//! fenced blocks tagged `backprop` whose lines are statements, and fenced blocks tagged `python`
//! that show a layer in numpy Python: displayed, never run. The files are embedded at build
//! time (see `build.rs`), so lessons contain no Rust and adding one touches none.

use crate::app::options::Args;
use crate::app::paths;
use crate::app::runner;
use crate::app::waiting;
use crate::i18n::{Lang, Message};
use crate::lang::parser;
use crate::msg;
use crate::py::workspace::Workspace;
use crate::show::View;
use crate::show::diagnostic;
use crate::show::style::Style;
use crate::show::wrap::{Word, lay_out};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

/// One piece of a lesson, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Markdown prose, drawn with `render_prose`.
    Prose(String),
    /// One statement and the 1-based line of the file it is on.
    Statement { text: String, line: usize },
    /// A sketch in Python, shown with its lines as written.
    Python(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub number: u32,
    pub slug: String,
    pub title: String,
    pub lang: Lang,
    /// `ko/03-relu.md`, for messages.
    pub path: String,
    pub items: Vec<Item>,
}

/// A malformed lesson: `FILE:LINE: error: MESSAGE`.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonError {
    pub path: String,
    pub line: usize,
    pub message: Message,
}

impl LessonError {
    /// `FILE:LINE: 오류: …` in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        format!(
            "{}:{}: {} {}",
            self.path,
            self.line,
            lang.word("error-label"),
            lang.say(&self.message)
        )
    }
}

impl Lesson {
    /// The statements, in order.
    pub fn statements(&self) -> impl Iterator<Item = (&str, usize)> {
        self.items.iter().filter_map(|item| match item {
            Item::Statement { text, line } => Some((text.as_str(), *line)),
            Item::Prose(_) | Item::Python(_) => None,
        })
    }
}

/// Every embedded lesson in `lang`, by number, checked. An error here is a bug in a lesson file,
/// which the test suite catches before it ships.
pub fn all(lang: Lang) -> Result<Vec<Lesson>, LessonError> {
    let mut lessons = Vec::new();
    for (path, text) in LESSON_FILES {
        if path.starts_with(lang.code()) {
            lessons.push(parse(path, text)?);
        }
    }
    lessons.sort_by_key(|l| l.number);
    Ok(lessons)
}

/// Checks every lesson in both languages, and that each ko/en pair runs the same statements.
pub fn check_all() -> Result<(), LessonError> {
    let ko = all(Lang::Ko)?;
    let en = all(Lang::En)?;
    check_pairs(&ko, &en)
}

/// Each Korean lesson must have an English twin with the same number, slug and statements.
pub fn check_pairs(ko: &[Lesson], en: &[Lesson]) -> Result<(), LessonError> {
    for k in ko {
        let Some(e) = en.iter().find(|e| e.number == k.number) else {
            return Err(LessonError {
                path: k.path.clone(),
                line: 1,
                message: msg!("lesson-no-english-twin", number = k.number),
            });
        };
        if e.slug != k.slug {
            return Err(LessonError {
                path: e.path.clone(),
                line: 1,
                message: msg!(
                    "lesson-slug-differs",
                    slug = &e.slug,
                    other = &k.slug,
                    path = &k.path
                ),
            });
        }
        let ks: Vec<_> = k.statements().collect();
        let es: Vec<_> = e.statements().collect();
        for i in 0..ks.len().max(es.len()) {
            match (ks.get(i), es.get(i)) {
                (Some(a), Some(b)) if a.0 == b.0 => {}
                (Some(a), Some(b)) => {
                    return Err(LessonError {
                        path: e.path.clone(),
                        line: b.1,
                        message: msg!(
                            "lesson-statement-differs",
                            statement = b.0,
                            other = a.0,
                            path = &k.path,
                            line = a.1.to_string()
                        ),
                    });
                }
                (Some(a), None) => {
                    return Err(LessonError {
                        path: e.path.clone(),
                        line: 1,
                        message: msg!(
                            "lesson-statement-missing",
                            statement = a.0,
                            path = &k.path,
                            line = a.1.to_string()
                        ),
                    });
                }
                (None, Some(b)) => {
                    return Err(LessonError {
                        path: e.path.clone(),
                        line: b.1,
                        message: msg!("lesson-statement-no-twin", statement = b.0, path = &k.path),
                    });
                }
                (None, None) => {}
            }
        }
    }
    if let Some(e) = en.iter().find(|e| !ko.iter().any(|k| k.number == e.number)) {
        return Err(LessonError {
            path: e.path.clone(),
            line: 1,
            message: msg!("lesson-no-korean-twin", number = e.number),
        });
    }
    Ok(())
}

/// Parses one lesson file. `path` is `LANG/NN-slug.md`.
pub fn parse(path: &str, text: &str) -> Result<Lesson, LessonError> {
    let fail = |line: usize, message: Message| LessonError {
        path: path.to_string(),
        line,
        message,
    };
    let (lang_code, file) = path.split_once('/').unwrap_or(("en", path));
    let lang = Lang::parse(lang_code)
        .ok_or_else(|| fail(1, msg!("lesson-unknown-language", folder = lang_code)))?;
    let number: u32 = file
        .split('-')
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| fail(1, msg!("lesson-file-name")))?;
    let (front, body_start) =
        front_matter(text).ok_or_else(|| fail(1, msg!("lesson-no-front-matter")))?;
    let field = |key: &str| {
        front
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    let title = field("title").ok_or_else(|| fail(1, msg!("lesson-no-title")))?;
    let slug = field("slug").ok_or_else(|| fail(1, msg!("lesson-no-slug")))?;
    let body = &text[body_start..];
    let line_of = |offset: usize| text[..body_start + offset].matches('\n').count() + 1;

    let mut items = Vec::new();
    let mut prose_start = 0;
    // The open block: its start, the line of its fence, and whether it is Python.
    let mut in_block: Option<(usize, usize, bool)> = None;
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let line = line_of(range.start);
                let python = match kind {
                    CodeBlockKind::Fenced(info) if info.trim() == "backprop" => false,
                    CodeBlockKind::Fenced(info) if info.trim() == "python" => true,
                    CodeBlockKind::Fenced(info) if info.trim().is_empty() => {
                        return Err(fail(line, msg!("lesson-block-untagged")));
                    }
                    CodeBlockKind::Fenced(info) => {
                        return Err(fail(
                            line,
                            msg!("lesson-block-unknown-tag", tag = info.trim()),
                        ));
                    }
                    CodeBlockKind::Indented => {
                        return Err(fail(line, msg!("lesson-block-indented")));
                    }
                };
                push_prose(&mut items, &body[prose_start..range.start]);
                in_block = Some((range.start, line, python));
            }
            Event::Text(code) if matches!(in_block, Some((_, _, true))) => {
                items.push(Item::Python(code.trim_end().to_string()));
            }
            Event::Text(code) if in_block.is_some() => {
                let (_, fence_line, _) = in_block.unwrap_or_default();
                for (offset, statement) in parser::logical_lines(&code) {
                    if statement.trim().is_empty() {
                        continue;
                    }
                    let line = fence_line + 1 + code[..offset].matches('\n').count();
                    if let Err(error) = parser::parse_line(statement, 0) {
                        let at = diagnostic::position(statement, error.span.start);
                        return Err(fail(
                            line + at.line - 1,
                            msg!(
                                "lesson-statement-parse",
                                message = error.message,
                                column = at.column.to_string()
                            ),
                        ));
                    }
                    items.push(Item::Statement {
                        text: statement.trim_end().to_string(),
                        line,
                    });
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                in_block = None;
                prose_start = range.end;
            }
            _ => {}
        }
    }
    push_prose(&mut items, &body[prose_start..]);
    Ok(Lesson {
        number,
        slug,
        title,
        lang,
        path: path.to_string(),
        items,
    })
}

fn push_prose(items: &mut Vec<Item>, text: &str) {
    if !text.trim().is_empty() {
        items.push(Item::Prose(text.trim().to_string()));
    }
}

/// The `key: value` pairs of a leading `---` block, and the offset where the body starts.
fn front_matter(text: &str) -> Option<(Vec<(String, String)>, usize)> {
    let rest = text.strip_prefix("---")?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let mut fields = Vec::new();
    let mut offset = text.len() - rest.len();
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" {
            return Some((fields, offset));
        }
        if let Some((key, value)) = line.split_once(':') {
            fields.push((key.trim().to_string(), value.trim().to_string()));
        }
    }
    None
}

/// Draws Markdown prose for a terminal: headings bold, inline code in the code colour, lists with
/// bullets, paragraphs wrapped at `width` columns by `show::wrap` (display width: Korean takes
/// two; an inline code span is one word).
pub fn render_prose(markdown: &str, width: usize, style: &Style) -> String {
    let mut out = String::new();
    // The words of the current paragraph, each with its styled text and its display width.
    let mut words: Vec<Word> = Vec::new();
    let mut pending = String::new();
    let mut pending_width = 0;
    let mut bold = 0;
    let mut heading = false;
    let mut list_depth = 0usize;
    let mut indent = String::new();
    let mut first_prefix = String::new();

    let flush_word = |words: &mut Vec<Word>, pending: &mut String, pending_width: &mut usize| {
        if !pending.is_empty() {
            words.push(Word {
                text: std::mem::take(pending),
                width: *pending_width,
                space_before: " ".to_string(),
            });
            *pending_width = 0;
        }
    };
    let paint = |text: &str, bold: bool, style: &Style| {
        if bold {
            style.heading(text)
        } else {
            text.to_string()
        }
    };

    for event in Parser::new_ext(markdown, Options::empty()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = true;
                if level == HeadingLevel::H1 {
                    first_prefix = String::new();
                }
            }
            Event::Start(Tag::Strong) | Event::Start(Tag::Emphasis) => bold += 1,
            Event::End(TagEnd::Strong) | Event::End(TagEnd::Emphasis) => bold -= 1,
            Event::Start(Tag::List(_)) => {
                list_depth += 1;
                indent = "  ".repeat(list_depth);
            }
            Event::End(TagEnd::List(_)) => {
                list_depth = list_depth.saturating_sub(1);
                indent = "  ".repeat(list_depth);
                if list_depth == 0 {
                    out.push('\n');
                }
            }
            Event::Start(Tag::Item) => {
                first_prefix = format!("{}• ", "  ".repeat(list_depth.saturating_sub(1)));
                indent = "  ".repeat(list_depth);
            }
            Event::Text(text) => {
                for (i, piece) in text.split(' ').enumerate() {
                    if i > 0 {
                        flush_word(&mut words, &mut pending, &mut pending_width);
                    }
                    pending.push_str(&paint(piece, bold > 0 || heading, style));
                    pending_width += piece.width();
                }
            }
            Event::Code(code) => {
                pending.push_str(&style.code(&code));
                pending_width += code.width();
            }
            Event::SoftBreak | Event::HardBreak => {
                flush_word(&mut words, &mut pending, &mut pending_width)
            }
            Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Item) => {
                flush_word(&mut words, &mut pending, &mut pending_width);
                let prefix = std::mem::take(&mut first_prefix);
                let rest_indent = if list_depth > 0 {
                    indent.clone()
                } else {
                    String::new()
                };
                out.push_str(&lay_out(&words, width, &prefix, &rest_indent));
                words.clear();
                heading = false;
                if list_depth == 0 {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
    flush_word(&mut words, &mut pending, &mut pending_width);
    if !words.is_empty() {
        out.push_str(&lay_out(&words, width, "", ""));
    }
    out.trim_end_matches('\n').to_string()
}

/// Finds a lesson by number (`3`), slug (`relu`), or the start of exactly one slug
/// (`softmax` for `softmax-with-loss`).
pub fn find<'a>(lessons: &'a [Lesson], which: &str) -> Option<&'a Lesson> {
    find_by(lessons, which, |l| (l.number, l.slug.as_str()))
}

/// Finds an item (a lesson, an exercise) by number, slug, or the start of exactly one slug;
/// `key` gives an item's number and slug.
pub fn find_by<'a, T>(
    items: &'a [T],
    which: &str,
    key: impl Fn(&T) -> (u32, &str),
) -> Option<&'a T> {
    let which = which.trim();
    let number = which.parse::<u32>().ok();
    if let Some(exact) = items.iter().find(|i| {
        let (n, slug) = key(i);
        slug == which || number == Some(n)
    }) {
        return Some(exact);
    }
    let mut starting = items
        .iter()
        .filter(|i| !which.is_empty() && key(i).1.starts_with(which));
    match (starting.next(), starting.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// The slugs of the lessons finished so far, from the data directory.
pub fn finished() -> Vec<String> {
    paths::marks(paths::progress_file())
}

/// Records that `slug` was finished. Failing to write is not worth stopping for; the caller
/// may warn.
pub fn mark_finished(slug: &str) -> std::io::Result<()> {
    paths::add_mark(paths::progress_file(), slug)
}

/// The list `backprop lesson` and `:lessons` print: number, title, slug, and a mark when finished.
pub fn listing(lessons: &[Lesson], lang: Lang, style: &Style) -> String {
    let mut out = lang.word("lesson-listing");
    out.push('\n');
    let rows: Vec<(u32, &str, &str)> = lessons
        .iter()
        .map(|l| (l.number, l.title.as_str(), l.slug.as_str()))
        .collect();
    out.push_str(&listing_rows(&rows, &finished(), style));
    out
}

/// A list's rows (a lesson's, an exercise's): a ✓ for those `done`, the number, the title
/// padded to the widest, and the slug.
pub fn listing_rows(rows: &[(u32, &str, &str)], done: &[String], style: &Style) -> String {
    let widest = rows.iter().map(|(_, t, _)| t.width()).max().unwrap_or(0);
    let mut out = String::new();
    for (number, title, slug) in rows {
        let mark = if done.iter().any(|d| d == slug) {
            style.ok("✓")
        } else {
            " ".to_string()
        };
        let pad = " ".repeat(widest + 2 - title.width());
        out.push_str(&format!(
            " {mark} {number:>2}  {}{pad}{}\n",
            style.heading(title),
            style.context(slug)
        ));
    }
    out
}

/// How playback waits between steps.
pub enum Pace<'a> {
    /// Print everything at once.
    Straight,
    /// Wait for Enter before each new section; `q` leaves.
    Pause(&'a mut dyn BufRead),
}

/// One prose or Python item as the learner reads it.
pub fn render_item(item: &Item, view: &View) -> String {
    match item {
        Item::Prose(text) => render_prose(text, view.width, &view.style),
        Item::Python(code) => crate::show::python::render(code, &view.style),
        Item::Statement { text, .. } => view.style.code(text),
    }
}

/// Plays a lesson into `out`: prose drawn for the terminal, each statement after a prompt as if
/// typed, and its output under it. Returns false when the learner left early with `q`.
pub fn play(
    lesson: &Lesson,
    session: &mut Workspace,
    out: &mut dyn Write,
    view: &View,
    mut pace: Pace,
) -> std::io::Result<bool> {
    let style = view.style;
    let header = view.lang.say(&msg!(
        "lesson-header",
        number = lesson.number.to_string(),
        title = &lesson.title
    ));
    writeln!(out, "{}\n", style.heading(&header))?;
    let mut after_statement = false;
    let mut after_text = false;
    for item in &lesson.items {
        match item {
            Item::Prose(_) | Item::Python(_) => {
                if after_text {
                    writeln!(out)?;
                }
                after_text = true;
                if after_statement {
                    writeln!(out)?;
                    if let Pace::Pause(input) = &mut pace {
                        write!(
                            out,
                            "{} ",
                            style.context(&view.lang.word("lesson-pause-prompt"))
                        )?;
                        out.flush()?;
                        // Ctrl-C ends the wait at once, as at step's pause.
                        let Some(answer) = waiting::read_line(*input) else {
                            writeln!(out)?;
                            return Ok(false);
                        };
                        let answer = answer?;
                        if answer.is_empty() || answer.trim() == "q" {
                            return Ok(false);
                        }
                    }
                }
                writeln!(out, "{}", render_item(item, view))?;
                after_statement = false;
            }
            Item::Statement { text, .. } => {
                after_text = false;
                if !after_statement {
                    writeln!(out)?;
                }
                writeln!(out, "{}{}", style.context(">>> "), style.code(text))?;
                run_statement(session, view, text, out)?;
                if crate::engine::interrupt::requested() {
                    return Ok(false);
                }
                after_statement = true;
            }
        }
    }
    writeln!(out)?;
    Ok(true)
}

/// Runs one lesson statement, rendering an error (if a lesson has one) like the REPL does.
pub fn run_statement(
    ws: &mut Workspace,
    view: &View,
    text: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let result = runner::run_text(ws, view, text, out, &mut |_| true);
    if let Err(runner::Failure::Output(e)) = result {
        return Err(e);
    }
    let diagnostics = runner::diagnostics(&mut ws.session, &result, None, text, view);
    write!(out, "{diagnostics}")
}

/// `backprop lesson [N|NAME]`.
pub fn main(args: &Args, which: Option<&str>) -> ExitCode {
    let view = args.stdout_view(terminal_width());
    let err_view = args.stderr_view();
    let lang = view.lang;
    let lessons = match all(lang) {
        Ok(lessons) => lessons,
        Err(error) => {
            eprintln!("{}", error.render(lang));
            return ExitCode::FAILURE;
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let Some(which) = which else {
        let listed =
            write!(out, "{}", listing(&lessons, lang, &view.style)).and_then(|()| out.flush());
        return match listed {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => runner::output_failed(&e, &err_view),
        };
    };
    let Some(lesson) = find(&lessons, which) else {
        let names: Vec<String> = lessons
            .iter()
            .map(|l| format!("{} {}", l.number, l.slug))
            .collect();
        let message = msg!(
            "lesson-not-found",
            which = which,
            lessons = names.join(", ")
        );
        eprint!("{}", diagnostic::render_message(&message, &err_view));
        return ExitCode::FAILURE;
    };
    let mut session = Workspace::new(args.new_session());
    // Only a lesson played on a terminal, section by section, to its end counts as finished:
    // `--no-pause` or a pipe shows the lesson without the learner having gone through it.
    let pause = !args.no_pause && std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    // Played straight through, a lesson is quiet: no progress bars between its outputs.
    if !pause {
        session.session.set_progress(None);
    }
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let pace = if pause {
        Pace::Pause(&mut input)
    } else {
        Pace::Straight
    };
    match play(lesson, &mut session, &mut out, &view, pace) {
        Ok(true) => {
            if pause && let Err(e) = mark_finished(&lesson.slug) {
                let message = msg!("lesson-cannot-record", reason = runner::io_reason(&e));
                eprint!(
                    "{}",
                    diagnostic::render_warning_message(&message, &err_view)
                );
            }
            ExitCode::SUCCESS
        }
        // Stopped by Ctrl-C, as a script is: 130; by `q`, a choice: 0.
        Ok(false) if crate::engine::interrupt::requested() => ExitCode::from(130),
        Ok(false) => ExitCode::SUCCESS,
        Err(e) => runner::output_failed(&e, &err_view),
    }
}

/// The terminal's width in columns, or 80 when stdout is not a terminal.
pub fn terminal_width() -> usize {
    terminal_size::terminal_size()
        .map_or(80, |(w, _)| usize::from(w.0))
        .clamp(20, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\ntitle: 테스트\nslug: test\n---\n\n## 제목\n\n설명 `x` 입니다.\n\n```backprop\nx = 1\ny = [1,\n  2]\n```\n\n끝.\n";

    #[test]
    fn parses_front_matter_prose_and_statements_with_lines() {
        let lesson = parse("ko/07-test.md", GOOD).expect("the fixture is a good lesson");
        assert_eq!(lesson.number, 7);
        assert_eq!(lesson.title, "테스트");
        assert_eq!(lesson.slug, "test");
        let statements: Vec<_> = lesson.statements().collect();
        assert_eq!(statements, vec![("x = 1", 11), ("y = [1,\n  2]", 12)]);
        assert!(matches!(&lesson.items[0], Item::Prose(p) if p.starts_with("## 제목")));
        assert!(matches!(lesson.items.last(), Some(Item::Prose(p)) if p == "끝."));
    }

    #[test]
    fn malformed_lessons_name_the_file_and_line() {
        let missing_title = "---\nslug: a\n---\ntext\n";
        assert_eq!(
            parse("en/01-a.md", missing_title).map_err(|e| e.render(Lang::En)),
            Err("en/01-a.md:1: error: missing title in the front matter".to_string())
        );
        let bad_tag = "---\ntitle: A\nslug: a\n---\n\n```rust\nx = 1\n```\n";
        assert_eq!(
            parse("en/01-a.md", bad_tag).map_err(|e| e.render(Lang::En)),
            Err("en/01-a.md:6: error: unknown block tag 'rust'; lessons hold only ```backprop and ```python blocks".to_string())
        );
        // A Python sketch is kept as written, and is not a statement.
        let python = "---\ntitle: A\nslug: a\n---\n\n```python\nclass A:\n    x = 1\n```\n";
        let lesson = parse("en/01-a.md", python).expect("python blocks are allowed");
        assert_eq!(
            lesson.items,
            vec![Item::Python("class A:\n    x = 1".to_string())]
        );
        assert_eq!(lesson.statements().count(), 0);
        let bad_statement = "---\ntitle: A\nslug: a\n---\n\n```backprop\nx = 1\ny = (2\n```\n";
        let error =
            parse("en/01-a.md", bad_statement).expect_err("an unclosed paren does not parse");
        assert_eq!(error.line, 8);
        assert!(
            Lang::En
                .say(&error.message)
                .starts_with("statement does not parse: expected ')'"),
            "{:?}",
            error.message
        );
    }

    #[test]
    fn a_pair_with_different_statements_is_an_error() {
        let ko = parse(
            "ko/01-a.md",
            "---\ntitle: 가\nslug: a\n---\n```backprop\nx = 1\n```\n",
        )
        .expect("good");
        let en = parse(
            "en/01-a.md",
            "---\ntitle: A\nslug: a\n---\n```backprop\nx = 2\n```\n",
        )
        .expect("good");
        let error = check_pairs(&[ko], &[en]).expect_err("the statements differ");
        assert_eq!(
            error.render(Lang::En),
            "en/01-a.md:6: error: statement 'x = 2' differs from 'x = 1' at ko/01-a.md:6"
        );
    }

    #[test]
    fn wraps_korean_by_display_width() {
        let text = "가나다 라마바 사아자 차카타 파하";
        let drawn = render_prose(text, 14, &Style::plain());
        for line in drawn.lines() {
            assert!(line.width() <= 14, "{line:?} is wider than 14 columns");
        }
        assert_eq!(drawn, "가나다 라마바\n사아자 차카타\n파하");
    }
}
