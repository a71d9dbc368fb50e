//! The layout's rule, checked: `src/` is one folder per stage of the data path, and imports only
//! point down the list `app → show → session → engine → lang → i18n` (engine may name the AST's
//! operators; i18n imports nothing). Inside a folder, files may use each other, but no two
//! modules may import each other, directly or through others.
//!
//! Imports are read from the text: every `crate::a::b` path, `use crate::…` lines, `super::`
//! paths and a folder's paths to its children, each resolved to the longest module it names.
//! Unit-test modules are left out: a test may reach for anything it checks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages, lowest first. A file may import its own stage or a lower one.
const STAGES: [&str; 7] = ["i18n", "lang", "engine", "session", "show", "py", "app"];

#[test]
fn imports_point_down_the_stages_and_never_in_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = module_files(&root);
    assert!(files.len() > 20, "found only {} modules", files.len());
    let modules: BTreeSet<String> = files.keys().cloned().collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut wrong_way = Vec::new();
    for (module, path) in &files {
        let text = std::fs::read_to_string(path).expect("a source file is readable");
        // A file's unit tests (its `#[cfg(test)]` module, last by convention) may use anything
        // of their crate; only the program's own imports are held to the rule.
        let program = text.split("#[cfg(test)]").next().unwrap_or_default();
        let code = strip_comments(program);
        for target in referenced_modules(module, &code, &modules) {
            if target == *module || is_ancestor_declaration(module, &target) {
                continue;
            }
            let (from, to) = (stage(module), stage(&target));
            if let (Some(from), Some(to)) = (from, to)
                && to > from
            {
                wrong_way.push(format!(
                    "{module} ({}) uses {target} ({})",
                    STAGES[from], STAGES[to]
                ));
            }
            edges.entry(module.clone()).or_default().insert(target);
        }
    }
    assert!(
        wrong_way.is_empty(),
        "imports pointing up:\n{}",
        wrong_way.join("\n")
    );
    if let Some(cycle) = find_cycle(&edges) {
        panic!("modules import each other: {}", cycle.join(" → "));
    }
}

#[test]
fn the_checker_sees_a_circle_and_an_upward_import() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges.entry("a".into()).or_default().insert("b".into());
    edges.entry("b".into()).or_default().insert("c".into());
    assert!(find_cycle(&edges).is_none());
    edges.entry("c".into()).or_default().insert("a".into());
    assert!(find_cycle(&edges).is_some());
    let modules: BTreeSet<String> = ["session", "show::back", "show"].map(String::from).into();
    let found = referenced_modules("session", "use crate::show::back::render;", &modules);
    assert_eq!(found, BTreeSet::from(["show::back".to_string()]));
    assert!(stage("show::back") > stage("session"));
}

/// Every module of the crate and its file: `app::repl` → `src/app/repl.rs`.
fn module_files(root: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(root).expect("under src/");
            let mut parts: Vec<String> = relative
                .iter()
                .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            if parts == ["lib"] || parts == ["main"] {
                continue;
            }
            out.insert(parts.join("::"), path);
        }
    }
    out
}

