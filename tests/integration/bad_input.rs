//! The bad-input table: each row is a statement and the exact text it must put on stderr. After
//! each one the session must be exactly as it was, which the table checks too.

use crate::support::Shell;
use crate::support::{Ran, run, run_with};
use backprop::app::script::{self, ScriptOptions};
use backprop::i18n::Lang;
use backprop::py::workspace::Workspace;
use backprop::session::Session;
use backprop::show::View;
use backprop::show::style::Style;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// (what the learner typed after `SETUP`,
/// the exact stderr of `backprop run` on it, with the file named test.bp and the set-up on line 1).
const TABLE: &[(&str, &str)] = &[
    (
        "a = array([[1, 2], [3]])",
        "test.bp:2:5: error: ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions.\na = array([[1, 2], [3]])\n    ^^^^^\n",
    ),
    (
        "a = array([[1, 2], 3])",
        "test.bp:2:5: error: ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions.\na = array([[1, 2], 3])\n    ^^^^^\n",
    ),
    (
        "keep * [1, 2, 3]",
        "test.bp:2:1: error: ValueError: operands could not be broadcast together with shapes (2,) (3,)\nkeep * [1, 2, 3]\n^^^^\n",
    ),
    (
        "kep + 1",
        "test.bp:2:1: error: unknown name 'kep'; did you mean 'keep'?\nkep + 1\n^^^\n",
    ),
    (
        "grad(keep)",
        "test.bp:2:6: error: no gradients yet: run `back NAME` first, then grad(keep)\ngrad(keep)\n     ^^^^\n",
    ),
    (
        "mask(x)",
        "test.bp:2:6: error: 'x' was made by a literal value, not by relu, so it has no mask; mask() takes a name made by relu(...)\nmask(x)\n     ^\n",
    ),
    (
        "back r [1.0, 2.0, 3.0]",
        "test.bp:2:8: error: dout has shape (3,) but 'r' has shape (2, 2); give a dout of the same shape, or `ones`\nback r [1.0, 2.0, 3.0]\n       ^^^^^^^^^^^^^^^\n",
    ),
    (
        "z = zeros(100000, 100000)",
        "test.bp:2:5: error: an array of shape (100000, 100000) would have 10000000000 elements; the limit is 100000000 (10^8)\nz = zeros(100000, 100000)\n    ^^^^^^^^^^^^^^^^^^^^^\n",
    ),
    (
        "z = ones(2.5)",
        "test.bp:2:10: error: ones takes sizes that are whole numbers of 0 or more, e.g. ones(2, 3)\nz = ones(2.5)\n         ^^^\n",
    ),
    (
        "relux(x)",
        "test.bp:2:1: error: NameError: name 'relux' is not defined. Did you mean: 'relu'?\nrelux(x)\n^^^^^\n",
    ),
    (
        "keep = (keep + 1",
        "test.bp:2:17: error: expected ')' to close '(' at 2:8\nkeep = (keep + 1\n                ^\n",
    ),
    (
        "keep = keep.shape(2)",
        "test.bp:2:8: error: TypeError: 'tuple' object is not callable\nkeep = keep.shape(2)\n       ^^^^\n",
    ),
    (
        "keep = np.relu(keep)",
        "test.bp:2:8: error: AttributeError: module 'numpy' has no attribute 'relu'\nkeep = np.relu(keep)\n       ^^\n",
    ),
    (
        "keep = print(keep, keep)",
        "test.bp:2:8: error: print of several values (or of none) is a statement of its own; it gives no value to use here\nkeep = print(keep, keep)\n       ^^^^^^^^^^^^^^^^^\n",
    ),
    (
        "back m",
        "test.bp:2:6: error: 'm' is a boolean array, and no gradient flows through a comparison; run back from a number array\nback m\n     ^\n",
    ),
    (
        "\tkeep = 가 + 1 # 주석 comment",
        "test.bp:2:9: error: unexpected character '가'\n\tkeep = 가 + 1 # 주석 comment\n\t       ^^\n",
    ),
];

const SETUP: &str =
    "keep = array([1.0, 2.0]); x = array([[1.0, -0.5], [-2.0, 3.3]]); r = relu(x); m = x <= 0;\n";

