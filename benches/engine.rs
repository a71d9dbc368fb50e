//! Criterion benchmarks of the engine: the layers' forward plus backward, the backward pass over
//! large graphs, numpy-style printing, the parser, the matrix products under Affine, one training
//! iteration of the two-layer net, and the cost of one scalar statement. `bench/README.md` says
//! how to run them and what each one measures; `bench/compare.sh` compares whole scripts against
//! the book's Python.
//!
//! Sample counts and measurement times are kept small so that `cargo bench` finishes in a few
//! minutes on a 2-core machine; the large inputs use flat sampling (every sample the same number
//! of iterations), because one iteration of them already takes tens of milliseconds or more.

use backprop::engine::graph::{Graph, NodeId};
use backprop::engine::layers::{Affine, MulLayer, Relu, Sigmoid, SoftmaxWithLoss};
use backprop::engine::random::Rng;
use backprop::engine::value::Value;
use backprop::lang::ast::BinOp;
use backprop::lang::parser::{logical_lines, parse_line};
use backprop::session::Session;
use backprop::show::print::{self, Digits};
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group,
    criterion_main, measurement::WallTime,
};
use ndarray::{Array2, ArrayD, ArrayView2, IxDyn};
use std::hint::black_box;
use std::time::Duration;

/// Element counts for the layer benchmarks: 10^3 to 10^7.
const LAYER_SIZES: [usize; 5] = [1_000, 10_000, 100_000, 1_000_000, 10_000_000];

/// Node counts for the backward-pass benchmarks: 10^3 to 10^6.
const GRAPH_SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];

/// A vector of `n` standard normals from the engine's own generator, so that about half the
/// cells are blocked by ReLU and sigmoid sees values on both sides of 0.
fn randn(n: usize, seed: u32) -> ArrayD<f64> {
    let mut rng = Rng::new(seed);
    ArrayD::from_shape_simple_fn(IxDyn(&[n]), || rng.next_normal())
}

/// A `rows` x `cols` matrix of standard normals from the engine's generator.
fn randn2(rows: usize, cols: usize, seed: u32) -> Array2<f64> {
    let mut rng = Rng::new(seed);
    Array2::from_shape_simple_fn((rows, cols), || rng.next_normal())
}

fn scalar(v: f64) -> ArrayD<f64> {
    ArrayD::from_elem(IxDyn(&[]), v)
}

/// Few samples and flat sampling once an iteration is long; more for the small inputs, where
/// one iteration is microseconds and timer noise needs averaging out.
fn configure(group: &mut BenchmarkGroup<'_, WallTime>, big: bool) {
    if big {
        group.sample_size(10);
        group.sampling_mode(SamplingMode::Flat);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(2));
    } else {
        group.sample_size(20);
        group.sampling_mode(SamplingMode::Auto);
        group.warm_up_time(Duration::from_millis(300));
        group.measurement_time(Duration::from_secs(1));
    }
}

/// Forward plus backward of one layer object, as a graph node runs them: a fresh layer, its
/// forward (which caches what backward needs), then its backward with a dout of ones.
fn layers(c: &mut Criterion) {
    let mut group = c.benchmark_group("layer_fwd_bwd");
    for &n in &LAYER_SIZES {
        configure(&mut group, n >= 1_000_000);
        group.throughput(Throughput::Elements(n as u64));
        let x = randn(n, 1).into_shared();
        let y = randn(n, 2).into_shared();
        let dout = ArrayD::from_elem(IxDyn(&[n]), 1.0);

        group.bench_with_input(BenchmarkId::new("relu", n), &n, |b, _| {
            b.iter(|| {
                let mut layer = Relu::new();
                let out = layer.forward(black_box(&x));
                let dx = layer.backward(black_box(&dout));
                black_box((out, dx, layer))
            });
        });
        group.bench_with_input(BenchmarkId::new("sigmoid", n), &n, |b, _| {
            b.iter(|| {
                let mut layer = Sigmoid::new();
                let out = layer.forward(black_box(&x));
                let dx = layer.backward(black_box(&dout));
                black_box((out, dx, layer))
            });
        });
        group.bench_with_input(BenchmarkId::new("mul", n), &n, |b, _| {
            b.iter(|| {
                let mut layer = MulLayer::new();
                let out = layer.forward(black_box(&x), black_box(&y));
                let (dx, dy) = layer.backward(black_box(&dout));
                black_box((out, dx, dy, layer))
            });
        });
    }
    dense_layers(&mut group);
    group.finish();
}

