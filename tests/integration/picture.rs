//! `graph NAME` and `graph NAME --dot`: snapshots of the pictures with colour off, that the DOT
//! parses with Graphviz, and that a huge graph answers promptly with a bounded tree.

use crate::support::{Shell, strip_ansi};
use backprop::show::style::Style;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs each line in a fresh session, 100 columns wide, and returns what the last line printed.
fn last_output(lines: &[&str]) -> String {
    let mut session = Shell::new();
    session.view.width = 100;
    let mut printed = Vec::new();
    for line in lines {
        printed.clear();
        if let Err(e) = session.run(line, 0, &mut printed) {
            panic!("`{line}` failed: {e:?}");
        }
    }
    String::from_utf8(printed).expect("the output is UTF-8")
}

/// Snapshots land in `tests/snapshots/`, named by the test alone.
macro_rules! snapshot {
    ($name:expr, $text:expr) => {
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!($name, $text);
        })
    };
}

const APPLE: &[&str] = &[
    "apple = 100; n = 2; tax = 1.1",
    "apple_price = apple * n",
    "price = apple_price * tax",
    "back price 1",
];

#[test]
fn the_apple_example() {
    let mut lines = APPLE.to_vec();
    lines.push("graph price");
    snapshot!("graph_apple", last_output(&lines));
}

#[test]
fn the_apple_example_before_back() {
    let out = last_output(&[
        "apple = 100; n = 2; tax = 1.1",
        "price = apple * n * tax",
        "graph price",
    ]);
    snapshot!("graph_apple_before_back", out);
}

#[test]
fn apples_and_oranges() {
    let out = last_output(&[
        "apple = 100; n_apple = 2; orange = 150; n_orange = 3; tax = 1.1",
        "apple_price = apple * n_apple; orange_price = orange * n_orange",
        "all_price = apple_price + orange_price",
        "price = all_price * tax",
        "back price 1",
        "graph price",
    ]);
    snapshot!("graph_apples_and_oranges", out);
}

#[test]
fn apples_and_oranges_in_one_statement() {
    let out = last_output(&[
        "apple = 100; n_apple = 2; orange = 150; n_orange = 3; tax = 1.1",
        "price = (apple*n_apple + orange*n_orange) * tax",
        "back price 1",
        "graph price",
    ]);
    snapshot!("graph_apples_and_oranges_one_statement", out);
}

#[test]
fn the_sigmoid_from_primitives() {
    let out = last_output(&[
        "x = [-1.0, 0.0, 2.0]; y = 1 / (1 + exp(-x)); back y ones",
        "graph y",
    ]);
    snapshot!("graph_sigmoid_primitives", out);
}

#[test]
fn fan_out_shows_both_edges_and_their_sum() {
    let out = last_output(&["x = 3.0; y = x * x; back y", "graph y"]);
    assert!(out.contains("x (again)"), "{out}");
    assert!(out.contains("grad 3.0 + 3.0 = 6.0"), "{out}");
    snapshot!("graph_fan_out", out);
}

#[test]
fn a_wide_graph_falls_back_to_the_tree_view() {
    let out = last_output(&[
        "a = 0.1234567; b = a * 3.3333333; c = b + 0.7777777; d = exp(c); e = d / 1.9999999",
        "f = sigmoid(e); g = f * a; back g",
        "graph g",
    ]);
    assert!(
        out.lines().next().is_some_and(|l| l.starts_with("g = ")),
        "{out}"
    );
    snapshot!("graph_wide_tree", out);
}

#[test]
fn relu_masks_and_renamed_values_draw_without_panicking() {
    let out = last_output(&[
        "x = [[1.0, -2.0], [-3.0, 4.0]]; r = relu(x); m = r <= 0; k = m * x",
        "x = 5; back k ones",
        "graph k",
    ]);
    snapshot!("graph_relu_mask_renamed", out);
}

