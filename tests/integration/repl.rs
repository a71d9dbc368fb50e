//! The interactive session, driven through a pseudo-terminal as a person would use it, with
//! `HOME` and `XDG_DATA_HOME` in a temporary directory so no real history is touched.

use crate::support::bin;
use expectrl::process::unix::WaitStatus;
use expectrl::{ControlCode, Expect, Regex, Session};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

pub(crate) type Pty =
    Session<expectrl::process::unix::UnixProcess, expectrl::process::unix::PtyStream>;

const UP_ARROW: &str = "\u{1b}[A";

/// A line as a person types it: the text, then Enter, which a terminal sends as a carriage
/// return (a line feed is Ctrl-J, which rustyline treats differently inside an open bracket).
pub(crate) fn enter(text: &str) -> String {
    format!("{text}\r")
}

/// Starts `backprop` on a pseudo-terminal with its data directory under `home`.
pub(crate) fn spawn(home: &Path, envs: &[(&str, &str)]) -> Pty {
    let mut command = Command::new(bin());
    command
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("TERM", "xterm-256color")
        .env("LANG", "en_US.UTF-8")
        .env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    for (key, value) in envs {
        command.env(key, value);
    }
    let mut session = Session::spawn(command).expect("the REPL starts on a pty");
    session.set_expect_timeout(Some(Duration::from_secs(10)));
    session.expect(">>> ").expect("the first prompt");
    session
}

pub(crate) fn plain(home: &Path) -> Pty {
    spawn(home, &[("NO_COLOR", "1")])
}

/// Types `line` and returns everything the terminal showed until the next prompt was ready.
pub(crate) fn run(session: &mut Pty, line: &str) -> String {
    session.send(enter(line)).expect("the line is typed");
    shown_until_next_prompt(session)
}

/// Everything shown until rustyline starts reading the next line. The prompt itself is redrawn
/// on every keystroke, so it cannot mark that; rustyline switches bracketed paste back on
/// (`ESC [?2004h`) each time it starts reading, which can. Waiting for it also matters because
/// characters typed ahead while a line runs may be dropped when the terminal changes modes.
pub(crate) fn shown_until_next_prompt(session: &mut Pty) -> String {
    let found = session.expect("\u{1b}[?2004h").expect("the next prompt");
    String::from_utf8_lossy(found.before()).into_owned()
}

pub(crate) fn leave(mut session: Pty) {
    session
        .send(ControlCode::EndOfTransmission)
        .expect("Ctrl-D is sent");
    let status = session.get_process().wait().expect("the REPL exits");
    assert_eq!(status, WaitStatus::Exited(session.get_process().pid(), 0));
}

#[test]
fn the_blog_example_shows_the_matrix_and_the_mask_beside_the_gradient() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    let shown = run(&mut session, "x = array([[1.0, -0.5], [-2.0, 3.3]])");
    assert!(
        shown.contains("x = [[ 1.  -0.5]\r\n     [-2.   3.3]]"),
        "{shown:?}"
    );
    run(&mut session, "r = relu(x)");
    let shown = run(&mut session, "back r ones");
    assert!(
        shown.contains("[[False  True]    [[1. 1.]    [[1. 0.]"),
        "{shown:?}"
    );
    assert!(
        shown.contains(" [ True False]]    [1. 1.]]    [0. 1.]]"),
        "{shown:?}"
    );
    leave(session);
}

#[test]
fn tab_completes_a_function_with_its_paren() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    run(&mut session, "x = array([1.0, -2.0])");
    session.send("r = rel").expect("typed");
    session.send("\t").expect("Tab");
    session.expect("relu(").expect("completed to relu(");
    let shown = run(&mut session, "x)");
    assert!(shown.contains("r = [1. 0.]"), "{shown:?}");
    leave(session);
}

