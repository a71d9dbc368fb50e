//! The engine's promises, checked on generated inputs: a million-node chain, gradients that
//! agree with the gradient check and with `step` on random graphs, and no input that panics.

use crate::support::Shell;
use crate::support::{run, snapshot, visible_escapes};
use backprop::show::style::Style;
use proptest::prelude::*;

#[test]
fn back_runs_through_a_million_node_chain() {
    const NODES: usize = 1_000_000;
    let mut script = String::with_capacity(NODES * 20);
    script.push_str("x = 1.0;\ny = x;\n");
    for _ in 0..NODES {
        script.push_str("y = y * 1.000001;\n");
    }
    script.push_str("back y;\ngrad(x)\n");
    let ran = run(&script);
    assert_eq!(ran.failures, 0, "{}", ran.stderr);
    let got: f64 = ran.stdout.trim().parse().expect("grad(x) prints a number");
    let want = 1.000001f64.powi(NODES as i32);
    assert!(((got - want) / want).abs() < 1e-8, "got {got}, want {want}");
}

#[test]
fn coloured_back_on_the_blogs_matrix() {
    let mut session = Shell::new();
    session.view.style = Style::new(true);
    let mut out = Vec::new();
    for line in [
        "x = [[1.0, -0.5], [-2.0, 3.3]];",
        "r = relu(x);",
        "back r ones",
    ] {
        session
            .run(line, 0, &mut out)
            .expect("the blog's lines run");
    }
    let text = String::from_utf8(out).expect("UTF-8");
    snapshot("back-relu-colour", &visible_escapes(&text));
}

/// A random graph over the supported layers, as script lines, ending in `t{n-1}`. Inputs stay
/// away from the places where a central difference is no check: 1 + x near 0 for division, and
/// ReLU inputs near the kink are reported by `check` itself.
fn graph_script() -> impl Strategy<Value = (Vec<String>, usize)> {
    let values = prop::collection::vec(-2.5f64..2.5, 6);
    let ops = prop::collection::vec((0usize..9, 0usize..64, 0usize..64), 1..8);
    (values, ops).prop_map(|(values, ops)| {
        let mut lines = vec![
            format!(
                "x0 = [{:.3}, {:.3}, {:.3}]",
                values[0], values[1], values[2]
            ),
            format!(
                "x1 = [{:.3}, {:.3}, {:.3}]",
                values[3], values[4], values[5]
            ),
            "s = 0.7".to_string(),
        ];
        let mut names = vec!["x0".to_string(), "x1".to_string(), "s".to_string()];
        for (i, (op, a, b)) in ops.iter().enumerate() {
            let a = &names[a % names.len()];
            let b = &names[b % names.len()];
            let expr = match op {
                0 => format!("{a} + {b}"),
                1 => format!("{a} * {b}"),
                2 => format!("{a} - {b}"),
                3 => format!("-{a}"),
                4 => format!("relu({a})"),
                5 => format!("sigmoid({a})"),
                6 => format!("exp(sigmoid({a}))"),
                7 => format!("{a} / (2 + sigmoid({b}))"),
                _ => format!("mul({a}, {b}) + add({a}, s)"),
            };
            lines.push(format!("t{i} = {expr}"));
            names.push(format!("t{i}"));
        }
        let n = ops.len();
        (lines, n)
    })
}

fn session_with(lines: &[String]) -> Shell {
    let mut session = Shell::new();
    for line in lines {
        session
            .run(&format!("{line};"), 0, &mut Vec::new())
            .expect("the generated graph runs");
    }
    session
}

