//! What every way of running shares: the parsed command line, and the session and view it sets
//! up. The REPL and lesson playback take these from here, not from `cli`.

use crate::i18n::Lang;
use crate::session::{Progress, ProgressHook, Session};
use crate::show::style::{ColorChoice, Style};
use crate::show::{View, progress};

/// Everything the command line can say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args {
    pub command: Command,
    pub color: ColorChoice,
    pub keep_going: bool,
    pub seed: Option<u32>,
    /// `--max-memory`: the session's budget in bytes.
    pub max_memory: Option<usize>,
    pub lang: Option<String>,
    pub no_history: bool,
    pub no_pause: bool,
    /// `exercise --check`: grade once, exit 0 on a pass and 1 otherwise.
    pub check: bool,
    /// `exercise --hint`: show the first hint.
    pub hint: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub enum Command {
    /// No subcommand: the REPL on a terminal, a script from stdin otherwise.
    #[default]
    Interactive,
    Run(Vec<String>),
    Lesson(Option<String>),
    /// `exercise [NAME] [--check] [--hint]`.
    Exercise {
        which: Option<String>,
        check: bool,
        hint: bool,
    },
    Help,
    Version,
}

/// A progress bar on stderr for long work, when stderr is a terminal; none otherwise, so that
/// logs and pipes get no carriage returns.
pub fn progress_hook(lang: Lang) -> Option<ProgressHook> {
    use std::io::{IsTerminal, Write};
    if !std::io::stderr().is_terminal() {
        return None;
    }
    // When the loop bar was last drawn: it waits half a second before the first frame, and
    // then draws at most ten a second.
    let drawn: std::sync::Mutex<Option<std::time::Duration>> = std::sync::Mutex::new(None);
    Some(ProgressHook(std::sync::Arc::new(move |work| {
        let mut err = std::io::stderr().lock();
        // A bar that cannot be drawn is no reason to stop the work.
        match work {
            Progress::Check { done, total } => {
                if !progress::changed(done, total) {
                    return;
                }
                let _ = if done >= total {
                    write!(err, "\r\x1b[K")
                } else {
                    write!(err, "\r{}\x1b[K", progress::frame(lang, done, total))
                };
            }
            Progress::Loop {
                done,
                total,
                elapsed,
                loss,
            } => {
                let Ok(mut last) = drawn.lock() else { return };
                if done >= total {
                    if last.take().is_some() {
                        let _ = write!(err, "\r\x1b[K");
                    }
                    return;
                }
                let due = match *last {
                    None => elapsed.as_millis() >= 500,
                    Some(at) => elapsed.saturating_sub(at).as_millis() >= 100,
                };
                if due {
                    *last = Some(elapsed);
                    let frame = progress::loop_frame(lang, done, total, elapsed, loss);
                    let _ = write!(err, "\r{frame}\x1b[K");
                }
            }
        }
        let _ = err.flush();
    })))
}

impl Args {
    /// The language: `--lang`, else the locale.
    pub fn lang(&self) -> Lang {
        Lang::detect(self.lang.as_deref())
    }

    /// A session set up from the options that every way of running shares.
    pub fn new_session(&self) -> Session {
        let mut session = Session::new();
        if let Some(seed) = self.seed {
            session.set_seed(seed);
        }
        if let Some(bytes) = self.max_memory {
            session.set_budget(bytes);
        }
        session.set_progress(progress_hook(self.lang()));
        // On a terminal, imshow draws only what fits on the screen.
        if let Some((width, height)) = terminal_size::terminal_size() {
            session.set_terminal_size(usize::from(height.0), usize::from(width.0));
        }
        session
    }

    /// How stdout shows text, `width` columns wide.
    pub fn stdout_view(&self, width: usize) -> View {
        View::new(
            Style::new(self.color.enabled_for_stdout()),
            width,
            self.lang(),
        )
    }

    /// How stderr shows diagnostics.
    pub fn stderr_view(&self) -> View {
        View::new(Style::new(self.color.enabled_for_stderr()), 80, self.lang())
    }
}
