//! Waiting on a terminal's input in a way Ctrl-C can end at once. Ctrl-C only sets a flag
//! (`engine::interrupt`), and a blocked `read` is restarted after the signal, so whoever waits
//! polls standard input in short slices and looks at the flag between them: `step`'s pause,
//! a lesson's pause, and `backprop run -` reading a terminal.

use crate::engine::interrupt;
use std::io::{BufRead, Read};

/// How long one slice of waiting is: Ctrl-C is seen within this many milliseconds.
const SLICE_MILLIS: i32 = 100;

/// Whether standard input has something to read within `millis` milliseconds.
#[cfg(unix)]
pub fn stdin_ready(millis: i32) -> bool {
    let mut poll = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, for a descriptor this process owns, and its count.
    let ready = unsafe { libc::poll(&mut poll, 1, millis) };
    // An error (such as EINTR when Ctrl-C arrives) reads as "not yet", so the flag is looked at.
    ready > 0
}

#[cfg(not(unix))]
pub fn stdin_ready(_millis: i32) -> bool {
    true
}

/// Waits until standard input has something to read; `false` when Ctrl-C came first.
pub fn until_input() -> bool {
    while !stdin_ready(SLICE_MILLIS) {
        if interrupt::requested() {
            return false;
        }
    }
    !interrupt::requested()
}

/// One line from `input` (standard input, locked), or `None` when Ctrl-C came first.
pub fn read_line(input: &mut dyn BufRead) -> Option<std::io::Result<String>> {
    if !until_input() {
        return None;
    }
    let mut line = String::new();
    Some(input.read_line(&mut line).map(|_| line))
}

/// All of standard input, read as it comes, or `None` when Ctrl-C came first.
pub fn read_all_stdin() -> Option<std::io::Result<Vec<u8>>> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        if !until_input() {
            return None;
        }
        match input.read(&mut chunk) {
            Ok(0) => return Some(Ok(bytes)),
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Some(Err(e)),
        }
    }
}

/// A terminal read a key at a time, without echo, while this lives (`backprop exercise`'s
/// watch, where `q` alone stops): the terminal's settings as they were come back when it is
/// dropped. Ctrl-C still signals. Off a terminal it changes nothing.
pub struct Keys {
    #[cfg(unix)]
    saved: Option<libc::termios>,
}

impl Keys {
    pub fn new() -> Keys {
        #[cfg(unix)]
        {
            // SAFETY: termios is plain data; tcgetattr fills it for a descriptor we own, and
            // fails (leaving it unused) when standard input is not a terminal.
            let mut saved: libc::termios = unsafe { std::mem::zeroed() };
            if unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut saved) } != 0 {
                return Keys { saved: None };
            }
            let mut raw = saved;
            raw.c_lflag &= !(libc::ICANON | libc::ECHO);
            raw.c_cc[libc::VMIN] = 1;
            raw.c_cc[libc::VTIME] = 0;
            // SAFETY: the settings just read, changed in two flags, for the same descriptor.
            unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &raw) };
            Keys { saved: Some(saved) }
        }
        #[cfg(not(unix))]
        Keys {}
    }
}

impl Default for Keys {
    fn default() -> Keys {
        Keys::new()
    }
}

impl Drop for Keys {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(saved) = &self.saved {
            // SAFETY: the settings read when this began, put back on the same descriptor.
            unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, saved) };
        }
    }
}
