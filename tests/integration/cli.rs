//! The script runner's behaviour through the real binary: exact stderr, exit codes, stdin, and
//! that a failed statement changes nothing.

use crate::support::{binary, run, run_with};
use backprop::app::script::ScriptOptions;

/// Runs `src` as a file through `backprop run` and returns (stdout, stderr, exit code).
fn run_file(src: &[u8]) -> (String, String, i32) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("s.bp");
    std::fs::write(&path, src).expect("the script is written");
    let path = path.to_str().expect("a UTF-8 path").to_string();
    let output = binary(&["run", &path], b"", &[("NO_COLOR", "1")]);
    let stderr = String::from_utf8_lossy(&output.stderr).replace(&path, "s.bp");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr,
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn a_parse_error_points_at_the_open_bracket() {
    let (out, err, code) = run_file(b"x = 1\ny = [[1, 2], [3, 4]\n");
    assert_eq!(out, "x = 1\n");
    assert_eq!(
        err,
        "s.bp:2:20: error: expected ']' to close '[' at 2:5\ny = [[1, 2], [3, 4]\n                   ^\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn an_unknown_name_suggests_the_closest() {
    let (out, err, code) = run_file(b"x = array([[1.0, -0.5], [-2.0, 3.3]]);\nr = relu(x);\nr2\n");
    assert_eq!(out, "");
    assert_eq!(
        err,
        "s.bp:3:1: error: unknown name 'r2'; did you mean 'r'?\nr2\n^^\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn korean_text_and_tabs_do_not_shift_the_caret() {
    let (_, err, _) = run_file("y = 1 # 한국어\r\n\tz = 가나 + 1\r\n".as_bytes());
    assert_eq!(
        err,
        "s.bp:2:6: error: unexpected character '가'\n\tz = 가나 + 1\n\t    ^^\n"
    );
}

#[test]
fn the_run_stops_at_the_first_error_unless_told_to_keep_going() {
    let src = "a = 1\nb = nope\nc = 3\nd = nada\n";
    let stopped = run(src);
    assert_eq!((stopped.stdout.as_str(), stopped.failures), ("a = 1\n", 1));
    let kept = run_with(src, ScriptOptions { keep_going: true });
    assert_eq!(kept.stdout, "a = 1\nc = 3\n");
    assert_eq!(kept.failures, 2);
    assert_eq!(kept.stderr.matches("error:").count(), 2);
}

#[test]
fn a_failed_statement_changes_nothing() {
    // The failing line would rebind x, build nodes and draw random numbers; none of that stays.
    let ran = run_with(
        "x = array([1.0, 2.0])\nback x;\nx = randn(2) * array([1, 2, 3])\nx\ndx\nrandn(2)\n",
        ScriptOptions { keep_going: true },
    );
    let fresh = run("x = array([1.0, 2.0])\nrandn(2)\n");
    assert_eq!(ran.failures, 1);
    let fresh_random = fresh.stdout.lines().last().expect("a random line");
    assert_eq!(
        ran.stdout,
        format!("x = [1. 2.]\n[1. 2.]\n[1. 1.]\n{fresh_random}\n")
    );
}

#[test]
fn stdin_is_a_script_when_piped() {
    let output = binary(&[], b"price = 100 * 2 * 1.1\n", &[]);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "price = 220.00000000000003\n"
    );
    assert!(output.status.success());
    let output = binary(&["run", "-"], b"1 +\n", &[]);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "<stdin>:1:4: error: expected an expression after '+'\n1 +\n   ^\n"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let src = b"x = array([1.0, -1.0]); r = relu(x); back r\n";
    let piped = binary(&[], src, &[]);
    assert!(!String::from_utf8_lossy(&piped.stdout).contains('\u{1b}'));
    let forced = binary(&["run", "--color", "always", "-"], src, &[]);
    assert!(String::from_utf8_lossy(&forced.stdout).contains('\u{1b}'));
    let refused = binary(
        &["run", "--color", "always", "-"],
        src,
        &[("NO_COLOR", "1")],
    );
    assert!(
        String::from_utf8_lossy(&refused.stdout).contains('\u{1b}'),
        "--color always wins over NO_COLOR"
    );
    let never = binary(&["run", "--color", "never", "-"], src, &[]);
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\u{1b}'));
}

#[test]
fn files_that_cannot_be_scripts_say_why() {
    let missing = binary(&["run", "/nonexistent/none.bp"], b"", &[]);
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr),
        "error: cannot read '/nonexistent/none.bp': no such file\n"
    );
    assert_eq!(missing.status.code(), Some(1));
    let dir = tempfile::tempdir().expect("a temporary directory");
    let dir_path = dir.path().to_str().expect("UTF-8").to_string();
    let directory = binary(&["run", &dir_path], b"", &[]);
    assert_eq!(
        String::from_utf8_lossy(&directory.stderr),
        format!("error: '{dir_path}' is a directory; give a script file such as lesson.bp\n")
    );
    let (_, err, code) = run_file(b"x = 1\ny = \xff\xfe\n");
    assert_eq!(
        err,
        "s.bp:2:5: error: the file is not valid UTF-8 (byte 0xff); save it as UTF-8 text\n"
    );
    assert_eq!(code, 1);
    let (out, err, code) = run_file(b"");
    assert_eq!((out.as_str(), err.as_str(), code), ("", "", 0));
}

