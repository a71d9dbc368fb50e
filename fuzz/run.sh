#!/usr/bin/env bash
# Runs a fuzz target (FUZZ_TARGET: `session`, the default, or `python`) for SECONDS (default
# 600) and exits non-zero if libFuzzer found a crash, a timeout or an out-of-memory input
# (written to fuzz/artifacts/TARGET/).
#
#   [FUZZ_TARGET=python] fuzz/run.sh [SECONDS] [EXTRA LIBFUZZER FLAGS...]
#
# New inputs that add coverage go into fuzz/corpus/TARGET/; trim them afterwards with
# `RUSTC_BOOTSTRAP=1 cargo fuzz cmin TARGET` (see README.md). FUZZ_SANITIZER=none builds
# without AddressSanitizer (faster; its own target dir, target/none), default: address.
set -euo pipefail

seconds="${1:-600}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
    echo "usage: $0 [SECONDS] [EXTRA LIBFUZZER FLAGS...]   (SECONDS: a whole number > 0)" >&2
    exit 2
fi
shift $(($# > 0 ? 1 : 0))

cd "$(dirname "$0")"

target="${FUZZ_TARGET:-session}"
if [ "$target" != session ] && [ "$target" != python ]; then
    echo "run.sh: FUZZ_TARGET must be session or python" >&2
    exit 2
fi

# cargo-fuzz passes nightly-only flags (-Zsanitizer=address, ...) to rustc; the machine has only
# the stable toolchain, and RUSTC_BOOTSTRAP=1 makes stable rustc accept them.
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "run.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

sanitizer="${FUZZ_SANITIZER:-address}"
build_args=(-s "$sanitizer")
if [ "$sanitizer" = none ]; then
    # Keep the unsanitised build apart, so switching does not rebuild everything.
    build_args+=(--target-dir target/none)
fi

mkdir -p "corpus/$target" "artifacts/$target"
# Artifacts newer than this marker are this run's findings.
marker="$(mktemp)"
trap 'rm -f "$marker"' EXIT

# Build first, so that a build failure is told apart from a finding.
cargo fuzz build "${build_args[@]}" "$target"

# -jobs=1 runs one worker whose output goes to fuzz-0.log here; libFuzzer ends the job at the
# first crash and then exits non-zero.
rm -f fuzz-0.log
set +e
cargo fuzz run "${build_args[@]}" "$target" "corpus/$target" -- \
    -dict="$target.dict" \
    -max_len=4096 \
    -timeout=10 \
    -rss_limit_mb=4096 \
    -max_total_time="$seconds" \
    -print_final_stats=1 \
    -jobs=1 \
    "$@"
status=$?
set -e

if [ -f fuzz-0.log ]; then
    echo "---- fuzz-0.log (last status lines) ----"
    grep -E '^#[0-9]+' fuzz-0.log | tail -n 3 || true
    grep -E '^(stat::|Done )' fuzz-0.log || true
fi

findings="$(find "artifacts/$target" -type f -newer "$marker" ! -name 'slow-unit-*' | sort)"
if [ -n "$findings" ] || [ "$status" -ne 0 ]; then
    echo "---- libFuzzer found a problem (exit status $status) ----" >&2
    if [ -f fuzz-0.log ]; then
        # The panic message and stack, from the first error line on.
        sed -n '/panicked at\|ERROR: \|==[0-9]*==\|ALARM\|out-of-memory/,$p' fuzz-0.log | head -n 120 >&2
    fi
    if [ -n "$findings" ]; then
        echo "artifacts:" >&2
        echo "$findings" >&2
        echo "minimise with: RUSTC_BOOTSTRAP=1 cargo fuzz tmin ${build_args[*]} $target ARTIFACT" >&2
    fi
    exit 1
fi
echo "run.sh: no crash in ${seconds} s"
