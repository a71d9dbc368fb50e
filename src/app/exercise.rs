//! The exercises, rustlings' way: a task, a skeleton with `# TODO`, three hints, a grader
//! (`py::grader`) and a model solution, for each of the chapter's layers and the network. They
//! are data (`lessons/exercises/`, embedded by `build.rs`): Markdown for the task and hints, a
//! skeleton per language, one solution. This module reads them, keeps the ✓ marks, and runs
//! `backprop exercise [NAME] [--check] [--hint]`: write the file, grade it, and grade it again
//! on every save until it passes or `q` is pressed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::app::options::Args;
use crate::app::paths;
use crate::i18n::Lang;
use crate::msg;
use crate::py::grader::{self, Verdict};
use crate::show::View;
use crate::show::style::Style;

use crate::app::lesson::EXERCISE_FILES;

/// One exercise in one language.
#[derive(Debug, Clone)]
pub struct Exercise {
    pub number: u32,
    pub slug: String,
    pub title: String,
    pub task: String,
    pub hints: Vec<String>,
    pub skeleton: String,
    pub solution: String,
}

impl Exercise {
    /// Where `backprop exercise` writes it: `exercises/04_relu.py`.
    pub fn file(&self) -> PathBuf {
        Path::new("exercises").join(format!("{:02}_{}.py", self.number, self.slug))
    }

    /// The class the learner writes, where the exercise asks for one.
    pub fn class(&self) -> Option<&'static str> {
        grader::class_of(&self.slug)
    }
}

/// Every exercise in `lang`, in order.
pub fn all(lang: Lang) -> Vec<Exercise> {
    let code = lang.code();
    let mut out = Vec::new();
    for (path, text) in EXERCISE_FILES {
        let Some(name) = path
            .strip_prefix(code)
            .and_then(|p| p.strip_prefix('/'))
            .and_then(|p| p.strip_suffix(".md"))
        else {
            continue;
        };
        let Some((number, slug)) = name.split_once('-') else {
            continue;
        };
        let file = |dir: &str| {
            EXERCISE_FILES
                .iter()
                .find(|(p, _)| *p == format!("{dir}/{name}.py"))
                .map(|(_, t)| t.to_string())
                .unwrap_or_default()
        };
        let (title, task, hints) = parse(text);
        out.push(Exercise {
            number: number.parse().unwrap_or(0),
            slug: slug.to_string(),
            title,
            task,
            hints,
            skeleton: file(code),
            solution: file("solutions"),
        });
    }
    out.sort_by_key(|e| e.number);
    out
}

/// The title, the task and the hints of an exercise's Markdown.
fn parse(text: &str) -> (String, String, Vec<String>) {
    let mut title = String::new();
    let mut task = String::new();
    let mut hints: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(t) = line.strip_prefix("# ") {
            title = t.trim().to_string();
        } else if line.trim() == "## hint" {
            hints.push(String::new());
        } else {
            let into = hints.last_mut().unwrap_or(&mut task);
            into.push_str(line);
            into.push('\n');
        }
    }
    let trim = |s: &str| s.trim().to_string();
    (
        trim(&title),
        trim(&task),
        hints.iter().map(|h| trim(h)).collect(),
    )
}

/// The exercise `which` names: its number, its slug, or the start of one.
pub fn find<'a>(list: &'a [Exercise], which: &str) -> Option<&'a Exercise> {
    crate::app::lesson::find_by(list, which, |e| (e.number, e.slug.as_str()))
}

fn progress_file() -> Option<PathBuf> {
    paths::data_dir().map(|d| d.join("finished-exercises"))
}

/// The slugs of the exercises passed so far.
pub fn finished() -> Vec<String> {
    paths::marks(progress_file())
}

/// Records that `slug` was finished. Failing to write is not worth stopping for; the caller
/// may warn.
pub fn mark_finished(slug: &str) -> std::io::Result<()> {
    paths::add_mark(progress_file(), slug)
}

