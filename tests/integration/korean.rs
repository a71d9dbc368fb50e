//! Korean all the way through: under `--lang ko` the program's own words are Korean. The lesson
//! transcripts, `step`, `graph`, `check`, a set of errors and `:help` are snapshot in Korean, and
//! scanned for any word that only the English catalogue has: an English word of the program's
//! own that leaked into Korean output. Code and names (`back`, `dout`, `relu`) appear in both
//! catalogues, so they are not flagged. Korean particles are checked too: no snapshot and no
//! message, whatever its arguments, may fall back to a generic `은(는)`.

use crate::support::{binary, snapshot};
use backprop::app::lesson::{self, Pace};
use backprop::app::repl::Repl;
use backprop::i18n::{self, Lang};
use backprop::py::workspace::Workspace;
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
        let mut session = Workspace::new(Session::new());
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
x = array([1.0, -2.0, 3.0])
w = array([0.5, 0.5, -1.0])
y = relu(x * w) + x
back y
step y
graph y
check y
c = x + 4; q = 1 / c
step q
graph q
k = array([0.0, -1.0]); rk = relu(k)
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

/// One line per error: each is run in a fresh session after `x = array([1.0, 2.0])`.
const ERRORS: [&str; 18] = [
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
    "y = x[5]",
    "y = x +",
    "y = x.reshape(3)",
    "graph x --svg",
    "np.relu(x)",
    "import torch",
    "y = zeros((2, 3), 1)",
];

#[test]
fn errors_speak_korean() {
    let english = english_only();
    let mut all = String::new();
    for line in ERRORS {
        let script = format!("x = array([1.0, 2.0]);\n{line}\n");
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
        "x = array([1.0])",
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

/// The generic particles a program writes when it does not know the sound before them.
const GENERIC_PARTICLES: [&str; 10] = [
    "(는)", "(은)", "(를)", "(을)", "(이)", "(가)", "(과)", "(와)", "(으)", "(라)",
];

fn generic_particles_in(text: &str) -> Vec<String> {
    text.lines()
        .filter(|line| GENERIC_PARTICLES.iter().any(|p| line.contains(p)))
        .map(str::to_string)
        .collect()
}

/// Every argument name each Korean message uses, read from the catalogue files: a message runs
/// from its `id =` line to the next line that starts in the first column.
fn korean_messages_and_arguments() -> Vec<(String, BTreeSet<String>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/ko");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the Korean catalogue")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    let mut messages: Vec<(String, BTreeSet<String>)> = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).expect("a catalogue file");
        for line in source.lines() {
            let starts_entry = line.starts_with(|c: char| c.is_ascii_alphabetic());
            if starts_entry && let Some((id, _)) = line.split_once(" =") {
                messages.push((id.trim().to_string(), BTreeSet::new()));
            } else if line.starts_with('#') || line.is_empty() {
                continue;
            }
            if let Some((_, arguments)) = messages.last_mut() {
                for piece in line.split('$').skip(1) {
                    let name: String = piece
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    if !name.is_empty() {
                        arguments.insert(name);
                    }
                }
            }
        }
    }
    messages
}