#[test]
fn a_huge_constructor_is_refused_before_it_allocates() {
    let (_, err, code) = run_file(b"y = ones(100000, 100000)\n");
    assert_eq!(
        err,
        "s.bp:1:5: error: an array of shape (100000, 100000) would have 10000000000 elements; the limit is 100000000 (10^8)\ny = ones(100000, 100000)\n    ^^^^^^^^^^^^^^^^^^^^\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let mut src = "x = ".to_string();
    src.push_str(&"[".repeat(100_000));
    let (_, err, code) = run_file(src.as_bytes());
    assert_eq!(code, 1);
    assert!(err.starts_with("s.bp:1:"), "{err}");
    assert!(err.contains("nest at most"), "{err}");
}

#[test]
fn bad_command_lines_exit_2_with_a_message() {
    let output = binary(&["--colour", "sometimes"], b"", &[]);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: --color takes auto, always or never, not 'sometimes'\n"
    );
    assert_eq!(output.status.code(), Some(2));
    let output = binary(&["frobnicate"], b"", &[]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_byte_order_mark_at_the_start_is_skipped() {
    let (out, err, code) = run_file(b"\xEF\xBB\xBFx = 1\nx + 1\n");
    assert_eq!((out.as_str(), err.as_str(), code), ("x = 1\n2\n", "", 0));
    let piped = binary(&["run", "-"], b"\xEF\xBB\xBF1 + 1\n", &[("NO_COLOR", "1")]);
    assert_eq!(String::from_utf8_lossy(&piped.stdout), "2\n");
    assert!(piped.status.success());
}

#[test]
fn a_full_disk_is_an_error_and_not_silence() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // Not every system has /dev/full; Linux, where CI runs, does.
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("s.bp");
    std::fs::write(&path, "x = array([1.0, 2.0])\nx + 1\n").expect("written");
    let output = std::process::Command::new(crate::support::bin())
        .args(["run", path.to_str().expect("UTF-8")])
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .stdout(full)
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: cannot write the output: No space left on device\n"
    );
}

