//! The interactive session. `Repl` is everything but the terminal: it takes one line (a statement
//! or a `:command`), runs it, and writes what to show into a `Write`. `main` is the thin loop that
//! reads lines with rustyline and hands them over.
//!
//! Guided lessons live here too: a lesson step pre-fills the prompt with its next statement.

use crate::app::editor::{COMMANDS, EditorHelper};
use crate::app::help;
use crate::app::lesson::{self, Item, Lesson};
use crate::app::options::{self, Args};
use crate::app::paths;
use crate::app::runner;
use crate::app::waiting;
use crate::engine::memory;
use crate::engine::shape;
use crate::i18n::Lang;
use crate::lang::ast::StatementKind;
use crate::lang::parser;
use crate::lang::suggest;
use crate::msg;
use crate::py::workspace::Workspace;
use crate::session::Session;
use crate::show::View;
use crate::show::print::Digits;
use crate::show::style::Style;
use crate::show::{diagnostic, wrap};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Config, Editor};
use std::io::Write;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

/// What the loop should do after a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// What `step` calls between nodes: it may write a prompt, and returns false to stop.
pub type Pause = Box<dyn FnMut(&mut dyn Write) -> bool>;

/// Where a guided lesson is: the lesson, and the index in its items of the next statement.
#[derive(Debug, Clone)]
struct Guide {
    lesson: Lesson,
    next: usize,
    /// The index of a statement `:next` was asked to skip once and warned about: a second
    /// `:next` on it skips.
    warned_skip: Option<usize>,
}

pub struct Repl {
    /// Python's names over the session's graph.
    pub ws: Workspace,
    pub view: View,
    guide: Option<Guide>,
    /// The last place a lesson was left, so `:lesson` alone carries on.
    paused: Option<Guide>,
    /// The number of the lesson finished last, while no other runs: `:next` starts the one
    /// after it.
    just_finished: Option<u32>,
    /// Called between the steps of `step`; returns false to stop. On a terminal it waits for
    /// Enter; elsewhere it lets everything through.
    pause: Pause,
    /// The exercise `:exercise` opened, if one is.
    exercise: Option<Open>,
}

/// An open exercise: which, how many hints were shown, and whether the solution may be shown.
#[derive(Debug, Clone)]
struct Open {
    exercise: crate::app::exercise::Exercise,
    hints: usize,
    solution_asked: bool,
    passed: bool,
    /// The skeleton waits on the next prompt.
    prefill: bool,
}

impl Repl {
    pub fn new(session: Session, view: View) -> Repl {
        Repl {
            ws: Workspace::new(session),
            view,
            guide: None,
            paused: None,
            just_finished: None,
            pause: Box::new(|_| true),
            exercise: None,
        }
    }

    pub fn style(&self) -> Style {
        self.view.style
    }

    pub fn lang(&self) -> Lang {
        self.view.lang
    }

    /// The one-line banner.
    pub fn banner(&self) -> String {
        format!(
            "{} {}\n",
            self.style()
                .heading(&format!("backprop {}", env!("CARGO_PKG_VERSION"))),
            self.lang().word("repl-banner")
        )
    }

    /// The statement a guided lesson offers next, to pre-fill the prompt with.
    pub fn prefill(&self) -> Option<&str> {
        if let Some(open) = &self.exercise
            && open.prefill
            && self.guide.is_none()
        {
            return Some(open.exercise.skeleton.trim_end());
        }
        let guide = self.guide.as_ref()?;
        match guide.lesson.items.get(guide.next)? {
            Item::Statement { text, .. } => Some(text),
            Item::Prose(_) | Item::Python(_) => None,
        }
    }

    /// Handles one line the learner typed: a `:command` or statements.
    pub fn handle(&mut self, line: &str, out: &mut dyn Write) -> std::io::Result<Flow> {
        // A Ctrl-C pressed before this line (at a dumb terminal's prompt, say) was for then.
        crate::engine::interrupt::clear();
        let trimmed = line.trim();
        if let Some(command) = trimmed.strip_prefix(':') {
            return self.command(command, out);
        }
        // A command typed at the end of a pre-filled lesson line (`r = relu(x):next`) is what
        // the learner meant: the command, not a statement with a colon in it.
        if let Some(command) = self.command_after_prefill(trimmed) {
            return self.command(&command, out);
        }
        if trimmed.is_empty() {
            return Ok(Flow::Continue);
        }
        // A paste of several statements (bracketed, so it arrives as one input with its line
        // breaks) runs as a script would: each statement in turn, stopping at the first that
        // fails, as Python's REPL stops a pasted block at its exception.
        if let Some(open) = self.exercise.as_mut() {
            open.prefill = false;
        }
        self.run_statements(line, out)?;
        self.grade_exercise(line, out)?;
        Ok(Flow::Continue)
    }

