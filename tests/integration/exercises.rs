//! The exercises: every model solution passes its grader, every skeleton fails it, each common
//! mistake applied to a model solution fails with its own words in both languages, and the two
//! ways in work as a person uses them: the REPL (`:exercise`, `:hint`) and a file graded again
//! on every save.

use crate::repl::{Pty, leave, plain, run};
use crate::support::{bin, snapshot};
use backprop::app::exercise;
use backprop::i18n::Lang;
use backprop::py::grader;
use backprop::show::View;
use backprop::show::style::Style;
use expectrl::Expect;
use std::time::Duration;

const SLUGS: [&str; 9] = [
    "add",
    "mul",
    "apple",
    "relu",
    "sigmoid",
    "affine",
    "softmax_with_loss",
    "two_layer_net",
    "train",
];

#[test]
fn there_are_nine_in_both_languages_with_three_hints_each() {
    for lang in [Lang::En, Lang::Ko] {
        let list = exercise::all(lang);
        let slugs: Vec<&str> = list.iter().map(|e| e.slug.as_str()).collect();
        assert_eq!(slugs, SLUGS, "{lang:?}");
        for e in &list {
            assert_eq!(e.hints.len(), 3, "{}", e.slug);
            assert!(e.skeleton.contains("TODO"), "{}", e.slug);
            assert!(!e.title.is_empty() && !e.task.is_empty(), "{}", e.slug);
        }
    }
}

#[test]
fn every_model_solution_passes_and_every_skeleton_fails() {
    for e in exercise::all(Lang::En) {
        let verdict = grader::grade(&e.slug, &e.solution);
        let said: Vec<String> = verdict.lines.iter().map(|m| Lang::En.say(m)).collect();
        assert!(verdict.passed, "{}: {said:?}", e.slug);
        for lang in [Lang::En, Lang::Ko] {
            let list = exercise::all(lang);
            let skeleton = &exercise::find(&list, &e.slug)
                .expect("the same slug in both languages")
                .skeleton;
            let verdict = grader::grade(&e.slug, skeleton);
            assert!(!verdict.passed, "{}'s skeleton passed", e.slug);
        }
    }
}

/// A model solution with one mistake put in: the exercise, what to replace with what.
const MISTAKES: [(&str, &str, &str, &str); 7] = [
    (
        "swapped_inputs",
        "mul",
        "dx = dout * self.y\n        dy = dout * self.x",
        "dx = dout * self.x\n        dy = dout * self.y",
    ),
    (
        "inverted_mask",
        "relu",
        "self.mask = (x <= 0)",
        "self.mask = (x > 0)",
    ),
    (
        "x_for_out",
        "sigmoid",
        "dx = dout * (1.0 - self.out) * self.out",
        "dx = dout * (1.0 - self.x) * self.x",
    ),
    (
        "missing_transpose",
        "affine",
        "self.dW = np.dot(self.x.T, dout)",
        "self.dW = np.dot(dout.T, self.x)",
    ),
    (
        "missing_sum",
        "affine",
        "self.db = np.sum(dout, axis=0)",
        "self.db = dout",
    ),
    (
        "missing_batch_division",
        "softmax_with_loss",
        "dx = (self.y - self.t) / batch_size",
        "dx = self.y - self.t",
    ),
    ("missing_return", "relu", "return dx", "pass"),
];

#[test]
fn each_mistake_fails_with_its_own_words_in_both_languages() {
    for (name, slug, from, to) in MISTAKES {
        let solution = exercise::find(&exercise::all(Lang::En), slug)
            .expect("the exercise")
            .solution
            .clone();
        assert!(solution.contains(from), "{slug}'s solution has {from:?}");
        let mut broken = solution.replace(from, to);
        if name == "x_for_out" {
            // The mistake needs x kept: forward keeps it as well as out.
            broken = broken.replace("self.out = out", "self.out = out\n        self.x = x");
        }
        let verdict = grader::grade_with(slug, &broken, 2024);
        assert!(!verdict.passed, "{name} passed");
        let mut texts = Vec::new();
        for lang in [Lang::En, Lang::Ko] {
            let view = View::new(Style::plain(), 100, lang);
            let text = exercise::verdict_text(&verdict, &view);
            snapshot(&format!("exercise-{name}-{}", lang.code()), &text);
            texts.push(text);
        }
        // Each mistake has words of its own, not only "the gradient check does not match".
        let words: Vec<&str> = texts[0].lines().collect();
        assert!(words.len() >= 3, "{name}: {}", texts[0]);
    }
}

#[test]
fn the_training_exercise_reaches_the_accuracy_it_asks_for() {
    let list = exercise::all(Lang::En);
    let e = exercise::find(&list, "train").expect("train");
    let verdict = grader::grade("train", &e.solution);
    assert!(verdict.passed);
    let acc: f64 = verdict
        .printed
        .trim()
        .parse()
        .expect("the solution prints its test accuracy");
    assert!(acc >= 0.93, "{acc}");
}