/// The modules `code` (in `module`) names through `crate::` and `super::` paths.
fn referenced_modules(module: &str, code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let is_mod_rs_parent = |m: &str| {
        modules
            .iter()
            .any(|other| other.starts_with(&format!("{m}::")))
    };
    for (prefix, base) in [
        ("crate::", String::new()),
        ("super::", parent(module, is_mod_rs_parent(module))),
    ] {
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let before = rest[..at].chars().last();
            rest = &rest[at + prefix.len()..];
            // `$crate::` in a macro names the caller's crate at the place of use.
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':' || c == '$') {
                continue;
            }
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':' || *c == '{')
                .collect();
            let segments: Vec<&str> = path
                .split("::")
                .map(|s| s.trim_end_matches('{'))
                .filter(|s| !s.is_empty())
                .collect();
            // The longest prefix that is a module; `{a, b}` groups add each of their modules.
            let mut best = None;
            for len in (1..=segments.len()).rev() {
                let mut candidate = base.clone();
                for segment in &segments[..len] {
                    if !candidate.is_empty() {
                        candidate.push_str("::");
                    }
                    candidate.push_str(segment);
                }
                if modules.contains(&candidate) {
                    best = Some(candidate);
                    break;
                }
            }
            if let Some(best) = best {
                // In a group, an item that is a module names that module; any other item
                // (a type, a function, `self`) names the module the group is in.
                let group_start = rest.find('{').filter(|_| path.contains('{'));
                match group_start {
                    Some(start) => {
                        let group = &rest[start + 1..];
                        let group = &group[..group.find('}').unwrap_or(group.len())];
                        for item in group.split(',') {
                            let item = item.trim().split("::").next().unwrap_or("").trim();
                            let candidate = format!("{best}::{item}");
                            if modules.contains(&candidate) {
                                found.insert(candidate);
                            } else if !item.is_empty() {
                                found.insert(best.clone());
                            }
                        }
                    }
                    None => {
                        found.insert(best);
                    }
                }
            }
        }
    }
    // A folder's mod.rs names its children by relative paths: `back::render`, `pub use x::Y`.
    let children = modules.iter().filter_map(|m| {
        let child = m.strip_prefix(module)?.strip_prefix("::")?;
        (!child.contains("::")).then(|| (child.to_string(), m.clone()))
    });
    for (child, full) in children {
        let needle = format!("{child}::");
        let mut rest = code;
        while let Some(at) = rest.find(&needle) {
            let before = rest[..at].chars().last();
            rest = &rest[at + needle.len()..];
            let after_self = rest.len() + needle.len() + at <= code.len()
                && code[..code.len() - rest.len() - needle.len()].ends_with("self::");
            if after_self || !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                found.insert(full.clone());
                break;
            }
        }
    }
    found
}

/// The module `super` names from `module`.
fn parent(module: &str, is_mod_rs: bool) -> String {
    if is_mod_rs {
        // In a folder's mod.rs, `super` is the folder's parent.
        return module
            .rsplit_once("::")
            .map_or(String::new(), |(p, _)| p.to_string());
    }
    module
        .rsplit_once("::")
        .map_or(String::new(), |(p, _)| p.to_string())
}

/// A module naming its own folder's module (`show::back` using `show`) is allowed only when it
/// is not how the folder's mod.rs reaches back into it; cycles are caught below either way.
fn is_ancestor_declaration(_module: &str, _target: &str) -> bool {
    false
}

fn stage(module: &str) -> Option<usize> {
    let top = module.split("::").next()?;
    STAGES.iter().position(|s| *s == top)
}

fn strip_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A cycle in `edges`, as the modules along it, if there is one.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    let mut marks: BTreeMap<&str, Mark> = BTreeMap::new();
    for start in edges.keys() {
        if marks.contains_key(start.as_str()) {
            continue;
        }
        // An explicit stack of (module, its targets still to visit), so no recursion.
        let mut path: Vec<&str> = vec![start];
        let mut stack: Vec<Vec<&str>> = vec![edges[start].iter().map(String::as_str).collect()];
        marks.insert(start, Mark::Open);
        while let Some(todo) = stack.last_mut() {
            match todo.pop() {
                Some(next) => match marks.get(next) {
                    Some(Mark::Open) => {
                        let from = path.iter().position(|m| *m == next).unwrap_or(0);
                        let mut cycle: Vec<String> =
                            path[from..].iter().map(|m| m.to_string()).collect();
                        cycle.push(next.to_string());
                        return Some(cycle);
                    }
                    Some(Mark::Done) => {}
                    None => {
                        marks.insert(next, Mark::Open);
                        path.push(next);
                        stack.push(
                            edges
                                .get(next)
                                .map(|t| t.iter().map(String::as_str).collect())
                                .unwrap_or_default(),
                        );
                    }
                },
                None => {
                    stack.pop();
                    if let Some(done) = path.pop() {
                        marks.insert(done, Mark::Done);
                    }
                }
            }
        }
    }
    None
}
