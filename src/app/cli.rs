//! The command line: which of the three ways to run (REPL, script, lesson) and with what
//! options. `main.rs` only calls `cli::main`.

use crate::app::options::{Args, Command};
use crate::app::runner;
use crate::app::script::{self, ScriptOptions};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::show::style::ColorChoice;
use crate::show::{View, diagnostic};
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Parses the arguments after the program name.
pub fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Args, Message> {
    let mut parsed = Args::default();
    let mut positional = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let arg = arg
            .into_string()
            .map_err(|a| msg!("arg-not-utf8", arg = format!("{a:?}")))?;
        let mut value_of = |flag: &str| {
            args.next()
                .and_then(|v| v.into_string().ok())
                .ok_or_else(|| msg!("arg-needs-value", flag = flag))
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
                    .ok_or_else(|| msg!("arg-bad-color", value = &value))?;
            }
            "--seed" => {
                let value = value_of("--seed")?;
                parsed.seed = Some(
                    value
                        .parse()
                        .map_err(|_| msg!("arg-bad-seed", value = &value))?,
                );
            }
            "--max-memory" => {
                let value = value_of("--max-memory")?;
                parsed.max_memory = Some(
                    crate::engine::memory::parse_size(&value)
                        .ok_or_else(|| msg!("arg-bad-memory", value = &value))?,
                );
            }
            "--lang" => {
                let value = value_of("--lang")?;
                if value != "ko" && value != "en" {
                    return Err(msg!("arg-bad-lang", value = &value));
                }
                parsed.lang = Some(value);
            }
            "--check" => parsed.check = true,
            "--hint" => parsed.hint = true,
            flag if flag.starts_with("--") => {
                return Err(msg!("arg-unknown-option", flag = flag));
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
                return Err(msg!("arg-run-needs-file"));
            }
            Command::Run(files)
        }
        Some("lesson") | Some("lessons") => {
            let which = positional.next();
            if let Some(extra) = positional.next() {
                return Err(msg!("arg-lesson-extra", extra = extra));
            }
            Command::Lesson(which)
        }
        Some("exercise") | Some("exercises") => {
            let which = positional.next();
            if let Some(extra) = positional.next() {
                return Err(msg!("arg-lesson-extra", extra = extra));
            }
            Command::Exercise {
                which,
                check: parsed.check,
                hint: parsed.hint,
            }
        }
        Some(other) => {
            return Err(msg!("arg-unknown-command", command = other));
        }
    };
    Ok(parsed)
}

/// The whole program: parse arguments, run, and turn the outcome into an exit status.
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    fix_mmap_threshold();
    // Ctrl-C stops the statement at work, never the session (see engine::interrupt).
    crate::engine::interrupt::install_handler();
    let args = match parse_args(args.into_iter().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            let view = View::new(
                crate::show::style::Style::new(ColorChoice::Auto.enabled_for_stderr()),
                80,
                Lang::detect(None),
            );
            eprint!("{}", diagnostic::render_message(&message, &view));
            return ExitCode::from(2);
        }
    };
    // Rust's standard output quietly drops writes to a closed descriptor (EBADF); a run whose
    // output goes nowhere must say so instead of exiting 0.
    if let Some(closed) = closed_stdout() {
        return runner::output_failed(&closed, &args.stderr_view());
    }
    match &args.command {
        Command::Help => write_out(&format!("{}\n", args.lang().word("usage")), &args),
        Command::Version => write_out(&format!("backprop {}\n", env!("CARGO_PKG_VERSION")), &args),
        // A `.bp` script runs in the session alone, which needs no deep stack; Python does.
        Command::Run(files) if files.iter().any(|f| f.ends_with(".py")) => {
            on_big_stack(&args, || run_scripts(&args, files))
        }
        Command::Run(files) => run_scripts(&args, files),
        Command::Interactive => {
            if std::io::stdin().is_terminal() {
                on_big_stack(&args, || crate::app::repl::main(&args))
            } else {
                run_scripts(&args, &["-".to_string()])
            }
        }
        Command::Lesson(which) => {
            on_big_stack(&args, || crate::app::lesson::main(&args, which.as_deref()))
        }
        Command::Exercise { which, check, hint } => on_big_stack(&args, || {
            crate::app::exercise::main(&args, which.as_deref(), *check, *hint)
        }),
    }
}

/// Runs `f` where Python's calls have room to nest a thousand deep (see `py::on_big_stack`).
fn on_big_stack(args: &Args, f: impl FnOnce() -> ExitCode + Send) -> ExitCode {
    match crate::py::on_big_stack(f) {
        Ok(code) => code,
        Err(why) => {
            let message = match why {
                crate::py::Stackless::NoThread => msg!("py-no-thread"),
                crate::py::Stackless::Crashed => msg!("py-crashed"),
            };
            eprint!(
                "{}",
                diagnostic::render_message(&message, &args.stderr_view())
            );
            ExitCode::FAILURE
        }
    }
}

/// Makes glibc give every array of 16 MiB or more its own mapping, returned to the system when
/// the array goes. glibc's own threshold moves up after such a free (to 32 MiB), and from then
/// on a 2000×2000 array stays in the heap after it is freed, so the peak memory would depend on
/// the order of earlier frees (32 MB more in `bench/compare.sh`'s (b)) rather than on what is
/// alive. Measured cost: within the noise of (b)'s time.
fn fix_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; it is called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 16 << 20);
    }
}