    /// While an exercise is open, an input that defines its class (or, for the exercises that
    /// are programs, sets what they ask for) is graded at once, on its own.
    fn grade_exercise(&mut self, line: &str, out: &mut dyn Write) -> std::io::Result<()> {
        let Some(open) = &self.exercise else {
            return Ok(());
        };
        let e = &open.exercise;
        let defines = match (e.class(), e.slug.as_str()) {
            (_, "apple") => line.contains("dapple_num"),
            (_, "train") => line.contains("test_acc"),
            (Some(class), _) => line.contains(&format!("class {class}")),
            (None, _) => false,
        };
        if !defines {
            return Ok(());
        }
        let view = self.view;
        let verdict = crate::py::grader::grade(&e.slug, line);
        write!(
            out,
            "{}",
            crate::app::exercise::verdict_text(&verdict, &view)
        )?;
        if verdict.passed {
            let _ = crate::app::exercise::mark_finished(&e.slug);
            write!(out, "{}", crate::app::exercise::show_pass(e, line, &view))?;
            if let Some(open) = self.exercise.as_mut() {
                open.passed = true;
            }
        }
        Ok(())
    }

    /// `:exercise NAME`, `:exercises`, `:hint`, `:solution`.
    fn exercise_command(
        &mut self,
        name: &str,
        arg: &str,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        use crate::app::exercise;
        let view = self.view;
        let lang = view.lang;
        match name {
            "exercises" => write!(out, "{}", exercise::listing(lang, &view.style))?,
            "exercise" if arg.is_empty() => {
                write!(out, "{}", exercise::listing(lang, &view.style))?
            }
            "exercise" => {
                let list = exercise::all(lang);
                match exercise::find(&list, arg) {
                    Some(e) => {
                        write!(out, "{}", exercise::task_text(e, &view))?;
                        writeln!(
                            out,
                            "{}",
                            view.style
                                .context(&lang.say(&msg!("ex-started", name = e.slug.as_str())))
                        )?;
                        self.exercise = Some(Open {
                            exercise: e.clone(),
                            hints: 0,
                            solution_asked: false,
                            passed: false,
                            prefill: true,
                        });
                    }
                    None => writeln!(
                        out,
                        "{} {}",
                        view.style.error(&lang.word("error-label")),
                        lang.say(&msg!("ex-unknown", name = arg))
                    )?,
                }
            }
            _ => {
                let Some(open) = self.exercise.as_mut() else {
                    writeln!(out, "{}", lang.word("ex-none-active"))?;
                    return Ok(());
                };
                if name == "hint" {
                    open.hints += 1;
                    write!(
                        out,
                        "{}",
                        exercise::hint_text(&open.exercise, open.hints, &view)
                    )?;
                } else if open.passed || open.solution_asked {
                    writeln!(
                        out,
                        "{}",
                        view.style.heading(&lang.word("ex-solution-heading"))
                    )?;
                    writeln!(out, "{}", open.exercise.solution.trim_end())?;
                } else {
                    open.solution_asked = true;
                    writeln!(out, "{}", lang.word("ex-solution-confirm"))?;
                }
            }
        }
        Ok(())
    }

    /// Runs one logical line and writes what it printed and any error; whether it ran without
    /// an error. A pre-filled lesson step that ran moves the lesson on.
    fn run_statements(&mut self, line: &str, out: &mut dyn Write) -> std::io::Result<bool> {
        let expected = self.prefill().map(str::to_string);
        let view = self.view;
        let result = runner::run_text(&mut self.ws, &view, line, out, &mut *self.pause);
        if let Err(runner::Failure::Output(e)) = result {
            return Err(e);
        }
        let text = runner::diagnostics(&mut self.ws.session, &result, None, line, &view);
        write!(out, "{text}")?;
        if let Some(expected) = expected
            && result.is_ok()
            && is_same_step(line, &expected)
        {
            self.advance(out)?;
        }
        Ok(result.is_ok())
    }