#[test]
fn a_matrix_can_be_typed_over_three_lines() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    session.send(enter("y = array([[1,")).expect("typed");
    session.send(enter("2],")).expect("typed");
    let shown = run(&mut session, "[3, 4]])");
    assert!(shown.contains("y = [[1 2]\r\n     [3 4]]"), "{shown:?}");
    leave(session);
}

#[test]
fn a_typo_shows_a_caret_and_the_session_carries_on_unchanged() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    run(&mut session, "x = array([1.0, 2.0])");
    let shown = run(&mut session, "x = x * [1, 2, 3]");
    assert!(
        shown.contains(
            "error: ValueError: operands could not be broadcast together with shapes (2,)"
        ),
        "{shown:?}"
    );
    assert!(shown.contains("x = x * [1, 2, 3]\r\n    ^"), "{shown:?}");
    let shown = run(&mut session, "x2");
    assert!(
        shown.contains("unknown name 'x2'; did you mean 'x'?"),
        "{shown:?}"
    );
    let shown = run(&mut session, "x");
    assert!(shown.contains("[1. 2.]"), "x is as it was: {shown:?}");
    leave(session);
}

#[test]
fn ctrl_c_clears_the_line_and_the_session_carries_on() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    run(&mut session, "a = 1");
    session.send("a = 99").expect("typed, not entered");
    session.send(ControlCode::EndOfText).expect("Ctrl-C");
    shown_until_next_prompt(&mut session);
    let shown = run(&mut session, "a");
    assert!(shown.contains("\r\n1\r\n"), "{shown:?}");
    assert!(!shown.contains("99"), "{shown:?}");
    leave(session);
}

#[test]
fn history_written_by_one_run_is_there_in_the_next() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut first = plain(home.path());
    run(&mut first, "marker = 42");
    leave(first);
    let history =
        std::fs::read_to_string(home.path().join("data/backprop/history")).expect("a history file");
    assert!(history.contains("marker = 42"), "{history:?}");
    let mut second = plain(home.path());
    second.send(UP_ARROW).expect("the up arrow");
    second.send("\r").expect("Enter");
    let shown = shown_until_next_prompt(&mut second);
    assert!(shown.contains("marker = 42"), "{shown:?}");
    leave(second);
}

#[test]
fn no_color_means_no_colour_codes_and_colour_is_on_otherwise() {
    let sgr = Regex("\u{1b}\\[[0-9;]*m");
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    let shown = run(&mut session, "x = array([1.0, -1.0]); r = relu(x); back r");
    assert!(shown.contains("dx = [1. 0.]"), "{shown:?}");
    assert!(!has_sgr(&shown), "no colour codes with NO_COLOR: {shown:?}");
    leave(session);
    let mut coloured = spawn(home.path(), &[]);
    coloured
        .send(enter("x = array([1.0, -1.0]); r = relu(x); back r"))
        .expect("typed");
    coloured
        .expect(sgr)
        .expect("colour codes on a terminal without NO_COLOR");
    shown_until_next_prompt(&mut coloured);
    leave(coloured);
}

#[test]
fn an_unwritable_history_file_warns_once_and_carries_on() {
    let home = tempfile::tempdir().expect("a temporary home");
    // A file where the data directory should be makes the history impossible to write.
    std::fs::create_dir_all(home.path().join("data")).expect("the data directory");
    std::fs::write(home.path().join("data/backprop"), "in the way").expect("a blocking file");
    let mut session = plain(home.path());
    let shown = run(&mut session, "a = 1");
    assert!(shown.contains("warning: cannot"), "{shown:?}");
    let shown = run(&mut session, "a");
    assert!(!shown.contains("warning"), "only one warning: {shown:?}");
    assert!(shown.contains("\r\n1\r\n"), "{shown:?}");
    leave(session);
}

