#!/usr/bin/env bash
# Times backprop's scripts against the book's Python layers (bench/book_layers.py, numpy) and the
# training example against its numpy twin (examples/train_digits.py), as whole processes with
# hyperfine, checks issue 13's targets, and prints a Markdown table on stdout whose ratios are
# backprop's ÷ Python's (smaller is better for backprop), followed by a table of numpy's matrix
# products (bench/blas.py). Issue 23's workloads come after issue 13's: the book's two-layer net
# as a Python file (examples/two_layer_net.py, and its `back loss` variant) and five pure-Python
# programs (bench/python/*.py), each run by `backprop run` and by python3. Progress, the outputs
# of both sides and hyperfine's own reports go to stderr. See bench/README.md.
#
#   bench/compare.sh                # everything (about 5 minutes on a 2-core machine)
#   RUNS_B=5 RUNS_C=5 RUNS_E=2 RUNS_H=3 bench/compare.sh
#
# The binary is the release build in cargo's target directory (CARGO_TARGET_DIR when it is set,
# target/ otherwise).
#
# Needs cargo, python3 with numpy, hyperfine and GNU time (/usr/bin/time); the last two are
# installed with apt-get when missing and the script runs as root.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

RUNS_A="${RUNS_A:-30}"
RUNS_B="${RUNS_B:-10}"
RUNS_C="${RUNS_C:-10}"
RUNS_C_1M="${RUNS_C_1M:-5}"
RUNS_D="${RUNS_D:-5}"
RUNS_E="${RUNS_E:-3}"
RUNS_F="${RUNS_F:-10}"
RUNS_G="${RUNS_G:-5}"
RUNS_H="${RUNS_H:-5}"
# The interpreter itself, not a version manager's shim (pyenv's adds ~0.3 s to every start).
PYTHON="${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}"

log() { printf '%s\n' "$*" >&2; }

# --- tools ---------------------------------------------------------------------------------------
apt_install() {
  # apt_install PACKAGE: installs a Debian package if we may, or says how to.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing $1 with apt-get"
    apt-get update -qq >&2 && apt-get install -y -qq "$1" >&2
  else
    log "error: $1 is not installed; install it (e.g. 'sudo apt-get install $1') and run again"
    exit 1
  fi
}
command -v hyperfine >/dev/null 2>&1 || apt_install hyperfine
[ -x /usr/bin/time ] || apt_install time
"$PYTHON" -c 'import numpy' 2>/dev/null || {
  log "error: $PYTHON cannot import numpy; install it (pip install numpy) and run again"
  exit 1
}

STARTED="$(date +%s)"
log "building: cargo build --release"
cargo build --release >&2
# Where cargo put it: CARGO_TARGET_DIR (or a build.target-dir setting) when there is one.
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps |
  "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
BIN="$TARGET_DIR/release/backprop"
[ -x "$BIN" ] || {
  log "error: cargo build --release did not leave $BIN"
  exit 1
}
log "binary: $BIN"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# --- the backprop scripts ------------------------------------------------------------------------
cat >"$WORK/a.bp" <<'EOF'
x = [[1.0, -0.5], [-2.0, 3.3]]
r = relu(x)
back r ones
EOF

cat >"$WORK/b.bp" <<'EOF'
x = randn(2000, 2000);
r = relu(x);
s = sigmoid(x);
p = r * s;
back p;
grad(x)
EOF

chain_script() {
  # chain_script N FILE: x = 1.0; y = x; then N MulLayer steps; back y; grad(x)
  {
    echo 'x = 1.0;'
    echo 'y = x;'
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) print "y = y * 1.000001;" }'
    echo 'back y;'
    echo 'grad(x)'
  } >"$2"
}
for n in 10000 100000 1000000; do chain_script "$n" "$WORK/c_$n.bp"; done

