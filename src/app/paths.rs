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

/// The names listed in a marks file (one a line): the lessons or exercises finished.
pub fn marks(file: Option<PathBuf>) -> Vec<String> {
    file.and_then(|p| std::fs::read_to_string(p).ok())
        .map(|text| text.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Adds `name` to a marks file, creating the folder. Failing to write is not worth stopping
/// for; the caller may warn.
pub fn add_mark(file: Option<PathBuf>, name: &str) -> std::io::Result<()> {
    let Some(path) = file else {
        return Ok(());
    };
    let mut done = marks(Some(path.clone()));
    if done.iter().any(|s| s == name) {
        return Ok(());
    }
    done.push(name.to_string());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, done.join("\n") + "\n")
}
