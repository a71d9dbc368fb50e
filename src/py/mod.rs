//! Python: the language the book writes, as a tree-walking interpreter over its own objects.
//!
//! `parser` (tokens with nom, then recursive descent) makes `ast`; `interp` runs it over the
//! objects of `value`; `array` and `numpy` are numpy's arrays and namespace; `format` is
//! Python's `format()` mini-language and `%`; `builtins` are Python's built-in functions.
//! Errors are Python's exceptions (`error`), in the catalogue's words.

pub mod array;
pub mod ast;
pub mod builtins;
pub mod error;
pub mod fasthash;
pub mod format;
pub mod grade;
pub mod grader;
pub mod interp;
pub mod layer_tools;
pub mod layers;
pub mod learner;
pub mod lexer;
pub mod numpy;
pub mod parser;
pub mod report;
pub mod strings;
pub mod tape;
pub mod value;
pub mod vars;
pub mod workspace;

use std::io::Write;

use crate::show::view::View;

/// The stacks a program's thread is given, the largest the system grants first: under a tight
/// address-space limit a smaller one still runs the program, with a lower recursion limit.
const STACKS: [usize; 4] = [256 << 20, 64 << 20, 16 << 20, 4 << 20];

/// The stack one Python call may use, measured with room to spare (a call nested through a
/// method, `__getitem__` or a builtin takes a few frames more): about 40 KB in a debug build
/// and under 4 KB in a release build.
const STACK_PER_CALL: usize = if cfg!(debug_assertions) {
    96 << 10
} else {
    16 << 10
};

/// What running a file gave: the output writer back, and the rendered error if it failed.
pub struct Finished {
    pub out: Box<dyn Write + Send>,
    pub error: Option<String>,
    pub interrupted: bool,
}

/// Runs `src` as a Python file named `origin`: parse, then run statement by statement,
/// printing to `out`. An exception ends the run, rendered for `err_view` with its traceback.
pub fn run_file(origin: &str, src: &str, out: Box<dyn Write + Send>, err_view: &View) -> Finished {
    run_file_with(origin, src, out, err_view, None)
}

/// [`run_file`] with a limit on loop turns and calls (the fuzzer's, so that no input hangs).
pub fn run_file_with(
    origin: &str,
    src: &str,
    out: Box<dyn Write + Send>,
    err_view: &View,
    step_limit: Option<u64>,
) -> Finished {
    // Python reads source with universal newlines: `\r\n` and a lone `\r` end a line too.
    let normalized = universal_newlines(src);
    let src = normalized.as_str();
    let run = move || {
        let stmts = match parser::parse_module(src) {
            Ok(s) => s,
            Err(e) => {
                return Finished {
                    out,
                    error: Some(report::render(origin, src, &e, err_view)),
                    interrupted: false,
                };
            }
        };
        let mut interp = value::Interp::new(out, seed_from_clock());
        interp.step_limit = step_limit;
        interp.recursion_limit = recursion_limit_here();
        // A `.py` file has no `back`: its layers' calls are plain calls, recorded by nothing.
        interp.tape.paused = true;
        let result = interp.run(&stmts);
        let _ = interp.out.flush();
        let interrupted = matches!(&result, Err(e) if e.kind == error::ExcKind::KeyboardInterrupt);
        let error = result
            .err()
            .map(|e| report::render(origin, src, &e, err_view));
        interp.teardown();
        let value::Interp { out, .. } = interp;
        Finished {
            out,
            error,
            interrupted,
        }
    };
    match on_big_stack(run) {
        Ok(finished) => finished,
        Err(Stackless::Crashed) => Finished {
            out: Box::new(std::io::sink()),
            error: Some(err_view.lang.say(&crate::msg!("py-crashed"))),
            interrupted: false,
        },
        Err(Stackless::NoThread) => Finished {
            out: Box::new(std::io::sink()),
            error: Some(err_view.lang.say(&crate::msg!("py-no-thread"))),
            interrupted: false,
        },
    }
}

thread_local! {
    /// The stack of this thread, when `on_big_stack` made it; the main thread's usual 8 MB
    /// otherwise.
    static STACK: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How deep Python calls may nest on this thread: 1,000 as CPython's default, less on a stack
/// too small for that many (the main thread's is what `ulimit -s` gives, 8 MB at most counted).
pub fn recursion_limit_here() -> usize {
    let stack = match STACK.with(std::cell::Cell::get) {
        0 => main_stack(),
        made => made,
    };
    (stack / STACK_PER_CALL).min(interp::RECURSION_LIMIT)
}

/// The main thread's stack: RLIMIT_STACK, at most 8 MB (and 8 MB when unlimited).
fn main_stack() -> usize {
    const USUAL: usize = 8 << 20;
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the struct it is given, which lives on this stack.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_STACK, &mut limit) } == 0;
    if !ok || limit.rlim_cur == libc::RLIM_INFINITY {
        return USUAL;
    }
    // What the program itself has used of it by the time Python runs is well under a quarter.
    (limit.rlim_cur as usize).min(USUAL) * 3 / 4
}

