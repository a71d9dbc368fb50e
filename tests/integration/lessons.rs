//! Every lesson in both languages: it parses, its Korean and English versions run the same
//! statements, it plays without an error, and its transcript matches the reviewed snapshot.

use crate::support::{binary, snapshot, visible_escapes};
use backprop::app::lesson::{self, Pace};
use backprop::i18n::Lang;
use backprop::py::workspace::Workspace;
use backprop::session::Session;
use backprop::show::View;
use backprop::show::style::Style;

/// Plays a lesson in-process at 80 columns and returns the transcript; `lesson_text` reads its
/// numbers.
pub(crate) fn play(lang: Lang, slug: &str, color: bool) -> String {
    let lessons = lesson::all(lang).expect("the embedded lessons parse");
    let found = lesson::find(&lessons, slug).expect("the lesson exists");
    let mut session = Workspace::new(Session::new());
    let view = View::new(Style::new(color), 80, lang);
    let mut out = Vec::new();
    let finished =
        lesson::play(found, &mut session, &mut out, &view, Pace::Straight).expect("it plays");
    assert!(finished);
    String::from_utf8(out).expect("UTF-8")
}

const SLUGS: [&str; 11] = [
    "graph",
    "chain-rule",
    "layers",
    "relu",
    "sigmoid",
    "fork",
    "check",
    "affine",
    "softmax-with-loss",
    "two-layer-net",
    "training",
];

#[test]
fn every_lesson_parses_and_each_pair_runs_the_same_statements() {
    lesson::check_all().expect("the lessons are well formed");
    for lang in [Lang::Ko, Lang::En] {
        let lessons = lesson::all(lang).expect("they parse");
        let slugs: Vec<&str> = lessons.iter().map(|l| l.slug.as_str()).collect();
        assert_eq!(slugs, SLUGS);
        let numbers: Vec<u32> = lessons.iter().map(|l| l.number).collect();
        assert_eq!(numbers, (1..=11).collect::<Vec<u32>>());
    }
}

#[test]
fn every_transcript_matches_its_snapshot_and_has_no_error() {
    for lang in [Lang::Ko, Lang::En] {
        for (i, slug) in SLUGS.iter().enumerate() {
            let transcript = play(lang, slug, false);
            assert!(
                !transcript.contains("error:"),
                "lesson {slug} ({}) shows an error:\n{transcript}",
                lang.code()
            );
            assert!(
                !transcript.contains('\u{1b}'),
                "colour off means no escape codes"
            );
            snapshot(
                &format!("lesson-{}-{:02}-{slug}", lang.code(), i + 1),
                &transcript,
            );
        }
    }
}

#[test]
fn one_lesson_in_colour() {
    let transcript = play(Lang::Ko, "relu", true);
    assert!(transcript.contains('\u{1b}'));
    snapshot("lesson-ko-04-relu-colour", &visible_escapes(&transcript));
}

#[test]
fn the_lessons_carry_the_books_numbers() {
    let graph = play(Lang::En, "graph", false);
    for number in [
        "price = 220.00000000000003",
        "dapple = 2.2",
        "dapple_num = 110.00000000000001",
        "dtax = 200",
    ] {
        assert!(graph.contains(number), "lesson 1 lacks {number}");
    }
    let layers = play(Lang::En, "layers", false);
    for number in [
        "price = 715.0000000000001",
        "dapple = 2.2",
        "dapple_num = 110.00000000000001",
        "dorange = 3.3000000000000003",
        "dorange_num = 165.0",
        "dtax = 650",
    ] {
        assert!(layers.contains(number), "lesson 3 lacks {number}");
    }
}