    /// `:next` (or any known command) typed after the pre-filled statement, as the command.
    fn command_after_prefill(&self, line: &str) -> Option<String> {
        let prefill = self.prefill()?.trim();
        let rest = line.strip_prefix(prefill)?.trim_start();
        let command = rest.strip_prefix(':')?;
        let name = command.split_whitespace().next()?;
        COMMANDS
            .iter()
            .any(|c| c.trim_start_matches(':') == name)
            .then(|| command.to_string())
    }

    fn command(&mut self, command: &str, out: &mut dyn Write) -> std::io::Result<Flow> {
        let (name, arg) = command
            .split_once(char::is_whitespace)
            .unwrap_or((command, ""));
        let arg = arg.trim();
        let style = self.style();
        let lang = self.lang();
        let columns = self.view.width;
        let error = |message: crate::i18n::Message| {
            let line = format!(
                "{} {}",
                style.error(&lang.word("error-label")),
                lang.say(&message)
            );
            wrap::wrap_line(&line, columns, diagnostic::CONTINUATION)
        };
        match name {
            "q" | "quit" | "exit" => return Ok(Flow::Quit),
            "help" | "h" if arg.is_empty() => writeln!(out, "{}", help::overview(lang))?,
            "help" | "h" => match help::page(arg, lang) {
                Some(page) => writeln!(out, "{page}")?,
                None => writeln!(
                    out,
                    "{} {}",
                    style.error(&lang.word("error-label")),
                    help::unknown(arg, lang)
                )?,
            },
            "vars" => self.vars(out)?,
            "memory" if arg.is_empty() => self.memory(out)?,
            "memory" => match memory::parse_size(arg) {
                Some(bytes) => {
                    self.ws.session.set_budget(bytes);
                    let budget = memory::describe(bytes);
                    writeln!(
                        out,
                        "{}",
                        lang.say(&msg!("repl-memory-set", budget = budget))
                    )?;
                }
                None => writeln!(out, "{}", error(msg!("repl-memory-usage")))?,
            },
            "reset" => {
                self.ws.reset();
                writeln!(out, "{}", lang.word("repl-reset"))?;
            }
            "lessons" => write!(out, "{}", self.lessons_listing())?,
            "lesson" => self.start_lesson(arg, out)?,
            "next" => match (self.guide.is_some(), self.just_finished) {
                (true, _) => self.skip(out)?,
                (false, Some(number)) => self.start_lesson(&(number + 1).to_string(), out)?,
                (false, None) => self.no_lesson(out)?,
            },
            "prev" => self.back_a_step(out)?,
            "exercise" | "exercises" | "hint" | "solution" => {
                self.exercise_command(name, arg, out)?
            }
            "lang" => match Lang::parse(arg) {
                Some(new_lang) => {
                    self.set_lang(new_lang);
                    writeln!(out, "{}", new_lang.word("repl-lang-set"))?;
                }
                None => writeln!(out, "{}", error(msg!("repl-lang-usage")))?,
            },
            "digits" => match arg {
                "full" => {
                    self.view.digits = Digits::Unique;
                    writeln!(out, "{}", lang.word("repl-digits-full"))?;
                }
                "8" => {
                    self.view.digits = Digits::Numpy;
                    writeln!(out, "{}", lang.word("repl-digits-numpy"))?;
                }
                _ => writeln!(out, "{}", error(msg!("repl-digits-usage")))?,
            },
            "color" | "colour" => match arg {
                "on" => self.view.style = Style::new(true),
                "off" => self.view.style = Style::plain(),
                _ => writeln!(out, "{}", error(msg!("repl-color-usage")))?,
            },
            "seed" => match arg.parse::<u32>() {
                Ok(seed) => self.ws.session.set_seed(seed),
                Err(_) => writeln!(out, "{}", error(msg!("repl-seed-usage")))?,
            },
            "clear" => write!(out, "\x1b[2J\x1b[H")?,
            _ => {
                let typed = format!(":{name}");
                let message = match suggest::closest(&typed, COMMANDS) {
                    Some(close) => msg!(
                        "repl-unknown-command-close",
                        command = &typed,
                        close = close,
                        commands = COMMANDS.join(" ")
                    ),
                    None => msg!(
                        "repl-unknown-command",
                        command = &typed,
                        commands = COMMANDS.join(" ")
                    ),
                };
                writeln!(out, "{}", error(message))?;
            }
        }
        Ok(Flow::Continue)
    }