# (e) the training example for 10,000 iterations instead of 1,000, printing every 1,000th loss
# (train_digits.py N prints every N/10th, so both still print ten losses and the accuracy).
sed -e 's/range(1000)/range(10000)/' -e 's/zeros(1000)/zeros(10000)/' \
  -e 's/i % 100 == 0/i % 1000 == 0/' examples/train_digits.bp >"$WORK/train_digits_10k.bp"
for want in 'range(10000)' 'zeros(10000)' 'i % 1000 == 0'; do
  grep -qF "$want" "$WORK/train_digits_10k.bp" || {
    log "error: examples/train_digits.bp has changed; the sed that makes (e)'s 10,000-iteration"
    log "variant no longer finds what it replaces ('$want' is missing). Update bench/compare.sh."
    exit 1
  }
done

cat >"$WORK/f.bp" <<'EOF'
a = randn(1000, 1000); b = randn(1000, 1000); c = a @ b; back c;
grad(a)[0, 0]
EOF

# Commands as hyperfine runs them (no shell in between: -N).
q() { printf '%q' "$1"; }
BP="$(q "$BIN") run"
PY="$(q "$PYTHON") $(q "$ROOT/bench/book_layers.py")"
TD_PY="$(q "$PYTHON") $(q "$ROOT/examples/train_digits.py")"
TLN="$ROOT/examples/two_layer_net.py"
TLN_BACK="$ROOT/examples/two_layer_net_back.py"
# (h): the pure-Python programs, bench/python/NAME.py.
H_PROGRAMS=(fib loop method dict floats)

