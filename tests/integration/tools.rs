//! `step`, `check`, `grad`, `back` and `graph` on the section-5.6 layers and after a training
//! loop: each gradient paired with its own input, each layer's rule written out, a check with a
//! chosen dout, and one story about a name that an update bound to a new value.

use crate::support::Shell;
use backprop::i18n::Lang;

/// A shell in `lang`, wide enough that no rule of `step` wraps (wrapping has its own tests
/// in `columns.rs`), so that each rule can be read from its one line.
fn shell(lang: Lang) -> Shell {
    let mut shell = Shell::new();
    shell.view.lang = lang;
    shell.view.width = 1000;
    shell
}

fn printed(shell: &mut Shell, line: &str) -> String {
    let mut out = Vec::new();
    if let Err(error) = shell.run(line, 0, &mut out) {
        panic!("{line}: {error:?}");
    }
    String::from_utf8(out).expect("UTF-8")
}

/// The error a line gives, in the shell's language.
fn error_of(shell: &mut Shell, line: &str) -> String {
    let mut out = Vec::new();
    match shell.run(line, 0, &mut out) {
        Ok(()) => panic!("{line} ran: {}", String::from_utf8_lossy(&out)),
        Err(error) => shell.view.lang.say(&error.message),
    }
}

/// The line of `text` that ends with `→ input`, i.e. the rule `step` wrote for that input.
fn rule_for<'a>(text: &'a str, input: &str) -> Option<&'a str> {
    text.lines()
        .find(|line| line.trim_end().ends_with(&format!("→ {input}")))
}

/// The value after the last ` = ` of a rule, before the arrow.
fn rule_value(rule: &str) -> &str {
    let before_arrow = rule.split("  →").next().unwrap_or(rule);
    before_arrow.rsplit(" = ").next().unwrap_or("").trim()
}