    /// Changes the language of everything from the next line on, a running or paused guided
    /// lesson included: the lesson is reloaded in the new language at the same statement.
    fn set_lang(&mut self, lang: Lang) {
        self.view.lang = lang;
        self.ws.session.set_progress(options::progress_hook(lang));
        let lessons = lesson::all(lang).unwrap_or_default();
        for guide in [self.guide.as_mut(), self.paused.as_mut()]
            .into_iter()
            .flatten()
        {
            let Some(twin) = lesson::find(&lessons, &guide.lesson.slug) else {
                continue;
            };
            // The twins hold the same statements in the same order, so the n-th statement of
            // one is the n-th of the other, whatever the prose between them.
            let ordinal = statement_ordinal(&guide.lesson, guide.next);
            guide.next = statement_index(twin, ordinal);
            guide.lesson = twin.clone();
            guide.warned_skip = None;
        }
    }

    /// `:memory`: the total against the budget, and the five largest holders.
    fn memory(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let lang = self.lang();
        let style = self.style();
        let total = msg!(
            "repl-memory-total",
            held = memory::describe(self.ws.session.bytes_total()),
            budget = memory::describe(self.ws.session.budget())
        );
        writeln!(out, "{}", lang.say(&total))?;
        let holders = self.ws.session.holders();
        let width = holders
            .iter()
            .take(5)
            .map(|(n, _)| n.len())
            .max()
            .unwrap_or(0);
        for (name, bytes) in holders.into_iter().take(5) {
            let size = memory::describe(bytes);
            if name.is_empty() {
                let what = lang.word("repl-memory-unnamed");
                writeln!(
                    out,
                    "  {:>w$}  {size:>10}  {}",
                    "",
                    style.context(&what),
                    w = width
                )?;
            } else {
                let pad = " ".repeat(width - name.len());
                writeln!(out, "  {pad}{}  {size:>10}", style.name(&name))?;
            }
        }
        Ok(())
    }

    /// `:vars`: one row per variable, in columns of name, shape, the layer that made it, its
    /// memory and whether it has a gradient. Columns are padded by display width, not bytes,
    /// so a Korean name or layer word (two columns a syllable) keeps the rows aligned; the
    /// padding is added outside the colour codes, which take no columns.
    fn vars(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let vars = self.ws.session.vars();
        let style = self.style();
        let lang = self.lang();
        if vars.is_empty() {
            return writeln!(out, "{}", lang.word("repl-no-vars"));
        }
        let rows: Vec<[String; 4]> = vars
            .iter()
            .map(|var| {
                [
                    var.name.clone(),
                    shape::describe(&var.shape),
                    lang.say(&msg!("vars-layer", op = var.layer)),
                    memory::describe(var.bytes),
                ]
            })
            .collect();
        let widest = |column: usize, at_least: usize| {
            rows.iter()
                .map(|row| row[column].width())
                .max()
                .unwrap_or(0)
                .max(at_least)
        };
        let widths = [widest(0, 0), widest(1, 12), widest(2, 8), widest(3, 10)];
        let pad = |text: &str, width: usize| " ".repeat(width.saturating_sub(text.width()));
        for (var, [name, shape, layer, bytes]) in vars.iter().zip(&rows) {
            let grad = if var.has_grad {
                style.grad(&lang.word("repl-has-grad"))
            } else {
                String::new()
            };
            let line = format!(
                "{}{}  {shape}{} {}{} {}{bytes}  {grad}",
                style.name(name),
                pad(name, widths[0]),
                pad(shape, widths[1]),
                style.layer(layer),
                pad(layer, widths[2]),
                pad(bytes, widths[3]),
            );
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }

    fn no_lesson(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "{}", self.lang().word("repl-no-lesson"))
    }