/// The layers of the two-layer net (issue 13), in the same group as the element-wise ones:
/// Affine at the net's two shapes with a batch of 100 (64 -> 50 and 50 -> 10), and
/// SoftmaxWithLoss on 100 rows of 10 scores. Throughput: Affine's counts the floating-point
/// operations of its three matrix products (x·W, dout·Wᵀ, xᵀ·dout: 6·m·k·n), softmax's the scores.
fn dense_layers(group: &mut BenchmarkGroup<'_, WallTime>) {
    configure(group, false);
    for (m, k, n) in [(100, 64, 50), (100, 50, 10)] {
        group.throughput(Throughput::Elements(6 * (m * k * n) as u64));
        let x = randn2(m, k, 4).into_dyn().into_shared();
        let w = (0.01 * randn2(k, n, 5)).into_dyn().into_shared();
        let b = (0.01 * randn(n, 6)).into_shared();
        let dout = ArrayD::from_elem(IxDyn(&[m, n]), 1.0);
        group.bench_function(format!("affine/{m}x{k}x{n}"), |bench| {
            bench.iter(|| {
                let mut layer = Affine::new();
                let out = layer.forward(black_box(&x), black_box(&w), black_box(&b));
                let (dx, dw, db) = layer.backward(black_box(&dout));
                black_box((out, dx, dw, db, layer))
            });
        });
    }

    let (rows, classes) = (100, 10);
    group.throughput(Throughput::Elements((rows * classes) as u64));
    let scores = randn2(rows, classes, 7).into_dyn().into_shared();
    // One-hot rows, the label of row i being (7·i) mod 10, so every class occurs.
    let t = Array2::from_shape_fn((rows, classes), |(i, j)| {
        if j == (7 * i) % classes { 1.0 } else { 0.0 }
    })
    .into_dyn()
    .into_shared();
    let dout = scalar(1.0);
    group.bench_function(format!("softmax_with_loss/{rows}x{classes}"), |bench| {
        bench.iter(|| {
            let mut layer = SoftmaxWithLoss::new();
            let loss = layer.forward(black_box(&scores), black_box(&t));
            let dx = layer.backward(black_box(&dout));
            black_box((loss, dx, layer))
        });
    });
}

/// Matrix products at the shapes of the net's first Affine: forward x·W (100x64 · 64x50),
/// backward's dx = dout·Wᵀ (100x50 · 50x64, Wᵀ a transposed view as Affine takes it) and
/// dW = xᵀ·dout (64x100 · 100x50, xᵀ a transposed view), and the book's MNIST first layer
/// (100x784 · 784x50), each as the program computes it (`engine::gemm::product`: its own
/// kernel on a CPU with AVX-512, matrixmultiply otherwise) and as ndarray's `dot` does
/// (`general/…`, matrixmultiply); plus one large square product (ndarray's `dot`). Names are
/// `m x k x n` for an (m, k) · (k, n) product; throughput counts its 2·m·k·n floating-point
/// operations as "elements".
fn matmul(c: &mut Criterion) {
    use backprop::engine::gemm::product;
    let mut group = c.benchmark_group("matmul");
    let x = randn2(100, 64, 8);
    let w = randn2(64, 50, 9);
    let dout = randn2(100, 50, 10);
    let x784 = randn2(100, 784, 11);
    let w784 = randn2(784, 50, 12);
    let flops = |m: usize, k: usize, n: usize| Throughput::Elements(2 * (m * k * n) as u64);
    let shapes: [(&str, ArrayView2<'_, f64>, ArrayView2<'_, f64>); 4] = [
        ("100x64x50", x.view(), w.view()),
        ("100x50x64", dout.view(), w.t()),
        ("64x100x50", x.t(), dout.view()),
        ("100x784x50", x784.view(), w784.view()),
    ];

    configure(&mut group, false);
    for (name, a, b) in shapes {
        group.throughput(flops(a.nrows(), a.ncols(), b.ncols()));
        group.bench_function(name, |bench| {
            bench.iter(|| black_box(product(black_box(a), black_box(b))));
        });
        group.bench_function(format!("general/{name}"), |bench| {
            bench.iter(|| black_box(black_box(a).dot(&black_box(b))));
        });
    }

    configure(&mut group, true);
    let big_a = randn2(1000, 1000, 13);
    let big_b = randn2(1000, 1000, 14);
    group.throughput(flops(1000, 1000, 1000));
    group.bench_function("1000x1000x1000", |b| {
        b.iter(|| black_box(black_box(&big_a).dot(black_box(&big_b))));
    });
    group.finish();
}