/// Runs the binary with `args` through `sh -c`, with the shell's `redirect` applied to it
/// (`> /dev/full`, `>&-`, `| true` after a pause), and gives its exit status and stderr.
fn redirected(args: &str, redirect: &str) -> (i32, String) {
    let script = format!("\"$0\" {args} {redirect}");
    let output = std::process::Command::new("sh")
        .args(["-c", &script, crate::support::bin()])
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .output()
        .expect("sh runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn every_way_of_running_reports_an_output_it_cannot_write() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let script = dir.path().join("ok.bp");
    std::fs::write(&script, "x = 1\n").expect("written");
    let script = script.to_str().expect("UTF-8");
    let full = "error: cannot write the output: No space left on device\n";
    for args in ["--help", "--version", "lesson", "lesson 1 --no-pause"] {
        assert_eq!(
            redirected(args, "> /dev/full"),
            (1, full.to_string()),
            "{args}"
        );
    }
    // A stdout closed at the start is not a place to write to, for a script or --version.
    for args in [format!("run {script}"), "--version".to_string()] {
        let (code, err) = redirected(&args, ">&-");
        assert_eq!(code, 1, "{args}: {err}");
        assert!(
            err.starts_with("error: cannot write the output: Bad file descriptor"),
            "{args}: {err}"
        );
    }
    // /dev/null is a place to write to.
    assert_eq!(
        redirected(&format!("run {script}"), "> /dev/null"),
        (0, String::new())
    );
    // A pipe closed before --help is written: 141, quietly.
    let script_status = std::process::Command::new("sh")
        .args([
            "-c",
            "(sleep 0.3; \"$0\" --help; echo $? >&2) | true",
            crate::support::bin(),
        ])
        .output()
        .expect("sh runs");
    assert_eq!(String::from_utf8_lossy(&script_status.stderr), "141\n");
}

#[test]
fn a_closed_pipe_ends_the_run_quietly_with_141() {
    use std::io::{BufRead, BufReader, Write};
    let mut child = std::process::Command::new(crate::support::bin())
        .args(["run", "-"])
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let script = "x = ones(100, 100)\n".repeat(2_000);
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(script.as_bytes())
        .expect("the script is sent");
    drop(stdin);
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("one line");
    assert!(first.starts_with("x = [[1. 1."), "{first}");
    drop(stdout);
    let output = child.wait_with_output().expect("the binary ends");
    assert_eq!(output.status.code(), Some(141));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn seed_takes_numpys_seeds_and_says_what_to_do_otherwise() {
    let (out, err, code) = run_file(b"seed 42\nrandn(3)\nchoice(10, 3)\n");
    assert_eq!((err.as_str(), code), ("", 0));
    assert_eq!(out, "[ 0.49671415 -0.1382643   0.64768854]\n[6 9 2]\n");
    let (_, err, code) = run_file(b"seed 1.5\n");
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "s.bp:1:6: error: seed takes a whole number, as np.random.seed does, e.g. seed 0\nseed 1.5\n     ^^^\n"
    );
    let (_, err, _) = run_file(b"seed 4294967296\n");
    assert_eq!(
        err,
        "s.bp:1:6: error: seed 4294967296 is out of range; numpy's seeds are whole numbers from 0 to 4294967295 (2**32 - 1)\nseed 4294967296\n     ^^^^^^^^^^\n"
    );
    let (_, err, _) = run_file(b"x = choice(0, 3)\n");
    assert_eq!(
        err,
        "s.bp:1:5: error: a must be greater than 0 unless no samples are taken\nx = choice(0, 3)\n    ^^^^^^^^^^^^\n"
    );
}

#[test]
fn ctrl_c_stops_a_script_at_its_statement_with_130() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("long.bp");
    std::fs::write(&path, "x = 1\ny = randn(10000, 10000);\nz = 2\n").expect("written");
    let child = std::process::Command::new(crate::support::bin())
        .args(["run", path.to_str().expect("UTF-8")])
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary starts");
    std::thread::sleep(std::time::Duration::from_millis(400));
    let pid = i32::try_from(child.id()).expect("a pid");
    // SAFETY: sending SIGINT to the child this test started.
    unsafe {
        libc::kill(pid, libc::SIGINT);
    }
    let output = child.wait_with_output().expect("the binary ends");
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(path.to_str().unwrap_or(""), "long.bp");
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert_eq!(stderr, "long.bp:2: interrupted\n");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "x = 1\n");
}