    fn start_lesson(&mut self, which: &str, out: &mut dyn Write) -> std::io::Result<()> {
        if which.is_empty() {
            if self.guide.is_some() {
                return self.show_prose_before_next(out);
            }
            return match self.paused.take() {
                Some(guide) => {
                    self.guide = Some(guide);
                    self.show_prose_before_next(out)
                }
                None => write!(out, "{}", self.lessons_listing()),
            };
        }
        let lang = self.lang();
        let lessons = match lesson::all(lang) {
            Ok(lessons) => lessons,
            Err(e) => return writeln!(out, "{}", e.render(lang)),
        };
        let Some(found) = lesson::find(&lessons, which) else {
            let slugs: Vec<&str> = lessons.iter().map(|l| l.slug.as_str()).collect();
            let message = match suggest::closest(which, slugs.iter().copied()) {
                Some(close) => msg!(
                    "repl-no-such-lesson-close",
                    which = which,
                    close = close,
                    lessons = slugs.join(", ")
                ),
                None => msg!(
                    "repl-no-such-lesson",
                    which = which,
                    lessons = slugs.join(", ")
                ),
            };
            return write!(out, "{}", diagnostic::render_message(&message, &self.view));
        };
        let header = lang.say(&msg!(
            "lesson-header",
            number = found.number.to_string(),
            title = &found.title
        ));
        writeln!(out, "{}", self.style().heading(&header))?;
        // Two messages, two lines: one long line wrapped at 80 columns left a word alone on
        // the second. Each still wraps on a narrower terminal.
        for id in ["repl-guided-how", "repl-guided-keys"] {
            let text = lang.word(id);
            for line in lesson::render_prose(&text, self.view.width, &Style::plain()).lines() {
                writeln!(out, "{}", self.style().context(line))?;
            }
        }
        self.guide = Some(Guide {
            lesson: found.clone(),
            next: 0,
            warned_skip: None,
        });
        self.show_prose_before_next(out)
    }

    fn lessons_listing(&self) -> String {
        lesson::all(self.lang()).map_or_else(
            |e| format!("{}\n", e.render(self.lang())),
            |l| lesson::listing(&l, self.lang(), &self.style()),
        )
    }

    /// Prints the prose between the previous statement and the next one, moving `next` onto the
    /// next statement; finishes the lesson when there is none.
    fn show_prose_before_next(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let view = self.view;
        let Some(guide) = self.guide.as_mut() else {
            return Ok(());
        };
        let start = guide.lesson.items[..guide.next.min(guide.lesson.items.len())]
            .iter()
            .rposition(|item| matches!(item, Item::Statement { .. }))
            .map_or(0, |i| i + 1);
        let mut index = start;
        while let Some(item @ (Item::Prose(_) | Item::Python(_))) = guide.lesson.items.get(index) {
            writeln!(out, "\n{}\n", lesson::render_item(item, &view))?;
            index += 1;
        }
        guide.next = index;
        if index >= guide.lesson.items.len() {
            let slug = guide.lesson.slug.clone();
            let number = guide.lesson.number;
            self.guide = None;
            self.paused = None;
            let _ = lesson::mark_finished(&slug);
            // The next lesson, if there is one, is a `:next` away.
            let next = lesson::all(view.lang)
                .ok()
                .and_then(|all| all.into_iter().find(|l| l.number == number + 1));
            self.just_finished = next.as_ref().map(|_| number);
            let words = match next {
                Some(next) => view.lang.say(&msg!(
                    "repl-lesson-finished-next",
                    number = next.number.to_string(),
                    title = next.title
                )),
                None => view.lang.word("repl-lesson-finished"),
            };
            writeln!(out, "{}", view.style.ok(&words))?;
        }
        Ok(())
    }

    fn advance(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        if let Some(guide) = self.guide.as_mut() {
            guide.next += 1;
            guide.warned_skip = None;
        }
        self.show_prose_before_next(out)
    }

    /// `:next`: skips the offered statement. If it binds a name that a later statement uses,
    /// the first `:next` says so and keeps it offered; a second one skips it anyway.
    fn skip(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let Some(guide) = self.guide.as_mut() else {
            return self.no_lesson(out);
        };
        if guide.warned_skip != Some(guide.next)
            && let Some(Item::Statement { text, .. }) = guide.lesson.items.get(guide.next)
        {
            let needed: Vec<String> = bound_names(text)
                .into_iter()
                .filter(|name| self.ws.session.value(name).is_none())
                .filter(|name| {
                    guide.lesson.items[guide.next + 1..].iter().any(
                        |item| matches!(item, Item::Statement { text, .. } if mentions(text, name)),
                    )
                })
                .collect();
            if !needed.is_empty() {
                guide.warned_skip = Some(guide.next);
                let message = msg!(
                    "repl-skip-needed",
                    statement = text.as_str(),
                    names = needed.join(", "),
                    count = needed.len()
                );
                let view = self.view;
                for line in
                    lesson::render_prose(&view.lang.say(&message), view.width, &Style::plain())
                        .lines()
                {
                    writeln!(out, "{}", view.style.warning(line))?;
                }
                return Ok(());
            }
        }
        self.advance(out)
    }

