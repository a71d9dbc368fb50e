//! Embeds every lesson file under `lessons/ko` and `lessons/en` in the binary, so an installed
//! `backprop` needs no source tree and adding a lesson touches no Rust; and the digits data set,
//! unpacked from `data/digits.csv.gz` into 65 bytes a row (64 pixel counts, then the label), so
//! `load digits` needs neither the network nor a file at run time.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    embed_digits();
    println!("cargo:rerun-if-changed=lessons");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let mut code = table(
        "/// Every lesson file: (path under lessons/, contents).\npub const LESSON_FILES",
        &root,
        &["ko", "en"],
        &["md"],
    );
    // The exercises: task and hints (`.md`) and skeleton (`.py`) per language, and the model
    // solutions.
    code.push_str(&table(
        "/// Every exercise file: (path under lessons/exercises/, contents).\npub const EXERCISE_FILES",
        &root.join("exercises"),
        &["ko", "en", "solutions"],
        &["md", "py"],
    ));
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lessons.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

/// `HEAD: &[(&str, &str)] = &[…]`: each file of `root/SUB` (for each of `subs`) whose extension
/// is one of `extensions`, as (`SUB/NAME`, its contents), sorted by path.
fn table(head: &str, root: &Path, subs: &[&str], extensions: &[&str]) -> String {
    let mut files = Vec::new();
    for sub in subs {
        let dir = root.join(sub);
        println!("cargo:rerun-if-changed={}", dir.display());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path
                .extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
            {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                println!("cargo:rerun-if-changed={}", path.display());
                files.push((format!("{sub}/{name}"), path));
            }
        }
    }
    files.sort();
    let mut code = format!("{head}: &[(&str, &str)] = &[\n");
    for (name, path) in &files {
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    code
}

/// `data/digits.csv.gz` as bytes: each row's 64 pixel counts (0..=16) and its label (0..=9).
fn embed_digits() {
    use std::io::Read as _;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/digits.csv.gz");
    println!("cargo:rerun-if-changed={}", path.display());
    let packed = std::fs::read(&path).expect("data/digits.csv.gz is in the repository");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&packed[..])
        .read_to_string(&mut text)
        .expect("data/digits.csv.gz is gzip-compressed text");
    let mut bytes = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let fields: Vec<u8> = line
            .split(',')
            .map(|f| {
                f.trim()
                    .parse()
                    .expect("a digits field is a small whole number")
            })
            .collect();
        assert_eq!(
            fields.len(),
            65,
            "row {} of digits.csv has 65 fields",
            n + 1
        );
        bytes.extend_from_slice(&fields);
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("digits.bin");
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
}