#[test]
fn the_relu_exercise_is_solved_in_the_repl_after_a_wrong_try_and_a_hint() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    let shown = run(&mut session, ":exercise relu");
    assert!(
        shown.contains("Write the class `Relu`") || shown.contains("Relu"),
        "{shown}"
    );
    // The skeleton waits on the prompt: Enter runs it as it is, and it fails.
    let shown = type_block(&mut session, "");
    assert!(
        shown.contains("✗ Relu.forward gives other values"),
        "{shown}"
    );
    let wrong = "class Relu:\r    def forward(self, x):\r        self.mask = (x > 0)\r        \
                 out = x.copy()\r        out[x <= 0] = 0\r        return out\r    \
                 def backward(self, dout):\r        dout[self.mask] = 0\r        return dout\r";
    let shown = type_block(&mut session, wrong);
    assert!(shown.contains("✗ Relu.backward is wrong for x"), "{shown}");
    let joined = shown.replace("\r\n  ", " ").replace("\n  ", " ");
    // Which words depend on the signs drawn: a mask in every case.
    assert!(joined.contains("mask"), "{shown}");
    let shown = run(&mut session, ":hint");
    assert!(shown.contains("hint 1 of 3"), "{shown}");
    let right = wrong.replace("(x > 0)", "(x <= 0)");
    let shown = type_block(&mut session, &right);
    assert!(shown.contains("✓ passed"), "{shown}");
    let shown = run(&mut session, ":exercises");
    assert!(shown.contains("✓  4"), "{shown}");
    leave(session);
}

/// Types a block line by line and the empty line that ends it; what was shown until the
/// next prompt after it.
fn type_block(session: &mut Pty, lines: &str) -> String {
    for line in lines.split_inclusive('\r') {
        session.send(line).expect("typed");
        std::thread::sleep(Duration::from_millis(30));
    }
    session
        .send("\r")
        .expect("the empty line, or Enter on the skeleton");
    let mut shown = String::new();
    if lines.is_empty() {
        return crate::repl::shown_until_next_prompt(session);
    }
    // The `... ` prompts of the block come first; the verdict comes after the block runs.
    for _ in 0..40 {
        shown.push_str(&crate::repl::shown_until_next_prompt(session));
        if shown.contains('✓') || shown.contains('✗') {
            break;
        }
    }
    shown
}

#[test]
fn a_file_is_graded_again_on_every_save_until_it_passes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut command = std::process::Command::new(bin());
    command
        .args(["exercise", "sigmoid", "--lang", "en"])
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("NO_COLOR", "1");
    let mut session = expectrl::Session::spawn(command).expect("starts on a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
        .expect("watching exercises/05_sigmoid.py")
        .expect("it watches the file it wrote");
    let file = dir.path().join("exercises/05_sigmoid.py");
    let skeleton = std::fs::read_to_string(&file).expect("the skeleton was written");
    assert!(skeleton.contains("TODO"));
    let solution = exercise::find(&exercise::all(Lang::En), "sigmoid")
        .expect("sigmoid")
        .solution
        .clone();
    // A save with the mistake: graded, and it fails.
    let wrong = solution.replace(
        "dx = dout * (1.0 - self.out) * self.out",
        "dx = dout * (1.0 - self.out)",
    );
    std::fs::write(&file, &wrong).expect("saved");
    session
        .expect("✗ Sigmoid.backward is wrong for x")
        .expect("graded as failing");
    // A save with the fix: graded, it passes, and the watch ends.
    std::fs::write(&file, &solution).expect("saved");
    session.expect("✓ passed").expect("graded as passing");
    session
        .expect(expectrl::Eof)
        .expect("the watch ends on a pass");
    let check = std::process::Command::new(bin())
        .args(["exercise", "sigmoid", "--check"])
        .current_dir(dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(check.status.success(), "{check:?}");
    let listed = std::process::Command::new(bin())
        .args(["exercise", "--lang", "en"])
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let listed = String::from_utf8_lossy(&listed.stdout).into_owned();
    assert!(listed.contains("✓  5"), "{listed}");
    assert!(listed.contains("next: backprop exercise add"), "{listed}");
}

#[test]
fn check_writes_a_missing_file_and_fails_on_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = std::process::Command::new(bin())
        .args(["exercise", "relu", "--check", "--lang", "en"])
        .current_dir(dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(dir.path().join("exercises/04_relu.py").exists());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("✗ Relu.forward gives other values"), "{text}");
}

#[test]
fn q_alone_stops_the_watch() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut command = std::process::Command::new(bin());
    command
        .args(["exercise", "relu", "--lang", "en"])
        .current_dir(dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("NO_COLOR", "1");
    let mut session = expectrl::Session::spawn(command).expect("starts on a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
        .expect("watching exercises/04_relu.py")
        .expect("it watches");
    session.send("q").expect("q, without Enter");
    let status = session.get_process().wait().expect("it ends");
    assert_eq!(
        status,
        expectrl::process::unix::WaitStatus::Exited(session.get_process().pid(), 1)
    );
}

#[test]
fn grading_in_the_repl_leaves_the_learner_s_objects_alone() {
    use backprop::app::repl::Repl;
    let mut repl = Repl::new(
        backprop::session::Session::new(),
        View::new(Style::plain(), 100, Lang::En),
    );
    let mut out = Vec::new();
    for line in [
        "class Box:\n    pass\n",
        "keep = Box(); keep.items = [1, 2, 3]; table = {'a': 1}",
        ":exercise mul",
        "class MulLayer:\n    def forward(self, x, y):\n        self.x, self.y = x, y\n        return x * y\n    def backward(self, dout):\n        return dout * self.y, dout * self.x\n",
        "print(keep.items, table)",
    ] {
        repl.handle(line, &mut out).expect("written");
    }
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(text.contains("✓ passed"), "{text}");
    assert!(text.ends_with("[1, 2, 3] {'a': 1}\n"), "{text}");
}
