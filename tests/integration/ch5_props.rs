//! The section-5.6 layers under the gradient check, on generated inputs: random two-layer nets,
//! matrix products of every rank pairing, reductions along each axis, fancy indexing with
//! repeated indices, reshape/transpose chains, `**` with a variable exponent, and random chains
//! of them (all but `max`, whose ties random values cannot rule out). Each case is a script;
//! `check` must find every named leaf ok.
//!
//! The scripts avoid the places where a central difference is no check of `back`: `max` sees
//! values at least 0.1 apart (no ties for a nudge of 1e-4 to break), `log`, `sqrt` and the base
//! of `**` see only positive values, and targets are typed in place rather than named, so that
//! `check` nudges the parameters and not the labels.

use crate::support::run;
use backprop::engine::gradcheck::Report;
use backprop::session::{Outcome, Session};
use backprop::show::View;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Runs `lines` in a fresh session, then `check target`, and hands back the report.
fn check_report(lines: &[String], target: &str) -> Result<Report, String> {
    let mut session = Session::new();
    let view = View::plain();
    let mut report = None;
    let check = format!("check {target}");
    for line in lines.iter().map(String::as_str).chain([check.as_str()]) {
        session
            .run(line, 0, &mut |_, _, outcome| {
                if let Outcome::Check(r) = outcome {
                    report = Some(r);
                }
                Ok(())
            })
            .map_err(|e| format!("`{line}` failed: {}", view.lang.say(&e.message)))?;
    }
    report.ok_or_else(|| format!("`check {target}` gave no report"))
}

/// Asserts that `check target` after `lines` passes, and that it checked exactly `names`.
fn assert_check_passes(
    lines: &[String],
    target: &str,
    names: &[String],
) -> Result<(), TestCaseError> {
    let script = lines.join("\n");
    let report =
        check_report(lines, target).map_err(|e| TestCaseError::fail(format!("{script}\n{e}")))?;
    let rendered = backprop::show::check::render(&report, &View::plain());
    let mut checked: Vec<&str> = report.vars.iter().map(|v| v.name.as_str()).collect();
    let mut wanted: Vec<&str> = names.iter().map(String::as_str).collect();
    checked.sort_unstable();
    wanted.sort_unstable();
    prop_assert_eq!(checked, wanted, "{}\n{}", script, rendered);
    prop_assert!(
        report.all_ok(),
        "{}\ncheck {}\n{}",
        script,
        target,
        rendered
    );
    Ok(())
}

/// A numpy literal of `values` in `shape` (0-, 1- or 2-D), three decimals each.
fn literal(values: &[f64], shape: &[usize]) -> String {
    let row = |vs: &[f64]| {
        let parts: Vec<String> = vs.iter().map(|v| format!("{v:.3}")).collect();
        format!("[{}]", parts.join(", "))
    };
    match shape {
        [] => format!("{:.3}", values[0]),
        [_] => row(values),
        [_, m] => {
            let rows: Vec<String> = values.chunks(*m).map(row).collect();
            format!("[{}]", rows.join(", "))
        }
        _ => unreachable!("literals here are at most 2-D"),
    }
}

/// `randn(shape)`, or a plain scalar for a 0-d shape (randn takes at least one size).
fn randn(shape: &[usize], scalar: f64) -> String {
    if shape.is_empty() {
        format!("{scalar:.3}")
    } else {
        let sizes: Vec<String> = shape.iter().map(usize::to_string).collect();
        format!("randn({})", sizes.join(", "))
    }
}

fn floats(values: &[usize]) -> String {
    let parts: Vec<String> = values.iter().map(|v| format!("{v}.0")).collect();
    format!("[{}]", parts.join(", "))
}