#[test]
fn arrays_have_at_most_64_dimensions() {
    let ones = |n: usize| format!("x = ones({})\n", vec!["1"; n].join(", "));
    let (out, err, code) = run_file(ones(64).as_bytes());
    assert_eq!((err.as_str(), code), ("", 0));
    assert!(out.starts_with("x = [[[["), "{out}");
    // 50,000 sizes once overflowed the stack when printed; now the statement is refused.
    let src = ones(50_000);
    let (out, err, code) = run_file(src.as_bytes());
    assert_eq!((out.as_str(), code), ("", 1));
    let first_line = err.lines().next().unwrap_or_default();
    assert_eq!(
        first_line,
        "s.bp:1:5: error: an array may have at most 64 dimensions, as in numpy; this one would have 50000"
    );
    let (_, err, _) = run_file(ones(65).as_bytes());
    assert!(
        err.contains("at most 64 dimensions, as in numpy; this one would have 65"),
        "{err}"
    );
}

#[test]
fn load_digits_binds_the_four_arrays() {
    let (out, err, code) = run_file(b"load digits\n");
    assert_eq!((err.as_str(), code), ("", 0));
    assert_eq!(
        out,
        "x_train  (1500, 64)\nt_train  (1500, 10)\nx_test   (297, 64)\nt_test   (297, 10)\n"
    );
    let (out, _, code) = run_file(b"load digits;\nt_test * 0 + 1 == 1\n");
    assert_eq!(code, 0);
    assert!(out.starts_with("[[ True  True"), "{out}");
    let (_, err, code) = run_file(b"load mnist\n");
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "s.bp:1:6: error: there is no data set 'mnist'; the data sets are: digits\nload mnist\n     ^^^^^\n"
    );
}

/// Runs `backprop run ARGS… s.bp` with `src` under `sh -c 'ulimit -v KB; …'`, so that the
/// system itself refuses more than `kb` kilobytes of address space.
pub(crate) fn run_limited(src: &[u8], kb: usize, args: &[&str]) -> (String, i32) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("s.bp");
    std::fs::write(&path, src).expect("the script is written");
    let script = format!(
        "ulimit -v {kb} && exec \"$0\" run {} \"$1\"",
        args.join(" ")
    );
    let output = std::process::Command::new("sh")
        .args([
            "-c",
            &script,
            crate::support::bin(),
            path.to_str().expect("UTF-8"),
        ])
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("sh runs");
    let stderr = String::from_utf8_lossy(&output.stderr).replace(path.to_str().unwrap(), "s.bp");
    (
        crate::support::unwrapped(&stderr),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn the_budget_refuses_before_anything_is_allocated() {
    // 800 MB asked for under a 400 MB address-space limit: had anything been allocated first,
    // the system would have refused it; the budget speaks first.
    let (err, code) = run_limited(
        b"a = ones(1000, 1000);\nb = ones(10000, 10000)\n",
        400_000,
        &["--max-memory", "100M"],
    );
    assert_eq!(
        err,
        "s.bp:2:5: error: this needs 762.9 MiB more, but the session holds 7.6 MiB of its 100.0 MiB budget; the largest holders are a (7.6 MiB). Free some with del NAME, or raise the budget with :memory SIZE (or --max-memory SIZE)\nb = ones(10000, 10000)\n    ^^^^^^^^^^^^^^^^^^\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn memory_the_system_refuses_is_an_error_and_not_an_abort() {
    let (err, code) = run_limited(
        b"b = ones(10000, 10000)\nc = array([1.0])\n",
        400_000,
        &["--max-memory", "10G"],
    );
    assert_eq!(
        err,
        "s.bp:1:5: error: the system would not give the 762.9 MiB this needs; nothing was changed. Free some memory (del NAME) and try again\nb = ones(10000, 10000)\n    ^^^^^^^^^^^^^^^^^^\n"
    );
    assert_eq!(code, 1);
    // A layer's output is probed too.
    let (err, code) = run_limited(
        b"a = ones(5000, 5000);\nb = a * 2\n",
        300_000,
        &["--max-memory", "10G"],
    );
    assert!(
        err.starts_with("s.bp:2:5: error: the system would not give the 190.7 MiB this needs"),
        "{err}"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_bad_memory_size_is_refused_with_the_forms_that_work() {
    let output = binary(&["--max-memory", "2X", "run", "-"], b"", &[]);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: --max-memory takes a size such as 2G, 512M or 64K (binary units), not '2X'\n"
    );
    assert_eq!(output.status.code(), Some(2));
}