/// The list with ✓ marks, and which is next.
pub fn listing(lang: Lang, style: &Style) -> String {
    let list = all(lang);
    let done = finished();
    let mut out = format!("{}\n", lang.word("ex-listing"));
    let rows: Vec<(u32, &str, &str)> = list
        .iter()
        .map(|e| (e.number, e.title.as_str(), e.slug.as_str()))
        .collect();
    out.push_str(&crate::app::lesson::listing_rows(&rows, &done, style));
    match list.iter().find(|e| !done.contains(&e.slug)) {
        Some(next) => out.push_str(&format!(
            "{}\n",
            lang.say(&msg!("ex-next", name = next.slug.as_str()))
        )),
        None => out.push_str(&format!("{}\n", lang.word("ex-all-done"))),
    }
    out
}

/// The task, as the REPL and the file watcher print it.
pub fn task_text(e: &Exercise, view: &View) -> String {
    let heading = view.style.heading(&format!("{}. {}", e.number, e.title));
    let body = crate::app::lesson::render_prose(&e.task, view.width, &view.style);
    format!("{heading}\n{body}\n")
}

/// Hint `n` (from 1), or a word that there are no more.
pub fn hint_text(e: &Exercise, n: usize, view: &View) -> String {
    match e.hints.get(n.saturating_sub(1)) {
        Some(h) => {
            let head = view
                .lang
                .say(&msg!("ex-hint-heading", n = n, of = e.hints.len()));
            let body = crate::app::lesson::render_prose(h, view.width, &view.style);
            format!("{}\n{body}\n", view.style.heading(&head))
        }
        None => format!("{}\n", view.lang.word("ex-no-more-hints")),
    }
}

/// A verdict as text: the ✓, or the first thing wrong and what to do.
pub fn verdict_text(v: &Verdict, view: &View) -> String {
    let mut out = String::new();
    for (i, line) in v.lines.iter().enumerate() {
        let text = view.lang.say(line);
        let text = if i == 0 && v.passed {
            view.style.ok(&text)
        } else if i == 0 {
            view.style.error(&format!("✗ {text}"))
        } else {
            text
        };
        out.push_str(&crate::show::wrap::wrap_line(&text, view.width, "  "));
        out.push('\n');
    }
    out
}

/// After a pass of a layer exercise: the learner's layer on a small case, its graph and a
/// `step` through one backward.
pub fn show_pass(e: &Exercise, src: &str, view: &View) -> String {
    let (setup, target) = match e.slug.as_str() {
        "add" | "mul" => (
            format!(
                "layer = {}()\nx = np.array([1.0, 2.0])\ny = np.array([3.0, -1.0])\nz = layer.forward(x, y)\n",
                e.class().unwrap_or_default()
            ),
            "z",
        ),
        "relu" | "sigmoid" => (
            format!(
                "layer = {}()\nx = np.array([[1.0, -0.5], [-2.0, 3.0]])\ny = layer.forward(x)\n",
                e.class().unwrap_or_default()
            ),
            "y",
        ),
        "affine" => (
            "W = np.array([[1.0, -1.0], [0.5, 2.0]])\nb = np.array([0.1, 0.2])\nlayer = Affine(W, b)\n\
             x = np.array([[1.0, 2.0]])\ny = layer.forward(x)\n"
                .to_string(),
            "y",
        ),
        "softmax_with_loss" => (
            "layer = SoftmaxWithLoss()\nx = np.array([[2.0, 1.0, 0.1]])\nt = np.array([[1.0, 0.0, 0.0]])\n\
             loss = layer.forward(x, t)\n"
                .to_string(),
            "loss",
        ),
        _ => return String::new(),
    };
    // A workspace of its own, torn down after, without touching the REPL's objects.
    crate::py::value::with_own_tracking(|| {
        let mut ws = crate::py::workspace::Workspace::new(crate::session::Session::new());
        ws.session.set_echo(false);
        let mut out = Vec::new();
        let text = format!("{src}\n{setup}graph {target}\nstep {target}\n");
        let _ = crate::app::runner::run_text(&mut ws, view, &text, &mut out, &mut |_| true);
        ws.session.take_warnings();
        ws.reset();
        ws.interp.free_modules();
        String::from_utf8_lossy(&out).into_owned()
    })
}