fn output_of(session: &mut Shell, line: &str) -> String {
    let mut out = Vec::new();
    session.run(line, 0, &mut out).expect("the statement runs");
    String::from_utf8(out).expect("UTF-8")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_graphs_pass_the_gradient_check((lines, n) in graph_script()) {
        let mut session = session_with(&lines);
        let report = output_of(&mut session, &format!("check t{}", n - 1));
        prop_assert!(!report.contains("MISMATCH"), "{}\n{report}", lines.join("\n"));
        prop_assert!(report.contains(" ok"), "{report}");
    }

    #[test]
    fn step_ends_with_the_gradients_of_back((lines, n) in graph_script()) {
        let mut session = session_with(&lines);
        let stepped = output_of(&mut session, &format!("step t{} ones", n - 1));
        let back = output_of(&mut session, &format!("back t{} ones", n - 1));
        // `step` closes with `dNAME = value` for every variable, which `back` prints too.
        let summary = stepped.split("done: these are the gradients back gives\n").nth(1).unwrap_or_default();
        for line in summary.lines() {
            let (name, value) = line.trim().split_once(" = ").unwrap_or_default();
            let printed = output_of(&mut session, &format!("grad({})", name.trim_start_matches('d')));
            let joined = printed.split('\n').map(str::trim).collect::<Vec<_>>().join(" ");
            prop_assert_eq!(joined.trim(), value, "{}\n{}", stepped, back);
        }
        prop_assert!(!summary.is_empty());
    }

    #[test]
    fn check_changes_nothing((lines, n) in graph_script()) {
        let mut session = session_with(&lines);
        let before: Vec<String> = (0..3).map(|i| ["x0", "x1", "s"][i]).map(|v| output_of(&mut session, v)).collect();
        output_of(&mut session, &format!("check t{}", n - 1));
        let after: Vec<String> = ["x0", "x1", "s"].iter().map(|v| output_of(&mut session, v)).collect();
        prop_assert_eq!(before, after);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
        let mut session = Shell::new();
        let _ = session.run(&text, 0, &mut Vec::new());
    }

    #[test]
    fn token_soup_never_panics(tokens in prop::collection::vec(prop::sample::select(vec![
        "x", "y", "r", "=", "==", "<=", "<", "+", "-", "*", "/", "(", ")", "[", "]", ",", ";", "1", "0",
        "-0.5", "2.5e3", "1e400", "relu", "sigmoid", "exp", "add", "mul", "ones", "zeros", "randn",
        "ones_like", "grad", "mask", "back", "step", "check", "graph", "--dot", "#", "가", "\n", " ",
    ]), 0..40)) {
        let mut session = Shell::new();
        session.run("x = [[1.0, -0.5], [-2.0, 3.3]]; y = 2; r = relu(x); back r", 0, &mut Vec::new())
            .expect("the setup runs");
        let text: String = tokens.concat();
        for (offset, line) in backprop::lang::parser::logical_lines(&text) {
            let _ = session.run(line, offset, &mut Vec::new());
        }
        // Whatever happened, the session still answers.
        prop_assert!(session.run("x", 0, &mut Vec::new()).is_ok() || session.value("x").is_some());
    }
}

#[test]
fn check_passes_on_every_case_of_the_grad_corpus() {
    let cases = include_str!("../data/grad.jsonl");
    for line in cases.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let src = case["src"].as_str().expect("src");
        let target = src
            .lines()
            .find_map(|l| l.strip_prefix("back "))
            .and_then(|rest| rest.split_whitespace().next())
            .expect("every case has a back");
        let script = format!("{src}check {target}\n");
        let ran = run(&script);
        assert_eq!(ran.failures, 0, "{}", ran.stderr);
        assert!(
            !ran.stdout.contains("MISMATCH"),
            "{}:\n{script}\n{}",
            case["id"],
            ran.stdout
        );
    }
}

#[test]
fn rebinding_a_large_array_many_times_holds_one() {
    let mut session = Shell::new();
    let mut sink = Vec::new();
    session
        .run("x = ones(1000, 1000);", 0, &mut sink)
        .expect("runs");
    let one = session.bytes_held();
    assert_eq!(one, 8_000_000);
    for _ in 0..20 {
        session
            .run("x = ones(1000, 1000);", 0, &mut sink)
            .expect("runs");
    }
    assert_eq!(session.bytes_held(), one, "twenty rebindings hold one x");
    // A value still named elsewhere is kept.
    session
        .run("y = x; x = ones(1000, 1000);", 0, &mut sink)
        .expect("runs");
    assert_eq!(session.bytes_held(), 2 * one);
}