# --- both sides print the same answers, and their peak RSS ---------------------------------------
# out NAME CMD...: runs CMD once under GNU time, its stdout into $WORK/NAME.out (and on stderr, to
# compare by eye), its peak resident set in KiB (%M) into $WORK/NAME.rss.
out() {
  local name="$1"
  shift
  /usr/bin/time -f %M -o "$WORK/$name.rss" "$@" >"$WORK/$name.out"
  cat "$WORK/$name.out" >&2
}
# rss_kb NAME: the peak RSS out NAME measured, in KiB.
rss_kb() { tail -n 1 "$WORK/$1.rss"; }
# agree MODE LABEL OURS THEIRS: checks that the numbers two runs printed agree to 1e-6 relative
# (MODE lines: the lines that are one number; tokens: every number in the text), logs the verdict
# and records a disagreement in $WORK/disagree.
: >"$WORK/disagree"
agree() {
  if "$PYTHON" - "$@" <<'EOF' >&2; then :; else log "!! $2: the two sides disagree"; echo "$2" >>"$WORK/disagree"; fi
import math
import re
import sys

mode, label, ours, theirs = sys.argv[1:5]

def numbers(path):
    text = open(path).read()
    if mode == "tokens":
        return [float(t) for t in re.findall(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", text)]
    found = []
    for line in text.splitlines():
        try:
            found.append(float(line.strip()))
        except ValueError:
            pass
    return found

a, b = numbers(ours), numbers(theirs)
ok = len(a) == len(b) and len(a) > 0 and all(
    math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-12) for x, y in zip(a, b))
print(f"-- {label}: {len(a)} and {len(b)} numbers, {'agree' if ok else 'DISAGREE'}")
sys.exit(0 if ok else 1)
EOF
}

log ""
log "== outputs (a): backprop, then Python (compare by eye: the layouts differ) =="
out a_bp "$BIN" run "$WORK/a.bp"
out a_py "$PYTHON" bench/book_layers.py a
log "== outputs (b): grad(x), backprop then Python (both start from seed 0: the same draws) =="
out b_bp "$BIN" run "$WORK/b.bp"
out b_py "$PYTHON" bench/book_layers.py b
agree tokens "(b)" "$WORK/b_bp.out" "$WORK/b_py.out"
log "== outputs (c) 100000: grad(x) = 1.000001^100000: backprop, Python floats, numpy (1,) arrays =="
out c_bp "$BIN" run "$WORK/c_100000.bp"
out c_py "$PYTHON" bench/book_layers.py c 100000
out c_np "$PYTHON" bench/book_layers.py c_np 100000
agree lines "(c) floats" "$WORK/c_bp.out" "$WORK/c_py.out"
agree lines "(c) numpy arrays" "$WORK/c_bp.out" "$WORK/c_np.out"
log "== outputs (c) 1000000: backprop =="
out c1m_bp "$BIN" run "$WORK/c_1000000.bp"
log "== outputs (d) train_digits, 1,000 iterations: backprop, then Python =="
out d_bp "$BIN" run examples/train_digits.bp
out d_py "$PYTHON" examples/train_digits.py
agree lines "(d)" "$WORK/d_bp.out" "$WORK/d_py.out"
log "== outputs (e) train_digits, 10,000 iterations: backprop, then Python =="
out e_bp "$BIN" run "$WORK/train_digits_10k.bp"
out e_py "$PYTHON" examples/train_digits.py 10000
agree lines "(e)" "$WORK/e_bp.out" "$WORK/e_py.out"
log "== outputs (f) grad(a)[0, 0] after a @ b on 1000x1000: backprop, then Python =="
out f_bp "$BIN" run "$WORK/f.bp"
out f_py "$PYTHON" bench/book_layers.py f
agree lines "(f)" "$WORK/f_bp.out" "$WORK/f_py.out"
# same_text LABEL OURS THEIRS [warnings]: checks that two runs printed exactly the same text; with
# "warnings", backprop's own warnings are left out of OURS first (a line starting "warning: " and
# the lines wrapped under it, indented by exactly two spaces). Logs the verdict and records a
# difference in $WORK/disagree.
same_text() {
  if "$PYTHON" - "$@" <<'EOF' >&2; then :; else log "!! $1: the two sides printed different text"; echo "$1" >>"$WORK/disagree"; fi
import re
import sys

label, ours, theirs = sys.argv[1:4]
strip = sys.argv[4:] == ["warnings"]
a, b = open(ours).read(), open(theirs).read()
dropped = 0
if strip:
    kept, in_warning = [], False
    for line in a.splitlines(keepends=True):
        if line.startswith("warning: "):
            in_warning = True
        elif not (in_warning and re.match(r"  \S", line)):
            in_warning = False
        if in_warning:
            dropped += 1
        else:
            kept.append(line)
    a = "".join(kept)
note = f" (after leaving out {dropped} lines of backprop's warnings)" if dropped else ""
ok = a == b and a != ""
print(f"-- {label}: {len(a.splitlines())} and {len(b.splitlines())} lines, "
      f"{'the same text' if ok else 'DIFFERENT'}{note}")
sys.exit(0 if ok else 1)
EOF
}

log "== outputs (g) examples/two_layer_net.py, 1,000 iterations: backprop, then Python =="
out g_bp "$BIN" run "$TLN"
out g_py "$PYTHON" "$TLN"
same_text "(g)" "$WORK/g_bp.out" "$WORK/g_py.out"
log "== outputs (g') examples/two_layer_net_back.py (back loss): backprop =="
out gb_bp "$BIN" run "$TLN_BACK"
same_text "(g')" "$WORK/gb_bp.out" "$WORK/g_py.out" warnings
for h in "${H_PROGRAMS[@]}"; do
  log "== outputs (h) bench/python/$h.py: backprop, then Python =="
  out "h_${h}_bp" "$BIN" run "$ROOT/bench/python/$h.py"
  out "h_${h}_py" "$PYTHON" "$ROOT/bench/python/$h.py"
  same_text "(h) $h" "$WORK/h_${h}_bp.out" "$WORK/h_${h}_py.out"
done
log ""
log "peak RSS: (b) backprop $(rss_kb b_bp) KiB, python $(rss_kb b_py) KiB; 10^6 chain $(rss_kb c1m_bp) KiB;"
log "  train_digits backprop $(rss_kb d_bp) KiB at 1,000 and $(rss_kb e_bp) KiB at 10,000 iterations,"
log "  python $(rss_kb d_py) KiB and $(rss_kb e_py) KiB"
log "  (h) floats backprop $(rss_kb h_floats_bp) KiB, python $(rss_kb h_floats_py) KiB"

# --- timings ------------------------------------------------------------------------------------
# hf NAME RUNS WARMUP CMD...: runs hyperfine, leaving its JSON in $WORK/NAME.json.
hf() {
  local name="$1" runs="$2" warmup="$3"
  shift 3
  log ""
  log "== hyperfine: $name =="
  hyperfine -N --style basic --runs "$runs" --warmup "$warmup" \
    --export-json "$WORK/$name.json" "$@" >&2
}

hf a "$RUNS_A" 3 "$BP $(q "$WORK/a.bp")" "$PY a"
hf b "$RUNS_B" 1 "$BP $(q "$WORK/b.bp")" "$PY b"
hf c100k "$RUNS_C" 1 "$BP $(q "$WORK/c_100000.bp")" "$PY c 100000" "$PY c_np 100000"
hf cscale "$RUNS_C_1M" 1 \
  "$BP $(q "$WORK/c_10000.bp")" "$BP $(q "$WORK/c_100000.bp")" "$BP $(q "$WORK/c_1000000.bp")"
# (d) the two-layer net trained on the digits: examples/train_digits.bp against its numpy twin.
hf d "$RUNS_D" 1 "$BP $(q "$ROOT/examples/train_digits.bp")" "$TD_PY"
# (e) the same for 10,000 iterations; no warm-up run (each takes seconds, and both programs
# have just run above).
hf e "$RUNS_E" 0 "$BP $(q "$WORK/train_digits_10k.bp")" "$TD_PY 10000"
hf f "$RUNS_F" 1 "$BP $(q "$WORK/f.bp")" "$PY f"
# (g) and (g'): the two-layer net as a Python file, both of backprop's ways, against python3.
hf g "$RUNS_G" 1 "$BP $(q "$TLN")" "$BP $(q "$TLN_BACK")" "$(q "$PYTHON") $(q "$TLN")"
# (h): each pure-Python program, backprop then python3.
for h in "${H_PROGRAMS[@]}"; do
  hf "h_$h" "$RUNS_H" 1 "$BP $(q "$ROOT/bench/python/$h.py")" \
    "$(q "$PYTHON") $(q "$ROOT/bench/python/$h.py")"
done

# --- memory bandwidth ---------------------------------------------------------------------------
# A copy of a 256 MiB float64 array into another already touched one, best of 7, counting the
# bytes read plus the bytes written (as STREAM's Copy does). One thread, as both sides use one.
log ""
log "== memory bandwidth (numpy copy of 256 MiB) =="
BW_GBS="$("$PYTHON" - <<'EOF'
import time
import numpy as np
a = np.ones(32 * 1024 * 1024)          # 256 MiB
b = np.empty_like(a)
b[...] = a                             # touch every page of b before timing
best = float("inf")
for _ in range(7):
    t = time.perf_counter()
    np.copyto(b, a)
    best = min(best, time.perf_counter() - t)
print(2 * a.nbytes / best / 1e9)
EOF
)"
log "bandwidth ${BW_GBS} GB/s"

