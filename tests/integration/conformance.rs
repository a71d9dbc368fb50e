//! The conformance cases made with numpy 2.4 outside the project (copied from
//! `shared/conformance`): `print.jsonl` and `rng.jsonl` (numpy's random streams after
//! `seed N`) must match byte for byte, and `grad.jsonl` numerically
//! (relative 1e-6, nan equals nan), exactly as `check.py` judges them.

use crate::support::run;
use serde_json::Value as Json;

const PRINT_CASES: &str = include_str!("../data/print.jsonl");
const GRAD_CASES: &str = include_str!("../data/grad.jsonl");
const RNG_CASES: &str = include_str!("../data/rng.jsonl");
const CH5_CASES: &str = include_str!("../data/ch5.jsonl");

fn cases(text: &str) -> Vec<Json> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("each case line is JSON"))
        .collect()
}

#[test]
fn every_print_case_matches_numpy_byte_for_byte() {
    assert_byte_for_byte(PRINT_CASES, 300);
}

#[test]
fn every_random_stream_matches_numpys_legacy_generator_byte_for_byte() {
    assert_byte_for_byte(RNG_CASES, 40);
}

/// Runs every case of `text` (there must be `count`) and compares stdout with `expected`
/// exactly, listing every case that differs.
fn assert_byte_for_byte(text: &str, count: usize) {
    let cases = cases(text);
    assert_eq!(cases.len(), count);
    let mut failures = Vec::new();
    for case in &cases {
        let src = case["src"].as_str().expect("src is text");
        let expected = case["expected"].as_str().expect("expected is text");
        let ran = run(src);
        if ran.stdout != expected || ran.failures != 0 {
            failures.push(format!(
                "--- {}\n{src}want:\n{expected}got:\n{}{}",
                case["id"], ran.stdout, ran.stderr
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_grad_case_matches_the_books_layers() {
    assert_numerically(GRAD_CASES, 200);
}

/// The chapter-5 language (`dot`, `affine`, the losses, reductions, indexing, loops, updates and
/// small two-layer nets) against numpy running the book's layer classes.
#[test]
fn every_chapter_5_case_matches_the_books_layers() {
    assert_numerically(CH5_CASES, 122);
}

/// Runs each case and compares every printed value with the expected one, to numpy's printed
/// precision.
fn assert_numerically(text: &str, count: usize) {
    let cases = cases(text);
    assert_eq!(cases.len(), count);
    let mut failures = Vec::new();
    for case in &cases {
        let src = case["src"].as_str().expect("src is text");
        let ran = run(src);
        let got = parse_values(&ran.stdout);
        // The case that prints inf, -inf and nan is compared as text.
        if let Json::String(text) = &case["expected"] {
            if ran.failures != 0 || &ran.stdout != text {
                failures.push(format!(
                    "--- {}\n{src}want {text:?}\ngot {:?}",
                    case["id"], ran.stdout
                ));
            }
            continue;
        }
        let ok = ran.failures == 0
            && got.as_ref().is_ok_and(|got| {
                let want: Vec<Json> = case["expected"].as_array().expect("a list").clone();
                got.len() == want.len() && got.iter().zip(&want).all(|(g, w)| close(g, w))
            });
        if !ok {
            failures.push(format!(
                "--- {}\n{src}want {}\ngot:\n{}{}",
                case["id"], case["expected"], ran.stdout, ran.stderr
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_books_numbers_to_the_last_digit() {
    let ran = run(
        "apple = 100;\nn = 2;\ntax = 1.1;\nprice = apple * n * tax\nback price 1;\ndapple\ndn\ndtax\n",
    );
    assert_eq!(
        ran.stdout,
        "price = 220.00000000000003\n2.2\n110.00000000000001\n200\n"
    );
    let ran = run(
        "apple = 100; n_apple = 2; orange = 150; n_orange = 3; tax = 1.1\n\
         price = (apple * n_apple + orange * n_orange) * tax\n\
         back price 1;\ndapple\ndn_apple\ndorange\ndn_orange\ndtax\n",
    );
    assert_eq!(
        ran.stdout,
        "tax = 1.1\nprice = 715.0000000000001\n2.2\n110.00000000000001\n3.3000000000000003\n165.0\n650\n"
    );
}

/// A parsed numpy value: a number, a boolean, or a nested list.
#[derive(Debug)]
enum Parsed {
    Number(f64),
    Bool(bool),
    List(Vec<Parsed>),
}

/// Parses consecutive numpy-printed values, as `check.py` does.
fn parse_values(text: &str) -> Result<Vec<Parsed>, String> {
    let tokens: Vec<&str> = tokenize(text)?;
    let mut pos = 0;
    let mut out = Vec::new();
    while pos < tokens.len() {
        out.push(parse_value(&tokens, &mut pos)?);
    }
    Ok(out)
}

fn tokenize(text: &str) -> Result<Vec<&str>, String> {
    let mut tokens = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return Ok(tokens);
        }
        let len = if rest.starts_with('[') || rest.starts_with(']') {
            1
        } else {
            rest.find(|c: char| c.is_whitespace() || c == '[' || c == ']')
                .unwrap_or(rest.len())
        };
        tokens.push(&rest[..len]);
        rest = &rest[len..];
    }
}

fn parse_value(tokens: &[&str], pos: &mut usize) -> Result<Parsed, String> {
    let token = *tokens.get(*pos).ok_or("unexpected end")?;
    *pos += 1;
    match token {
        "[" => {
            let mut items = Vec::new();
            while tokens.get(*pos) != Some(&"]") {
                if *pos >= tokens.len() {
                    return Err("unclosed [".to_string());
                }
                items.push(parse_value(tokens, pos)?);
            }
            *pos += 1;
            Ok(Parsed::List(items))
        }
        "True" => Ok(Parsed::Bool(true)),
        "False" => Ok(Parsed::Bool(false)),
        other => other
            .parse()
            .map(Parsed::Number)
            .map_err(|_| format!("not a number: {other:?}")),
    }
}

fn close(got: &Parsed, want: &Json) -> bool {
    match (got, want) {
        (Parsed::List(items), Json::Array(wants)) => {
            items.len() == wants.len() && items.iter().zip(wants).all(|(g, w)| close(g, w))
        }
        (Parsed::Bool(b), Json::Bool(w)) => b == w,
        (Parsed::Number(g), Json::Number(w)) => {
            let w = w.as_f64().unwrap_or(f64::NAN);
            // numpy prints 8 decimals; beyond them, a relative 1e-6 (as check.py compares).
            (g - w).abs() <= 1e-8 + 1e-6 * w.abs() || g == &w
        }
        (Parsed::Number(g), Json::String(s)) => match s.as_str() {
            "nan" | "NaN" => g.is_nan(),
            "inf" | "Infinity" => *g == f64::INFINITY,
            "-inf" | "-Infinity" => *g == f64::NEG_INFINITY,
            _ => false,
        },
        (Parsed::Number(g), Json::Null) => g.is_nan(),
        _ => false,
    }
}

/// `examples/train_digits.bp` trains the book's two-layer net on the digits and prints what
/// `examples/train_digits.py` (numpy, with layer classes computing what the book's do, the same
/// draws and the same updates) printed into `tests/data/train_digits.expected`: the loss every
/// 100 iterations and the test accuracy, to numpy's tolerance. The accuracy is at least 0.95.
#[test]
fn the_training_example_learns_as_numpy_does() {
    let src = include_str!("../../examples/train_digits.bp");
    let want = include_str!("../data/train_digits.expected");
    let ran = run(src);
    assert_eq!(ran.failures, 0, "{}", ran.stderr);
    // After `load digits` lists its four arrays, each printed line is one number.
    let got: Vec<f64> = ran
        .stdout
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect();
    let want: Vec<f64> = want.lines().map(|l| l.parse().expect("a number")).collect();
    assert_eq!(got.len(), want.len(), "{}", ran.stdout);
    for (g, w) in got.iter().zip(&want) {
        assert!((g - w).abs() <= 1e-6 * w.abs(), "{g} against numpy's {w}");
    }
    let accuracy = *got.last().expect("the accuracy");
    assert!(accuracy >= 0.95, "accuracy {accuracy}");
}

const PYTHON_CASES: &str = include_str!("../data/python.jsonl");

/// `check.py`'s "text-tolerant" comparison: equal text, or equal but for float tokens within
/// the tolerance; an integer token must be written identically.
fn text_tolerant(got: &str, want: &str) -> Result<(), String> {
    if got == want {
        return Ok(());
    }
    let (g, w) = (split_numbers(got), split_numbers(want));
    for (i, (a, b)) in g.iter().zip(&w).enumerate() {
        if i % 2 == 0 {
            if a != b {
                return Err(format!("text differs: want {b:?}, got {a:?}"));
            }
        } else if is_int_token(b) {
            if a != b {
                return Err(format!("integer differs: want {b}, got {a}"));
            }
        } else {
            let close = match (a.parse::<f64>(), b.parse::<f64>()) {
                (Ok(x), Ok(y)) if !is_int_token(a) => {
                    (x.is_nan() && y.is_nan()) || x == y || (x - y).abs() <= 1e-8 + 1e-6 * y.abs()
                }
                _ => false,
            };
            if !close {
                return Err(format!("float differs: want {b}, got {a}"));
            }
        }
    }
    if g.len() != w.len() {
        return Err(format!(
            "{} numbers wanted, {} printed",
            w.len() / 2,
            g.len() / 2
        ));
    }
    Ok(())
}

fn is_int_token(t: &str) -> bool {
    !t.contains(['.', 'e', 'E']) && !t.contains("inf") && !t.contains("nan")
}

/// `[text, number, text, …, text]`, numbers as `check.py`'s NUMBER pattern finds them.
fn split_numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut i = 0;
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    while i < chars.len() {
        let start = i;
        let mut j = i;
        if chars[j] == '-' || chars[j] == '+' {
            j += 1;
        }
        let rest: String = chars[j..chars.len().min(j + 3)].iter().collect();
        let before_ok = j == 0 || !(chars[j - 1].is_ascii_alphabetic() || chars[j - 1] == '_');
        let mut end = None;
        if (rest == "inf" || rest == "nan")
            && before_ok
            && chars.get(j + 3).is_none_or(|&c| !word(c))
        {
            end = Some(j + 3);
        } else if j < chars.len()
            && (chars[j].is_ascii_digit()
                || (chars[j] == '.' && chars.get(j + 1).is_some_and(|c| c.is_ascii_digit())))
        {
            let mut k = j;
            while k < chars.len() && chars[k].is_ascii_digit() {
                k += 1;
            }
            if k < chars.len() && chars[k] == '.' {
                k += 1;
                while k < chars.len() && chars[k].is_ascii_digit() {
                    k += 1;
                }
            }
            if k < chars.len() && (chars[k] == 'e' || chars[k] == 'E') {
                let mut m = k + 1;
                if m < chars.len() && (chars[m] == '-' || chars[m] == '+') {
                    m += 1;
                }
                if m < chars.len() && chars[m].is_ascii_digit() {
                    while m < chars.len() && chars[m].is_ascii_digit() {
                        m += 1;
                    }
                    k = m;
                }
            }
            end = Some(k);
        }
        match end {
            Some(e) => {
                parts.push(std::mem::take(&mut current));
                parts.push(chars[start..e].iter().collect());
                i = e;
            }
            None => {
                current.push(chars[i]);
                i += 1;
            }
        }
    }
    parts.push(current);
    parts
}

#[test]
fn the_tolerant_comparison_reads_numbers_as_check_py_does() {
    assert!(text_tolerant("x 1.00000001", "x 1.0").is_ok());
    assert!(text_tolerant("200.0", "200").is_err());
    assert!(text_tolerant("a 1", "b 1").is_err());
    assert!(text_tolerant("[nan inf]", "[nan inf]").is_ok());
    assert_eq!(
        split_numbers("x1 -2.5e-3 y"),
        vec!["x", "1", " ", "-2.5e-3", " y"]
    );
    assert_eq!(
        split_numbers("a-inf nan2 [nan]"),
        vec!["a", "-inf", " nan", "2", " [", "nan", "]"]
    );
}

#[test]
fn every_python_program_prints_what_cpython_prints() {
    let cases = cases(PYTHON_CASES);
    assert_eq!(cases.len(), 160);
    let view = backprop::show::view::View::new(
        backprop::show::style::Style::plain(),
        80,
        backprop::i18n::Lang::En,
    );
    let mut failures = Vec::new();
    for case in &cases {
        let src = case["src"].as_str().expect("src is text");
        let expected = case["expected"].as_str().expect("expected is text");
        let (stdout, error) = backprop::py::run_to_string("case.py", src, &view);
        let verdict = match (&error, text_tolerant(&stdout, expected)) {
            (None, Ok(())) => continue,
            (Some(e), _) => format!("error: {e}"),
            (None, Err(why)) => why,
        };
        failures.push(format!(
            "--- {} ({verdict})\n{src}want:\n{expected}got:\n{stdout}",
            case["id"]
        ));
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
