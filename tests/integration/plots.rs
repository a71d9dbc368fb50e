//! `plot` and `imshow` as statements: what they draw off a terminal (snapshots), that they draw
//! inside a loop, and their errors.

use crate::support::{run, snapshot};

#[test]
fn plot_draws_relu_and_sigmoid_against_xs() {
    let ran = run("xs = linspace(-3, 3, 61);\nplot xs, relu(xs), sigmoid(xs)\n");
    assert_eq!(ran.failures, 0, "{}", ran.stderr);
    // Off a terminal: plain characters, one mark per series, a legend of the source text.
    assert!(
        ran.stdout.contains("* relu(xs)   o sigmoid(xs)"),
        "{}",
        ran.stdout
    );
    snapshot("plot-relu-sigmoid", &ran.stdout);
}

#[test]
fn plot_of_one_array_is_against_its_index_and_parentheses_are_allowed() {
    let one = run("plot [0.0, 1.0, 4.0, 9.0]\n");
    let parenthesized = run("plot([0.0, 1.0, 4.0, 9.0])\n");
    assert_eq!(one.failures + parenthesized.failures, 0, "{}", one.stderr);
    assert_eq!(one.stdout, parenthesized.stdout);
    assert!(one.stdout.contains("9.0"), "{}", one.stdout);
}

#[test]
fn imshow_draws_a_digit_as_eight_by_eight_shades() {
    let ran = run("load digits;\nimshow(x_test[0])\n");
    assert_eq!(ran.failures, 0, "{}", ran.stderr);
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        11,
        "a frame of 8 rows, its borders and the range: {}",
        ran.stdout
    );
    assert_eq!(lines[10], "0.0 … 1.0");
    snapshot("imshow-digit", &ran.stdout);
}

#[test]
fn a_plot_inside_a_loop_draws_each_time() {
    let ran = run("for k in range(2):\n    plot [0.0, 1.0, 2.0] * k\n");
    assert_eq!(ran.failures, 0, "{}", ran.stderr);
    assert_eq!(ran.stdout.matches("└").count(), 2, "{}", ran.stdout);
}

#[test]
fn what_cannot_be_drawn_is_an_error_at_its_expression() {
    let ran = run("x = ones(2, 3);\nplot x\n");
    assert_eq!(
        ran.stderr,
        "test.bp:2:6: error: plot draws 1-D arrays, and this has shape (2, 3); pick a row or column (x[0], x[:, 0]) or flatten it (reshape(x, -1))\nplot x\n     ^\n"
    );
    let ran = run("plot [1.0, 2.0], [1.0, 2.0, 3.0]\n");
    assert_eq!(
        ran.stderr,
        "test.bp:1:18: error: plot draws series of one length: the first has 2 values, this one 3\nplot [1.0, 2.0], [1.0, 2.0, 3.0]\n                 ^^^^^^^^^^^^^^^\n"
    );
    let ran = run("plot [nan, inf]\n");
    assert_eq!(
        ran.stderr,
        "test.bp:1:6: error: there is nothing to draw: no value here is a finite number\nplot [nan, inf]\n     ^^^^^^^^^^\n"
    );
    let ran = run("imshow ones(5)\n");
    assert_eq!(
        ran.stderr,
        "test.bp:1:8: error: imshow draws a 2-D array, or a row of 64 (8×8) or 784 (28×28) values, not shape (5,); pick one image, e.g. imshow(x_test[0])\nimshow ones(5)\n       ^^^^^^^\n"
    );
    let ran = run("plot\n");
    assert_eq!(
        ran.stderr,
        "test.bp:1:5: error: plot and imshow take arrays to draw, e.g. plot xs, relu(xs) or imshow(x_test[0])\nplot\n    ^\n"
    );
}

#[test]
fn height_sets_the_rows_of_a_chart() {
    let rows = |src: &str| {
        let ran = run(src);
        assert_eq!(ran.failures, 0, "{}", ran.stderr);
        // The plot area's rows are the lines up to the x axis.
        ran.stdout.lines().take_while(|l| !l.contains('└')).count()
    };
    assert_eq!(rows("plot [1.0, 4.0, 9.0, 16.0]\n"), 16);
    assert_eq!(rows("plot [1.0, 4.0, 9.0, 16.0], height=5\n"), 5);
    let ran = run("plot [1.0, 2.0], height=1\n");
    assert_eq!(
        ran.stderr,
        "test.bp:1:25: error: height= takes a whole number of rows from 3 to 100, e.g. plot losses, height=8\nplot [1.0, 2.0], height=1\n                        ^\n"
    );
}