#[test]
fn a_long_session_holds_what_its_names_reach() {
    let mut session = Shell::new();
    let mut sink = Vec::new();
    session
        .run("x = [1.0, -2.0]; s = 0", 0, &mut sink)
        .expect("runs");
    for _ in 0..20_000 {
        session
            .run("y = relu(x) * 2 + 1; s = x * 3;", 0, &mut sink)
            .expect("runs");
    }
    // Each run makes a handful of nodes; only the last run's stay reachable.
    assert!(
        session.graph().len() < 2 * 4096 + 64,
        "{} nodes",
        session.graph().len()
    );
    session.run("back y", 0, &mut sink).expect("back runs");
    let mut out = Vec::new();
    session
        .run("dx", 0, &mut out)
        .expect("gradients survive collection");
    session.run("y", 0, &mut out).expect("y survives");
    assert_eq!(String::from_utf8_lossy(&out), "[2. 0.]\n[3. 1.]\n");
    // After more garbage, the last back's gradients and pictures still find their nodes.
    for _ in 0..10_000 {
        session.run("z = x + 1;", 0, &mut sink).expect("runs");
    }
    let mut out = Vec::new();
    session.run("grad(x)", 0, &mut out).expect("runs");
    session.run("graph y", 0, &mut out).expect("runs");
    let text = String::from_utf8_lossy(&out);
    assert!(text.starts_with("[2. 0.]\n"), "{text}");
    assert!(text.contains("grad"), "{text}");
}

#[test]
fn del_forgets_names_and_frees_their_memory() {
    let mut session = Shell::new();
    let mut sink = Vec::new();
    session
        .run(
            "a = ones(1000, 1000); b = ones(1000, 1000); c = [1.0]",
            0,
            &mut sink,
        )
        .expect("runs");
    assert_eq!(session.bytes_held(), 16_000_008);
    session.run("del a, b", 0, &mut sink).expect("del runs");
    assert_eq!(session.bytes_held(), 8, "only c is left");
    assert!(session.value("a").is_none() && session.value("b").is_none());
    assert_eq!(session.vars().len(), 1);
    // All or nothing: an unknown name deletes none of them.
    let error = session
        .run("del c, nope", 0, &mut sink)
        .expect_err("nope is unknown");
    assert_eq!(
        backprop::i18n::Lang::En.say(&error.message),
        "unknown name 'nope'; known names: c"
    );
    assert!(session.value("c").is_some());
    // The name can be used again.
    let mut out = Vec::new();
    session
        .run("a = c + 1", 0, &mut out)
        .expect("a is free again");
    assert_eq!(String::from_utf8_lossy(&out), "a = [2.]\n");
}

#[test]
fn garbage_is_collected_before_the_budget_refuses() {
    let mut session = Shell::new();
    session.set_budget(2 << 20);
    let mut sink = Vec::new();
    // 320 KB each: too small to be collected at once, so garbage piles up until the budget
    // would refuse; then it is collected and the statement runs.
    for _ in 0..20 {
        session
            .run("x = ones(200, 200);", 0, &mut sink)
            .expect("garbage makes room");
    }
    assert!(
        session.bytes_total() <= 2 << 20,
        "{}",
        session.bytes_total()
    );
    assert_eq!(session.vars().len(), 1);
    // What the names really hold is refused, and the session is unchanged.
    session
        .run(
            "y = ones(200, 200); z = ones(200, 200); w = ones(200, 200);",
            0,
            &mut sink,
        )
        .expect("fits");
    let held = session.bytes_held();
    let error = session
        .run("v = ones(500, 500)", 0, &mut sink)
        .expect_err("over the budget");
    assert_eq!(error.message.id, "memory-budget");
    assert_eq!(session.bytes_held(), held);
    assert!(session.value("v").is_none());
}

