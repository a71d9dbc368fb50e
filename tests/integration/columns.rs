//! Everything the program writes fits 80 columns, in Korean and English: `check`'s heading and
//! its kink warning, error messages, lesson 10's graph and every lesson played through. Prose
//! wraps at spaces; code (arrays, the graph's drawing, Python sketches, a source line and its
//! caret) is kept whole. Each wrapped text is compared with the same text drawn on a very wide
//! terminal: the words must be the same words in the same order, so no break fell inside one
//! (a Korean word cut as `왼\n쪽` would read as two words).

use crate::support::{binary_as_written, unwrapped};
use backprop::app::lesson::{self, Item, Pace};
use backprop::app::script::{self, ScriptOptions};
use backprop::i18n::Lang;
use backprop::py::workspace::Workspace;
use backprop::session::Session;
use backprop::show::View;
use backprop::show::style::Style;
use unicode_width::UnicodeWidthStr;

const COLUMNS: usize = 80;

/// Wide enough that nothing wraps: the text as it reads unwrapped.
const UNWRAPPED: usize = 10_000;

/// Runs `src` as a script in a fresh session, `columns` wide, in `lang`: stdout and stderr.
fn run(src: &str, lang: Lang, columns: usize) -> (String, String) {
    let view = View::new(Style::plain(), columns, lang);
    let mut session = Workspace::new(Session::new());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    script::run_source(
        &mut session,
        "<stdin>",
        src,
        &mut out,
        &mut err,
        &view,
        &view,
        ScriptOptions { keep_going: true },
    )
    .expect("a Vec takes any output");
    (
        String::from_utf8(out).expect("UTF-8"),
        String::from_utf8(err).expect("UTF-8"),
    )
}

/// The lines of `text` wider than `COLUMNS`, with their widths.
fn too_wide(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .filter(|line| line.width() > COLUMNS)
        .map(|line| (line.width(), line.to_string()))
        .collect()
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// `wrapped` fits 80 columns, says the same words as `unwrapped`, and took more lines to do it.
fn assert_wrapped(wrapped: &str, unwrapped: &str) {
    assert_eq!(
        too_wide(wrapped),
        vec![],
        "wider than 80 columns:\n{wrapped}"
    );
    assert_eq!(
        words(wrapped),
        words(unwrapped),
        "a break fell inside a word:\n{wrapped}"
    );
    assert!(
        wrapped.lines().count() > unwrapped.lines().count(),
        "nothing needed wrapping, so the test shows nothing:\n{unwrapped}"
    );
}

#[test]
fn checks_heading_fits_80_columns() {
    let src = "x = array([1.0, 2.0]);\ny = x * x;\nback y;\ncheck y\n";
    for lang in [Lang::Ko, Lang::En] {
        let (wrapped, _) = run(src, lang, COLUMNS);
        let (unwrapped, _) = run(src, lang, UNWRAPPED);
        assert_wrapped(&wrapped, &unwrapped);
        assert!(wrapped.starts_with("check y: "), "{wrapped}");
    }
}

#[test]
fn the_kink_warning_fits_80_columns() {
    // relu at an input of exactly 0 is a kink: check leaves k[0] out and says why.
    let src = "k = array([0.0, -1.0]); rk = relu(k)\ncheck rk\n";
    for (lang, label) in [(Lang::Ko, "경고: "), (Lang::En, "warning: ")] {
        let (wrapped, _) = run(src, lang, COLUMNS);
        let (unwrapped, _) = run(src, lang, UNWRAPPED);
        let warning = unwrapped
            .lines()
            .find(|line| line.starts_with(label))
            .expect("check names the kink");
        assert!(warning.width() > COLUMNS, "{warning}");
        assert_wrapped(&wrapped, &unwrapped);
        // The kink's own row is still one line, under the warning.
        assert!(wrapped.contains("\n  k[0]  "), "{wrapped}");
    }
}

#[test]
fn an_error_longer_than_80_columns_wraps_and_keeps_its_source_line_and_caret() {
    let src = "x = array([1.0, 2.0])\nmask(x)\n";
    for (lang, label) in [(Lang::Ko, "오류: "), (Lang::En, "error: ")] {
        let (_, wrapped) = run(src, lang, COLUMNS);
        let (_, wide) = run(src, lang, UNWRAPPED);
        let header = wide.lines().next().expect("an error");
        assert!(header.contains(label), "{wide}");
        assert!(header.width() > COLUMNS, "{header}");
        assert_wrapped(&wrapped, &wide);
        // The header's later lines are indented, and the source line and caret end it whole.
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines[1].starts_with("  "), "{wrapped}");
        assert_eq!(lines[lines.len() - 2..], ["mask(x)", "     ^"], "{wrapped}");
        // The tests of what messages say read them with the header joined again.
        assert_eq!(unwrapped(&wrapped), wide, "{wrapped}");

        // The binary, writing into a pipe, wraps at 80 columns too.
        let code = lang.code();
        let ran = binary_as_written(&["--lang", code, "run", "-"], src.as_bytes(), &[]);
        let stderr = String::from_utf8_lossy(&ran.stderr);
        assert_eq!(stderr, wrapped);
    }
}