/// One-hot rows for `labels` among `classes`, as a literal.
fn one_hot(labels: &[usize], classes: usize) -> String {
    let rows: Vec<String> = labels
        .iter()
        .map(|&l| {
            let row: Vec<&str> = (0..classes)
                .map(|c| if c == l { "1.0" } else { "0.0" })
                .collect();
            format!("[{}]", row.join(", "))
        })
        .collect();
    format!("[{}]", rows.join(", "))
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// How the two-layer net gets its targets.
#[derive(Debug, Clone, Copy)]
enum Target {
    /// Integer labels as floats, shape (n,) (a bare number for one 1-D sample).
    Labels,
    /// One-hot rows typed as a literal.
    OneHot,
    /// One-hot rows picked out of `eye(classes)` with repeated indices.
    Eye,
}

/// The book's two-layer net, `softmax_with_loss(affine(relu(affine(x, W1, b1)), W2, b2), t)`,
/// for a batch of `n` rows (or one 1-D sample), with random sizes, values and labels.
///
/// The values are typed in and small (|x| < 1, weights and biases under 0.3), so that the scores
/// stay within ±2.6 and no class gets a probability much below 1e-3. Below that the book's
/// `log(y + 1e-7)` in the forward differs measurably from the `y − t` of its backward.
fn two_layer_net() -> impl Strategy<Value = Vec<String>> {
    (
        prop::option::of(1usize..5),
        1usize..5,
        1usize..6,
        2usize..5,
        prop::sample::select(vec![Target::Labels, Target::OneHot, Target::Eye]),
    )
        .prop_flat_map(|(batch, k, h, c, target)| {
            let n = batch.unwrap_or(1);
            let small = |len: usize, r: f64| prop::collection::vec(-r..r, len);
            (
                Just((batch, k, h, c, target)),
                prop::collection::vec(0..c, n),
                (
                    small(n * k, 1.0),
                    small(k * h, 0.3),
                    small(h, 0.3),
                    small(h * c, 0.3),
                    small(c, 0.3),
                ),
            )
        })
        .prop_map(|((batch, k, h, c, target), labels, (x, w1, b1, w2, b2))| {
            let x = match batch {
                Some(n) => literal(&x, &[n, k]),
                None => literal(&x, &[k]),
            };
            let t = match (target, batch) {
                (Target::Labels, Some(_)) => floats(&labels),
                (Target::Labels, None) => format!("{}", labels[0]),
                (Target::OneHot, Some(_)) => one_hot(&labels, c),
                (Target::OneHot, None) => {
                    one_hot(&labels, c)[1..].trim_end_matches("]]").to_string() + "]"
                }
                (Target::Eye, Some(_)) => format!("eye({c})[{:?}]", labels),
                (Target::Eye, None) => format!("eye({c})[{}]", labels[0]),
            };
            vec![
                format!("x = {x}"),
                format!("W1 = {}", literal(&w1, &[k, h])),
                format!("b1 = {}", literal(&b1, &[h])),
                format!("W2 = {}", literal(&w2, &[h, c])),
                format!("b2 = {}", literal(&b2, &[c])),
                format!("L = softmax_with_loss(affine(relu(affine(x, W1, b1)), W2, b2), {t})"),
            ]
        })
}

/// `A @ B` or `dot(A, B)` for each pairing of 1-D and 2-D operands, then something that makes the
/// upstream gradient differ from element to element, and maybe a second product.
fn matrix_product() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    (
        0u64..1_000_000,
        (
            prop::option::of(1usize..5),
            1usize..5,
            prop::option::of(1usize..5),
        ),
        any::<bool>(),
        0usize..3,
        prop::option::of(prop::option::of(1usize..4)),
    )
        .prop_map(|(seed, (n, k, m), use_dot, wrap, second)| {
            let a = match n {
                Some(n) => format!("randn({n}, {k})"),
                None => format!("randn({k})"),
            };
            let b = match m {
                Some(m) => format!("randn({k}, {m})"),
                None => format!("randn({k})"),
            };
            let product = if use_dot {
                "dot(A, B)".to_string()
            } else {
                "A @ B".to_string()
            };
            let mut lines = vec![
                format!("seed {seed}"),
                format!("A = {a}"),
                format!("B = {b}"),
            ];
            lines.push(format!("C = {product}"));
            let mut vars = names(&["A", "B"]);
            // The product's last axis, if it has one: B's columns, or A's rows for a 1-D B.
            let last = match (n, m) {
                (_, Some(m)) => Some(m),
                (Some(n), None) => Some(n),
                (None, None) => None,
            };
            if let (Some(last), Some(p)) = (last, second) {
                let d = match p {
                    Some(p) => format!("randn({last}, {p})"),
                    None => format!("randn({last})"),
                };
                lines.push(format!("D = {d}"));
                lines.push("C = C @ D".to_string());
                vars.push("D".to_string());
            }
            lines.push(match wrap {
                0 => "y = C".to_string(),
                1 => "y = tanh(C)".to_string(),
                _ => "y = C * C".to_string(),
            });
            (lines, vars)
        })
}