#[test]
fn check_leaves_a_loss_target_alone_as_back_does() {
    let mut session = Shell::new();
    let mut out = Vec::new();
    session
        .run(
            "x = [0.1, 0.5]; t = [0.0, 1.0]; L = softmax_with_loss(x, t); check L",
            0,
            &mut out,
        )
        .expect("runs");
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("  x  mean |diff|"), "{text}");
    assert!(
        !text.contains("  t  "),
        "t is data, not a parameter: {text}"
    );
    assert!(!text.contains("MISMATCH"), "{text}");
}

/// A training loop holds what one iteration reaches, however many it runs: the updated
/// parameters are leaves, so the last iteration's graph is all that stays.
#[test]
fn a_training_loop_holds_the_same_memory_after_10_and_300_iterations() {
    let held_after = |iterations: usize| {
        let mut session = Shell::new();
        let mut sink = Vec::new();
        let src = format!(
            "load digits;\nseed 0\nW = 0.01 * randn(64, 10); b = zeros(10);\n\
             for i in range({iterations}):\n    batch = choice(1500, 20)\n    \
             loss = softmax_with_loss(affine(x_train[batch], W, b), t_train[batch])\n    \
             back loss\n    W -= 0.1 * grad(W)\n    b -= 0.1 * grad(b)\n"
        );
        for (offset, line) in backprop::lang::parser::logical_lines(&src) {
            session.run(line, offset, &mut sink).expect("the loop runs");
        }
        // `del` collects at once, so what is left is what the names reach.
        session.run("del batch", 0, &mut sink).expect("del runs");
        (session.bytes_held(), session.graph().len())
    };
    let (bytes_10, nodes_10) = held_after(10);
    let (bytes_300, nodes_300) = held_after(300);
    assert_eq!(
        bytes_300, bytes_10,
        "bytes after 10 and after 300 iterations"
    );
    assert_eq!(
        nodes_300, nodes_10,
        "nodes after 10 and after 300 iterations"
    );
}

#[test]
fn data_takes_no_gradient_and_back_computes_none_for_it() {
    let mut session = Shell::new();
    let mut sink = Vec::new();
    for line in [
        "load digits",
        "W = ones(64, 3); b = zeros(3);",
        // x_train[0:5] inside the expression: an index of data, which is data too.
        "y = sum(affine(x_train[0:5], W, b));",
    ] {
        session.run(line, 0, &mut sink).expect("the setup runs");
    }
    let before = session.bytes_held();
    session.run("back y;", 0, &mut sink).expect("back runs");
    // dW (64×3), db (3) and the small nodes' gradients: nothing near x_train's 768,000 bytes,
    // nor the (5, 64) dx the Affine layer would have sent towards it.
    let grown = session.bytes_held() - before;
    assert!(grown < 5 * 64 * 8, "back held {grown} more bytes");
    // dW[:, j] is the sum of the batch's rows, whatever j: the gradient through the data path
    // is still right.
    assert_eq!(
        output_of(&mut session, "grad(W)[:, 2]"),
        output_of(&mut session, "sum(x_train[0:5], axis=0)")
    );
    let error = session
        .run("grad(x_train)", 0, &mut sink)
        .expect_err("data has no gradient");
    assert_eq!(error.message.id, "grad-of-data");
    // A batch taken out into a name is data as well, and says so.
    session
        .run(
            "x = x_train[0:5]; y = sum(affine(x, W, b)); back y;",
            0,
            &mut sink,
        )
        .expect("the named batch runs");
    let error = session.run("grad(x)", 0, &mut sink).expect_err("x is data");
    assert_eq!(error.message.id, "grad-of-data");
    assert_eq!(
        output_of(&mut session, "grad(W)[:, 0]"),
        output_of(&mut session, "sum(x, axis=0)")
    );
    // An update gives the name a new value of the same kind: data stays data.
    session
        .run(
            "x_train -= 0.5; x_train[0, 0] = 1; y = sum(affine(x_train[0:5], W, b)); back y;",
            0,
            &mut sink,
        )
        .expect("the updates run");
    let error = session
        .run("grad(x_train)", 0, &mut sink)
        .expect_err("still data");
    assert_eq!(error.message.id, "grad-of-data");
}