#[test]
fn an_indented_source_line_under_a_wrapped_error_is_not_taken_for_its_continuation() {
    let src = "x = array([1.0, 2.0])\nfor i in range(2):\n  mask(x)\n";
    let (_, wrapped) = run(src, Lang::En, COLUMNS);
    let (_, wide) = run(src, Lang::En, UNWRAPPED);
    assert!(wrapped.contains("\n  mask(x)\n       ^\n"), "{wrapped}");
    assert_wrapped(&wrapped, &wide);
    assert_eq!(unwrapped(&wrapped), wide);
}

#[test]
fn a_source_line_wider_than_80_columns_is_kept_whole() {
    let long_name = "a".repeat(90);
    let src = format!("{long_name} + 1\n");
    let (_, err) = run(&src, Lang::En, COLUMNS);
    assert!(
        err.lines().any(|line| line == format!("{long_name} + 1")),
        "{err}"
    );
}

/// Plays a lesson `columns` wide: the transcript.
fn play(lang: Lang, slug: &str, columns: usize) -> String {
    let lessons = lesson::all(lang).expect("the embedded lessons parse");
    let found = lesson::find(&lessons, slug).expect("the lesson exists");
    let mut session = Workspace::new(Session::new());
    let view = View::new(Style::plain(), columns, lang);
    let mut out = Vec::new();
    let finished =
        lesson::play(found, &mut session, &mut out, &view, Pace::Straight).expect("it plays");
    assert!(finished);
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn lesson_10s_graph_fits_80_columns() {
    for lang in [Lang::Ko, Lang::En] {
        let transcript = play(lang, "two-layer-net", COLUMNS);
        let tree: Vec<&str> = transcript
            .lines()
            .filter(|line| line.starts_with(['│', '├', '└']) || line.starts_with("loss = "))
            .collect();
        assert!(
            tree.iter()
                .any(|line| line.contains("affine(x, W1, b1) = (50, 10) [")),
            "{transcript}"
        );
        for line in tree {
            assert!(line.width() <= COLUMNS, "{} columns: {line}", line.width());
        }
    }
}

#[test]
fn every_lesson_fits_80_columns_and_wraps_only_between_words() {
    for lang in [Lang::Ko, Lang::En] {
        let lessons = lesson::all(lang).expect("the lessons parse");
        for found in &lessons {
            let transcript = play(lang, &found.slug, COLUMNS);
            // The Python sketches fit too (they are drawn indented, and were shortened to fit).
            let wide: Vec<(usize, String)> = too_wide(&transcript);
            assert_eq!(wide, vec![], "lesson {} ({})", found.slug, lang.code());

            // Item by item against the same lesson on a very wide terminal: prose and what
            // each statement prints say the same words, in the same order. A picture or a plot
            // is drawn for its width, so there only the fit above is checked.
            let narrow = View::new(Style::plain(), COLUMNS, lang);
            let wide = View::new(Style::plain(), UNWRAPPED, lang);
            let (mut narrow_session, mut wide_session) = (
                Workspace::new(Session::new()),
                Workspace::new(Session::new()),
            );
            for item in &found.items {
                let (at_80, unwrapped) = match item {
                    Item::Statement { text, .. } => {
                        let mut at_80 = Vec::new();
                        let mut unwrapped = Vec::new();
                        lesson::run_statement(&mut narrow_session, &narrow, text, &mut at_80)
                            .expect("a Vec takes any output");
                        lesson::run_statement(&mut wide_session, &wide, text, &mut unwrapped)
                            .expect("a Vec takes any output");
                        let drawn = ["graph", "plot", "imshow"]
                            .iter()
                            .any(|command| text.trim_start().starts_with(command));
                        if drawn {
                            continue;
                        }
                        (
                            String::from_utf8(at_80).expect("UTF-8"),
                            String::from_utf8(unwrapped).expect("UTF-8"),
                        )
                    }
                    _ => (
                        lesson::render_item(item, &narrow),
                        lesson::render_item(item, &wide),
                    ),
                };
                assert_eq!(
                    words(&at_80),
                    words(&unwrapped),
                    "lesson {} ({}): a break fell inside a word:\n{at_80}",
                    found.slug,
                    lang.code()
                );
            }
        }
    }
}

#[test]
fn a_tree_lines_sum_of_array_gradients_fits_80_columns_term_by_term() {
    // x is used four times: its gradient is a sum of four arrays, too wide for one line.
    let src =
        "x = array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]);\ny = x * x + x * x;\nback y;\ngraph y\n";
    for lang in [Lang::Ko, Lang::En] {
        let (drawn, _) = run(src, lang, COLUMNS);
        assert_eq!(too_wide(&drawn), vec![], "{drawn}");
        // Every term and the total are there, each whole, the total on a row of its own.
        let sum: Vec<&str> = drawn
            .lines()
            .skip_while(|line| !line.contains("grad (7,) [1. ...] + "))
            .take(2)
            .collect();
        assert_eq!(sum[0].matches("(7,) [1. ...]").count(), 4, "{drawn}");
        assert!(
            sum[1]
                .trim_start_matches(['│', ' '])
                .starts_with("= (7,) [ 4. ...]"),
            "{drawn}"
        );
    }
}
