//! What the show stage writes for a few outcomes whose wording is easy to get wrong: the ReLU
//! panel's labels, `step` at the book's `/` node, and `check` at a kink.

use crate::support::Shell;

fn printed(shell: &mut Shell, line: &str) -> String {
    let mut out = Vec::new();
    shell.run(line, 0, &mut out).expect("the line runs");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn an_unnamed_relu_input_is_labelled_as_a_whole() {
    let mut shell = Shell::new();
    printed(&mut shell, "w = [1.0, -1.0]; b = 0.5; r = relu(w * 2 + b)");
    let shown = printed(&mut shell, "back r");
    assert!(shown.contains("relu: r = relu(w * 2 + b)"), "{shown}");
    assert!(shown.contains("mask = ((w * 2 + b) <= 0)"), "{shown}");
    assert!(shown.contains("d(w * 2 + b)"), "{shown}");
    assert!(!shown.contains("dw * 2 + b"), "{shown}");
    // A named input reads as the book writes it.
    printed(&mut shell, "h = w * 2; s = relu(h)");
    let shown = printed(&mut shell, "back s");
    assert!(shown.contains("mask = (h <= 0)"), "{shown}");
    assert!(shown.contains("dout (ds)"), "{shown}");
}

#[test]
fn step_shows_the_books_rule_at_the_division_node() {
    let mut shell = Shell::new();
    printed(&mut shell, "x = [2.0]; c = x + 2; y = 1 / c");
    let shown = printed(&mut shell, "step y");
    // The book's `/` node: dout × (−out²), with the node's output, and nothing for the 1.
    assert!(
        shown.contains("dc = dout × (−out²) = [1.] × (−[0.25]²)"),
        "{shown}"
    );
    assert!(!shown.contains("dx = dout / y"), "{shown}");
    assert!(
        !shown.contains("→ 1"),
        "the constant gets no gradient: {shown}"
    );
    // A general quotient names its inputs by the learner's names.
    printed(&mut shell, "a = [3.0]; q = a / c");
    let shown = printed(&mut shell, "step q");
    assert!(shown.contains("da = dout / c"), "{shown}");
    assert!(shown.contains("dc = −dout × a / c²"), "{shown}");
}

#[test]
fn check_lists_each_element_left_out_at_a_kink() {
    let mut shell = Shell::new();
    printed(&mut shell, "k = [0.0, -1.0, 2.0]; rk = relu(k)");
    let shown = printed(&mut shell, "check rk");
    assert!(
        shown.contains("1 element of k sits at a ReLU kink"),
        "{shown}"
    );
    assert!(shown.contains("  k[0]  numerical 0.5  back 0.0"), "{shown}");
    assert!(
        !shown.contains("k[1]") && !shown.contains("k[2]"),
        "{shown}"
    );
}

#[test]
fn a_check_too_large_to_run_whole_samples_and_says_so() {
    let mut shell = Shell::new();
    printed(&mut shell, "w = randn(200, 200); y = relu(w)");
    let shown = printed(&mut shell, "check y");
    assert!(shown.contains("  w  mean |diff|"), "{shown}");
    assert!(
        shown.contains("sampled 100 elements of each variable, because checking every element would pass\nthe limit"),
        "{shown}"
    );
    let shown = printed(&mut shell, "check y sample 5");
    assert!(
        shown.contains("sampled 5 elements of each variable"),
        "{shown}"
    );
    assert!(shown.contains(" ok"), "{shown}");
    // Every element of a small graph is checked, and nothing is said about sampling.
    printed(&mut shell, "v = [1.0, -2.0]; z = relu(v)");
    let shown = printed(&mut shell, "check z");
    assert!(!shown.contains("sampled"), "{shown}");
}

#[test]
fn a_sample_still_too_large_is_refused_with_what_to_do() {
    let mut shell = Shell::new();
    printed(&mut shell, "w = ones(1000, 1000); y = relu(w)");
    let mut out = Vec::new();
    let error = shell
        .run("check y sample 1000", 0, &mut out)
        .expect_err("too large");
    assert_eq!(
        backprop::i18n::Lang::En.say(&error.message),
        "checking 'y' would nudge 1000 elements, each costing two forward passes: 4000000000 element operations, more than the 1000000000 a check may take; check fewer elements, e.g. check y sample 10, or a smaller graph"
    );
    let error = shell
        .run("check y sample 0", 0, &mut out)
        .expect_err("zero");
    assert!(
        backprop::i18n::Lang::En
            .say(&error.message)
            .starts_with("sample takes how many elements"),
        "{error:?}"
    );
}