/// The chain of compare.sh's workload (c), built through the session exactly as the script
/// builds it: `x = 1.0; y = x;` then `y = y * 1.000001` once per step. Each step makes two
/// nodes (the literal's leaf and the MulLayer), so `nodes / 2` steps give `nodes` nodes.
/// Runs a line as the REPL does, output discarded.
fn run_line(
    session: &mut Session,
    text: &str,
    base: usize,
    sink: &mut std::io::Sink,
) -> Result<(), backprop::app::runner::Failure> {
    backprop::app::runner::run_line(
        session,
        &backprop::show::View::plain(),
        text,
        base,
        sink,
        &mut |_| true,
    )
}

fn chain_session(nodes: usize) -> (Session, NodeId) {
    let mut session = Session::new();
    let mut sink = std::io::sink();
    run_line(&mut session, "x = 1.0; y = x;", 0, &mut sink).expect("chain start");
    for _ in 0..nodes / 2 {
        run_line(&mut session, "y = y * 1.000001;", 0, &mut sink).expect("chain step");
    }
    let output = session.node_of("y").expect("y is bound");
    (session, output)
}

/// A wide graph: `leaves` scalar leaves, multiplied in pairs (`x0 * x1`, `x2 * x3`, ...), and
/// the products summed by a balanced tree of additions into one output. About `2 * leaves`
/// nodes, every leaf receiving a gradient; the tree is only `log2(leaves)` deep.
fn wide_graph(nodes: usize) -> (Graph, NodeId) {
    let leaves = (nodes / 2).max(2);
    let mut graph = Graph::new();
    let mut level: Vec<NodeId> = (0..leaves)
        .map(|i| {
            graph.leaf(
                Value::float(scalar(1.0 + i as f64 * 1e-6)),
                &format!("x{i}"),
            )
        })
        .collect();
    let mut op = BinOp::Mul;
    while level.len() > 1 {
        let mut next = Vec::with_capacity(level.len().div_ceil(2));
        for pair in level.chunks(2) {
            next.push(match pair {
                [a, b] => graph.binary(op, *a, *b, "").expect("scalars broadcast"),
                [a] => *a,
                _ => unreachable!("chunks(2) gives one or two"),
            });
        }
        level = next;
        op = BinOp::Add;
    }
    (graph, level[0])
}

/// `Graph::backward` only; the graph is built once, outside the timed loop.
fn backward(c: &mut Criterion) {
    let mut group = c.benchmark_group("back");
    for &n in &GRAPH_SIZES {
        configure(&mut group, n >= 100_000);
        group.throughput(Throughput::Elements(n as u64));

        let (session, y) = chain_session(n);
        let graph = session.graph();
        group.bench_with_input(BenchmarkId::new("chain", graph.len()), &n, |b, _| {
            b.iter(|| black_box(graph.backward(y, scalar(1.0))));
        });
        drop(session);

        let (graph, out) = wide_graph(n);
        group.bench_with_input(BenchmarkId::new("wide", graph.len()), &n, |b, _| {
            b.iter(|| black_box(graph.backward(out, scalar(1.0))));
        });
    }
    group.finish();
}