#[test]
fn guided_lesson_prefills_accepts_edits_and_skips() {
    const CLEAR_LINE: &str = "\u{15}";
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    session.send(enter(":lesson relu")).expect("typed");
    // The first statement is offered on the prompt; Enter runs it as it is.
    session
        .expect("x = np.array([[1.0, -0.5], [-2.0, 3.3]])")
        .expect("the first statement is pre-filled");
    session.send("\r").expect("Enter");
    session.expect("x = [[ 1.  -0.5]").expect("it ran");
    // The second is `x <= 0`. Ctrl-C pauses the lesson, and `:lesson` carries on there.
    session
        .expect("x <= 0")
        .expect("the second statement is pre-filled");
    session.send(ControlCode::EndOfText).expect("Ctrl-C");
    session.expect("lesson paused").expect("the lesson pauses");
    session.send(enter(":lesson")).expect("typed");
    session
        .expect("x <= 0")
        .expect("the lesson carries on where it was");
    // Skip it.
    session
        .send(CLEAR_LINE)
        .expect("Ctrl-U clears the pre-filled line");
    session.send(enter(":next")).expect("typed");
    // The third is `r = relu(x)`: edit it before running.
    session
        .expect("r = relu(x)")
        .expect("the third statement is pre-filled");
    session.send("\u{8}\u{8}").expect("two backspaces");
    session.send(enter("x * 2)")).expect("the edit");
    session
        .expect("r = [[2.  0. ]\r\n     [0.  6.6]]")
        .expect("the edited statement ran");
    // The lesson moved on to `back r ones`. Something else typed meanwhile leaves it waiting.
    session
        .expect("back r ones")
        .expect("the fourth statement is pre-filled");
    session.send(CLEAR_LINE).expect("Ctrl-U");
    session.send(enter("1 + 1")).expect("typed");
    session.expect("\r\n2\r\n").expect("it ran");
    session
        .expect("back r ones")
        .expect("the lesson waits on the same step");
    session.send(CLEAR_LINE).expect("Ctrl-U");
    leave(session);
}

/// Whether `text` holds an SGR escape (colour or weight), `ESC [ digits ; ... m`. Cursor
/// movement, which rustyline always uses, is not colour.
fn has_sgr(text: &str) -> bool {
    text.match_indices("\u{1b}[").any(|(at, _)| {
        let rest = &text[at + 2..];
        let params = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == ';')
                .len();
        rest[params..].starts_with('m')
    })
}

#[test]
fn an_unreadable_history_file_warns_at_start_and_the_session_works() {
    let home = tempfile::tempdir().expect("a temporary home");
    // A directory where the history file should be cannot be read as history.
    std::fs::create_dir_all(home.path().join("data/backprop/history"))
        .expect("a blocking directory");
    let mut command = Command::new(bin());
    command
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    let mut session = Session::spawn(command).expect("the REPL starts on a pty");
    session.set_expect_timeout(Some(Duration::from_secs(10)));
    let found = session.expect(">>> ").expect("the first prompt");
    let before = String::from_utf8_lossy(found.before()).into_owned();
    assert!(
        before.contains("warning: cannot read the history file"),
        "{before:?}"
    );
    let shown = run(&mut session, "1 + 1");
    assert!(shown.contains("\r\n2\r\n"), "{shown:?}");
    leave(session);
}