/// Distinct values at least 0.1 apart, shuffled, so that `max` has no ties to break.
fn spaced_values(count: usize) -> impl Strategy<Value = Vec<f64>> {
    (
        Just((0..count).collect::<Vec<usize>>()).prop_shuffle(),
        0.0f64..0.05,
        -1.0f64..1.0,
    )
        .prop_map(move |(order, jitter, offset)| {
            order
                .into_iter()
                .map(|i| offset + (i as f64 - count as f64 / 2.0) * 0.23 + jitter)
                .collect()
        })
}

/// `sum`, `mean` or `max` of a 1-D or 2-D `x`, over everything or along one axis (counted from
/// either end), with or without `keepdims`, maybe broadcast back against `x`, then squared.
fn reduction() -> impl Strategy<Value = Vec<String>> {
    (prop::option::of(1usize..5), 1usize..6)
        .prop_flat_map(|(n, m)| {
            let shape: Vec<usize> = n.into_iter().chain([m]).collect();
            let len = shape.iter().product();
            let axes: Vec<Option<i32>> = match shape.len() {
                1 => vec![None, Some(0), Some(-1)],
                _ => vec![None, Some(0), Some(1), Some(-1), Some(-2)],
            };
            (
                Just(shape),
                spaced_values(len),
                prop::sample::select(vec!["sum", "mean", "max"]),
                prop::sample::select(axes),
                any::<bool>(),
                any::<bool>(),
            )
        })
        .prop_map(|(shape, values, op, axis, keepdims, subtract)| {
            let mut args = String::from("x");
            if let Some(axis) = axis {
                args.push_str(&format!(", axis={axis}"));
            }
            if keepdims {
                args.push_str(", keepdims=True");
            }
            let mut lines = vec![
                format!("x = {}", literal(&values, &shape)),
                format!("r = {op}({args})"),
            ];
            // A keepdims result, or a scalar, broadcasts back against x.
            if subtract && (keepdims || axis.is_none()) {
                lines.push("r = x - r".to_string());
            }
            lines.push("y = r * r".to_string());
            lines
        })
}

/// An index of a 1-D `(m,)` or 2-D `(n, m)` x: an integer (maybe negative), a slice, a column,
/// or a list of indices with repeats, alone or with a column.
fn indexing() -> impl Strategy<Value = Vec<String>> {
    (0u64..1_000_000, prop::option::of(1usize..5), 1usize..5)
        .prop_flat_map(|(seed, n, m)| {
            let rows = n.unwrap_or(m);
            let picks = prop::collection::vec(0..rows, 1..6);
            (
                Just((seed, n, m)),
                0..rows,
                0..rows,
                0..m,
                picks,
                0usize..7,
                any::<bool>(),
            )
        })
        .prop_map(|((seed, n, m), i, j, col, mut picks, form, negative)| {
            let rows = n.unwrap_or(m);
            // At least one index repeats.
            if picks.len() >= 2 {
                picks[1] = picks[0];
            } else {
                picks.push(picks[0]);
            }
            let int = |i: usize| {
                if negative {
                    format!("{}", i as i64 - rows as i64)
                } else {
                    i.to_string()
                }
            };
            let (lo, hi) = (i.min(j), i.max(j) + 1);
            let list: Vec<String> = picks.iter().map(|&p| int(p)).collect();
            let list = format!("[{}]", list.join(", "));
            let index = match (n, form) {
                (_, 0) => int(i),
                (_, 1) => format!("{lo}:{hi}"),
                (_, 2) => list,
                (Some(_), 3) => format!(":, {col}"),
                (Some(_), 4) => format!("{list}, {col}"),
                (Some(_), 5) => format!(":, {}:{}", col.min(m - 1), m),
                (Some(_), _) => format!("{}, 0:{}", int(i), col + 1),
                (None, _) => list.to_string(),
            };
            let x = match n {
                Some(n) => format!("randn({n}, {m})"),
                None => format!("randn({m})"),
            };
            vec![
                format!("seed {seed}"),
                format!("x = {x}"),
                format!("y = tanh(x[{index}] * 2)"),
            ]
        })
}

