//! Korean all the way through: under `--lang ko` the program's own words are Korean. The lesson
//! transcripts, `step`, `graph`, `check`, a set of errors and `:help` are snapshot in Korean, and
//! scanned for any word that only the English catalogue has: an English word of the program's
//! own that leaked into Korean output. Code and names (`back`, `dout`, `relu`) appear in both
//! catalogues, so they are not flagged.

use crate::support::{binary, snapshot};
use backprop::app::lesson::{self, Pace};
use backprop::app::repl::Repl;
use backprop::i18n::{self, Lang};
use backprop::session::Session;
use backprop::show::View;
use backprop::show::style::Style;
use std::collections::BTreeSet;

/// Words of three or more letters in every message of `lang`'s catalogue, arguments left out.
fn catalogue_words(lang: Lang) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for id in i18n::ids(lang) {
        let text = i18n::text(lang, id, &[]);
        // Unfilled arguments print as `{$name}`; they are not words of the message.
        let mut cleaned = String::new();
        let mut depth = 0;
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => cleaned.push(c),
                _ => {}
            }
        }
        words.extend(ascii_words(&cleaned));
    }
    words
}

fn ascii_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .map(str::to_lowercase)
}

/// The layers' names, which `step`, `:vars` and pictures print as code.
const LAYER_NAMES: [&str; 25] = [
    "add",
    "sub",
    "mul",
    "div",
    "neg",
    "exp",
    "relu",
    "sigmoid",
    "leaf",
    "compare",
    "dot",
    "affine",
    "softmax",
    "cross_entropy_error",
    "softmax_with_loss",
    "sum",
    "mean",
    "max",
    "log",
    "sqrt",
    "pow",
    "tanh",
    "transpose",
    "reshape",
    "index",
];

/// The English catalogue's words that the Korean one never uses.
fn english_only() -> BTreeSet<String> {
    let korean = catalogue_words(Lang::Ko);
    catalogue_words(Lang::En)
        .into_iter()
        .filter(|w| !korean.contains(w))
        .collect()
}

/// The lines of `text` holding an English-only word, apart from statements the learner typed
/// (`>>> …`) and the lesson's own code.
fn leaks(text: &str, english: &BTreeSet<String>) -> Vec<String> {
    text.lines()
        // `<stdin>` names where the script came from, as file names do.
        .map(|line| line.replace("<stdin>", ""))
        .filter(|line| !line.starts_with(">>> ") && !line.starts_with("    "))
        .filter(|line| ascii_words(line).any(|w| english.contains(&w)))
        .collect()
}

fn korean_view() -> View {
    View::new(Style::plain(), 80, Lang::Ko)
}

#[test]
fn the_english_only_words_are_found() {
    let english = english_only();
    // Words the program says in English that Korean says otherwise.
    for word in ["unknown", "expected", "numerical", "finished"] {
        assert!(english.contains(word), "{word} should be English-only");
    }
    // Code words appear in both languages.
    for word in ["back", "dout", "relu"] {
        assert!(
            !english.contains(word),
            "{word} is code, in both catalogues"
        );
    }
    assert!(
        !leaks("경고: 알 수 없는 이름", &english)
            .iter()
            .any(|_| true)
    );
    assert_eq!(leaks("error: unknown name 'x'", &english).len(), 1);
}

#[test]
fn korean_lessons_carry_no_english_of_the_programs_own() {
    let english = english_only();
    let lessons = lesson::all(Lang::Ko).expect("the lessons parse");
    let mut found = Vec::new();
    for found_lesson in &lessons {
        // Only what the program says: the statements and their output, without the prose.
        let mut statements_only = found_lesson.clone();
        statements_only
            .items
            .retain(|item| matches!(item, lesson::Item::Statement { .. }));
        // Names the lesson defines and layer names are code, in any language.
        let mut english = english.clone();
        for (text, _) in found_lesson.statements() {
            for word in ascii_words(text) {
                english.remove(&word);
            }
        }
        for layer in LAYER_NAMES {
            english.remove(layer);
        }
        let mut session = Session::new();
        let mut out = Vec::new();
        lesson::play(
            &statements_only,
            &mut session,
            &mut out,
            &korean_view(),
            Pace::Straight,
        )
        .expect("it plays");
        let text = String::from_utf8(out).expect("UTF-8");
        found.extend(
            leaks(&text, &english)
                .into_iter()
                .map(|l| format!("{}: {l}", found_lesson.slug)),
        );
    }
    assert!(
        found.is_empty(),
        "English in Korean lessons:\n{}",
        found.join("\n")
    );
}