# --- numpy's matrix products --------------------------------------------------------------------
log ""
log "== numpy's OpenBLAS: a @ b at the training example's shapes and 1000x1000 (bench/blas.py) =="
"$PYTHON" bench/blas.py >"$WORK/blas.md"
BLAS_THREADS="$("$PYTHON" -B -c 'import sys; sys.path.insert(0, sys.argv[1]); import blas; print(blas.openblas()["threads"] or "default")' "$ROOT/bench")"

# --- the table ----------------------------------------------------------------------------------
# stats NAME: "mean sd" of each command of hyperfine run NAME, in ms, as KEY=VALUE arguments.
stats() {
  "$PYTHON" -c '
import json, sys
name = sys.argv[2]
for i, r in enumerate(json.load(open(sys.argv[1]))["results"]):
    mean, sd = r["mean"] * 1e3, r["stddev"] * 1e3
    print(f"{name}{i}={mean}")
    print(f"{name}{i}_sd={sd}")
' "$WORK/$1.json" "$1"
}

CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
NPROC="$(nproc)"
NUMPY="$("$PYTHON" -c 'import numpy; print(numpy.__version__)')"
PYVER="$("$PYTHON" -c 'import platform; print(platform.python_version())')"
RUSTC="$(rustc --version)"
LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
DISAGREE="$(paste -sd, "$WORK/disagree")"

