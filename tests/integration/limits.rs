//! The limits a statement cannot get past, whichever way it makes an array: the 64-dimension
//! cap (reshape included), range, arange and linspace counted before anything is made, a `for`
//! over a range that makes no array, and an element write that costs one element.

use crate::cli::run_limited;
use crate::support::{Shell, binary};

fn script(src: &str, args: &[&str]) -> (String, String, i32) {
    let mut all = vec!["run"];
    all.extend_from_slice(args);
    all.push("-");
    let out = binary(&all, src.as_bytes(), &[("NO_COLOR", "1")]);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// `x = reshape(ones(1), 1, 1, …)` with `n` ones.
fn reshape_ones(n: usize) -> String {
    format!("x = reshape(ones(1), {})\n", vec!["1"; n].join(", "))
}

#[test]
fn reshape_cannot_pass_64_dimensions() {
    let (out, _, code) = script(&reshape_ones(64), &[]);
    assert_eq!(code, 0, "64 dimensions are allowed");
    assert!(out.starts_with("x = [[[["), "{out}");
    for n in [65, 50_000] {
        let (_, err, code) = script(&reshape_ones(n), &[]);
        assert_eq!(code, 1, "{n} dimensions: {err}");
        assert!(
            err.contains(&format!(
                "at most 64 dimensions, as in numpy; this one would have {n}"
            )),
            "{err}"
        );
    }
}

#[test]
fn ranges_are_counted_before_they_are_made() {
    // The count is refused with its real size, not a guard's.
    let (_, err, code) = script("x = range(10**12)\n", &[]);
    assert_eq!(code, 1);
    assert!(err.contains("shape (1000000000000,)"), "{err}");
    let (_, err, _) = script("x = arange(0, 1, 1e-300)\n", &[]);
    assert!(err.contains("e299"), "{err}");
    assert!(!err.contains("100000001"), "{err}");
    // Over the budget: refused by the budget, before the 400 MB are asked of the system.
    let (_, err, code) = script("x = range(5*10**7)\n", &["--max-memory", "200M"]);
    assert_eq!(code, 1);
    assert!(err.contains("budget"), "{err}");
    // A zero step speaks of the step; linspace's count of the count.
    let (_, err, _) = script("arange(0, 10, 0)\n", &[]);
    assert!(
        err.contains("step must not be 0") && !err.contains("linspace"),
        "{err}"
    );
    let (_, err, _) = script("linspace(0, 1, 2.5)\n", &[]);
    assert!(err.contains("linspace's third number"), "{err}");
}

#[test]
fn a_for_over_a_range_makes_no_array() {
    // Under a 500 MB address-space limit, a loop of 10^12 is refused by its count (it used to
    // allocate an 800 MB guard first, and abort), and a shorter one runs.
    let (err, code) = run_limited(b"for i in range(10**12): x = 1\n", 500_000, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("this loop would run 1000000000000 times"),
        "{err}"
    );
    let (err, code) = run_limited(
        b"n = 0\nfor i in range(300000): n += 1\nprint(n)\n",
        500_000,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    // The loop variable takes the values the array would hold.
    let (out, _, _) = script(
        "for v in linspace(0, 1, 3): print(v)\nfor v in arange(3, 0, -1.5): print(v)\n",
        &[],
    );
    assert_eq!(out, "0.0\n0.5\n1.0\n3.0\n1.5\n");
}

#[test]
fn an_element_write_keeps_what_was_computed_before_it() {
    let mut shell = Shell::new();
    let mut out = Vec::new();
    let text = "losses = zeros(5)\nfor i in range(5): losses[i] = i * 2\ny = losses + 1;\nlosses[1] = 7;\nlosses[2] += 1;\nprint(y)\nprint(losses)\n";
    for line in text.lines() {
        shell.run(line, 0, &mut out).expect("the line runs");
    }
    let shown = String::from_utf8(out).expect("UTF-8");
    // y was computed from the old values and keeps them; losses has every write.
    assert!(
        shown.ends_with("[1. 3. 5. 7. 9.]\n[0. 7. 5. 6. 8.]\n"),
        "{shown}"
    );
}

#[test]
fn temporaries_are_asked_for_before_they_are_made() {
    let mask = "m = ones(9000, 1) > ones(1, 9000);\n";
    // A sum or mean of a whole mask counts it as it reads it: no float copy, within the budget.
    let (out, err, code) = script(
        &format!("{mask}sum(m)\nmean(m)\n"),
        &["--max-memory", "200M"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "0\n0.0\n");
    // A comparison of masks reads them as floats: those copies are asked for, and refused.
    let (_, err, code) = script(&format!("{mask}m == m\n"), &["--max-memory", "200M"]);
    assert_eq!(code, 1);
    assert!(err.contains("budget"), "{err}");
    // So are the copies plot makes of its series.
    let (_, err, code) = script(
        "x = ones(10000000);\nplot x, x, x, x, x, x, x\n",
        &["--max-memory", "200M"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("budget"), "{err}");
    // Under an address-space limit and a large budget, the system's refusal is an error with
    // the size, not an abort.
    for src in [
        format!("{mask}m == m\n"),
        "x = ones(10000000);\nplot x, x, x, x, x, x, x\n".to_string(),
    ] {
        let (err, code) = run_limited(src.as_bytes(), 400_000, &["--max-memory", "20G"]);
        assert_eq!(code, 1, "{src}: {err}");
        assert!(err.contains("the system would not give"), "{err}");
    }
}

#[test]
fn a_loss_layers_caches_and_a_loops_rows_are_counted() {
    // Softmax-with-Loss keeps the probabilities and the one-hot target beside its 0-d loss:
    // with the 69 MiB input held, those 137 MiB do not fit a 200 MiB budget.
    let (_, err, code) = script(
        "x = ones(3000, 3000);\ny = softmax_with_loss(x, x)\n",
        &["--max-memory", "200M"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("137.3 MiB"), "{err}");
    // A for over the rows of an array copies one row at a time, and a mask's rows read as floats.
    let (out, err, code) = script(
        "m = ones(2, 3) > 0.5;\nfor row in m: print(row)\nx = [[1.0, 5.0], [7.0, 2.0]];\nfor r in x: print(argmax(r))\n",
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "[ True  True  True]\n[ True  True  True]\n1\n0\n");
}

/// Runs `backprop run --max-memory 200M -` on `src` and gives its exit status and peak resident
/// memory in KiB, read from the kernel's accounting of that one child (`wait4`).
// The child is waited for with `wait4`, which std's `Child` does not know about.
#[allow(clippy::zombie_processes)]
fn peak_kib(src: &str) -> (i32, i64) {
    use std::io::Write;
    let mut child = std::process::Command::new(crate::support::bin())
        .args(["run", "--max-memory", "200M", "-"])
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(src.as_bytes())
        .expect("the script is sent");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: wait4 on our own child, with a zeroed rusage we own for the kernel to fill.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        assert_eq!(libc::wait4(pid, &mut status, 0, &mut usage), pid);
        usage
    };
    (libc::WEXITSTATUS(status), usage.ru_maxrss)
}

#[test]
fn the_issues_scripts_stay_within_the_budget_plus_the_baseline() {
    let (_, baseline) = peak_kib("x = 1\n");
    let mask = "m = ones(9000, 1) > ones(1, 9000);\n";
    for src in [
        format!("{mask}sum(m)\n"),
        format!("{mask}m == m\n"),
        format!("{mask}imshow(m)\n"),
        "x = arange(10000000);\nplot x, x, x, x, x, x, x\n".to_string(),
        "x = range(5*10**7)\n".to_string(),
    ] {
        let (code, peak) = peak_kib(&src);
        // 1.3 × the 200 MiB budget, plus what the binary holds doing nothing.
        let limit = 13 * 200 * 1024 / 10 + baseline;
        assert!(
            peak <= limit,
            "{src}: {peak} KiB > {limit} KiB (exit {code})"
        );
        assert!(code == 0 || code == 1, "{src}: exit {code}");
    }
}

/// Runs `statement` on a terminal, after a line that prints `7.0`,
/// presses Ctrl-C just after that line shows, and gives how long the run took to end then, its
/// exit status and what it said. Without a look at Ctrl-C inside each operation, the rest of
/// the statement runs to its end, many seconds later.
fn ctrl_c_inside(setup: &str, statement: &str) -> (std::time::Duration, String) {
    use expectrl::Expect;
    use std::io::Read;
    let home = tempfile::tempdir().expect("a temporary home");
    let path = home.path().join("long.bp");
    std::fs::write(
        &path,
        format!("{setup}\nprint(7.0)\n{statement}\nprint(8.0)\n"),
    )
    .expect("written");
    let mut run =
        crate::guided::on_a_terminal(&["run", path.to_str().expect("UTF-8")], home.path());
    run.expect("7.0").expect("the setup runs");
    std::thread::sleep(std::time::Duration::from_millis(100));
    let pressed = std::time::Instant::now();
    run.send(expectrl::ControlCode::EndOfText).expect("Ctrl-C");
    let status = run.get_process().wait().expect("the run ends");
    let took = pressed.elapsed();
    let mut rest = String::new();
    let _ = run.read_to_string(&mut rest);
    let pid = run.get_process().pid();
    assert_eq!(
        status,
        expectrl::process::unix::WaitStatus::Exited(pid, 130),
        "{statement}: {rest}"
    );
    (took, rest)
}

#[test]
fn ctrl_c_stops_a_reduction_a_comparison_and_a_copy_inside_them() {
    let setup = "x = ones(4000, 4000);";
    // Each takes 0.01–0.25 s alone (10^7 element operations or more); so many of them in one
    // statement take 2.5 to 7 seconds.
    for (op, times) in [
        ("sum(x, axis=0)", 200),
        ("max(x, axis=0)", 200),
        ("mean(x, axis=0)", 200),
        ("argmax(x, axis=0)", 200),
        ("sum(x)", 200),
        ("sum(x > 0)", 60),
        ("sum(reshape(x.T, 16000000))", 12),
    ] {
        let statement = format!("y = {};", vec![op; times].join(" + "));
        let (took, said) = ctrl_c_inside(setup, &statement);
        assert!(
            took < std::time::Duration::from_millis(1000),
            "{op}: {took:?} after Ctrl-C"
        );
        assert!(said.contains("long.bp:3: interrupted"), "{op}: {said}");
        assert!(!said.contains("8.0"), "{op}: the next line ran: {said}");
    }
}

#[test]
fn ctrl_c_stops_a_chart_of_millions_of_points_while_it_is_drawn() {
    // Four series of 1.6 × 10^7 points: about 2 seconds to copy and draw.
    let setup = "z = reshape(ones(4000, 4000), 16000000);";
    let (took, said) = ctrl_c_inside(setup, "plot z, z, z, z");
    assert!(
        took < std::time::Duration::from_millis(1000),
        "{took:?} after Ctrl-C"
    );
    assert!(said.contains("long.bp:3: interrupted"), "{said}");
    assert!(!said.contains("8.0"), "the next line ran: {said}");
}

#[test]
fn the_graph_a_loop_built_is_charged_to_the_name_that_keeps_it() {
    // Each x = x * 1.0 keeps the previous x alive as the node it was computed from: the chain
    // is x's, and the refusal says so, rather than naming only the last 7.6 MiB array.
    let (_, err, code) = script(
        "x = ones(1000000);\nfor i in range(100000): x = x * 1.0\n",
        &["--max-memory", "200M"],
    );
    assert_eq!(code, 1, "{err}");
    let err = crate::support::unwrapped(&err);
    let held = err
        .split("the largest holders are x (")
        .nth(1)
        .and_then(|rest| rest.split(" MiB").next())
        .and_then(|mib| mib.parse::<f64>().ok())
        .unwrap_or_else(|| panic!("x is not named first: {err}"));
    assert!(held > 150.0, "x holds only {held} MiB: {err}");
}