/// A 1000 x 1000 array as numpy prints it: summarised to its 3 edge items per axis. Both digit
/// modes: numpy's default and 'unique' (every digit, which layer outputs and gradients fall back
/// to when 8 digits would misstate them).
fn printing(c: &mut Criterion) {
    let mut group = c.benchmark_group("print");
    configure(&mut group, false);
    let value = Value::float(
        randn(1_000_000, 3)
            .into_shape_with_order(IxDyn(&[1000, 1000]))
            .expect("10^6 elements"),
    );
    group.throughput(Throughput::Elements(1_000_000));
    group.bench_function("1000x1000/numpy", |b| {
        b.iter(|| black_box(print::to_string(black_box(&value))));
    });
    group.bench_function("1000x1000/unique", |b| {
        b.iter(|| {
            black_box(print::to_string_with(
                black_box(&value),
                "dx = ",
                Digits::Unique,
                &mut |_, text| text.to_string(),
            ))
        });
    });
    group.finish();
}

/// About `bytes` of script: a mix of the statements lessons and the compare workloads use,
/// including multi-line array literals (joined by `logical_lines`), comments and `;` lists.
fn generate_script(bytes: usize) -> String {
    let block = "\
# the apple example
apple = 100; n = 2; tax = 1.1;
price = apple * n * tax
back price 1;
x = [[1.0, -0.5],
     [-2.0, 3.3]]
r = relu(x)
back r ones
y = y * 1.000001;
s = sigmoid(x) * (1 - sigmoid(x)) + exp(-x) / 2.5e-3
z = randn(2000, 2000); w = ones_like(z) <= 0
grad(x)
";
    let mut script = String::with_capacity(bytes + block.len());
    while script.len() < bytes {
        script.push_str(block);
    }
    script
}

/// Splitting a 10 MB script into logical lines and parsing every one; nothing runs.
fn parsing(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    configure(&mut group, true);
    let script = generate_script(10 * 1024 * 1024);
    group.throughput(Throughput::Bytes(script.len() as u64));
    group.bench_function("10MB_script", |b| {
        b.iter(|| {
            let mut statements = 0usize;
            for (offset, line) in logical_lines(black_box(&script)) {
                statements += parse_line(line, offset).expect("the script parses").len();
            }
            black_box(statements)
        });
    });
    group.finish();
}

/// compare.sh's workload (b) inside one process, without process start-up or printing:
/// `x = randn(2000, 2000); r = relu(x); s = sigmoid(x); p = r * s; back p;` through a session.
fn session_workload(c: &mut Criterion) {
    let mut group = c.benchmark_group("session");
    configure(&mut group, true);
    group.throughput(Throughput::Elements(4_000_000));
    group.bench_function("relu_sigmoid_mul_2000x2000", |b| {
        b.iter(|| {
            let mut session = Session::new();
            let mut sink = std::io::sink();
            run_line(
                &mut session,
                "x = randn(2000, 2000); r = relu(x); s = sigmoid(x); p = r * s; back p;",
                0,
                &mut sink,
            )
            .expect("workload (b) runs");
            black_box(session)
        });
    });
    group.finish();
}

/// Runs `text` through `Session::run` with every outcome discarded, panicking on an error: a
/// benchmark of a statement that fails would time the failure.
fn run_quiet(session: &mut Session, text: &str) {
    if let Err(error) = session.run(text, 0, &mut |_, _, _| Ok(())) {
        panic!("{text:?} failed: {error:?}");
    }
}

/// The statements of one iteration of examples/train_digits.bp, each ending in `;`.
const ITERATION: [&str; 9] = [
    "batch = choice(1500, 100);",
    "x = x_train[batch]; t = t_train[batch];",
    "h = relu(affine(x, W1, b1));",
    "loss = softmax_with_loss(affine(h, W2, b2), t);",
    "back loss;",
    "W1 -= 0.1 * grad(W1);",
    "b1 -= 0.1 * grad(b1);",
    "W2 -= 0.1 * grad(W2);",
    "b2 -= 0.1 * grad(b2);",
];

/// A session with the digits loaded and the 64-50-10 net's parameters initialised, as
/// examples/train_digits.bp starts.
fn training_session() -> Session {
    let mut session = Session::new();
    for line in [
        "load digits",
        "seed 0",
        "W1 = 0.01 * randn(64, 50); b1 = zeros(50);",
        "W2 = 0.01 * randn(50, 10); b2 = zeros(10);",
    ] {
        run_quiet(&mut session, line);
    }
    session
}