# shellcheck disable=SC2046 # one KEY=VALUE argument per line of stats
"$PYTHON" - $(stats a) $(stats b) $(stats c100k) $(stats cscale) $(stats d) $(stats e) $(stats f) \
  $(stats g) $(for h in "${H_PROGRAMS[@]}"; do stats "h_$h"; done) \
  "rss_h5_bp=$(rss_kb h_floats_bp)" "rss_h5_py=$(rss_kb h_floats_py)" \
  "rss_b_bp=$(rss_kb b_bp)" "rss_b_py=$(rss_kb b_py)" "rss_1m=$(rss_kb c1m_bp)" \
  "rss_d_bp=$(rss_kb d_bp)" "rss_e_bp=$(rss_kb e_bp)" "rss_d_py=$(rss_kb d_py)" \
  "rss_e_py=$(rss_kb e_py)" "bw_gbs=$BW_GBS" "blas_threads=$BLAS_THREADS" \
  "date=$(date -u '+%Y-%m-%d %H:%M UTC')" "nproc=$NPROC" "cpu=$CPU" "rustc=$RUSTC" \
  "pyver=$PYVER" "numpy=$NUMPY" "load=$LOAD" "disagree=$DISAGREE" <<'EOF'
import math
import sys

v = dict(arg.split("=", 1) for arg in sys.argv[1:])
f = lambda key: float(v[key])

# (b), counted in whole arrays: A = one 2000x2000 float64 array (32 MB), M = its bool mask (4 MB).
# Bytes each step must read or write, with every layer writing its own output as the book's do:
#   randn        write x                                   1A
#   relu fwd     read x; write mask, r                     2A + M
#   sigmoid fwd  read x; write s (its cached out)          2A
#   mul fwd      read r, s; write p                        3A
#   dout = ones  write                                     1A
#   mul bwd      read dout, r, s; write dr, ds             5A
#   relu bwd     read dr, mask; write dx from relu         2A + M
#   sigmoid bwd  read ds, out; write dx from sigmoid       3A
#   fork sum     read both; write dx                       3A
#   total                                                 22A + 2M
A = 2000 * 2000 * 8
M = 2000 * 2000
touched = 22 * A + 2 * M
bound_ms = touched / (f("bw_gbs") * 1e9) * 1e3
# Alive at the end of `back p`, which is the peak: the four named values x, r, s, p, the ReLU
# mask, and the four gradients `grad()` can return (dp, dr, ds, dx). Sigmoid's cached out is s
# itself and MulLayer's cached inputs are r and s, so none of them needs a copy.
alive = 8 * A + M
KB = 1024

def ms(key):
    mean, sd = f(key), f(key + "_sd")
    return f"{mean:,.1f} ± {sd:,.1f} ms" if mean < 100 else f"{mean:,.0f} ± {sd:,.0f} ms"

def mb(kib):
    return f"{kib * KB / 1e6:,.1f} MB" if kib * KB < 100e6 else f"{kib * KB / 1e6:,.0f} MB"

def ratio(r):
    """Three significant digits, trailing zeros kept (1.00, 0.270, 0.00645)."""
    return f"{r:,.0f}" if r >= 99.5 else f"{r:#.3g}"