/// Why `on_big_stack` could not give a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stackless {
    /// No thread could be started, even with the smallest stack.
    NoThread,
    /// The thread ended without a result (a panic).
    Crashed,
}

/// Runs `f` on a thread with the largest stack the system grants (256 MB down to 4 MB; under
/// an address-space limit at most an eighth of it, so that arrays have the rest), so that
/// Python's recursion reaches its limit of 1,000 calls long before the stack ends.
pub fn on_big_stack<R: Send>(f: impl FnOnce() -> R + Send) -> Result<R, Stackless> {
    let f = std::sync::Mutex::new(Some(f));
    let f = &f;
    let room = address_space_room();
    // The work moves to the new thread: it allocates from the main heap, as it would have on
    // the main thread (a thread's own arena hands large freed blocks back to the system, and
    // every array made after that faults its pages in again).
    share_the_heap();
    std::thread::scope(|scope| {
        for stack in STACKS
            .into_iter()
            .filter(|&s| room.is_none_or(|r| s <= r / 8))
        {
            let spawned = std::thread::Builder::new()
                .name("python".into())
                .stack_size(stack)
                .spawn_scoped(scope, move || {
                    STACK.with(|s| s.set(stack));
                    f.lock().ok().and_then(|mut g| g.take()).map(|f| f())
                });
            if let Ok(h) = spawned {
                return h.join().ok().flatten().ok_or(Stackless::Crashed);
            }
        }
        Err(Stackless::NoThread)
    })
}

/// numpy seeds its stream from the system when a program does not: a different one each run.
fn seed_from_clock() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() ^ d.as_secs() as u32)
        .unwrap_or(5489)
}

/// A writer that hands its bytes to whoever holds the other end: what `run_to_string` prints
/// into from the interpreter's thread.
#[derive(Clone, Default)]
struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut v) = self.0.lock() {
            v.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs a Python file and returns what it printed and its rendered error, if any (tests and
/// the conformance runner use it).
pub fn run_to_string(origin: &str, src: &str, err_view: &View) -> (String, Option<String>) {
    let shared = Shared::default();
    let finished = run_file(origin, src, Box::new(shared.clone()), err_view);
    drop(finished.out);
    let bytes = shared.0.lock().map(|v| v.clone()).unwrap_or_default();
    (String::from_utf8_lossy(&bytes).into_owned(), finished.error)
}

/// Whether a `.py` file is one the Python stage runs: it uses none of our graph statements
/// (`back`, `step`, `graph`, `check`, ...). Until the graph tools work on the Python stage's
/// objects, a file that uses them runs in the session, as `.bp` files do.
pub fn runs_as_python(src: &str) -> bool {
    fn has_tool(stmts: &[ast::Stmt]) -> bool {
        stmts.iter().any(|s| match &s.kind {
            ast::StmtKind::Tool(_) => true,
            ast::StmtKind::If(branches, other) => {
                branches.iter().any(|(_, b)| has_tool(b)) || has_tool(other)
            }
            ast::StmtKind::While(_, b, o) | ast::StmtKind::For(_, _, b, o) => {
                has_tool(b) || has_tool(o)
            }
            ast::StmtKind::Def(d) => has_tool(&d.body),
            ast::StmtKind::Class(c) => has_tool(&c.body),
            ast::StmtKind::Try(t) => {
                has_tool(&t.body)
                    || t.handlers.iter().any(|(_, _, b)| has_tool(b))
                    || has_tool(&t.orelse)
                    || has_tool(&t.finally)
            }
            _ => false,
        })
    }
    // A file that does not parse goes to the Python stage too, which reports Python's error.
    match parser::parse_module(&universal_newlines(src)) {
        Ok(stmts) => !has_tool(&stmts),
        Err(_) => true,
    }
}

/// The address space the process may still map, when `ulimit -v` (RLIMIT_AS) limits it.
fn address_space_room() -> Option<usize> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the struct it is given, which lives on this stack.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut limit) } == 0;
    (ok && limit.rlim_cur != libc::RLIM_INFINITY).then_some(limit.rlim_cur as usize)
}

/// Makes every thread allocate from the one heap: glibc otherwise reserves a 64 MB arena for a
/// new thread, which a tight address-space limit refuses (and then even a small allocation
/// fails), and trims a thread's arena so eagerly that a loop making 16 MB arrays faults every
/// page in anew each time (Ctrl-C then waited 2 s for `sum(x > 0) + …` to reach a check).
fn share_the_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning parameter of glibc's allocator.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// The text with `\r\n` and lone `\r` turned into `\n`, as Python's text files read.
pub fn universal_newlines(src: &str) -> String {
    src.replace("\r\n", "\n").replace('\r', "\n")
}
