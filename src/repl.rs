//! The interactive session. `Repl` is everything but the terminal: it takes one line (a statement
//! or a `:command`), runs it, and writes what to show into a `Write`. `main` is the thin loop that
//! reads lines with rustyline and hands them over.
//!
//! Guided lessons live here too: a lesson step pre-fills the prompt with its next statement.

use crate::cli::Args;
use crate::diagnostic;
use crate::editor::{COMMANDS, EditorHelper};
use crate::help;
use crate::i18n::Lang;
use crate::lesson::{self, Item, Lesson};
use crate::paths;
use crate::session::Session;
use crate::shape;
use crate::style::Style;
use crate::suggest;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Config, Editor};
use std::io::Write;
use std::process::ExitCode;

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
}

pub struct Repl {
    pub session: Session,
    pub lang: Lang,
    guide: Option<Guide>,
    /// The last place a lesson was left, so `:lesson` alone carries on.
    paused: Option<Guide>,
    width: usize,
    /// Called between the steps of `step`; returns false to stop. On a terminal it waits for
    /// Enter; elsewhere it lets everything through.
    pause: Pause,
}

impl Repl {
    pub fn new(session: Session, lang: Lang, width: usize) -> Repl {
        let mut session = session;
        session.set_width(width);
        Repl {
            session,
            lang,
            guide: None,
            paused: None,
            width,
            pause: Box::new(|_| true),
        }
    }

    pub fn style(&self) -> Style {
        self.session.style()
    }

    /// The one-line banner.
    pub fn banner(&self) -> String {
        let text = self.lang.pick(
            "— 언어 설명은 :help, 수업은 :lessons, 끝내기는 Ctrl-D",
            "— :help for the language, :lessons for the lessons, Ctrl-D leaves",
        );
        format!(
            "{} {}\n",
            self.style()
                .heading(&format!("backprop {}", env!("CARGO_PKG_VERSION"))),
            text
        )
    }

    /// The statement a guided lesson offers next, to pre-fill the prompt with.
    pub fn prefill(&self) -> Option<&str> {
        let guide = self.guide.as_ref()?;
        match guide.lesson.items.get(guide.next)? {
            Item::Statement { text, .. } => Some(text),
            Item::Prose(_) => None,
        }
    }

    /// Handles one line the learner typed: a `:command` or statements.
    pub fn handle(&mut self, line: &str, out: &mut dyn Write) -> std::io::Result<Flow> {
        let trimmed = line.trim();
        if let Some(command) = trimmed.strip_prefix(':') {
            return self.command(command, out);
        }
        if trimmed.is_empty() {
            return Ok(Flow::Continue);
        }
        let expected = self.prefill().map(str::to_string);
        let result = self.session.run_paged(line, 0, out, &mut *self.pause);
        for warning in self.session.take_warnings() {
            let text = diagnostic::render_warning(None, line, &warning, &self.style());
            write!(out, "{text}")?;
        }
        let ok = match result {
            Ok(()) => true,
            Err(error) => {
                write!(
                    out,
                    "{}",
                    diagnostic::render(None, line, &error, &self.style())
                )?;
                false
            }
        };
        if let Some(expected) = expected
            && ok
            && is_same_step(line, &expected)
        {
            self.advance(out)?;
        }
        Ok(Flow::Continue)
    }