#[test]
fn odd_values_draw_without_panicking() {
    let mut session = Shell::new();
    session.view.width = 100;
    let mut sink = Vec::new();
    for line in [
        "x = ones(3, 4) * 0.5; y = relu(x - 1); b = y > 0; back y ones",
        "c = 2.0 < 3.0; d = c * 4.0; back d",
        "e = zeros(0, 3); f = e + 1; t = ones(2, 1, 2) * -2",
    ] {
        session.run(line, 0, &mut sink).expect("the setup runs");
    }
    let mut out = String::new();
    for name in ["x", "b", "c", "d", "f", "t"] {
        let mut printed = Vec::new();
        session
            .run(&format!("graph {name}"), 0, &mut printed)
            .expect("graph runs");
        out.push_str(&format!(
            "$ graph {name}\n{}",
            String::from_utf8_lossy(&printed)
        ));
        let mut dot = Vec::new();
        session
            .run(&format!("graph {name} --dot"), 0, &mut dot)
            .expect("graph --dot runs");
        run_dot(&String::from_utf8_lossy(&dot));
    }
    snapshot!("graph_odd_values", out);
}

#[test]
fn colour_only_adds_escape_codes() {
    let mut lines = APPLE.to_vec();
    lines.push("graph price");
    let plain = last_output(&lines);
    let mut session = Shell::new();
    session.view.width = 100;
    session.view.style = Style::new(true);
    let mut printed = Vec::new();
    for line in &lines {
        printed.clear();
        session.run(line, 0, &mut printed).expect("the line runs");
    }
    let coloured = String::from_utf8(printed).expect("the output is UTF-8");
    assert!(coloured.contains('\x1b'), "{coloured}");
    assert_eq!(strip_ansi(&coloured), plain);
}

#[test]
fn the_dot_output_of_the_apple_example_parses() {
    let mut lines = APPLE.to_vec();
    lines.push("graph price --dot");
    let dot = last_output(&lines);
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(dot.contains("rankdir=LR"), "{dot}");
    assert!(
        dot.contains("label=\"{price | 220.00000000000003 | grad 1}\""),
        "{dot}"
    );
    let svg = run_dot(&dot);
    assert!(svg.contains("<svg"), "dot did not produce an SVG");
}

#[test]
fn the_dot_output_escapes_labels_and_shows_fan_out() {
    let dot = last_output(&[
        "x = [1.0, -1.0]; y = (x > 0) * x * x; back y ones",
        "graph y --dot",
    ]);
    assert!(
        dot.contains("label=\"{x \\> 0 | [ True False] | grad "),
        "{dot}"
    );
    assert!(
        dot.contains("grad [ 1. -0.] + [ 1. -0.] = [ 2. -0.]"),
        "{dot}"
    );
    assert!(dot.contains("[label=\"grad [ 1. -0.]\"]"), "{dot}");
    run_dot(&dot);
}

#[test]
fn a_chain_of_100_000_nodes_answers_promptly_with_a_bounded_tree() {
    let mut session = Shell::new();
    session.view.width = 100;
    let mut sink = Vec::new();
    session.run("y = 1.0", 0, &mut sink).expect("y = 1.0 runs");
    for _ in 0..100_000 {
        session
            .run("y = y * 1.000001", 0, &mut sink)
            .expect("the chain grows");
    }
    session.run("back y", 0, &mut sink).expect("back runs");
    let start = Instant::now();
    let mut printed = Vec::new();
    session.run("graph y", 0, &mut printed).expect("graph runs");
    let elapsed = start.elapsed();
    let out = String::from_utf8(printed).expect("the output is UTF-8");
    assert!(elapsed < Duration::from_secs(10), "graph took {elapsed:?}");
    assert!(out.starts_with("y = "), "{out}");
    assert!(out.lines().count() <= 210, "{} lines", out.lines().count());
    assert!(out.contains("more nodes"), "{out}");
    assert!(out.lines().all(|l| l.chars().count() <= 160), "{out}");
}

/// Runs Graphviz on `dot` and returns the SVG it wrote.
fn run_dot(dot: &str) -> String {
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => panic!(
            "could not run Graphviz's `dot` ({e}); install graphviz (apt-get install graphviz, \
             brew install graphviz) to run this test"
        ),
    };
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin
        .write_all(dot.as_bytes())
        .expect("dot reads its input");
    drop(stdin);
    let output = child.wait_with_output().expect("dot finishes");
    assert!(
        output.status.success(),
        "dot rejected the graph:\n{}\n{dot}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}
