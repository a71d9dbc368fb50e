//! Ctrl-C as a flag. The program installs a SIGINT handler that only raises this flag; the work
//! looks at it where stopping is safe (between statements, between the nodes of a backward
//! pass, between the nudges of a gradient check, between chunks of random numbers), and the
//! session then treats the statement as failed: an interrupted statement never happened, as
//! in CPython's REPL, and every variable survives.

use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

fn flag() -> &'static Arc<AtomicBool> {
    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    FLAG.get_or_init(|| Arc::new(AtomicBool::new(false)))
}

/// Makes SIGINT raise the flag instead of ending the process. Returns false where that is not
/// possible, and Ctrl-C then ends the program as it always would.
pub fn install_handler() -> bool {
    signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(flag())).is_ok()
}

/// Whether Ctrl-C was pressed since the flag was last cleared.
pub fn requested() -> bool {
    flag().load(Ordering::Relaxed)
}

/// Raises the flag, as the handler does (for tests and for callers that saw Ctrl-C as a key).
pub fn request() {
    flag().store(true, Ordering::Relaxed);
}

/// Lowers the flag: a new line of input starts afresh.
pub fn clear() {
    flag().store(false, Ordering::Relaxed);
}
