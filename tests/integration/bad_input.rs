//! The bad-input table: each row is a statement and the exact text it must put on stderr. After
//! each one the session must be exactly as it was, which the table checks too.

use crate::support::Shell;
use crate::support::{run, run_with};
use backprop::app::script::ScriptOptions;

/// (what the learner typed after `SETUP`,
/// the exact stderr of `backprop run` on it, with the file named test.bp and the set-up on line 1).
const TABLE: &[(&str, &str)] = &[
    (
        "a = [[1, 2], [3]]",
        "test.bp:2:14: error: ragged array: row 2 has 1 item where row 1 has 2\na = [[1, 2], [3]]\n             ^\n",
    ),
    (
        "a = [[1, 2], 3]",
        "test.bp:2:14: error: expected a list, found a number\na = [[1, 2], 3]\n             ^\n",
    ),
    (
        "keep * [1, 2, 3]",
        "test.bp:2:1: error: operands could not be broadcast together with shapes (2,) (3,)\nkeep * [1, 2, 3]\n^^^^^^^^^^^^^^^^\n",
    ),
    (
        "kep + 1",
        "test.bp:2:1: error: unknown name 'kep'; did you mean 'keep'?\nkep + 1\n^^^\n",
    ),
    (
        "sigmoid = 1",
        "test.bp:2:1: error: cannot assign to 'sigmoid': it is a built-in name; choose another name\nsigmoid = 1\n^^^^^^^\n",
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
        "big = 1e400",
        "test.bp:2:7: error: number '1e400' is too large for float64 (the largest is about 1.8e308)\nbig = 1e400\n      ^^^^^\n",
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
        "test.bp:2:1: error: unknown function 'relux'; did you mean 'relu'?\nrelux(x)\n^^^^^\n",
    ),
    (
        "keep = (keep + 1",
        "test.bp:2:17: error: expected ')' to close '(' at 2:8\nkeep = (keep + 1\n                ^\n",
    ),
    (
        "keep = keep ** 2",
        "test.bp:2:13: error: there is no '**' operator; multiply instead, e.g. x * x\nkeep = keep ** 2\n            ^^\n",
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

const SETUP: &str = "keep = [1.0, 2.0]; x = [[1.0, -0.5], [-2.0, 3.3]]; r = relu(x); m = x <= 0;\n";

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
        ("a = 1.0\nb = 2.0\n2.0\n", 0)
    );
    let garbage: String = (0u8..=255).map(char::from).collect();
    let ran = run_with(&garbage, ScriptOptions { keep_going: true });
    assert!(ran.failures >= 1);
    assert!(
        ran.stderr
            .starts_with("test.bp:1:1: error: unexpected character"),
        "{}",
        ran.stderr
    );
}