/// `grad(NAME)` as `step` writes values: on one line.
fn grad_inline(shell: &mut Shell, name: &str) -> String {
    let text = printed(shell, &format!("grad({name})"));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn step_pairs_each_gradient_with_its_own_input_when_affine_reads_data() {
    for lang in [Lang::En, Lang::Ko] {
        let mut shell = shell(lang);
        printed(
            &mut shell,
            "load digits; seed 0; W1 = 0.01*randn(64,3); b1 = zeros(3); x = x_train[0:2]; y = affine(x,W1,b1);",
        );
        let shown = printed(&mut shell, "step y");
        // Data takes no gradient, so there is no rule for x, and W1 and b1 get their own.
        assert!(rule_for(&shown, "x").is_none(), "{shown}");
        let dw = rule_for(&shown, "W1").unwrap_or_else(|| panic!("no rule for W1: {shown}"));
        assert!(dw.contains("dW1 = xᵀ · dout"), "{shown}");
        assert!(dw.contains("(64, 3)"), "{dw}");
        let db = rule_for(&shown, "b1").unwrap_or_else(|| panic!("no rule for b1: {shown}"));
        assert!(db.contains("db1 = sum(dout, axis=0)"), "{db}");
        assert_eq!(rule_value(db), "[2. 2. 2.]", "{db}");
        // The closing list agrees with the rules.
        let summary = shown
            .lines()
            .skip_while(|l| !l.starts_with(['d', '끝']))
            .count();
        assert!(summary > 0, "{shown}");
        assert!(shown.contains("  db1 = [2. 2. 2.]"), "{shown}");
    }
}

#[test]
fn step_writes_affines_three_rules_with_their_numbers() {
    for lang in [Lang::En, Lang::Ko] {
        let mut shell = shell(lang);
        printed(
            &mut shell,
            "x = [[1.0, 2.0], [3.0, -1.0]]; W = [[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]]; b = [0.1, 0.2, 0.3]; y = affine(x, W, b);",
        );
        let shown = printed(&mut shell, "step y [[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]]");
        printed(&mut shell, "back y [[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]];");
        for (input, rule) in [
            ("x", "dx = dout · Wᵀ"),
            ("W", "dW = xᵀ · dout"),
            ("b", "db = sum(dout, axis=0)"),
        ] {
            let line = rule_for(&shown, input).unwrap_or_else(|| panic!("{input}: {shown}"));
            assert!(line.contains(rule), "{line}");
            // The number the rule ends with is the gradient back gives.
            assert_eq!(
                squeeze(rule_value(line)),
                grad_inline(&mut shell, input),
                "{line}"
            );
        }
    }
}

#[test]
fn step_writes_the_rules_of_the_product_and_softmax_with_loss() {
    let mut shell = shell(Lang::En);
    printed(
        &mut shell,
        "A = [[1.0, 2.0], [0.5, -1.0]]; B = [[2.0, 0.0], [1.0, 3.0]]; C = A @ B; t = [[0.0, 1.0], [1.0, 0.0]]; L = softmax_with_loss(C, t);",
    );
    let shown = printed(&mut shell, "step L");
    let d_c = rule_for(&shown, "C").expect("a rule for C");
    assert!(
        d_c.contains("dC = (y − t) / batch_size × dout = ("),
        "{d_c}"
    );
    assert!(d_c.contains(") / 2 × 1.0 = "), "{d_c}");
    let d_a = rule_for(&shown, "A").expect("a rule for A");
    assert!(d_a.contains("dA = dout · Bᵀ"), "{d_a}");
    let d_b = rule_for(&shown, "B").expect("a rule for B");
    assert!(d_b.contains("dB = Aᵀ · dout"), "{d_b}");
    // t is a target, which takes no gradient: no rule.
    assert!(rule_for(&shown, "t").is_none(), "{shown}");
    printed(&mut shell, "back L;");
    for name in ["A", "B", "C"] {
        let line = rule_for(&shown, name).expect("rule");
        assert_eq!(squeeze(rule_value(line)), grad_inline(&mut shell, name));
    }
}

#[test]
fn step_writes_the_rules_of_reductions_indexing_and_reshaping() {
    for (lang, sum_words, mean_words) in [
        (
            Lang::En,
            "dout copied into every element of shape (2, 3)",
            "dout / 3, repeated along axis 1 to shape (2, 3)",
        ),
        (
            Lang::Ko,
            "dout을 형상 (2, 3)의 모든 원소에 복사",
            "dout / 3 값을 1번 축을 따라 반복해 형상 (2, 3)에 맞춤",
        ),
    ] {
        let mut shell = shell(lang);
        printed(
            &mut shell,
            "a = [[1.0, 5.0, 2.0], [4.0, 0.5, 3.0]]; s = sum(a); m = mean(a, axis=1); k = max(a); r = reshape(a, 3, 2); i = a[0]; q = transpose(a);",
        );
        let shown = printed(&mut shell, "step s");
        assert!(shown.contains(sum_words), "{shown}");
        let shown = printed(&mut shell, "step m");
        assert!(shown.contains(mean_words), "{shown}");
        let shown = printed(&mut shell, "step k");
        let line = rule_for(&shown, "a").expect("max rule");
        assert_eq!(rule_value(line), "[[0. 1. 0.] [0. 0. 0.]]", "{line}");
        let shown = printed(&mut shell, "step r");
        assert!(shown.contains("da = reshape(dout, (2, 3)) = "), "{shown}");
        let shown = printed(&mut shell, "step i");
        let line = rule_for(&shown, "a").expect("index rule");
        assert!(line.contains("(2, 3)"), "{line}");
        assert_eq!(rule_value(line), "[[1. 1. 1.] [0. 0. 0.]]", "{line}");
        let shown = printed(&mut shell, "step q");
        assert!(shown.contains("da = doutᵀ = "), "{shown}");
    }
}

#[test]
fn check_takes_a_dout_as_back_does() {
    for lang in [Lang::En, Lang::Ko] {
        let mut shell = shell(lang);
        printed(&mut shell, "x = [1.0, 2.0]; y = x * x;");
        let shown = printed(&mut shell, "check y [3.0, -5.0]");
        assert!(shown.contains("sum(y * [3.0, -5.0])"), "{shown}");
        assert!(shown.contains("dout = [3.0, -5.0]"), "{shown}");
        let ok = if lang == Lang::En { "ok" } else { "일치" };
        assert!(
            shown
                .lines()
                .any(|l| l.trim_start().starts_with('x') && l.ends_with(ok))
        );
        // With a sample: both clauses, in that order.
        let shown = printed(&mut shell, "check y [3.0, -5.0] sample 1");
        assert!(shown.contains("sum(y * [3.0, -5.0])"), "{shown}");
        let sampled = if lang == Lang::En {
            "sampled 1 element of each variable"
        } else {
            "변수마다 원소 1개를 뽑아"
        };
        assert!(shown.contains(sampled), "{shown}");
        // A dout of the wrong shape is refused as back refuses it, and binds nothing.
        let error = error_of(&mut shell, "check y [1.0, 2.0, 3.0]");
        assert!(error.contains("(3,)") && error.contains("(2,)"), "{error}");
    }
}

#[test]
fn check_with_a_dout_differentiates_the_weighted_sum() {
    // A ReLU blocks the first element; with a dout of zero there, the check still agrees, and
    // the gradient back gives with that dout is what the check compares against.
    let mut shell = shell(Lang::En);
    printed(&mut shell, "w = [0.5, 2.0, -1.0]; y = sigmoid(w) * w;");
    let shown = printed(&mut shell, "check y [0.0, 10.0, -3.0]");
    assert!(
        shown
            .lines()
            .any(|l| l.contains("w  mean") && l.ends_with("ok")),
        "{shown}"
    );
}

/// A short training loop of the book's kind: `W -= lr * grad(W)` binds W to a new value, so the
/// last `loss` was computed from older weights.
const SETUP: &str = "load digits; seed 0; W1 = 0.01 * randn(64, 5); b1 = zeros(5); W2 = 0.01 * randn(5, 10); b2 = zeros(10);";
const TRAINING: &str = "for i in range(3):
    batch = choice(1500, 10)
    x = x_train[batch]; t = t_train[batch]
    loss = softmax_with_loss(affine(relu(affine(x, W1, b1)), W2, b2), t)
    back loss
    W1 -= 0.1 * grad(W1)
    b1 -= 0.1 * grad(b1)
    W2 -= 0.1 * grad(W2)
    b2 -= 0.1 * grad(b2)
";

#[test]
fn after_training_every_tool_says_that_w1_changed() {
    for (lang, before, changed) in [
        (Lang::En, "W1 (before the update)", "changed after"),
        (Lang::Ko, "W1 (갱신 전)", "계산 뒤에 바"),
    ] {
        let mut shell = shell(lang);
        printed(&mut shell, SETUP);
        printed(&mut shell, TRAINING);
        // check grades the values loss used, by their older names, and says why.
        let shown = printed(&mut shell, "check loss sample 5");
        assert!(shown.contains(before), "{shown}");
        for name in ["b1", "W2", "b2"] {
            assert!(shown.contains(&before.replace("W1", name)), "{shown}");
        }
        assert!(shown.contains(changed), "{shown}");
        // back says the same, and grad(W1) explains that the new W1 was not used.
        let shown = printed(&mut shell, "back loss");
        assert!(shown.contains(changed), "{shown}");
        // At 80 columns the note wraps with the rest of what back prints.
        shell.view.width = 80;
        let narrow = printed(&mut shell, "back loss");
        shell.view.width = 1000;
        for line in narrow.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
        }
        let error = error_of(&mut shell, "grad(W1)");
        assert!(error.contains(changed), "{error}");
        assert!(error.contains(before), "{error}");
        let error = error_of(&mut shell, "dW1");
        assert!(error.contains(changed), "{error}");
        // The picture labels the older values so.
        let shown = printed(&mut shell, "graph loss");
        assert!(shown.contains(before), "{shown}");
        assert!(!shown.contains("── W1 = "), "{shown}");
        // Computing the loss again uses the new W1, and then W1 has a gradient.
        printed(
            &mut shell,
            "loss = softmax_with_loss(affine(relu(affine(x, W1, b1)), W2, b2), t); back loss;",
        );
        let shown = printed(&mut shell, "graph loss");
        assert!(!shown.contains(before), "{shown}");
        assert!(!grad_inline(&mut shell, "W1").is_empty());
    }
}

#[test]
fn a_name_bound_again_is_its_older_value_in_step() {
    let mut shell = shell(Lang::En);
    printed(&mut shell, "x = [2.0]; y = x * 3; x = [5.0];");
    let shown = printed(&mut shell, "step y");
    assert!(
        rule_for(&shown, "x (before the update)").is_some(),
        "{shown}"
    );
}