/// A chain of `transpose`, `.T` and `reshape` (to 1, 2 or 3 axes) from a random `(a, b)` x.
fn reshape_chain() -> impl Strategy<Value = Vec<String>> {
    (
        0u64..1_000_000,
        1usize..5,
        1usize..5,
        prop::collection::vec((0usize..4, 0usize..12, 0usize..12), 1..6),
    )
        .prop_map(|(seed, a, b, ops)| {
            let len = a * b;
            let divisors: Vec<usize> = (1..=len).filter(|d| len % d == 0).collect();
            let mut expr = "x".to_string();
            for (op, p, q) in ops {
                expr = match op {
                    0 => format!("transpose({expr})"),
                    1 => format!("({expr}).T"),
                    2 => {
                        let d = divisors[p % divisors.len()];
                        format!("reshape({expr}, {d}, {})", len / d)
                    }
                    _ => {
                        let d1 = divisors[p % divisors.len()];
                        let rest: Vec<usize> = divisors
                            .iter()
                            .copied()
                            .filter(|e| (len / d1).is_multiple_of(*e))
                            .collect();
                        let d2 = rest[q % rest.len()];
                        if q % 3 == 0 {
                            format!("reshape({expr}, {len})")
                        } else {
                            format!("reshape({expr}, {d1}, {d2}, {})", len / d1 / d2)
                        }
                    }
                };
            }
            vec![
                format!("seed {seed}"),
                format!("x = randn({a}, {b})"),
                format!("w = randn({len})"),
                format!("y = tanh(reshape({expr}, {len}) * w)"),
            ]
        })
}

/// `base ** p` with a variable exponent `p` (same shape, a scalar, or a row that broadcasts) and
/// a positive base computed from a variable `x`, or a positive constant base.
fn power() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    (
        0u64..1_000_000,
        1usize..4,
        1usize..5,
        0usize..4,
        0usize..3,
        -1.5f64..1.5,
    )
        .prop_map(|(seed, n, m, base, exponent, scalar)| {
            let p = match exponent {
                0 => format!("randn({n}, {m})"),
                1 => format!("randn({m})"),
                _ => format!("{scalar:.3}"),
            };
            let mut lines = vec![
                format!("seed {seed}"),
                format!("x = randn({n}, {m})"),
                format!("p = {p}"),
            ];
            let (expr, vars) = match base {
                0 => ("(x * x + 0.5) ** p", names(&["x", "p"])),
                1 => ("exp(x) ** p", names(&["x", "p"])),
                2 => ("(sigmoid(x) + 0.1) ** p", names(&["x", "p"])),
                _ => ("1.7 ** p", names(&["p"])),
            };
            lines.push(format!("y = {expr}"));
            (lines, vars)
        })
}