#[test]
fn commands_typed_after_a_prefilled_line_do_what_was_meant() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    session.send(enter(":lesson relu")).expect("typed");
    session
        .expect("x = np.array([[1.0, -0.5], [-2.0, 3.3]])")
        .expect("the first statement is pre-filled");
    // `:next` typed at the end of the pre-filled line is the command, not a syntax error.
    // `x` is used by every later step, so the first `:next` says so and offers it again.
    session
        .send(enter(":next"))
        .expect("typed after the statement");
    let shown = shown_until_next_prompt(&mut session);
    assert!(!shown.contains("error"), "{shown:?}");
    assert!(
        shown.contains("makes x, which later steps use"),
        "{shown:?}"
    );
    session
        .expect("x = np.array([[1.0, -0.5], [-2.0, 3.3]])")
        .expect("still offered");
    // A second `:next` skips it anyway.
    session.send(enter(":next")).expect("typed again");
    session
        .expect("x <= 0")
        .expect("the next statement is offered");
    // `:prev` refills the prompt with the previous lesson statement, not the stale line.
    session.send(enter(":prev")).expect("typed after x <= 0");
    let shown = shown_until_next_prompt(&mut session);
    assert!(!shown.contains("error"), "{shown:?}");
    session
        .expect("x = np.array([[1.0, -0.5], [-2.0, 3.3]])")
        .expect("the previous statement is offered again");
    // Enter runs the offered statement.
    session.send("\r").expect("Enter");
    session.expect("x = [[ 1.  -0.5]").expect("it ran");
    session.expect("x <= 0").expect("and the lesson moved on");
    session.send("\u{15}").expect("Ctrl-U");
    leave(session);
}

#[test]
fn lang_reaches_a_paused_lesson() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    session.send(enter(":lesson relu")).expect("typed");
    session
        .expect("x = np.array([[1.0, -0.5]")
        .expect("pre-filled");
    session.send(ControlCode::EndOfText).expect("Ctrl-C");
    session.expect("lesson paused").expect("paused");
    run(&mut session, ":lang ko");
    // Let rustyline finish switching the terminal to raw mode, which flushes typed-ahead keys.
    std::thread::sleep(Duration::from_millis(300));
    session.send(enter(":lesson")).expect("typed");
    // The prose before the statement is shown again, now in Korean, at the same statement.
    let found = session
        .expect(">>> x = np.array([[1.0, -0.5], [-2.0, 3.3]])")
        .expect("the same statement is offered");
    let shown = String::from_utf8_lossy(found.before()).into_owned();
    assert!(
        shown.contains("mask라고") || shown.contains("ReLU 계층"),
        "{shown:?}"
    );
    session.send("\u{15}").expect("Ctrl-U");
    let shown = run(&mut session, "undefined_name");
    assert!(
        shown.contains("오류:"),
        "errors follow :lang too: {shown:?}"
    );
    // The lesson offers its statement again; clear it so Ctrl-D leaves.
    session.send("\u{15}").expect("Ctrl-U");
    leave(session);
}

