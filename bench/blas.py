"""Times numpy's matrix product (`a @ b`, which calls the BLAS numpy was built with: the OpenBLAS
its wheels bundle) on the shapes the training example multiplies and on 1000x1000, once with
OpenBLAS's default number of threads and once with one thread.

    python3 bench/blas.py            # both settings: a plain table on stderr, Markdown on stdout
    python3 bench/blas.py --json     # this process's setting only, as JSON (used by the above)

backprop's products go through ndarray's `dot`, which uses the matrixmultiply crate on one
thread; `cargo bench -- matmul/` times the same four products there (benches/engine.rs), so the
two can be put side by side. bench/compare.sh runs this script and appends its Markdown table
to its own.

OpenBLAS reads OPENBLAS_NUM_THREADS once, when numpy loads it, so the one-thread figures come
from a child process started with OPENBLAS_NUM_THREADS=1 (and OMP_NUM_THREADS=1). Each product
is timed with timeit: enough loops for at least 0.2 s a repeat, best of REPEATS repeats (the
best is the figure least disturbed by other work on a shared machine). FLOPs are counted as
2*m*k*n for an (m, k) @ (k, n) product.
"""

import ctypes
import json
import os
import subprocess
import sys
import timeit

import numpy as np

REPEATS = 5

# (name as the criterion benchmark says it, m, k, n, how a is made). The first three are the
# products of the training example's batch of 100 through the 64-50-10 net: x @ W1 in forward,
# dout @ W1.T's shape in backward, and x.T @ dout, whose left side is a transposed view (numpy
# hands BLAS a transpose flag; nothing is copied).
CASES = [
    ("100x64x50", 100, 64, 50, "plain"),
    ("100x50x64", 100, 50, 64, "plain"),
    ("64x100x50", 64, 100, 50, "transposed view"),
    ("1000x1000x1000", 1000, 1000, 1000, "plain"),
]


def openblas():
    """The bundled OpenBLAS's configuration string, the core it picked and its thread count, read
    from the library itself (None where the symbols are not found, e.g. another BLAS)."""
    paths = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            fields = line.split()
            if len(fields) >= 6 and "openblas" in fields[-1].lower():
                paths.add(fields[-1])
    for path in sorted(paths):
        lib = ctypes.CDLL(path)
        for prefix, suffix in (("scipy_openblas_", "64_"), ("openblas_", "64_"),
                               ("scipy_openblas_", ""), ("openblas_", "")):
            try:
                threads = getattr(lib, f"{prefix}get_num_threads{suffix}")
                config = getattr(lib, f"{prefix}get_config{suffix}")
                core = getattr(lib, f"{prefix}get_corename{suffix}")
            except AttributeError:
                continue
            config.restype = ctypes.c_char_p
            core.restype = ctypes.c_char_p
            return {"config": " ".join(config().decode().split()), "core": core().decode(),
                    "threads": threads()}
    return {"config": None, "core": None, "threads": None}


def measure():
    rng = np.random.default_rng(0)
    results = []
    for name, m, k, n, how in CASES:
        if how == "transposed view":
            a = rng.standard_normal((k, m)).T          # shape (m, k), Fortran order
        else:
            a = rng.standard_normal((m, k))
        b = rng.standard_normal((k, n))
        a @ b                                           # warm up: threads, caches
        timer = timeit.Timer(lambda: a @ b)
        loops, _ = timer.autorange()                    # at least 0.2 s a repeat
        best = min(timer.repeat(repeat=REPEATS, number=loops)) / loops
        results.append({"name": name, "m": m, "k": k, "n": n, "how": how, "loops": loops,
                        "seconds": best, "gflops": 2 * m * k * n / best / 1e9})
    return {"numpy": np.__version__, "blas": openblas(), "results": results}


def one_thread():
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--json"], env=env,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def cell(result):
    return f"{result['seconds'] * 1e6:,.1f} µs ({result['gflops']:,.1f} GFLOP/s)"


def main(argv):
    if argv[1:] == ["--json"]:
        print(json.dumps(measure()))
        return 0
    if argv[1:]:
        print(__doc__, file=sys.stderr)
        return 2
    default = measure()
    single = one_thread()
    blas = default["blas"]
    threads = blas["threads"] if blas["threads"] is not None else "default"
    single_threads = single["blas"]["threads"] if single["blas"]["threads"] is not None else 1
    env_note = ""
    if os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS"):
        env_note = (f" (OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '')!r}, "
                    f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '')!r})")
    what = (f"numpy {default['numpy']}, {blas['config'] or 'BLAS unknown'}"
            + (f", core {blas['core']}" if blas["core"] else "") + f"; {os.cpu_count()} CPUs")

    # The plain table, for the log.
    print(f"numpy a @ b: {what}{env_note}; best of {REPEATS}", file=sys.stderr)
    print(f"{'product':<28}{f'{threads} threads (default)':>36}{'1 thread':>36}", file=sys.stderr)
    for d, s in zip(default["results"], single["results"]):
        label = f"{d['m']}x{d['k']} @ {d['k']}x{d['n']}" + (" (a.T)" if d["how"] != "plain" else "")
        print(f"{label:<28}{cell(d):>36}{cell(s):>36}", file=sys.stderr)

    # The Markdown table, for the README.
    print(f"Matrix products: numpy's OpenBLAS ({what}). `a @ b`, best of {REPEATS} timeit "
          f"repeats of at least 0.2 s each; GFLOP/s counts 2·m·k·n.")
    print()
    print(f"| product m×k · k×n (criterion name) | numpy, {threads} threads (default){env_note} "
          f"| numpy, {single_threads} thread |")
    print("| --- | --- | --- |")
    for d, s in zip(default["results"], single["results"]):
        label = f"{d['m']}×{d['k']} · {d['k']}×{d['n']}"
        if d["how"] != "plain":
            label += f", left side a {d['how']}"
        print(f"| {label} (`matmul/{d['name']}`) | {cell(d)} | {cell(s)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