/// `backprop exercise [NAME] [--check] [--hint]`.
pub fn main(args: &Args, which: Option<&str>, check: bool, hint: bool) -> ExitCode {
    let lang = args.lang();
    let view = args.stdout_view(crate::app::lesson::terminal_width());
    let mut stdout = std::io::stdout();
    let list = all(lang);
    let Some(which) = which else {
        let _ = write!(stdout, "{}", listing(lang, &view.style));
        return ExitCode::SUCCESS;
    };
    let Some(e) = find(&list, which) else {
        let message = msg!("ex-unknown", name = which);
        eprint!(
            "{}",
            crate::show::diagnostic::render_message(&message, &args.stderr_view())
        );
        return ExitCode::from(2);
    };
    let path = e.file();
    if !path.exists() {
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, &e.skeleton));
        if let Err(err) = written {
            let message = msg!(
                "dot-cannot-write",
                file = path.display().to_string(),
                reason = crate::app::runner::io_reason(&err)
            );
            eprint!(
                "{}",
                crate::show::diagnostic::render_message(&message, &args.stderr_view())
            );
            return ExitCode::FAILURE;
        }
        let _ = writeln!(
            stdout,
            "{}",
            lang.say(&msg!("ex-wrote", file = path.display().to_string()))
        );
    }
    if hint {
        let _ = write!(stdout, "{}", hint_text(e, 1, &view));
    }
    let passed = grade_file(e, &path, &view, &mut stdout);
    if check {
        return if passed {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    if passed {
        return ExitCode::SUCCESS;
    }
    watch(e, &path, &view, &mut stdout)
}

/// Grades the file once and prints the verdict; true on a pass (which is recorded).
fn grade_file(e: &Exercise, path: &Path, view: &View, out: &mut dyn Write) -> bool {
    let src = std::fs::read_to_string(path).unwrap_or_default();
    let verdict = grader::grade(&e.slug, &src);
    let _ = write!(out, "{}", verdict_text(&verdict, view));
    if verdict.passed {
        let _ = mark_finished(&e.slug);
        let _ = write!(out, "{}", show_pass(e, &src, view));
    }
    let _ = out.flush();
    verdict.passed
}

/// Grades the file again after each save, until it passes or `q` (then Enter) is typed.
fn watch(e: &Exercise, path: &Path, view: &View, out: &mut dyn Write) -> ExitCode {
    use notify::Watcher;
    let (tx, rx) = std::sync::mpsc::channel();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && (event.kind.is_modify() || event.kind.is_create())
        {
            let _ = tx.send(());
        }
    });
    // The folder is watched, not the file: an editor that saves by replacing the file still
    // counts.
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut watcher = match watcher {
        Ok(w) => w,
        Err(_) => return ExitCode::FAILURE,
    };
    if watcher
        .watch(folder, notify::RecursiveMode::NonRecursive)
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    let _ = writeln!(
        out,
        "{}",
        view.style.context(
            &view
                .lang
                .say(&msg!("ex-watching", file = path.display().to_string()))
        )
    );
    let _ = out.flush();
    let mut last = std::fs::read_to_string(path).unwrap_or_default();
    // `q` alone stops the watch on a terminal; elsewhere a line `q`, or the end of input.
    let _keys = crate::app::waiting::Keys::new();
    loop {
        if crate::engine::interrupt::requested() {
            return ExitCode::FAILURE;
        }
        if rx
            .recv_timeout(std::time::Duration::from_millis(100))
            .is_ok()
        {
            // Let the editor finish writing, and take every event of this save at once.
            std::thread::sleep(std::time::Duration::from_millis(50));
            while rx.try_recv().is_ok() {}
            let now = std::fs::read_to_string(path).unwrap_or_default();
            if now != last {
                last = now;
                if grade_file(e, path, view, out) {
                    return ExitCode::SUCCESS;
                }
            }
        }
        if crate::app::waiting::stdin_ready(0) {
            use std::io::Read;
            let mut byte = [0u8; 1];
            match std::io::stdin().read(&mut byte) {
                Ok(0) | Err(_) => return ExitCode::FAILURE,
                Ok(_) if byte[0] == b'q' || byte[0] == b'Q' => return ExitCode::FAILURE,
                Ok(_) => {}
            }
        }
    }
}
