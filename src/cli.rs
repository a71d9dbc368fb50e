//! The command line: which of the three ways to run (REPL, script, lesson) and with what
//! options. `main.rs` only calls `cli::main`.

use crate::script::{self, ScriptOptions};
use crate::session::Session;
use crate::style::{ColorChoice, Style};
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

pub const USAGE: &str = "\
backprop: chapter 5 of Deep Learning from Scratch, as a language you can type

usage:
  backprop [OPTIONS]                 interactive session (a script when stdin is a pipe)
  backprop run [OPTIONS] FILE...     run scripts; `-` reads stdin
  backprop lesson [N|NAME]           list the lessons, or play one

options:
  --color auto|always|never   colour (default auto: only on a terminal, never with NO_COLOR)
  --keep-going                run: carry on after an error (the exit status is still 1)
  --seed N                    the seed for randn (default 0)
  --lang ko|en                the language of lessons and help (default from LANG)
  --no-history                do not read or write the REPL history file
  --no-pause                  lesson: play straight through
  -h, --help                  this text
  -V, --version               the version
";

/// Everything the command line can say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args {
    pub command: Command,
    pub color: ColorChoice,
    pub keep_going: bool,
    pub seed: Option<u64>,
    pub lang: Option<String>,
    pub no_history: bool,
    pub no_pause: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub enum Command {
    /// No subcommand: the REPL on a terminal, a script from stdin otherwise.
    #[default]
    Interactive,
    Run(Vec<String>),
    Lesson(Option<String>),
    Help,
    Version,
}

/// Parses the arguments after the program name.
pub fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Args, String> {
    let mut parsed = Args::default();
    let mut positional = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let arg = arg
            .into_string()
            .map_err(|a| format!("argument {a:?} is not valid UTF-8"))?;
        let mut value_of = |flag: &str| {
            args.next()
                .and_then(|v| v.into_string().ok())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match arg.as_str() {
            "-h" | "--help" => parsed.command = Command::Help,
            "-V" | "--version" => parsed.command = Command::Version,
            "--keep-going" => parsed.keep_going = true,
            "--no-history" => parsed.no_history = true,
            "--no-pause" => parsed.no_pause = true,
            "--color" | "--colour" => {
                let value = value_of("--color")?;
                parsed.color = ColorChoice::parse(&value)
                    .ok_or_else(|| format!("--color takes auto, always or never, not '{value}'"))?;
            }
            "--seed" => {
                let value = value_of("--seed")?;
                parsed.seed = Some(
                    value
                        .parse()
                        .map_err(|_| format!("--seed takes a whole number, not '{value}'"))?,
                );
            }
            "--lang" => {
                let value = value_of("--lang")?;
                if value != "ko" && value != "en" {
                    return Err(format!("--lang takes ko or en, not '{value}'"));
                }
                parsed.lang = Some(value);
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option '{flag}'; see backprop --help"));
            }
            _ => positional.push(arg),
        }
    }
    if matches!(parsed.command, Command::Help | Command::Version) {
        return Ok(parsed);
    }
    let mut positional = positional.into_iter();
    parsed.command = match positional.next().as_deref() {
        None => Command::Interactive,
        Some("run") => {
            let files: Vec<String> = positional.collect();
            if files.is_empty() {
                return Err("run needs a script: backprop run FILE (or - for stdin)".to_string());
            }
            Command::Run(files)
        }
        Some("lesson") | Some("lessons") => {
            let which = positional.next();
            if let Some(extra) = positional.next() {
                return Err(format!("lesson takes one lesson, not also '{extra}'"));
            }
            Command::Lesson(which)
        }
        Some(other) => {
            return Err(format!(
                "unknown command '{other}'; the commands are run and lesson (see backprop --help)"
            ));
        }
    };
    Ok(parsed)
}

/// The whole program: parse arguments, run, and turn the outcome into an exit status.
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args = match parse_args(args.into_iter().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    match &args.command {
        Command::Help => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::Version => {
            println!("backprop {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Run(files) => run_scripts(&args, files),
        Command::Interactive => {
            if std::io::stdin().is_terminal() {
                crate::repl::main(&args)
            } else {
                run_scripts(&args, &["-".to_string()])
            }
        }
        Command::Lesson(which) => crate::lesson::main(&args, which.as_deref()),
    }
}

/// A session set up from the options that every way of running shares.
pub fn new_session(args: &Args, color: bool) -> Session {
    let mut session = Session::new();
    session.set_style(Style::new(color));
    if let Some(seed) = args.seed {
        session.set_seed(seed);
    }
    session
}

fn run_scripts(args: &Args, files: &[String]) -> ExitCode {
    let mut session = new_session(args, args.color.enabled_for_stdout());
    let err_style = Style::new(args.color.enabled_for_stderr());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let mut failures = 0;
    for path in files {
        let src = match script::read_script(path) {
            Ok(src) => src,
            Err(line) => {
                let _ = out.flush();
                let _ = writeln!(err, "{line}");
                return ExitCode::FAILURE;
            }
        };
        let options = ScriptOptions {
            keep_going: args.keep_going,
        };
        let origin = script::origin_name(path);
        failures += script::run_source(
            &mut session,
            origin,
            &src,
            &mut out,
            &mut err,
            &err_style,
            options,
        );
        if failures > 0 && !args.keep_going {
            break;
        }
    }
    // A session with a million nodes takes a noticeable time to free; the process is ending,
    // so let the operating system reclaim it.
    std::mem::forget(session);
    if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