def yes(ok):
    return "yes" if ok else "**no**"

INFO = ("— (information)", "—")

# Chain scaling: the log-log slope of time against N from 10^4 to 10^6 (1 = linear).
s10k, s100k, s1m = f("cscale0"), f("cscale1"), f("cscale2")
slope = math.log(s1m / s10k) / math.log(100)
rss_1m = f("rss_1m") * KB
# (e)'s memory: flat when the 10,000-iteration peak is within 10% or 4 MB (the larger) of the
# 1,000-iteration one.
rss_d, rss_e = f("rss_d_bp"), f("rss_e_bp")
flat_slack = max(0.10 * rss_d * KB, 4e6)
flat = abs(rss_e - rss_d) * KB <= flat_slack

rows = [
    ("(a) ReLU example, 2x2", ms("a0"), ms("a1"), ratio(f("a0") / f("a1")), "≤ 0.05",
     yes(f("a0") / f("a1") <= 0.05)),
    ("(b) relu·sigmoid, 2000×2000, back", ms("b0"), ms("b1"), ratio(f("b0") / f("b1")), "≤ 1.0",
     yes(f("b0") / f("b1") <= 1.0)),
    ("(b) against the bandwidth bound", ms("b0"),
     f"bound {bound_ms:,.1f} ms ({touched / 1e6:,.0f} MB at {f('bw_gbs'):,.1f} GB/s)",
     f"{f('b0') / bound_ms:,.1f}× the bound (numpy: {f('b1') / bound_ms:,.1f}×)") + INFO,
    ("(b) peak RSS", f"{mb(f('rss_b_bp'))} ({f('rss_b_bp') * KB / alive:,.2f}× alive)",
     f"{mb(f('rss_b_py'))} ({f('rss_b_py') * KB / alive:,.2f}× alive)",
     ratio(f("rss_b_bp") / f("rss_b_py")),
     f"≤ 1.5× the {alive / 1e6:,.0f} MB alive ({1.5 * alive / 1e6:,.0f} MB)",
     yes(f("rss_b_bp") * KB <= 1.5 * alive)),
    ("(c) chain, 100,000 nodes, Python floats", ms("c100k0"), ms("c100k1"),
     ratio(f("c100k0") / f("c100k1")), "≤ 0.2", yes(f("c100k0") / f("c100k1") <= 0.2)),
    ("(c) chain, 100,000 nodes, numpy arrays of shape (1,)", ms("c100k0"), ms("c100k2"),
     ratio(f("c100k0") / f("c100k2")), "≤ 0.2", yes(f("c100k0") / f("c100k2") <= 0.2)),
    ("(c) chain, 10k → 100k → 1M nodes", f"{s10k:,.1f} / {s100k:,.0f} / {s1m:,.0f} ms", "—",
     f"×{s100k / s10k:,.1f}, ×{s1m / s100k:,.1f}; log-log slope {slope:.2f} (1 = linear)") + INFO,
    ("(c) chain, 1,000,000 nodes: time, peak RSS", f"{ms('cscale2')}; {mb(f('rss_1m'))}", "—",
     "—", "< 1 s, < 300 MB", yes(s1m < 1000 and rss_1m < 300e6)),
    ("(d) train_digits: 1,000 iterations, 64-50-10, batch 100", ms("d0"), ms("d1"),
     ratio(f("d0") / f("d1")), "≤ 0.33", yes(f("d0") / f("d1") <= 0.33)),
    ("(e) train_digits: 10,000 iterations", ms("e0"), ms("e1"), ratio(f("e0") / f("e1")),
     "≤ 0.33", yes(f("e0") / f("e1") <= 0.33)),
    ("(e) peak RSS, 1,000 → 10,000 iterations", f"{mb(rss_d)} → {mb(rss_e)}",
     f"{mb(f('rss_d_py'))} → {mb(f('rss_e_py'))}", ratio(f("rss_e_bp") / f("rss_e_py")),
     f"flat: 10,000 within ±{flat_slack / 1e6:,.1f} MB of 1,000 (10% or 4 MB)", yes(flat)),
    (f"(f) randn 1000×1000 @ randn 1000×1000, back (numpy: OpenBLAS, {v['blas_threads']} "
     "threads; backprop: matrixmultiply, 1 thread)", ms("f0"), ms("f1"),
     ratio(f("f0") / f("f1")), "≤ 1.5", yes(f("f0") / f("f1") <= 1.5)),
    # Issue 23: the Python stage.
    ("(g) examples/two_layer_net.py, 1,000 iterations (python3: the same file)", ms("g0"),
     ms("g2"), ratio(f("g0") / f("g2")), "≤ 0.5", yes(f("g0") / f("g2") <= 0.5)),
    ("(g') examples/two_layer_net_back.py, `back loss` (python3: two_layer_net.py)", ms("g1"),
     ms("g2"), ratio(f("g1") / f("g2")), "≤ 0.5", yes(f("g1") / f("g2") <= 0.5)),
]
H_ROWS = [
    ("fib", "(h1) recursive fib(27)"),
    ("loop", "(h2) `total += i` over range(10**7)"),
    ("method", "(h3) 10^6 method calls updating an attribute"),
    ("dict", "(h4) dict of 10^5 string keys, built and read back"),
    ("floats", "(h5) 10^6 floats appended to a list, then sum"),
]
for key, label in H_ROWS:
    ours, theirs = f(f"h_{key}0"), f(f"h_{key}1")
    rows.append((label, ms(f"h_{key}0"), ms(f"h_{key}1"), ratio(ours / theirs), "≤ 1.0",
                 yes(ours / theirs <= 1.0)))
