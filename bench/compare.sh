#!/usr/bin/env bash
# Times backprop's scripts against the book's Python layers (bench/book_layers.py, numpy) on the
# same three workloads, checks the targets, and prints a Markdown table on stdout. Progress, the
# outputs of both sides and hyperfine's own reports go to stderr. See bench/README.md.
#
#   bench/compare.sh                # everything (2 to 3 minutes on a 2-core machine)
#   RUNS_B=5 RUNS_C=5 bench/compare.sh
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

log "building: cargo build --release"
cargo build --release >&2
BIN="$ROOT/target/release/backprop"

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

# Commands as hyperfine runs them (no shell in between: -N).
q() { printf '%q' "$1"; }
BP="$(q "$BIN") run"
PY="$(q "$PYTHON") $(q "$ROOT/bench/book_layers.py")"

# --- both sides print the same answers -----------------------------------------------------------
log ""
log "== outputs (a): backprop, then Python =="
"$BIN" run "$WORK/a.bp" >&2
"$PYTHON" bench/book_layers.py a >&2
log "== outputs (b): grad(x), backprop then Python (randn streams differ, so values differ) =="
"$BIN" run "$WORK/b.bp" >&2
"$PYTHON" bench/book_layers.py b >&2
log "== outputs (c) 100000: grad(x) = 1.000001^100000, backprop then Python =="
"$BIN" run "$WORK/c_100000.bp" >&2
"$PYTHON" bench/book_layers.py c 100000 >&2

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
# mean_ms NAME INDEX / sd_ms NAME INDEX: the mean and standard deviation of one command, in ms.
mean_ms() { "$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["mean"]*1e3)' "$WORK/$1.json" "$2"; }
sd_ms() { "$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["stddev"]*1e3)' "$WORK/$1.json" "$2"; }

hf a "$RUNS_A" 3 "$BP $(q "$WORK/a.bp")" "$PY a"
hf b "$RUNS_B" 1 "$BP $(q "$WORK/b.bp")" "$PY b"
hf c100k "$RUNS_C" 1 "$BP $(q "$WORK/c_100000.bp")" "$PY c 100000"
hf cscale "$RUNS_C_1M" 1 \
  "$BP $(q "$WORK/c_10000.bp")" "$BP $(q "$WORK/c_100000.bp")" "$BP $(q "$WORK/c_1000000.bp")"
# (d) the two-layer net trained on the digits: examples/train_digits.bp against its numpy twin.
hf d "$RUNS_D" 1 "$BP $(q "$ROOT/examples/train_digits.bp")" "$(q "$PYTHON") $(q "$ROOT/examples/train_digits.py")"

# --- memory -------------------------------------------------------------------------------------
# peak_kb CMD...: the peak resident set of one run, in KiB (GNU time's %M).
peak_kb() { /usr/bin/time -f %M -o "$WORK/rss" "$@" >/dev/null && tail -n 1 "$WORK/rss"; }
log ""
log "== peak RSS of (b) =="
RSS_BP_KB="$(peak_kb "$BIN" run "$WORK/b.bp")"
RSS_PY_KB="$(peak_kb "$PYTHON" bench/book_layers.py b)"
log "backprop ${RSS_BP_KB} KiB, python ${RSS_PY_KB} KiB"
log "== peak RSS of the 10^6-node chain =="
RSS_1M_KB="$(peak_kb "$BIN" run "$WORK/c_1000000.bp")"
log "backprop ${RSS_1M_KB} KiB"

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

# --- the table ----------------------------------------------------------------------------------
A_BP="$(mean_ms a 0)"; A_BP_SD="$(sd_ms a 0)"; A_PY="$(mean_ms a 1)"; A_PY_SD="$(sd_ms a 1)"
B_BP="$(mean_ms b 0)"; B_BP_SD="$(sd_ms b 0)"; B_PY="$(mean_ms b 1)"; B_PY_SD="$(sd_ms b 1)"
C_BP="$(mean_ms c100k 0)"; C_BP_SD="$(sd_ms c100k 0)"; C_PY="$(mean_ms c100k 1)"; C_PY_SD="$(sd_ms c100k 1)"
D_BP="$(mean_ms d 0)"; D_BP_SD="$(sd_ms d 0)"; D_PY="$(mean_ms d 1)"; D_PY_SD="$(sd_ms d 1)"
S10K="$(mean_ms cscale 0)"; S100K="$(mean_ms cscale 1)"; S1M="$(mean_ms cscale 2)"; S1M_SD="$(sd_ms cscale 2)"

CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
NPROC="$(nproc)"
NUMPY="$("$PYTHON" -c 'import numpy; print(numpy.__version__)')"
PYVER="$("$PYTHON" -c 'import platform; print(platform.python_version())')"
RUSTC="$(rustc --version)"
LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"

"$PYTHON" - "$A_BP" "$A_BP_SD" "$A_PY" "$A_PY_SD" "$B_BP" "$B_BP_SD" "$B_PY" "$B_PY_SD" \
  "$C_BP" "$C_BP_SD" "$C_PY" "$C_PY_SD" "$S10K" "$S100K" "$S1M" "$S1M_SD" \
  "$RSS_BP_KB" "$RSS_PY_KB" "$BW_GBS" "$RSS_1M_KB" "$D_BP" "$D_BP_SD" "$D_PY" "$D_PY_SD" \
  "$(date -u '+%Y-%m-%d %H:%M UTC')" "$NPROC" "$CPU" "$RUSTC" "$PYVER" "$NUMPY" "$LOAD" <<'EOF'
import math
import sys

(a_bp, a_bp_sd, a_py, a_py_sd, b_bp, b_bp_sd, b_py, b_py_sd, c_bp, c_bp_sd, c_py, c_py_sd,
 s10k, s100k, s1m, s1m_sd, rss_bp_kb, rss_py_kb, bw_gbs, rss_1m_kb, d_bp, d_bp_sd, d_py,
 d_py_sd) = map(float, sys.argv[1:25])
date, nproc, cpu, rustc, pyver, numpy_version, load = sys.argv[25:32]

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
bound_ms = touched / (bw_gbs * 1e9) * 1e3
# Alive at the end of `back p`, which is the peak: the four named values x, r, s, p, the ReLU
# mask, and the four gradients `grad()` can return (dp, dr, ds, dx). Sigmoid's cached out is s
# itself and MulLayer's cached inputs are r and s, so none of them needs a copy.
alive = 8 * A + M
rss_bp = rss_bp_kb * 1024
rss_py = rss_py_kb * 1024

def ms(mean, sd):
    return f"{mean:,.1f} ± {sd:,.1f} ms" if mean < 100 else f"{mean:,.0f} ± {sd:,.0f} ms"

def yes(ok):
    return "yes" if ok else "**no**"

def speed(python_ms, backprop_ms):
    """Python's time over backprop's, in words that read the right way round."""
    r = python_ms / backprop_ms
    return f"{r:,.1f}× faster" if r >= 1 else f"{1 / r:,.2f}× slower ({r:.2f})"

slope = math.log(s1m / s10k) / math.log(100)
rows = [
    ("(a) ReLU example, 2x2", ms(a_bp, a_bp_sd), ms(a_py, a_py_sd),
     speed(a_py, a_bp), "≥ 20× faster than Python", yes(a_py / a_bp >= 20)),
    ("(b) relu·sigmoid, 2000×2000, back", ms(b_bp, b_bp_sd), ms(b_py, b_py_sd),
     speed(b_py, b_bp), "at least as fast as numpy", yes(b_py / b_bp >= 1)),
    ("(b) against the bandwidth bound", ms(b_bp, b_bp_sd),
     f"bound {bound_ms:,.1f} ms ({touched / 1e6:,.0f} MB at {bw_gbs:,.1f} GB/s)",
     f"{b_bp / bound_ms:,.1f}× the bound (numpy: {b_py / bound_ms:,.1f}×)", "within 2× of the bound",
     yes(b_bp <= 2 * bound_ms)),
    ("(c) chain, 100,000 nodes", ms(c_bp, c_bp_sd), ms(c_py, c_py_sd),
     speed(c_py, c_bp), "≥ 5× faster than Python", yes(c_py / c_bp >= 5)),
    ("(c) chain, 10k → 100k → 1M nodes",
     f"{s10k:,.1f} / {s100k:,.0f} / {s1m:,.0f} ms", "—",
     f"×{s100k / s10k:,.1f}, ×{s1m / s100k:,.1f}; log-log slope {slope:.2f}",
     "linear (slope ≤ 1.1)", yes(slope <= 1.1)),
    ("(c) chain, 1,000,000 nodes", ms(s1m, s1m_sd), "—", "—", "under 2 s (issue 13: under 1 s)",
     yes(s1m < 2000)),
    ("(c) chain, 1,000,000 nodes, peak RSS", f"{rss_1m_kb * 1024 / 1e6:,.0f} MB", "—", "—",
     "under 300 MB", yes(rss_1m_kb * 1024 < 300e6)),
    ("(d) train_digits: 1,000 iterations, 64-50-10, batch 100", ms(d_bp, d_bp_sd),
     ms(d_py, d_py_sd), f"{d_bp / d_py:.2f} of numpy's time", "≤ 0.33 of numpy's time",
     yes(d_bp / d_py <= 0.33)),
    ("(b) peak RSS", f"{rss_bp / 1e6:,.0f} MB", f"{rss_py / 1e6:,.0f} MB",
     f"{rss_bp / alive:,.2f}× the {alive / 1e6:,.0f} MB alive",
     f"≤ 1.5× alive ({1.5 * alive / 1e6:,.0f} MB)", yes(rss_bp <= 1.5 * alive)),
]

print(f"Machine: {nproc} cores, {cpu}; {rustc}; Python {pyver}, numpy {numpy_version}; "
      f"load average at the end {load}; {date}.")
print()
print("| workload | backprop | python+numpy | ratio | target | met? |")
print("| --- | --- | --- | --- | --- | --- |")
for row in rows:
    print("| " + " | ".join(row) + " |")
print()
print("Times are hyperfine means ± σ of whole processes (start-up, parsing, printing included), "
      "measured in this run; ratios compare numbers from the same run. The bandwidth bound is "
      f"{touched / 1e6:,.0f} MB (22 float64 2000×2000 arrays and 2 bool masks read or written; "
      "see bench/README.md) divided by a single-thread numpy copy's bandwidth "
      "(bytes read + bytes written). Alive at the peak: x, r, s, p, the mask, and the gradients "
      f"dp, dr, ds, dx = {alive / 1e6:,.0f} MB.")
EOF
