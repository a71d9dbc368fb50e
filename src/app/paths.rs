//! Where the program keeps its files: the REPL history and the record of finished lessons, in
//! the user's data directory.

use std::path::PathBuf;

/// `$XDG_DATA_HOME/backprop`, or the platform's equivalent: `~/.local/share/backprop` on Linux,
/// `~/Library/Application Support/backprop` on macOS, `%APPDATA%\backprop` on Windows.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join("backprop"));
    }
    if cfg!(windows) {
        return std::env::var_os("APPDATA").map(|d| PathBuf::from(d).join("backprop"));
    }
    let home = PathBuf::from(std::env::var_os("HOME").filter(|h| !h.is_empty())?);
    if cfg!(target_os = "macos") {
        Some(home.join("Library/Application Support/backprop"))
    } else {
        Some(home.join(".local/share/backprop"))
    }
}

pub fn history_file() -> Option<PathBuf> {
    data_dir().map(|d| d.join("history"))
}

pub fn progress_file() -> Option<PathBuf> {
    data_dir().map(|d| d.join("finished-lessons"))
}