#[test]
fn a_lesson_is_marked_finished_only_when_gone_through_on_a_terminal() {
    let home = tempfile::tempdir().expect("a temporary home");
    let data = home.path().join("data");
    let listing = || {
        let out = Command::new(bin())
            .args(["lesson", "--lang", "en"])
            .env("XDG_DATA_HOME", &data)
            .env("NO_COLOR", "1")
            .output()
            .expect("the listing runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // Played straight through, the lesson is shown but not finished.
    let shown = Command::new(bin())
        .args(["lesson", "graph", "--no-pause"])
        .env("XDG_DATA_HOME", &data)
        .output()
        .expect("the lesson plays");
    assert!(shown.status.success());
    assert_eq!(listing().matches('✓').count(), 0, "{}", listing());
    // Gone through section by section on a terminal, it is.
    let mut command = Command::new(bin());
    command
        .args(["lesson", "graph", "--lang", "en"])
        .env("XDG_DATA_HOME", &data)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color");
    let mut lesson = Session::spawn(command).expect("the lesson starts on a pty");
    lesson.set_expect_timeout(Some(Duration::from_secs(10)));
    while lesson.expect("[Enter: go on, q: quit]").is_ok() {
        lesson.send("\r").expect("Enter");
    }
    let status = lesson.get_process().wait().expect("the lesson ends");
    assert_eq!(status, WaitStatus::Exited(lesson.get_process().pid(), 0));
    let listed = listing();
    assert_eq!(listed.matches('✓').count(), 1, "{listed}");
    assert!(
        listed
            .lines()
            .any(|l| l.contains('✓') && l.contains("graph")),
        "{listed}"
    );
}

#[test]
fn a_dumb_terminal_gets_no_colour() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = spawn(home.path(), &[("TERM", "dumb")]);
    // A dumb terminal gets rustyline's plain line reading, without its escape codes, so the
    // next prompt marks the end of the output.
    session
        .send(enter("x = array([1.0, -2.0]); r = relu(x); back r"))
        .expect("typed");
    let found = session.expect(">>> ").expect("the next prompt");
    let shown = String::from_utf8_lossy(found.before()).into_owned();
    assert!(shown.contains("mask = (x <= 0)"), "{shown:?}");
    assert!(!has_sgr(&shown), "{shown:?}");
    leave(session);
}

#[test]
fn history_keeps_ten_thousand_entries_and_the_files_mode() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().expect("a temporary home");
    let file = home.path().join("data/backprop/history");
    std::fs::create_dir_all(file.parent().expect("a parent")).expect("the data directory");
    let old: String = (0..10_050).map(|i| format!("x{i} = {i}\n")).collect();
    std::fs::write(&file, format!("#V2\n{old}")).expect("an old history");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("mode");
    let mut session = plain(home.path());
    run(&mut session, "newest = 1");
    leave(session);
    let kept = std::fs::read_to_string(&file).expect("the history is readable");
    let entries: Vec<&str> = kept.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(entries.len(), 10_000, "IPython-like depth");
    assert_eq!(entries.last(), Some(&"newest = 1"));
    let mode = std::fs::metadata(&file)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "trimming keeps the file's mode");
}

/// Sends Ctrl-C as a terminal does while a statement runs (the terminal is in line mode then,
/// so the kernel turns it into SIGINT) once `delay` has passed.
fn interrupt_after(session: &mut Pty, delay: Duration) {
    std::thread::sleep(delay);
    session.send(ControlCode::EndOfText).expect("Ctrl-C");
}

#[test]
fn ctrl_c_during_a_statement_stops_it_and_keeps_the_session() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    run(&mut session, "x = array([1.0, 2.0])");
    // 10^8 normals take seconds; the statement is stopped long before.
    session
        .send(enter("y = randn(10000, 10000);"))
        .expect("typed");
    interrupt_after(&mut session, Duration::from_millis(400));
    let shown = shown_until_next_prompt(&mut session);
    assert!(shown.contains("interrupted"), "{shown:?}");
    let shown = run(&mut session, "x");
    assert!(shown.contains("[1. 2.]"), "x survives: {shown:?}");
    let shown = run(&mut session, "y");
    assert!(
        shown.contains("unknown name 'y'"),
        "y never happened: {shown:?}"
    );
    leave(session);
}

#[test]
fn ctrl_c_during_check_stops_it() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    // About 8·10^8 element operations: within check's limit, and seconds of work.
    run(
        &mut session,
        "w = randn(200, 200); y = sigmoid(relu(w) * w + w);",
    );
    session.send(enter("check y sample 2000")).expect("typed");
    interrupt_after(&mut session, Duration::from_millis(400));
    let shown = shown_until_next_prompt(&mut session);
    assert!(shown.contains("interrupted"), "{shown:?}");
    assert!(!shown.contains("mean |diff|"), "{shown:?}");
    let shown = run(&mut session, "w");
    assert!(shown.contains("..."), "w survives: {shown:?}");
    leave(session);
}

#[test]
fn ctrl_c_at_steps_pause_ends_the_walk() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    run(&mut session, "a = 2.0; b = a * 3; c = b + 1; d = c * c");
    session.send(enter("step d")).expect("typed");
    session
        .expect("[Enter: next node, q: stop]")
        .expect("the pause");
    session.send(ControlCode::EndOfText).expect("Ctrl-C");
    let shown = shown_until_next_prompt(&mut session);
    assert!(!shown.contains("[2/"), "the walk ended: {shown:?}");
    // It says that the gradients are bound all the same, and they are.
    assert!(shown.contains("step stopped"), "{shown:?}");
    assert!(shown.contains("da"), "{shown:?}");
    let shown = run(&mut session, "da");
    assert!(shown.contains("42.0"), "{shown:?}");
    let shown = run(&mut session, "d");
    assert!(shown.contains("49.0"), "{shown:?}");
    leave(session);
}

