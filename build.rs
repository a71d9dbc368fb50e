//! Embeds every lesson file under `lessons/ko` and `lessons/en` in the binary, so an installed
//! `backprop` needs no source tree and adding a lesson touches no Rust.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=lessons");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let mut files = Vec::new();
    for lang in ["ko", "en"] {
        let dir = root.join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "md") {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                println!("cargo:rerun-if-changed={}", path.display());
                files.push((format!("{lang}/{name}"), path));
            }
        }
    }
    files.sort();
    let mut code = String::from(
        "/// Every lesson file: (path under lessons/, contents).\npub const LESSON_FILES: &[(&str, &str)] = &[\n",
    );
    for (name, path) in &files {
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lessons.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