rss_h5 = f("rss_h5_bp") / f("rss_h5_py")
rows.append(("(h5) peak RSS, the list of 10^6 floats", mb(f("rss_h5_bp")), mb(f("rss_h5_py")),
             ratio(rss_h5), "≤ 1.5", yes(rss_h5 <= 1.5)))

print(f"Machine: {v['nproc']} cores, {v['cpu']}; {v['rustc']}; Python {v['pyver']}, "
      f"numpy {v['numpy']}; load average at the end {v['load']}; {v['date']}.")
print()
print("| workload | backprop | python+numpy | ratio (ours ÷ theirs) | target | met? |")
print("| --- | --- | --- | --- | --- | --- |")
for row in rows:
    print("| " + " | ".join(row) + " |")
print()
print("Times are hyperfine means ± σ of whole processes (start-up, parsing, printing included), "
      "measured in this run; ratios are backprop's figure ÷ Python's from the same run, so "
      "smaller is better for backprop. Peak RSS is GNU time's %M of one run. The bandwidth bound "
      f"is {touched / 1e6:,.0f} MB (22 float64 2000×2000 arrays and 2 bool masks read or "
      "written; see bench/README.md) divided by a single-thread numpy copy's bandwidth "
      "(bytes read + bytes written). Alive at the peak of (b): x, r, s, p, the mask, and the "
      f"gradients dp, dr, ds, dx = {alive / 1e6:,.0f} MB.")
print()
if v["disagree"]:
    print(f"**The two sides printed different numbers in: {v['disagree']}** (see the log).")
else:
    print("Both sides printed the same numbers (to 1e-6 relative) in (b), (c), (d), (e) and (f), "
          "and the same text in (g), (g') (apart from backprop's warnings) and (h).")
print()
missed = [row[0] for row in rows if row[-1] != "yes" and row[-1] != "—"]
if missed:
    print(f"**Targets not met ({len(missed)} of {sum(row[-1] != '—' for row in rows)}):** "
          + "; ".join(missed) + ".")
else:
    print("All targets met.")
EOF

echo
cat "$WORK/blas.md"
log ""
log "compare.sh took $(($(date +%s) - STARTED)) s (after installing tools)"