#[test]
fn ctrl_c_at_a_dumb_terminals_prompt_keeps_the_session() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = spawn(home.path(), &[("TERM", "dumb")]);
    session.send(enter("x = array([3.0])")).expect("typed");
    session.expect(">>> ").expect("the next prompt");
    session.send("half a line").expect("typed");
    session.send(ControlCode::EndOfText).expect("Ctrl-C");
    std::thread::sleep(Duration::from_millis(200));
    session.send(enter("x")).expect("typed");
    let found = session.expect(">>> ").expect("the session is still there");
    let shown = String::from_utf8_lossy(found.before()).into_owned();
    assert!(shown.contains("[3.]"), "{shown:?}");
    leave(session);
}

/// The defects found by trying the program as a learner, each checked on a terminal as a
/// learner meets it: the ReLU panel's label for an unnamed input, `:help`'s wording, `step` at
/// the book's `/` node, and `check` listing what it left out at a kink.
#[test]
fn what_a_learner_tripped_over_reads_right_on_a_terminal() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    run(
        &mut session,
        "w = array([1.0, -1.0]); b = 0.5; r = relu(w * 2 + b);",
    );
    let shown = run(&mut session, "back r");
    assert!(shown.contains("d(w * 2 + b)"), "{shown:?}");
    assert!(!shown.contains("dw * 2 + b"), "{shown:?}");
    let shown = run(&mut session, ":help");
    assert!(shown.contains("any dout of price's shape"), "{shown:?}");
    assert!(!shown.contains("r's shape"), "{shown:?}");
    run(&mut session, "x = array([2.0]); c = x + 2; y = 1 / c;");
    session.send(enter("step y")).expect("typed");
    let found = session
        .expect("[Enter: next node, q: stop]")
        .expect("the first pause");
    let shown = String::from_utf8_lossy(found.before()).into_owned();
    assert!(shown.contains("dc = dout × (−out²)"), "{shown:?}");
    assert!(
        !shown.contains("→ 1"),
        "no gradient for the constant: {shown:?}"
    );
    session.send("q\r").expect("q stops the walk");
    shown_until_next_prompt(&mut session);
    run(&mut session, "k = array([0.0, -1.0]); rk = relu(k);");
    let shown = run(&mut session, "check rk");
    assert!(shown.contains("k[0]  numerical 0.5  back 0.0"), "{shown:?}");
    leave(session);
}

#[test]
fn memory_shows_the_holders_and_sets_the_budget() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    run(&mut session, "a = ones(100, 100); b = array([1.0, 2.0]);");
    let shown = run(&mut session, ":memory");
    assert!(shown.contains("The session holds "), "{shown:?}");
    assert!(
        shown.contains("  a    78.1 KiB\r\n  b        16 B\r\n"),
        "{shown:?}"
    );
    let shown = run(&mut session, ":vars");
    assert!(
        shown.contains("a  (100, 100)   leaf       78.1 KiB"),
        "{shown:?}"
    );
    let shown = run(&mut session, ":memory 100K");
    assert!(
        shown.contains("The memory budget is now 100.0 KiB."),
        "{shown:?}"
    );
    let shown = run(&mut session, "c = a + 1");
    assert!(
        shown.contains("error: this needs 78.1 KiB more, but the session holds "),
        "{shown:?}"
    );
    assert!(
        shown.contains("the largest holders are a (78.1 KiB)"),
        "{shown:?}"
    );
    let shown = run(&mut session, ":memory lots");
    assert!(
        shown.contains("error: :memory takes a size such as 2G"),
        "{shown:?}"
    );
    // Nothing was lost: a and b are still there, and freeing a makes room.
    let shown = run(&mut session, "del a; c = b + 1");
    assert!(shown.contains("c = [2. 3.]"), "{shown:?}");
    leave(session);
}