/// A random network on a batch `x` of shape (r, c): a chain of layers, each with fresh named
/// parameters of shapes that fit, ending in a loss or a reduction.
fn random_network() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    (
        0u64..1_000_000,
        1usize..5,
        1usize..5,
        prop::collection::vec((0usize..13, 0usize..16, 0usize..16), 1..7),
        0usize..4,
        prop::collection::vec(0usize..16, 8),
    )
        .prop_map(|(seed, r0, c0, steps, end, draws)| {
            let mut lines = vec![format!("seed {seed}"), format!("x = randn({r0}, {c0})")];
            let mut vars = names(&["x"]);
            let (mut r, mut c) = (r0, c0);
            let mut t = "x".to_string();
            for (i, (op, p, q)) in steps.into_iter().enumerate() {
                let size = 1 + p % 4;
                let expr = match op {
                    0 => {
                        lines.push(format!("W{i} = randn({c}, {size})"));
                        lines.push(format!("b{i} = randn({size})"));
                        vars.extend([format!("W{i}"), format!("b{i}")]);
                        c = size;
                        format!("affine({t}, W{i}, b{i})")
                    }
                    1 => {
                        lines.push(format!("M{i} = randn({c}, {size})"));
                        vars.push(format!("M{i}"));
                        c = size;
                        if q % 2 == 0 {
                            format!("{t} @ M{i}")
                        } else {
                            format!("dot({t}, M{i})")
                        }
                    }
                    2 => {
                        ["tanh", "sigmoid", "relu", "softmax"][q % 4].to_string()
                            + &format!("({t})")
                    }
                    3 => {
                        (r, c) = (c, r);
                        if q % 2 == 0 {
                            format!("transpose({t})")
                        } else {
                            format!("{t}.T")
                        }
                    }
                    4 => {
                        let len = r * c;
                        let divisors: Vec<usize> = (1..=len).filter(|d| len % d == 0).collect();
                        r = divisors[p % divisors.len()];
                        c = len / r;
                        format!("reshape({t}, {r}, {c})")
                    }
                    5 => {
                        let op = ["sum", "mean"][q % 2];
                        let axis = p % 2;
                        format!("{t} + {op}({t}, axis={axis}, keepdims=True)")
                    }
                    6 => {
                        let picks: Vec<usize> = (0..1 + q % 4)
                            .map(|k| draws[(k + p) % 8] % r)
                            .chain([draws[p % 8] % r])
                            .collect();
                        r = picks.len();
                        format!("{t}[{picks:?}]")
                    }
                    7 => {
                        let lo = p % c;
                        let hi = lo + 1 + q % (c - lo);
                        c = hi - lo;
                        format!("{t}[:, {lo}:{hi}]")
                    }
                    8 => format!("log({t} * {t} + 1)"),
                    9 => format!("sqrt({t} * {t} + 1)"),
                    10 => {
                        let shape = if q % 2 == 0 { vec![c] } else { vec![] };
                        lines.push(format!("p{i} = {}", randn(&shape, 0.3 + (p as f64) / 10.0)));
                        vars.push(format!("p{i}"));
                        format!("(sigmoid({t}) + 0.5) ** p{i}")
                    }
                    11 => format!("exp(sigmoid({t})) * {t}"),
                    _ => {
                        lines.push(format!("v{i} = randn({c})"));
                        vars.push(format!("v{i}"));
                        format!("{t} * v{i} - {t}")
                    }
                };
                t = format!("t{i}");
                lines.push(format!("{t} = {expr}"));
            }
            let labels: Vec<usize> = (0..r).map(|k| draws[k % 8] % c).collect();
            lines.push(match end {
                // tanh keeps the scores within ±1, away from probabilities where the book's
                // 1e-7 in log(y + 1e-7) shows (see `two_layer_net`).
                0 => format!("y = softmax_with_loss(tanh({t}), {})", floats(&labels)),
                1 => format!(
                    "y = cross_entropy_error(softmax(tanh({t})), {})",
                    one_hot(&labels, c)
                ),
                2 => format!("y = mean({t} * {t}, axis=1)"),
                _ => format!("y = sum({t} * {t})"),
            });
            (lines, vars)
        })
}

proptest! {
    // No regression file: a failure prints its script, which is the thing to keep.
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn two_layer_nets_pass_the_gradient_check(lines in two_layer_net()) {
        assert_check_passes(&lines, "L", &names(&["x", "W1", "b1", "W2", "b2"]))?;
    }

    #[test]
    fn matrix_products_pass_the_gradient_check((lines, vars) in matrix_product()) {
        assert_check_passes(&lines, "y", &vars)?;
    }

    #[test]
    fn reductions_pass_the_gradient_check(lines in reduction()) {
        assert_check_passes(&lines, "y", &names(&["x"]))?;
    }

    #[test]
    fn indexing_passes_the_gradient_check(lines in indexing()) {
        assert_check_passes(&lines, "y", &names(&["x"]))?;
    }

    #[test]
    fn reshape_and_transpose_chains_pass_the_gradient_check(lines in reshape_chain()) {
        assert_check_passes(&lines, "y", &names(&["x", "w"]))?;
    }

    #[test]
    fn powers_with_a_variable_exponent_pass_the_gradient_check((lines, vars) in power()) {
        assert_check_passes(&lines, "y", &vars)?;
    }

    #[test]
    fn random_networks_pass_the_gradient_check((lines, vars) in random_network()) {
        assert_check_passes(&lines, "y", &vars)?;
    }
}

#[test]
fn the_gradient_of_a_repeated_index_adds_up() {
    let ran = run("x = array([1.0, 2.0, 3.0]); y = x[[0, 0, 2]] * 2; back y;\ngrad(x)\n");
    assert_eq!(ran.failures, 0, "{}", ran.stderr);
    assert_eq!(
        ran.stdout.lines().last(),
        Some("[4. 0. 2.]"),
        "{}",
        ran.stdout
    );
}