#[test]
fn every_row_gives_its_exact_error() {
    let mut wrong = Vec::new();
    for (input, want) in TABLE {
        let ran = run(&format!("{SETUP}{input}\n"));
        if ran.stderr != *want || ran.failures != 1 {
            wrong.push(format!("{input}\n  want {want:?}\n  got  {:?}", ran.stderr));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn after_every_error_the_session_is_as_it_was() {
    for (input, _) in TABLE {
        let mut session = Shell::new();
        session
            .run(SETUP, 0, &mut Vec::new())
            .expect("the set-up runs");
        let vars = session.vars();
        let names = session.known_names();
        let nodes = session.graph().len();
        let keep = session.value("keep").cloned();
        assert!(
            session.run(input, 0, &mut Vec::new()).is_err(),
            "{input} must fail"
        );
        assert_eq!(session.vars(), vars, "{input}");
        assert_eq!(session.known_names(), names, "{input}");
        assert_eq!(session.graph().len(), nodes, "{input}");
        assert_eq!(session.value("keep").cloned(), keep, "{input}");
        let mut out = Vec::new();
        session
            .run("keep", 0, &mut out)
            .expect("keep is still there");
        assert_eq!(String::from_utf8_lossy(&out), "[1. 2.]\n");
    }
}

#[test]
fn grad_of_a_name_that_took_no_part_names_the_output() {
    let ran = run("a = 1.0; b = 2.0; c = a * 3;\nback c;\ngrad(b)\n");
    assert_eq!(
        ran.stderr,
        "test.bp:3:6: error: 'b' took no part in the last back, which ran from 'c'\ngrad(b)\n     ^\n"
    );
}

#[test]
fn overflow_to_inf_is_a_warning_and_the_value_is_kept() {
    let ran = run("big = exp(1000)\nbig * 0\n");
    assert_eq!(ran.stdout, "big = inf\nnan\n");
    assert_eq!(
        ran.stderr,
        "test.bp:1:7: warning: overflow encountered in exp: 1 of 1 element(s) became inf or nan\nbig = exp(1000)\n      ^^^^^^^^^\n"
    );
    assert_eq!(ran.failures, 0);
}

#[test]
fn crlf_endings_and_garbage_are_handled() {
    let ran = run("a = 1\r\nb = a + 1\r\nb\r\n");
    assert_eq!(
        (ran.stdout.as_str(), ran.failures),
        ("a = 1\nb = 2\n2\n", 0)
    );
    let garbage: String = (0u8..=255).map(char::from).collect();
    let ran = run_with(&garbage, ScriptOptions { keep_going: true });
    assert!(ran.failures >= 1);
    assert!(
        ran.stderr.starts_with("test.bp:1:1: error: SyntaxError: "),
        "{}",
        ran.stderr
    );
}

/// `run(src)` on another thread, failing the test instead of hanging it if the run has not
/// finished after a generous `minutes`. This is a guard against a hang, not a timing claim.
fn run_within(minutes: u64, src: String) -> Ran {
    let (done, ran) = mpsc::channel();
    thread::spawn(move || done.send(run(&src)));
    ran.recv_timeout(Duration::from_secs(60 * minutes))
        .unwrap_or_else(|_| panic!("the run did not finish within {minutes} minutes"))
}

/// `n0 = 1.0` … one line per name, `count` names in all.
fn define_names(count: usize) -> String {
    (0..count).map(|i| format!("n{i} = 1.0\n")).collect()
}

#[test]
fn a_million_character_misspelt_name_is_not_compared() {
    // Defined: a million n's. Typed: the same with its last letter changed, one edit away, but
    // far over the 64 characters "did you mean" compares, so the error lists the known names.
    let known = "n".repeat(1_000_000);
    let typed = format!("{}m", "n".repeat(999_999));
    let ran = run_within(5, format!("{known} = 1.0\n{typed} + 1\n"));
    let line = format!("{typed} + 1");
    let carets = "^".repeat(1_000_000);
    assert_eq!(ran.failures, 1);
    assert!(
        ran.stderr
            == format!(
                "test.bp:2:1: error: unknown name '{typed}'; known names: {known}\n{line}\n{carets}\n"
            ),
        "stderr starts {:?}",
        ran.stderr.chars().take(200).collect::<String>()
    );
}

#[test]
fn a_name_of_64_characters_still_gets_its_suggestion_and_65_does_not() {
    let known64 = "k".repeat(64);
    let typed64 = format!("{}j", "k".repeat(63));
    let ran = run(&format!("{known64} = 1.0\n{typed64}\n"));
    assert_eq!(
        ran.stderr,
        format!(
            "test.bp:2:1: error: unknown name '{typed64}'; did you mean '{known64}'?\n{typed64}\n{}\n",
            "^".repeat(64)
        )
    );
    let known65 = "k".repeat(65);
    let typed65 = format!("{}j", "k".repeat(64));
    let ran = run(&format!("{known65} = 1.0\n{typed65}\n"));
    assert_eq!(
        ran.stderr,
        format!(
            "test.bp:2:1: error: unknown name '{typed65}'; known names: {known65}\n{typed65}\n{}\n",
            "^".repeat(65)
        )
    );
}

#[test]
fn among_5000_names_the_error_lists_ten_and_counts_the_rest() {
    let ran = run_within(5, format!("{}missing\n", define_names(5_000)));
    assert_eq!(ran.failures, 1);
    assert_eq!(
        ran.stderr,
        "test.bp:5001:1: error: unknown name 'missing'; known names: \
         n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, … and 4990 more\nmissing\n^^^^^^^\n"
    );
}

#[test]
fn ten_names_are_all_listed_and_the_eleventh_is_counted() {
    let ran = run(&format!("{}missing\n", define_names(10)));
    assert_eq!(
        ran.stderr,
        "test.bp:11:1: error: unknown name 'missing'; known names: \
         n0, n1, n2, n3, n4, n5, n6, n7, n8, n9\nmissing\n^^^^^^^\n"
    );
    let ran = run(&format!("{}missing\n", define_names(11)));
    assert_eq!(
        ran.stderr,
        "test.bp:12:1: error: unknown name 'missing'; known names: \
         n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, … and 1 more\nmissing\n^^^^^^^\n"
    );
}

#[test]
fn in_korean_the_rest_of_the_names_are_counted_too() {
    let korean = View::new(Style::plain(), 80, Lang::Ko);
    let mut err = Vec::new();
    let failures = script::run_source(
        &mut Workspace::new(Session::new()),
        "test.bp",
        &format!("{}missing\n", define_names(5_000)),
        &mut Vec::new(),
        &mut err,
        &korean,
        &korean,
        ScriptOptions::default(),
    )
    .expect("a Vec takes any output");
    assert_eq!(failures, 1);
    assert_eq!(
        crate::support::unwrapped(&String::from_utf8(err).expect("stderr is UTF-8")),
        "test.bp:5001:1: 오류: 알 수 없는 이름 'missing'. 지금 있는 이름: \
         n0, n1, n2, n3, n4, n5, n6, n7, n8, n9 … 외 4990개\nmissing\n^^^^^^^\n"
    );
}