    fn back_a_step(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let Some(guide) = self.guide.as_mut() else {
            return self.no_lesson(out);
        };
        let previous = guide.lesson.items[..guide.next.min(guide.lesson.items.len())]
            .iter()
            .rposition(|item| matches!(item, Item::Statement { .. }));
        if let Some(previous) = previous {
            guide.next = previous;
        }
        guide.warned_skip = None;
        self.show_prose_before_next(out)
    }

    /// Makes `step` wait between nodes, calling `pause` (which returns false to stop).
    pub fn set_pause(&mut self, pause: Pause) {
        self.pause = pause;
    }

    /// Leaves guided mode, remembering where, so `:lesson` alone carries on.
    pub fn pause_lesson(&mut self) {
        if let Some(guide) = self.guide.take() {
            self.paused = Some(guide);
        }
    }
}

/// How many statements come before item `index` of `lesson`.
fn statement_ordinal(lesson: &Lesson, index: usize) -> usize {
    lesson.items[..index.min(lesson.items.len())]
        .iter()
        .filter(|item| matches!(item, Item::Statement { .. }))
        .count()
}

/// The item index of the `ordinal`-th statement of `lesson` (0-based), or the end.
fn statement_index(lesson: &Lesson, ordinal: usize) -> usize {
    lesson
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| matches!(item, Item::Statement { .. }))
        .nth(ordinal)
        .map_or(lesson.items.len(), |(i, _)| i)
}

