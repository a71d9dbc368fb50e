//! Small things of a guided lesson on a terminal: `:next` after a finished lesson starts the
//! next one, `:lesson` finds a lesson by the start of its slug, and no history hint is drawn
//! after a lesson's pre-filled statement.

use crate::repl::{enter, leave, plain, run, shown_until_next_prompt, spawn};
use crate::support::binary;
use expectrl::Expect;
use std::time::Duration;

#[test]
fn next_after_a_finished_lesson_starts_the_next_one() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    session.send(enter(":lesson 1")).expect("typed");
    // Enter runs each pre-filled statement and goes on through step's pauses.
    let mut finished = false;
    for _ in 0..300 {
        session.send("\r").expect("Enter");
        std::thread::sleep(Duration::from_millis(40));
        if session
            .check("Lesson finished")
            .is_ok_and(|found| !found.is_empty())
        {
            finished = true;
            break;
        }
    }
    assert!(finished, "lesson 1 never finished");
    session
        .expect(":next starts lesson 2")
        .expect("the end names the next lesson");
    shown_until_next_prompt(&mut session);
    session.send(enter(":next")).expect("typed");
    session
        .expect("The chain rule")
        .expect(":next starts lesson 2");
    shown_until_next_prompt(&mut session);
    session.send("\u{15}").expect("Ctrl-U");
    leave(session);
}

#[test]
fn a_lesson_is_found_by_the_start_of_its_slug() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    let shown = run(&mut session, ":lesson softmax");
    assert!(shown.contains("Softmax-with-Loss"), "{shown}");
    session.send("\u{15}").expect("Ctrl-U");
    leave(session);
}

#[test]
fn a_prefilled_lesson_statement_gets_no_history_hint() {
    let home = tempfile::tempdir().expect("a temporary home");
    // Colour on, so that hints are drawn at all; the history holds a longer line that starts
    // with the lesson's first statement, which would be its hint.
    let mut session = spawn(home.path(), &[]);
    run(
        &mut session,
        "x = np.array([[1.0, -0.5], [-2.0, 3.3]]); hinted = 5",
    );
    session.send(enter(":lesson relu")).expect("typed");
    // The lesson's prose, then the prompt with the statement (highlighted, so its text is
    // broken up by colour codes).
    shown_until_next_prompt(&mut session);
    std::thread::sleep(Duration::from_millis(300));
    let hint = session.check("hinted").expect("the screen is read");
    assert!(
        hint.is_empty(),
        "a history hint was drawn after the statement"
    );
    // With the lesson paused (Ctrl-C), the same start typed by hand does get the hint.
    session
        .send(expectrl::ControlCode::EndOfText)
        .expect("Ctrl-C");
    session.expect("lesson paused").expect("the lesson pauses");
    shown_until_next_prompt(&mut session);
    session.send("x = np.array([[1.0, -0.5]").expect("typed");
    session
        .expect("hinted")
        .expect("the history hint is drawn for typed text");
    session.send("\u{15}").expect("Ctrl-U");
    leave(session);
}

#[test]
fn imshow_of_a_whole_data_set_is_refused_with_a_hint() {
    for (lang, words) in [("en", "too large to draw"), ("ko", "너무 커서")] {
        let out = binary(
            &["run", "--lang", lang, "-"],
            b"load digits\nimshow(x_train)\n",
            &[],
        );
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(words), "{stderr}");
        assert!(stderr.contains("1500 × 64"), "{stderr}");
        assert!(stderr.contains("imshow(x_train[0])"), "{stderr}");
        // Nothing was drawn.
        assert!(!String::from_utf8_lossy(&out.stdout).contains('┌'));
    }
    // One image still draws.
    let out = binary(&["run", "-"], b"load digits\nimshow(x_train[0])\n", &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains('┌'));
}

/// `backprop ARGS` on a pseudo-terminal, English, no colour.
pub(crate) fn on_a_terminal(args: &[&str], home: &std::path::Path) -> crate::repl::Pty {
    let mut command = std::process::Command::new(crate::support::bin());
    command
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("TERM", "xterm-256color")
        .env("LANG", "en_US.UTF-8")
        .env("NO_COLOR", "1");
    let mut session = expectrl::Session::spawn(command).expect("the program starts on a pty");
    session.set_expect_timeout(Some(Duration::from_secs(10)));
    session
}

#[test]
fn ctrl_c_at_a_lessons_pause_stops_it_at_once_with_130() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut lesson = on_a_terminal(&["lesson", "graph"], home.path());
    lesson
        .expect("[Enter: go on, q: quit]")
        .expect("the lesson pauses");
    let asked = std::time::Instant::now();
    lesson
        .send(expectrl::ControlCode::EndOfText)
        .expect("Ctrl-C");
    let status = lesson.get_process().wait().expect("the lesson ends");
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "it waited for Enter"
    );
    assert_eq!(
        status,
        expectrl::process::unix::WaitStatus::Exited(lesson.get_process().pid(), 130)
    );
}

#[test]
fn ctrl_c_while_run_reads_a_terminal_stops_it_with_130() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut script = on_a_terminal(&["run", "-"], home.path());
    script.send("x = 1\r").expect("a line is typed");
    std::thread::sleep(Duration::from_millis(300));
    script
        .send(expectrl::ControlCode::EndOfText)
        .expect("Ctrl-C");
    script.expect("interrupted").expect("it says so");
    let status = script.get_process().wait().expect("the run ends");
    assert_eq!(
        status,
        expectrl::process::unix::WaitStatus::Exited(script.get_process().pid(), 130)
    );
}

#[test]
fn lines_typed_while_a_loop_runs_are_kept_and_run_in_order() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    session
        .send(enter("for i in range(1000000): z = i"))
        .expect("typed");
    session
        .send("\r")
        .expect("the empty line that ends the block");
    // Typed ahead while the loop runs.
    std::thread::sleep(Duration::from_millis(100));
    session
        .send("a1 = 1\ra2 = 2\ra3 = a1 + a2\r")
        .expect("typed ahead");
    session.expect("a3 = 3").expect("all three ran, in order");
    shown_until_next_prompt(&mut session);
    let shown = run(&mut session, "a2");
    assert!(shown.contains("\n2\r"), "{shown:?}");
    leave(session);
}

#[test]
fn a_multi_line_paste_runs_every_statement_bracketed_or_not() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    // Unbracketed, as a terminal without bracketed paste sends it: lines and Enters.
    session
        .send("b1 = 1\rb2 = 2\rb3 = 3\rb4 = b1 + b3\r")
        .expect("pasted");
    session.expect("b4 = 4").expect("every line ran");
    shown_until_next_prompt(&mut session);
    // Bracketed, with a blank line and a block inside it: one input, run statement by
    // statement.
    session
        .send("\u{1b}[200~c1 = 1\nc2 = 2\n\nfor i in range(2):\n    c2 += 1\n\nprint(c1 + c2)\n\u{1b}[201~")
        .expect("pasted");
    session.send("\r").expect("Enter");
    session
        .expect("\n5\r")
        .expect("the block and the print ran");
    shown_until_next_prompt(&mut session);
    leave(session);
}