    fn command(&mut self, command: &str, out: &mut dyn Write) -> std::io::Result<Flow> {
        let (name, arg) = command
            .split_once(char::is_whitespace)
            .unwrap_or((command, ""));
        let arg = arg.trim();
        let style = self.style();
        match name {
            "q" | "quit" | "exit" => return Ok(Flow::Quit),
            "help" | "h" if arg.is_empty() => write!(out, "{}", help::overview(self.lang))?,
            "help" | "h" => match help::layer(arg, self.lang) {
                Some(page) => writeln!(out, "{page}")?,
                None => writeln!(
                    out,
                    "{} {}",
                    style.error("error:"),
                    self.lang.pick(
                        &format!(
                            "'{arg}'에 대한 도움말이 없습니다. 있는 것: {}",
                            help::TOPICS.join(", ")
                        ),
                        &format!(
                            "no help for '{arg}'; there is help for: {}",
                            help::TOPICS.join(", ")
                        ),
                    )
                )?,
            },
            "vars" => self.vars(out)?,
            "reset" => {
                self.session.reset();
                writeln!(
                    out,
                    "{}",
                    self.lang
                        .pick("변수를 모두 지웠습니다.", "All variables forgotten.")
                )?;
            }
            "lessons" => write!(out, "{}", self.lessons_listing())?,
            "lesson" => self.start_lesson(arg, out)?,
            "next" => match self.guide.is_some() {
                true => self.advance(out)?,
                false => self.no_lesson(out)?,
            },
            "prev" => self.back_a_step(out)?,
            "lang" => match Lang::parse(arg) {
                Some(lang) => {
                    self.lang = lang;
                    writeln!(
                        out,
                        "{}",
                        lang.pick("이제 한국어로 안내합니다.", "Now in English.")
                    )?;
                }
                None => writeln!(out, "{} :lang ko|en", style.error("error:"))?,
            },
            "color" | "colour" => match arg {
                "on" => self.session.set_style(Style::new(true)),
                "off" => self.session.set_style(Style::plain()),
                _ => writeln!(out, "{} :color on|off", style.error("error:"))?,
            },
            "seed" => match arg.parse::<u64>() {
                Ok(seed) => self.session.set_seed(seed),
                Err(_) => writeln!(
                    out,
                    "{} :seed takes a whole number, e.g. :seed 42",
                    style.error("error:")
                )?,
            },
            "clear" => write!(out, "\x1b[2J\x1b[H")?,
            _ => {
                let typed = format!(":{name}");
                let hint = suggest::closest(&typed, COMMANDS)
                    .map(|c| format!("did you mean '{c}'? "))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{} unknown command '{typed}'; {hint}the commands are {}",
                    style.error("error:"),
                    COMMANDS.join(" ")
                )?;
            }
        }
        Ok(Flow::Continue)
    }

    fn vars(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let vars = self.session.vars();
        let style = self.style();
        if vars.is_empty() {
            return writeln!(
                out,
                "{}",
                self.lang.pick(
                    "아직 변수가 없습니다. 예: x = [1.0, -2.0]",
                    "No variables yet. Try: x = [1.0, -2.0]"
                )
            );
        }
        let name_width = vars.iter().map(|v| v.name.len()).max().unwrap_or(0);
        for var in vars {
            let shape = shape::describe(&var.shape);
            let grad = if var.has_grad {
                style.grad(self.lang.pick("기울기 있음", "has grad"))
            } else {
                String::new()
            };
            let pad = " ".repeat(name_width - var.name.len());
            writeln!(
                out,
                "{}{pad}  {shape:<12} {:<8} {grad}",
                style.name(&var.name),
                style.layer(var.layer)
            )?;
        }
        Ok(())
    }

    fn no_lesson(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(
            out,
            "{}",
            self.lang.pick(
                "진행 중인 수업이 없습니다. :lessons로 목록을 보세요.",
                "No lesson is running; :lessons lists them."
            )
        )
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
        let lessons = match lesson::all(self.lang) {
            Ok(lessons) => lessons,
            Err(e) => return writeln!(out, "{e}"),
        };
        let Some(found) = lesson::find(&lessons, which) else {
            let slugs: Vec<&str> = lessons.iter().map(|l| l.slug.as_str()).collect();
            let hint = suggest::closest(which, slugs.iter().copied())
                .map(|c| format!("did you mean '{c}'? "))
                .unwrap_or_default();
            return writeln!(
                out,
                "{} no lesson '{which}'; {hint}the lessons are {}",
                self.style().error("error:"),
                slugs.join(", ")
            );
        };
        let header = format!(
            "{} {} · {}",
            self.lang.pick("수업", "Lesson"),
            found.number,
            found.title
        );
        writeln!(out, "{}", self.style().heading(&header))?;
        let how = self.lang.pick(
            "프롬프트에 다음 문장이 채워집니다. Enter로 실행하거나 고쳐서 실행하세요. :next 건너뛰기, :prev 이전 단계, Ctrl-C 잠시 멈춤",
            "The prompt is filled with the next statement: Enter runs it, or edit it first. :next skips, :prev goes back, Ctrl-C pauses",
        );
        for line in lesson::render_prose(how, self.width, &Style::plain()).lines() {
            writeln!(out, "{}", self.style().context(line))?;
        }
        self.guide = Some(Guide {
            lesson: found.clone(),
            next: 0,
        });
        self.show_prose_before_next(out)
    }

    fn lessons_listing(&self) -> String {
        lesson::all(self.lang).map_or_else(
            |e| format!("{e}\n"),
            |l| lesson::listing(&l, self.lang, &self.style()),
        )
    }

    /// Prints the prose between the previous statement and the next one, moving `next` onto the
    /// next statement; finishes the lesson when there is none.
    fn show_prose_before_next(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let style = self.style();
        let width = self.width;
        let Some(guide) = self.guide.as_mut() else {
            return Ok(());
        };
        let start = guide.lesson.items[..guide.next.min(guide.lesson.items.len())]
            .iter()
            .rposition(|item| matches!(item, Item::Statement { .. }))
            .map_or(0, |i| i + 1);
        let mut index = start;
        while let Some(Item::Prose(text)) = guide.lesson.items.get(index) {
            writeln!(out, "\n{}\n", lesson::render_prose(text, width, &style))?;
            index += 1;
        }
        guide.next = index;
        if index >= guide.lesson.items.len() {
            let slug = guide.lesson.slug.clone();
            self.guide = None;
            self.paused = None;
            let _ = lesson::mark_finished(&slug);
            writeln!(
                out,
                "{}",
                style.ok(self.lang.pick(
                    "수업을 마쳤습니다! :lessons로 다음 수업을 고르세요.",
                    "Lesson finished! :lessons to pick the next one."
                ))
            )?;
        }
        Ok(())
    }

    fn advance(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        if let Some(guide) = self.guide.as_mut() {
            guide.next += 1;
        }
        self.show_prose_before_next(out)
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

/// The REPL on a terminal.
pub fn main(args: &Args) -> ExitCode {
    let color = args.color.enabled_for_stdout();
    let lang = Lang::detect(args.lang.as_deref());
    let session = crate::cli::new_session(args, color);
    let mut repl = Repl::new(session, lang, lesson::terminal_width());
    repl.set_pause(Box::new(move |out| wait_for_enter(out, lang)));
    let config = Config::builder()
        .auto_add_history(true)
        .history_ignore_dups(true)
        .map(|b| b.build());
    let mut editor: Editor<EditorHelper, DefaultHistory> =
        match config.and_then(Editor::with_config) {
            Ok(editor) => editor,
            Err(e) => {
                eprintln!("error: cannot open the terminal for editing: {e}");
                return ExitCode::FAILURE;
            }
        };
    let mut helper = EditorHelper::new(Style::new(color));
    helper.lessons = lesson::all(lang)
        .map(|l| l.into_iter().map(|l| l.slug).collect())
        .unwrap_or_default();
    editor.set_helper(Some(helper));
    let history = if args.no_history {
        None
    } else {
        paths::history_file()
    };
    let mut history = History::open(history, &mut editor);

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let _ = write!(out, "{}", repl.banner());
    loop {
        let prompt = ">>> ";
        let prefill = repl.prefill().map(str::to_string);
        let read = match &prefill {
            Some(text) => editor.readline_with_initial(prompt, (text, "")),
            None => editor.readline(prompt),
        };
        match read {
            Ok(line) => {
                history.append(&mut editor, &mut out);
                let flow = repl.handle(&line, &mut out).unwrap_or(Flow::Quit);
                let _ = out.flush();
                if flow == Flow::Quit {
                    break;
                }
                if let Some(helper) = editor.helper_mut() {
                    helper.names = repl.session.known_names();
                    helper.style = repl.style();
                }
            }
            // Ctrl-C clears the line; in a lesson it also stops pre-filling until `:lesson`.
            Err(ReadlineError::Interrupted) => {
                if prefill.is_some() {
                    repl.pause_lesson();
                    let _ = writeln!(
                        out,
                        "{}",
                        repl.style().context(lang.pick(
                            "(수업 일시 정지: :lesson으로 계속)",
                            "(lesson paused: :lesson carries on)"
                        ))
                    );
                }
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("error: cannot read the terminal: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// Waits for Enter between the steps of `step` on a terminal; `q` stops.
fn wait_for_enter(out: &mut dyn Write, lang: Lang) -> bool {
    let prompt = lang.pick(
        "[Enter: 다음 노드, q: 그만] ",
        "[Enter: next node, q: stop] ",
    );
    let _ = write!(out, "{prompt}");
    let _ = out.flush();
    let mut answer = String::new();
    match std::io::stdin().read_line(&mut answer) {
        Ok(0) | Err(_) => false,
        Ok(_) => answer.trim() != "q",
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
    ) -> History {
        if let Some(path) = &path
            && path.exists()
            && editor.load_history(path).is_err()
        {
            eprintln!(
                "warning: cannot read the history file {}; carrying on without it",
                path.display()
            );
            return History { path: None };
        }
        History { path }
    }

    fn append(&mut self, editor: &mut Editor<EditorHelper, DefaultHistory>, out: &mut dyn Write) {
        let Some(path) = &self.path else { return };
        let created = path.parent().map_or(Ok(()), std::fs::create_dir_all);
        if created
            .and_then(|()| editor.append_history(path).map_err(std::io::Error::other))
            .is_err()
        {
            let _ = writeln!(
                out,
                "warning: cannot write the history file {}; history is off for this session",
                path.display()
            );
            self.path = None;
        }
    }
}