/// Writes `text` to stdout and flushes it: 141 quietly on a closed pipe, 1 with a message on
/// any other failure (a full disk), as every way of running does.
fn write_out(text: &str, args: &Args) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => runner::output_failed(&e, &args.stderr_view()),
    }
}

/// The error of a standard output that was closed when the program started
/// (`backprop run s.bp >&-`), if it was. Rust's runtime opens `/dev/null` read-write in the
/// place of a closed standard descriptor, so such a stdout is `/dev/null` opened for reading
/// too, which no shell redirection (`> /dev/null` opens it write-only) makes.
pub fn closed_stdout() -> Option<std::io::Error> {
    let fd = libc::STDOUT_FILENO;
    // SAFETY: fcntl(F_GETFL) and fstat only read the descriptor's flags and status into the
    // zeroed `stat` we own; they have no other memory effects.
    let (flags, stat) = unsafe {
        let mut stat: libc::stat = std::mem::zeroed();
        (
            libc::fcntl(fd, libc::F_GETFL),
            (libc::fstat(fd, &mut stat) == 0).then_some(stat),
        )
    };
    if flags == -1 {
        return Some(std::io::Error::last_os_error());
    }
    let dev_null = std::fs::metadata("/dev/null").ok().map(|m| {
        use std::os::unix::fs::MetadataExt;
        m.rdev()
    });
    let is_dev_null = stat.is_some_and(|stat| {
        (stat.st_mode & libc::S_IFMT) == libc::S_IFCHR && Some(stat.st_rdev) == dev_null
    });
    let read_write = flags & libc::O_ACCMODE == libc::O_RDWR;
    (is_dev_null && read_write).then(|| std::io::Error::from_raw_os_error(libc::EBADF))
}

fn run_scripts(args: &Args, files: &[String]) -> ExitCode {
    let mut ws = crate::py::workspace::Workspace::new(args.new_session());
    let view = args.stdout_view(80);
    let err_view = args.stderr_view();
    let stdout = std::io::stdout();
    // At a terminal each line shows as it is printed, as Python's does, so that a long loop's
    // prints are seen while it runs; into a file or a pipe, output is written in blocks.
    let locked = || -> Box<dyn Write> {
        let stdout = std::io::stdout();
        if stdout.is_terminal() {
            Box::new(std::io::LineWriter::new(stdout.lock()))
        } else {
            Box::new(std::io::BufWriter::new(stdout.lock()))
        }
    };
    let mut out = locked();
    let mut err = std::io::stderr();
    let mut failures = 0;
    for path in files {
        let src = match script::read_script(path, &err_view) {
            Ok(src) => src,
            Err(line) => {
                if let Err(e) = out.flush() {
                    return runner::output_failed(&e, &err_view);
                }
                let _ = writeln!(err, "{line}");
                // Ctrl-C while a terminal was being read: stopped, as a script is, with 130.
                if crate::engine::interrupt::requested() {
                    return ExitCode::from(130);
                }
                return ExitCode::FAILURE;
            }
        };
        if path.ends_with(".py") && crate::py::runs_as_python(&src) {
            // A Python file runs in the Python stage, as `python3 FILE.py` would.
            if let Err(e) = out.flush() {
                return runner::output_failed(&e, &err_view);
            }
            // The Python stage prints from its own thread: let go of the lock on stdout.
            drop(std::mem::replace(&mut out, Box::new(std::io::sink())));
            let py_out: Box<dyn Write + Send> = if stdout.is_terminal() {
                Box::new(std::io::LineWriter::new(std::io::stdout()))
            } else {
                Box::new(std::io::BufWriter::new(std::io::stdout()))
            };
            let finished = crate::py::run_file(script::origin_name(path), &src, py_out, &err_view);
            let mut py_out = finished.out;
            if let Err(e) = py_out.flush() {
                return runner::output_failed(&e, &err_view);
            }
            if let Some(text) = finished.error {
                let _ = err.write_all(text.as_bytes());
                failures += 1;
            }
            if finished.interrupted {
                crate::engine::interrupt::request();
            }
            out = locked();
            if (failures > 0 && !args.keep_going) || crate::engine::interrupt::requested() {
                break;
            }
            continue;
        }
        let options = ScriptOptions {
            keep_going: args.keep_going,
        };
        // A Python file prints what Python would: only print and the graph tools.
        ws.session.set_echo(!path.ends_with(".py"));
        let origin = script::origin_name(path);
        match script::run_source(
            &mut ws, origin, &src, &mut out, &mut err, &view, &err_view, options,
        ) {
            Ok(failed) => failures += failed,
            Err(e) => return runner::output_failed(&e, &err_view),
        }
        if (failures > 0 && !args.keep_going) || crate::engine::interrupt::requested() {
            break;
        }
    }
    if let Err(e) = out.flush() {
        return runner::output_failed(&e, &err_view);
    }
    if crate::engine::interrupt::requested() {
        // As a shell reports a process Ctrl-C ended: 128 + SIGINT.
        return ExitCode::from(130);
    }
    // A session with a million nodes takes a noticeable time to free; the process is ending,
    // so let the operating system reclaim it.
    std::mem::forget(ws);
    if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
