//! Helpers shared by the integration tests: run a script in-process or through the binary.

use backprop::app::runner;
use backprop::app::script::{self, ScriptOptions};
use backprop::lang::error::Error;
use backprop::py::workspace::Workspace;
use backprop::session::Session;
use backprop::show::View;
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// What a run printed: stdout, stderr, and how many statements failed.
pub struct Ran {
    pub stdout: String,
    pub stderr: String,
    pub failures: usize,
}

/// Runs `src` in a fresh session, in-process, colour off, stopping at the first error.
pub fn run(src: &str) -> Ran {
    run_with(src, ScriptOptions::default())
}

pub fn run_with(src: &str, options: ScriptOptions) -> Ran {
    let mut session = Workspace::new(Session::new());
    let mut out = Vec::new();
    let mut err = Vec::new();
    let failures = script::run_source(
        &mut session,
        "test.bp",
        src,
        &mut out,
        &mut err,
        &View::plain(),
        &View::plain(),
        options,
    )
    .expect("a Vec takes any output");
    Ran {
        stdout: String::from_utf8(out).expect("stdout is UTF-8"),
        stderr: unwrapped(&String::from_utf8(err).expect("stderr is UTF-8")),
        failures,
    }
}

/// Diagnostics with each header on one line again: the program wraps a long `error:` or
/// `warning:` line at 80 columns, its later lines indented by two spaces, and the place where it
/// breaks depends on the file's name. Tests of what a message says compare it unwrapped;
/// `columns.rs` tests the wrapping itself.
pub fn unwrapped(text: &str) -> String {
    const LABELS: [&str; 4] = ["error: ", "warning: ", "오류: ", "경고: "];
    let is_caret = |line: &str| {
        let marks = line.trim_start();
        !marks.is_empty() && marks.chars().all(|c| c == '^')
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::new();
    let mut in_header = false;
    for (i, line) in lines.iter().enumerate() {
        // The source line under a header may be indented too, but a caret line follows it.
        let continues = in_header
            && line.starts_with("  ")
            && !lines.get(i + 1).is_some_and(|next| is_caret(next));
        match out.last_mut() {
            Some(header) if continues => {
                header.push(' ');
                header.push_str(&line[2..]);
            }
            _ => {
                in_header = LABELS.iter().any(|label| line.contains(label));
                out.push(line.to_string());
            }
        }
    }
    out.join("\n")
}

/// The path of the binary cargo built for these tests.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_backprop")
}

/// Runs the real binary with `args`, feeding `stdin`, with colour left to the environment given;
/// its diagnostics on stderr `unwrapped`.
pub fn binary(args: &[&str], stdin: &[u8], envs: &[(&str, &str)]) -> Output {
    let mut output = binary_as_written(args, stdin, envs);
    if let Ok(text) = std::str::from_utf8(&output.stderr) {
        output.stderr = unwrapped(text).into_bytes();
    }
    output
}

/// Runs the real binary as `binary` does, its stderr exactly as it was written.
pub fn binary_as_written(args: &[&str], stdin: &[u8], envs: &[(&str, &str)]) -> Output {
    let mut command = Command::new(bin());
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command.env_remove("NO_COLOR").env("LANG", "C");
    for (key, value) in envs {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("the binary starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    input.write_all(stdin).expect("stdin accepts the script");
    drop(input);
    child.wait_with_output().expect("the binary finishes")
}

/// Checks `text` against the snapshot `tests/snapshots/NAME.snap`. Under CI (`CI=true`) a
/// changed transcript fails until the new snapshot is reviewed and committed.
pub fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// Escape codes made visible, so a snapshot shows exactly which colour each piece has.
pub fn visible_escapes(text: &str) -> String {
    text.replace('\u{1b}', "␛")
}

/// A session and how it is shown, run line by line as the REPL runs them: what tests use in
/// place of a bare `Session`, whose `run` hands back data rather than text.
pub struct Shell {
    pub session: Session,
    pub view: View,
}

impl Shell {
    /// A fresh session, 80 columns, colour off, English.
    pub fn new() -> Shell {
        Shell {
            session: Session::new(),
            view: View::plain(),
        }
    }

    /// Runs one line and writes what it prints into `out`.
    pub fn run(&mut self, text: &str, base: usize, out: &mut Vec<u8>) -> Result<(), Error> {
        let result = runner::run_line(&mut self.session, &self.view, text, base, out, &mut |_| {
            true
        });
        result.map_err(|failure| match failure {
            runner::Failure::Statement(error) => error,
            runner::Failure::Output(e) => panic!("a Vec cannot fail to be written: {e}"),
            runner::Failure::Python(e) => panic!("the session raises no Python exception: {e:?}"),
        })
    }
}

impl std::ops::Deref for Shell {
    type Target = Session;

    fn deref(&self) -> &Session {
        &self.session
    }
}

impl std::ops::DerefMut for Shell {
    fn deref_mut(&mut self) -> &mut Session {
        &mut self.session
    }
}

/// `text` without its ANSI colour sequences (`ESC [ … m`).
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(ch) = chars.next() {
        if ch == '\x1b' {
            // Skip to the `m` that ends the sequence.
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(ch);
        }
    }
    out
}