const STEP_GRAPH_CHECK: &str = "\
x = [1.0, -2.0, 3.0]
w = [0.5, 0.5, -1.0]
y = relu(x * w) + x
back y
step y
graph y
check y
c = x + 4; q = 1 / c
step q
graph q
k = [0.0, -1.0]; rk = relu(k)
check rk
";

#[test]
fn step_graph_and_check_speak_korean() {
    let ran = binary(
        &["--lang", "ko", "run", "-"],
        STEP_GRAPH_CHECK.as_bytes(),
        &[],
    );
    let stdout = String::from_utf8_lossy(&ran.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&ran.stderr).into_owned();
    assert!(ran.status.success(), "{stderr}");
    let found = leaks(&stdout, &english_only());
    assert!(
        found.is_empty(),
        "English in Korean output:\n{}",
        found.join("\n")
    );
    snapshot("ko-step-graph-check", &stdout);
}

/// One line per error: each is run in a fresh session after `x = [1.0, 2.0]`.
const ERRORS: [&str; 16] = [
    "y = x2 + 1",
    "y = x * [1, 2, 3]",
    "y = relu(x, x)",
    "y = rel(x)",
    "y = [1, 2",
    "y = (x + 1",
    "back z",
    "grad(x)",
    "mask(x)",
    "back x [1, 2, 3]",
    "y = ones(100000, 100000)",
    "relu = 1",
    "y = x +",
    "y = 1e999",
    "graph x --svg",
    "x // 2",
];

#[test]
fn errors_speak_korean() {
    let english = english_only();
    let mut all = String::new();
    for line in ERRORS {
        let script = format!("x = [1.0, 2.0];\n{line}\n");
        let ran = binary(&["--lang", "ko", "run", "-"], script.as_bytes(), &[]);
        let stderr = String::from_utf8_lossy(&ran.stderr).into_owned();
        assert_eq!(ran.status.code(), Some(1), "{line} must fail: {stderr}");
        assert!(stderr.contains("오류:"), "{stderr}");
        let found = leaks(&stderr, &english);
        assert!(
            found.is_empty(),
            "English in the Korean error for `{line}`:\n{}",
            found.join("\n")
        );
        all.push_str(&stderr);
    }
    snapshot("ko-errors", &all);
}

#[test]
fn help_and_the_repls_replies_speak_korean() {
    let english = english_only();
    let mut repl = Repl::new(Session::new(), korean_view());
    let mut out = Vec::new();
    for line in [
        ":help",
        ":help relu",
        ":vars",
        "x = [1.0]",
        ":vars",
        ":nope",
        ":lesson nope",
        ":next",
        ":reset",
    ] {
        out.extend_from_slice(format!(">>> {line}\n").as_bytes());
        repl.handle(line, &mut out).expect("written");
    }
    let text = String::from_utf8(out).expect("UTF-8");
    // `:help relu` ends with the path of the layer's Rust file, which is code, not words; the
    // second `:vars` lists node kinds (`leaf`), which are code too.
    let words = text
        .split("이 계층의 Rust 코드")
        .next()
        .unwrap_or_default()
        .to_string()
        + text.split(">>> :vars").nth(1).unwrap_or_default();
    let found = leaks(&words, &english);
    assert!(
        found.is_empty(),
        "English in Korean replies:\n{}",
        found.join("\n")
    );
    snapshot("ko-help", &text);
    let usage = binary(&["--help", "--lang", "ko"], b"", &[]);
    let usage = String::from_utf8_lossy(&usage.stdout).into_owned();
    assert!(usage.contains("사용법"), "{usage}");
    assert!(leaks(&usage, &english).is_empty(), "{usage}");
}