#[test]
fn korean_messages_choose_their_particles_for_any_argument() {
    let messages = korean_messages_and_arguments();
    assert!(
        messages.len() > 100,
        "only {} messages read",
        messages.len()
    );
    // Names, numbers, shapes and Korean words: each ends in a different sound.
    let samples: [fn() -> i18n::Arg; 8] = [
        || "x".into(),
        || "W1".into(),
        || "(1, 3)".into(),
        || "price".into(),
        || "수업".into(),
        || "기울기".into(),
        || i18n::Arg::Count(3),
        || i18n::Arg::Count(2),
    ];
    let mut found = Vec::new();
    for (id, arguments) in &messages {
        for sample in samples {
            let args: Vec<(&str, i18n::Arg)> = arguments
                .iter()
                .map(|name| (name.as_str(), sample()))
                .collect();
            let text = i18n::text(Lang::Ko, id, &args);
            for line in generic_particles_in(&text) {
                found.push(format!("{id}: {line}"));
            }
            // A message that calls JOSA without one of its arguments shows the call instead.
            if text.contains("JOSA") {
                found.push(format!("{id}: {text}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "generic particles in Korean messages:\n{}",
        found.join("\n")
    );
    // The issue's own examples, as the program now says them.
    let say = |id: &str, args: &[(&str, i18n::Arg)]| i18n::text(Lang::Ko, id, args);
    let lessons = || ("lessons", i18n::Arg::from("graph"));
    assert!(
        say("repl-no-such-lesson", &[("which", "0".into()), lessons()])
            .starts_with("'0'이라는 수업이 없습니다")
    );
    assert!(
        say(
            "repl-no-such-lesson",
            &[("which", "chain".into()), lessons()]
        )
        .starts_with("'chain'이라는 수업이 없습니다")
    );
    assert!(say("picture-no-gradients", &[("name", "y".into())]).contains("back y를 실행한 다음"));
    assert!(say("check-boolean", &[("name", "x".into())]).starts_with("'x'는 bool 배열입니다"));
    assert!(
        say(
            "layer-label-not-whole",
            &[
                ("what", "softmax_with_loss".into()),
                ("sample", "0".into()),
                ("value", "1.5".into())
            ]
        )
        .contains("값 1.5는 정수가 아니라서")
    );
    assert!(
        say("imshow-shape", &[("shape", "(1, 3)".into())])
            .contains("형상 (1, 3)은 그릴 수 없습니다")
    );
    assert!(
        say("parse-keyword-not-function", &[("keyword", "print".into())])
            .starts_with("'print'는 함수가 아니라")
    );
}

#[test]
fn korean_snapshots_have_no_generic_particles() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut checked = 0;
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the snapshots") {
        let path = entry.expect("a directory entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        // The Korean lesson transcripts and everything this file snapshots.
        if !name.contains("ko") || !name.ends_with(".snap") {
            continue;
        }
        checked += 1;
        let text = std::fs::read_to_string(&path).expect("a snapshot");
        for line in generic_particles_in(&text) {
            found.push(format!("{name}: {line}"));
        }
    }
    assert!(checked >= 10, "only {checked} Korean snapshots found");
    assert!(
        found.is_empty(),
        "generic particles in Korean snapshots:\n{}",
        found.join("\n")
    );
}

/// Variables made by layers whose Korean names differ in width (잎 변수, 곱셈 계층, ReLU 계층,
/// 교차 엔트로피 오차), and a gradient on some.
const VARS_SCRIPT: [&str; 6] = [
    "W = array([1.0, -2.0])",
    "x = array([3.0, 4.0])",
    "h = W * x",
    "y = relu(h)",
    "loss = sum(y)",
    "back loss",
];

fn vars_table(lang: Lang) -> Vec<String> {
    let mut repl = Repl::new(Session::new(), View::new(Style::plain(), 80, lang));
    let mut out = Vec::new();
    for line in VARS_SCRIPT {
        repl.handle(line, &mut out).expect("written");
    }
    let mut table = Vec::new();
    repl.handle(":vars", &mut table).expect("written");
    String::from_utf8(table)
        .expect("UTF-8")
        .lines()
        .map(str::to_string)
        .collect()
}

/// The display column at which the byte offset `at` of `line` starts.
fn column(line: &str, at: usize) -> usize {
    unicode_width::UnicodeWidthStr::width(&line[..at])
}

#[test]
fn vars_columns_line_up_by_display_width_in_both_languages() {
    for lang in [Lang::Ko, Lang::En] {
        let rows = vars_table(lang);
        assert_eq!(rows.len(), 5, "{lang:?}: {rows:?}");
        // The shape starts, and the memory size ends, at the same column on every row.
        let shape_starts: BTreeSet<usize> = rows
            .iter()
            .map(|row| column(row, row.find('(').expect("a shape")))
            .collect();
        assert_eq!(shape_starts.len(), 1, "{lang:?}:\n{}", rows.join("\n"));
        let size_ends: BTreeSet<usize> = rows
            .iter()
            .map(|row| {
                let end = row.find(" B").expect("a size in bytes") + 2;
                column(row, end)
            })
            .collect();
        assert_eq!(size_ends.len(), 1, "{lang:?}:\n{}", rows.join("\n"));
        // The layer column starts at one column too: after the shape's padding.
        let layer_starts: BTreeSet<usize> = rows
            .iter()
            .map(|row| {
                let after_shape = row.find(')').expect("a shape") + 1;
                let rest = &row[after_shape..];
                let start = after_shape + (rest.len() - rest.trim_start().len());
                column(row, start)
            })
            .collect();
        assert_eq!(layer_starts.len(), 1, "{lang:?}:\n{}", rows.join("\n"));
    }
}

#[test]
fn korean_vars_names_its_layers_in_korean() {
    let rows = vars_table(Lang::Ko);
    let text = rows.join("\n");
    for word in ["잎 변수", "곱셈 계층", "ReLU 계층", "기울기 있음"] {
        assert!(text.contains(word), "{word}:\n{text}");
    }
    // Apart from the names the learner chose, no row holds a lowercase English word (`leaf`,
    // `mul`, `relu`, `has grad`): the Korean edition's layer names are capitalised (ReLU 계층).
    for row in &rows {
        let (name, rest) = row.split_once(' ').expect("a name, then columns");
        let words: Vec<&str> = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        assert!(words.is_empty(), "English {words:?} after {name}:\n{text}");
    }
    let english = vars_table(Lang::En).join("\n");
    for word in ["leaf", "mul", "relu", "sum", "has grad"] {
        assert!(english.contains(word), "{word}:\n{english}");
    }
}

#[test]
fn warnings_are_worded_in_the_readers_language() {
    let script = "big = exp([1000.0, 1.0])\nq = array([1.0, 0.0]) / array([0.0, 0.0])\n";
    let ko = binary(&["--lang", "ko", "run", "-"], script.as_bytes(), &[]);
    let ko = String::from_utf8_lossy(&ko.stderr).into_owned();
    assert!(
        ko.contains(
            "경고: exp에서 오버플로가 일어났습니다: 원소 2개 중 1개가 inf 또는 nan이 되었습니다"
        ),
        "{ko}"
    );
    assert!(
        ko.contains("경고: 나눗셈에서 0으로 나누었습니다: 원소 2개 중 2개가"),
        "{ko}"
    );
    assert!(!ko.contains("encountered"), "{ko}");
    let en = binary(&["--lang", "en", "run", "-"], script.as_bytes(), &[]);
    let en = String::from_utf8_lossy(&en.stderr).into_owned();
    assert!(
        en.contains("warning: overflow encountered in exp: 1 of 2 element(s) became inf or nan"),
        "{en}"
    );
    assert!(
        en.contains("warning: divide by zero encountered in divide: 2 of 2"),
        "{en}"
    );
}

#[test]
fn the_guided_lesson_header_fits_in_80_columns_in_both_languages() {
    for (lang, keys) in [(Lang::Ko, ":next 건너뛰기"), (Lang::En, ":next skips")] {
        let mut repl = Repl::new(Session::new(), View::new(Style::plain(), 80, lang));
        let mut out = Vec::new();
        repl.handle(":lesson 1", &mut out).expect("written");
        let text = String::from_utf8(out).expect("UTF-8");
        // The header is the lesson's title, then how the prompt works, then the keys.
        let header: Vec<&str> = text.lines().take(3).collect();
        assert!(header[2].starts_with(keys), "{lang:?}:\n{text}");
        for line in &header {
            let width = unicode_width::UnicodeWidthStr::width(*line);
            assert!(width <= 80, "{lang:?}: {width} columns: {line}");
        }
        assert!(
            !text
                .lines()
                .any(|line| line.trim() == "멈춤" || line.trim() == "pauses"),
            "{lang:?}:\n{text}"
        );
    }
}