#[test]
fn a_long_check_shows_its_progress_and_clears_it() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    run(&mut session, "x = randn(100, 100); y = relu(x);");
    session.send(enter("check y")).expect("typed");
    let found = session
        .expect(Regex(r"█+░* +\d+%  \d+ of 10000 elements nudged"))
        .expect("a progress bar while it works");
    assert!(!found.get(0).expect("the bar").is_empty());
    let shown = shown_until_next_prompt(&mut session);
    // The bar is erased before the report is printed.
    assert!(
        shown.contains("\r\u{1b}[Kcheck y: numerical gradient"),
        "{shown:?}"
    );
    leave(session);
}

#[test]
fn a_block_reads_its_lines_after_a_continuation_prompt_until_an_empty_line() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    run(&mut session, "s = 0;");
    run(&mut session, "for i in range(3):");
    let shown = run(&mut session, "    s += i");
    assert!(shown.contains("... "), "the continuation prompt: {shown:?}");
    let shown = run(&mut session, "    print(s)");
    assert!(shown.contains("... "), "still in the block: {shown:?}");
    let shown = run(&mut session, "");
    assert!(shown.contains("\r\n0\r\n1\r\n3\r\n"), "{shown:?}");
    // Ctrl-C in the middle of a block forgets it and keeps the session.
    run(&mut session, "for i in range(3):");
    session.send(ControlCode::EndOfText).expect("Ctrl-C");
    shown_until_next_prompt(&mut session);
    let shown = run(&mut session, "s");
    assert!(
        shown.contains(">>> ") && shown.contains("\r\n3\r\n"),
        "{shown:?}"
    );
    leave(session);
}

#[test]
fn a_long_loop_shows_its_progress_and_ctrl_c_says_how_far_it_got() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    run(&mut session, "loss = 0;");
    run(&mut session, "for i in range(10000000): loss = i * 0.5");
    session.send(enter("")).expect("the block is closed");
    session
        .expect(Regex(
            r"█*░+  \d+/10000000 iterations, \d+/s, [\d.]+ s left  loss \d+\.\d{6}",
        ))
        .expect("a progress bar with the latest loss");
    interrupt_after(&mut session, Duration::from_millis(100));
    let shown = shown_until_next_prompt(&mut session);
    assert!(
        shown.contains("interrupted after ")
            && shown.contains(" of 10000000 iterations; what they did stays"),
        "{shown:?}"
    );
    // What finished stands: loss holds a late iteration's value.
    let shown = run(&mut session, "loss > 100");
    assert!(shown.contains("True"), "{shown:?}");
    leave(session);
}

#[test]
fn digits_full_prints_every_digit_and_digits_8_goes_back() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut session = plain(home.path());
    run(&mut session, "x = array([0.1234567891, 1.5]);");
    let shown = run(&mut session, "x * 1");
    assert!(shown.contains("[0.12345679 1.5       ]"), "{shown:?}");
    let shown = run(&mut session, ":digits full");
    assert!(shown.contains("every digit"), "{shown:?}");
    let shown = run(&mut session, "x * 1");
    assert!(shown.contains("[0.1234567891 1.5         ]"), "{shown:?}");
    run(&mut session, ":digits 8");
    let shown = run(&mut session, "x * 1");
    assert!(shown.contains("[0.12345679 1.5       ]"), "{shown:?}");
    let shown = run(&mut session, ":digits 3");
    assert!(
        shown.contains("error: :digits takes full or 8"),
        "{shown:?}"
    );
    leave(session);
}