#[test]
fn the_binary_lists_and_plays_the_lessons_in_both_languages() {
    for (lang, title) in [("ko", "ReLU 계층"), ("en", "ReLU layer")] {
        // Finishing is recorded per lesson, whatever the language, so each language starts
        // from an empty data directory.
        let data = tempfile::tempdir().expect("a data directory");
        let data_dir = data.path().to_str().expect("UTF-8");
        let listed = binary(
            &["lesson", "--lang", lang],
            b"",
            &[("XDG_DATA_HOME", data_dir)],
        );
        let text = String::from_utf8_lossy(&listed.stdout);
        assert!(listed.status.success());
        assert_eq!(
            text.lines().count(),
            12,
            "a heading and eleven lessons:\n{text}"
        );
        assert!(text.contains(title), "{text}");
        assert!(!text.contains('✓'), "nothing finished yet:\n{text}");
        for n in 1..=11 {
            let played = binary(
                &["lesson", &n.to_string(), "--no-pause", "--lang", lang],
                b"",
                &[("XDG_DATA_HOME", data_dir)],
            );
            assert!(
                played.status.success(),
                "lesson {n} ({lang}) failed: {}",
                String::from_utf8_lossy(&played.stderr)
            );
        }
        let listed = binary(
            &["lesson", "--lang", lang],
            b"",
            &[("XDG_DATA_HOME", data_dir)],
        );
        // Played straight through with --no-pause (or into a pipe), a lesson is shown, not
        // finished: only a lesson gone through on a terminal, or a guided one, is marked.
        assert_eq!(
            String::from_utf8_lossy(&listed.stdout).matches('✓').count(),
            0,
            "--no-pause marks nothing finished:\n{}",
            String::from_utf8_lossy(&listed.stdout)
        );
    }
    let data = tempfile::tempdir().expect("a data directory");
    let data_dir = data.path().to_str().expect("UTF-8");
    let by_slug = binary(
        &["lesson", "relu", "--lang", "en"],
        b"",
        &[("XDG_DATA_HOME", data_dir)],
    );
    assert!(String::from_utf8_lossy(&by_slug.stdout).starts_with("Lesson 4 · ReLU layer"));
    // The start of exactly one slug finds it; a word that starts none is an error.
    let by_prefix = binary(
        &["lesson", "softmax", "--lang", "en"],
        b"",
        &[("XDG_DATA_HOME", data_dir)],
    );
    assert!(String::from_utf8_lossy(&by_prefix.stdout).starts_with("Lesson 9 · "));
    let missing = binary(&["lesson", "tanh"], b"", &[("XDG_DATA_HOME", data_dir)]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).starts_with("error: no lesson 'tanh'"));
}

#[test]
fn the_language_comes_from_the_locale() {
    let korean = binary(&["lesson"], b"", &[("LANG", "ko_KR.UTF-8")]);
    assert!(String::from_utf8_lossy(&korean.stdout).contains("계산 그래프"));
    let english = binary(
        &["lesson"],
        b"",
        &[("LC_ALL", "en_US.UTF-8"), ("LANG", "ko_KR.UTF-8")],
    );
    assert!(String::from_utf8_lossy(&english.stdout).contains("Computational graph"));
}

#[test]
fn the_two_layer_net_passes_its_gradient_check_within_1e_minus_7() {
    let transcript = play(Lang::En, "two-layer-net", false);
    let diffs: Vec<f64> = transcript
        .lines()
        .filter_map(|line| line.split("max |diff| ").nth(1))
        .filter_map(|rest| rest.split_whitespace().next()?.parse().ok())
        .collect();
    // One check, one row per parameter: W1, b1, W2 and b2. The data x and t take no gradient.
    assert_eq!(diffs.len(), 4, "{transcript}");
    assert!(diffs.iter().all(|&d| d <= 1e-7), "{diffs:?}");
    assert!(!transcript.contains("MISMATCH"));
}

#[test]
fn the_training_lesson_reaches_95_percent_on_the_test_digits() {
    let transcript = play(Lang::En, "training", false);
    let marker = ">>> mean(argmax(y, axis=1) == argmax(t_test, axis=1))\n";
    let after = transcript
        .split(marker)
        .nth(1)
        .expect("the accuracy statement");
    let accuracy: f64 = after
        .lines()
        .next()
        .and_then(|line| line.trim().parse().ok())
        .expect("a number");
    assert!(accuracy >= 0.95, "accuracy {accuracy}");
}
