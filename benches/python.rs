//! Criterion benchmarks of the Python stage: the programs of `bench/compare.sh`'s workloads (g),
//! (g') and (h), run in-process at smaller sizes, so that a slowdown of the interpreter shows up
//! in `cargo bench` without the minutes compare.sh takes. `bench/README.md` lists them.
//!
//! Each program is the very file compare.sh runs (`examples/two_layer_net.py`,
//! `examples/two_layer_net_back.py`, `bench/python/*.py`), read at compile time, with its size
//! replaced by a smaller one. Before timing, each is run once and what it printed is checked, so
//! a benchmark of a program that fails (or of a replacement that no longer applies) stops with
//! a message instead of timing an error.
//!
//! The `.py` files without graph statements run as `backprop run` runs them: `py::run_file`, a
//! fresh interpreter each time, printing to a sink. `two_layer_net_back.py` has `back loss`, so
//! `backprop run` gives it to the session instead (`py::runs_as_python` is false): a fresh
//! `Workspace` over a new `Session`, the file through `app::script::run_source` with echo off.

use backprop::app::script::{self, ScriptOptions};
use backprop::py::{self, workspace::Workspace};
use backprop::session::Session;
use backprop::show::view::View;
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

const TWO_LAYER_NET: &str = include_str!("../examples/two_layer_net.py");
const TWO_LAYER_NET_BACK: &str = include_str!("../examples/two_layer_net_back.py");
const FIB: &str = include_str!("../bench/python/fib.py");
const LOOP: &str = include_str!("../bench/python/loop.py");
const METHOD: &str = include_str!("../bench/python/method.py");
const DICT: &str = include_str!("../bench/python/dict.py");
const FLOATS: &str = include_str!("../bench/python/floats.py");

/// Training iterations of the two-layer net in a benchmark (the example runs 1,000).
const NET_ITERS: usize = 20;

/// `src` with every `from` replaced by `to`; panics if `from` does not occur `count` times, so
/// that a change to the program is noticed here rather than benchmarked at the wrong size.
fn resized(src: &str, from: &str, to: &str, count: usize) -> String {
    assert_eq!(
        src.matches(from).count(),
        count,
        "expected {count} × {from:?} in the benchmarked program; update benches/python.rs"
    );
    src.replace(from, to)
}

fn view() -> View {
    View::plain()
}

/// Runs `src` as `backprop run` runs a `.py` file without graph statements, printing nothing.
fn run_py(src: &str, err_view: &View) {
    let finished = py::run_file("bench.py", src, Box::new(std::io::sink()), err_view);
    assert!(finished.error.is_none(), "{:?}", finished.error);
}

/// Runs `src` as `backprop run` runs a `.py` file with graph statements: in a new session's
/// workspace, echo off. Returns what it printed and how many statements failed.
fn run_in_session(src: &str, out: &mut dyn std::io::Write, view: &View) -> usize {
    let mut ws = Workspace::new(Session::new());
    ws.session.set_echo(false);
    let failed = script::run_source(
        &mut ws,
        "bench.py",
        src,
        out,
        &mut std::io::sink(),
        view,
        view,
        ScriptOptions::default(),
    )
    .expect("writing to memory does not fail");
    black_box(&ws);
    failed
}

/// Checks once, before timing, that `src` prints `want` (or, for a prefix test, starts so).
fn check(name: &str, src: &str, err_view: &View, want: impl Fn(&str) -> bool) {
    let (printed, error) = py::run_to_string("bench.py", src, err_view);
    assert!(error.is_none(), "{name}: {error:?}");
    assert!(want(&printed), "{name} printed {printed:?}");
}

fn configure(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
}

/// (g) and (g'): the book's two-layer net on the digits, 20 iterations instead of 1,000.
fn two_layer_net(c: &mut Criterion) {
    let v = view();
    let iters = format!("iters_num = {NET_ITERS}");
    let plain = resized(TWO_LAYER_NET, "iters_num = 1000", &iters, 1);
    let back = resized(TWO_LAYER_NET_BACK, "iters_num = 1000", &iters, 1);

    // Both print the shapes, the loss at iteration 0 and the accuracies, the same lines.
    let (want, error) = py::run_to_string("bench.py", &plain, &v);
    assert!(error.is_none(), "two_layer_net: {error:?}");
    assert!(
        want.contains("   0  loss ") && want.contains("test accuracy"),
        "{want:?}"
    );
    let mut printed = Vec::new();
    assert_eq!(
        run_in_session(&back, &mut printed, &v),
        0,
        "two_layer_net_back failed"
    );
    let printed = String::from_utf8_lossy(&printed);
    for line in want.lines() {
        assert!(
            printed.contains(line),
            "two_layer_net_back lacks {line:?}: {printed:?}"
        );
    }

    let mut group = c.benchmark_group("python/two_layer_net");
    configure(&mut group);
    group.throughput(Throughput::Elements(NET_ITERS as u64));
    group.bench_function(format!("gradient/{NET_ITERS}_iters"), |b| {
        b.iter(|| run_py(black_box(&plain), &v))
    });
    group.bench_function(format!("back/{NET_ITERS}_iters"), |b| {
        b.iter(|| {
            let failed = run_in_session(black_box(&back), &mut std::io::sink(), &v);
            assert_eq!(failed, 0);
        })
    });
    group.finish();
}

/// (h): the five pure-Python programs, at a hundredth (or so) of compare.sh's sizes.
fn pure_python(c: &mut Criterion) {
    let v = view();
    // (name, source, what it must print, the count throughput is given in)
    let programs: [(&str, String, &str, u64); 5] = [
        // fib(20) makes 2·fib(21) − 1 = 21,891 calls.
        (
            "fib/20",
            resized(FIB, "print(fib(27))", "print(fib(20))", 1),
            "6765\n",
            21_891,
        ),
        (
            "loop/100000",
            resized(LOOP, "range(10 ** 7)", "range(10 ** 5)", 1),
            "4999950000\n",
            100_000,
        ),
        (
            "method/100000",
            resized(METHOD, "range(1000000)", "range(100000)", 1),
            "100000\n",
            100_000,
        ),
        (
            "dict/10000",
            resized(DICT, "range(100000)", "range(10000)", 2),
            "10000 49995000\n",
            10_000,
        ),
        (
            "floats/100000",
            resized(FLOATS, "range(1000000)", "range(100000)", 1),
            "2499975000.0\n",
            100_000,
        ),
    ];
    let mut group = c.benchmark_group("python");
    configure(&mut group);
    for (name, src, want, count) in &programs {
        check(name, src, &v, |printed| printed == *want);
        group.throughput(Throughput::Elements(*count));
        group.bench_function(*name, |b| b.iter(|| run_py(black_box(src), &v)));
    }
    group.finish();
}

criterion_group!(benches, two_layer_net, pure_python);
criterion_main!(benches);