/// The names a lesson statement binds.
fn bound_names(text: &str) -> Vec<String> {
    parser::parse_line(text, 0)
        .map(|statements| {
            statements
                .into_iter()
                .filter_map(|s| match s.kind {
                    StatementKind::Assign { name, .. } => Some(name.name.into()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `text` uses the name `name` as a whole word (or its gradient `dNAME`).
fn mentions(text: &str, name: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|word| word == name || word.strip_prefix('d') == Some(name))
}

/// Whether the line the learner ran is the lesson's statement, or an edit of it: the same, or
/// assigning the same name, or the same statement keyword and target.
fn is_same_step(line: &str, expected: &str) -> bool {
    let head = |s: &str| -> String {
        let s = s.trim();
        if let Some((name, rest)) = s.split_once('=')
            && !rest.starts_with('=')
        {
            return format!("{} =", name.trim());
        }
        s.split_whitespace().take(2).collect::<Vec<_>>().join(" ")
    };
    line.trim() == expected.trim() || head(line) == head(expected)
}

/// How many lines the history keeps, as IPython keeps thousands; rustyline trims the file in
/// place, so it keeps its mode.
const HISTORY_ENTRIES: usize = 10_000;

/// The REPL on a terminal.
pub fn main(args: &Args) -> ExitCode {
    let view = args.stdout_view(lesson::terminal_width());
    let lang = view.lang;
    let mut repl = Repl::new(args.new_session(), view);
    repl.set_pause(Box::new(move |out| wait_for_enter(out, lang)));
    let config = Config::builder()
        // The loop adds each input itself, a block as one entry.
        .auto_add_history(false)
        .max_history_size(HISTORY_ENTRIES)
        .and_then(|b| b.history_ignore_dups(true))
        .map(|b| b.build());
    let mut editor: Editor<EditorHelper, DefaultHistory> =
        match config.and_then(Editor::with_config) {
            Ok(editor) => editor,
            Err(e) => {
                let message = msg!("repl-no-terminal", reason = e.to_string());
                eprint!(
                    "{}",
                    crate::show::diagnostic::render_message(&message, &view)
                );
                return ExitCode::FAILURE;
            }
        };
    let mut helper = EditorHelper::new(view.style);
    helper.lang = view.lang;
    helper.lessons = lesson::all(lang)
        .map(|l| l.into_iter().map(|l| l.slug).collect())
        .unwrap_or_default();
    editor.set_helper(Some(helper));
    let history = if args.no_history {
        None
    } else {
        paths::history_file()
    };
    let mut history = History::open(history, &mut editor, &view);

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let _ = write!(out, "{}", repl.banner());
    // The lines of a block read so far: while it is open the prompt is `... `, and an empty
    // line closes it, as in Python's REPL.
    let mut block = String::new();
    loop {
        let prompt = if block.is_empty() { ">>> " } else { "... " };
        let prefill = if block.is_empty() {
            repl.prefill().map(str::to_string)
        } else {
            None
        };
        if let Some(helper) = editor.helper_mut() {
            helper.holds_lesson_statement = prefill.is_some();
        }
        let read = match &prefill {
            Some(text) => editor.readline_with_initial(prompt, (text, "")),
            None => editor.readline(prompt),
        };
        match read {
            Ok(line) => {
                let line = if block.is_empty() {
                    line
                } else {
                    format!("{}\n{line}", std::mem::take(&mut block))
                };
                // A lesson's pre-filled block is whole already: Enter runs it. Otherwise a
                // block (or an open bracket) reads on, with the `... ` prompt, until it is
                // complete: for a block, until an empty line, as in Python's REPL.
                if prefill.is_none()
                    && !line.trim_start().starts_with(':')
                    && (crate::py::parser::needs_more(&line) || parser::needs_more_input(&line))
                {
                    block = line;
                    continue;
                }
                // History keeps the whole input, a block as one entry.
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.trim_end());
                }
                history.append(&mut editor, &mut out, &repl.view);
                let flow = repl.handle(&line, &mut out).unwrap_or(Flow::Quit);
                let _ = out.flush();
                if flow == Flow::Quit {
                    break;
                }
                if let Some(helper) = editor.helper_mut() {
                    helper.names = repl.ws.known_names();
                    helper.members = repl.ws.members();
                    helper.style = repl.style();
                    helper.lang = repl.lang();
                }
            }
            // Ctrl-C clears the line; in a lesson it also stops pre-filling until `:lesson`.
            Err(ReadlineError::Interrupted) => {
                block.clear();
                if prefill.is_some() {
                    repl.pause_lesson();
                    let _ = writeln!(
                        out,
                        "{}",
                        repl.style()
                            .context(&repl.lang().word("repl-lesson-paused"))
                    );
                }
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                let message = msg!("repl-cannot-read", reason = e.to_string());
                eprint!(
                    "{}",
                    crate::show::diagnostic::render_message(&message, &repl.view)
                );
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// Waits for Enter between the steps of `step` on a terminal; `q` or Ctrl-C stops.
fn wait_for_enter(out: &mut dyn Write, lang: Lang) -> bool {
    let _ = write!(out, "{} ", lang.word("step-pause-prompt"));
    let _ = out.flush();
    // The terminal is in its usual line mode here, so Ctrl-C raises SIGINT, which only sets a
    // flag; waiting in short slices lets the walk end at once instead of after Enter.
    if !waiting::until_input() {
        let _ = writeln!(out);
        return false;
    }
    let mut answer = String::new();
    match std::io::stdin().read_line(&mut answer) {
        Ok(0) | Err(_) => false,
        Ok(_) => answer.trim() != "q" && !crate::engine::interrupt::requested(),
    }
}

/// The history file: loaded at start, appended after every line so nothing is lost, and one
/// warning if it cannot be written.
struct History {
    path: Option<std::path::PathBuf>,
}

impl History {
    fn open(
        path: Option<std::path::PathBuf>,
        editor: &mut Editor<EditorHelper, DefaultHistory>,
        view: &View,
    ) -> History {
        if let Some(path) = &path
            && path.exists()
            && editor.load_history(path).is_err()
        {
            let message = msg!("history-cannot-read", path = path.display().to_string());
            eprint!("{}", diagnostic::render_warning_message(&message, view));
            return History { path: None };
        }
        History { path }
    }

    fn append(
        &mut self,
        editor: &mut Editor<EditorHelper, DefaultHistory>,
        out: &mut dyn Write,
        view: &View,
    ) {
        let Some(path) = &self.path else { return };
        let created = path.parent().map_or(Ok(()), std::fs::create_dir_all);
        if created
            .and_then(|()| editor.append_history(path).map_err(std::io::Error::other))
            .is_err()
        {
            let message = msg!("history-cannot-write", path = path.display().to_string());
            let _ = write!(
                out,
                "{}",
                diagnostic::render_warning_message(&message, view)
            );
            self.path = None;
        }
    }
}