/// The loss the last iteration computed, checked to be a finite number.
#[track_caller]
fn checked_loss(session: &Session) -> f64 {
    let loss = match session.value("loss") {
        Some(Value::Scalar(loss)) => *loss,
        other => panic!("loss is not a scalar after an iteration: {other:?}"),
    };
    assert!(loss.is_finite(), "the loss is {loss}");
    loss
}

/// One training iteration of the two-layer net (issue 13) in one process, set-up excluded:
/// `iteration` runs the iteration's statements as one line through `Session::run` (so the line
/// is parsed every time); `iteration_in_loop` runs `for i in range(100):` with them as its
/// block, parsed once and run 100 times, throughput counting iterations.
fn training(c: &mut Criterion) {
    let mut group = c.benchmark_group("training");
    let one_line = ITERATION.join(" ");
    let block = format!(
        "for i in range(100):\n{}",
        ITERATION
            .iter()
            .map(|s| format!("    {s}\n"))
            .collect::<String>()
    );

    // Both forms must run and train: the loss after 200 iterations is below the first one's.
    let mut session = training_session();
    run_quiet(&mut session, &one_line);
    let first = checked_loss(&session);
    run_quiet(&mut session, &block);
    run_quiet(&mut session, &block);
    let later = checked_loss(&session);
    assert!(later < first, "no training: loss {first} then {later}");

    configure(&mut group, false);
    group.throughput(Throughput::Elements(1));
    // One iteration first, so the check after it holds when a filter skips the benchmark.
    let mut session = training_session();
    run_quiet(&mut session, &one_line);
    group.bench_function("iteration/64-50-10_batch100", |b| {
        b.iter(|| run_quiet(&mut session, black_box(&one_line)));
    });
    checked_loss(&session);

    configure(&mut group, true);
    group.throughput(Throughput::Elements(100));
    let mut session = training_session();
    run_quiet(&mut session, &one_line);
    group.bench_function("iteration_in_loop/64-50-10_batch100", |b| {
        b.iter(|| run_quiet(&mut session, black_box(&block)));
    });
    checked_loss(&session);
    group.finish();
}

/// The cost of one scalar statement: `y = y * 1.000001;` through `Session::run` (parse,
/// evaluate, one MulLayer node and a leaf for the literal, garbage collected now and then), and
/// the same line's parse alone.
fn statement(c: &mut Criterion) {
    let mut group = c.benchmark_group("statement");
    configure(&mut group, false);
    group.throughput(Throughput::Elements(1));
    let text = "y = y * 1.000001;";
    let mut session = Session::new();
    // Each check after a benchmark holds when a filter skips it: the statement ran once.
    run_quiet(&mut session, "x = 1.0; y = x;");
    run_quiet(&mut session, text);
    group.bench_function("scalar_mul", |b| {
        b.iter(|| run_quiet(&mut session, black_box(text)));
    });
    assert!(
        matches!(session.value("y"), Some(Value::Scalar(y)) if y.is_finite() && *y > 1.0),
        "y did not grow: {:?}",
        session.value("y")
    );
    group.bench_function("parse_only", |b| {
        b.iter(|| black_box(parse_line(black_box(text), 0).expect("the line parses")));
    });
    // An element write into an array nothing else reads: one element, not a copy of 400,000
    // (the training examples' `losses[i] = loss`).
    let mut session = Session::new();
    run_quiet(
        &mut session,
        "losses = zeros(400000); i = 7; losses[i] = 1.5;",
    );
    group.bench_function("element_write_400k", |b| {
        b.iter(|| run_quiet(&mut session, black_box("losses[i] = 1.5;")));
    });
    assert!(
        matches!(session.value("losses"), Some(Value::Float(a)) if a[[7]] == 1.5),
        "the element was not written"
    );
    group.finish();
}

criterion_group!(
    benches,
    layers,
    backward,
    printing,
    parsing,
    session_workload,
    matmul,
    training,
    statement
);
criterion_main!(benches);
