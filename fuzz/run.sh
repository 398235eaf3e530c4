#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each: `run.sh SECONDS` for `make fuzz`,
# `run.sh --smoke SECONDS` for the short run `make test` does.
#
# It installs what it needs: a nightly toolchain through rustup (libFuzzer's
# instrumentation needs nightly) and cargo-fuzz. When nightly cannot be had,
# the smoke says so and skips rather than failing the whole test run; a
# full `make fuzz` fails.
#
# Executions per target are appended to target/fuzz/runs.log; a
# crash, hang (an input over TIMEOUT seconds) or out-of-memory stops the
# run with the input saved under fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."

# The smoke builds optimised like `make fuzz`, so the two share one build:
# unoptimised, the extractors' first call alone takes over 30 s, which the
# per-input limit would report as a hang.
smoke=false
if [ "${1:-}" = --smoke ]; then smoke=true; shift; fi
seconds=${1:?usage: fuzz/run.sh [--smoke] SECONDS}
# One input may take this long: the app's time budget for one import.
timeout=${FUZZ_TIMEOUT:-10}
target_dir=${CARGO_TARGET_DIR:-$PWD/target}/fuzz
log=$target_dir/runs.log

skip_or_fail() {
    if $smoke; then
        echo "fuzz smoke SKIPPED: $1" >&2
        exit 0
    fi
    echo "make fuzz: $1" >&2
    exit 1
}

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    command -v rustup >/dev/null || skip_or_fail "no nightly Rust toolchain and no rustup to install one; install nightly to fuzz"
    echo "Installing the nightly Rust toolchain (cargo-fuzz needs it)"
    rustup toolchain install nightly --profile minimal \
        || skip_or_fail "rustup could not install the nightly toolchain; fuzzing needs it"
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "Installing cargo-fuzz"
    cargo install cargo-fuzz --locked || skip_or_fail "cargo install cargo-fuzz failed"
fi

fuzz/seed-corpus.sh
# FUZZ_TARGETS="pdf warc" runs only those.
targets=${FUZZ_TARGETS:-$(cargo +nightly fuzz list --fuzz-dir fuzz)}
cargo +nightly fuzz build --fuzz-dir fuzz --target-dir "$target_dir"

mkdir -p "$target_dir"
passed=0
for target in $targets; do
    echo "== $target: ${seconds}s"
    output=$(mktemp)
    status=0
    cargo +nightly fuzz run --fuzz-dir fuzz --target-dir "$target_dir" "$target" \
        -- -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 \
        -print_final_stats=1 >"$output" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$output" | tail -1)
    echo "$(date -u +%FT%TZ) $target seconds=$seconds executions=${runs:-?} exit=$status" | tee -a "$log"
    if [ "$status" != 0 ]; then
        tail -n 40 "$output" >&2
        rm -f "$output"
        echo "$target found a crash, hang or out-of-memory; the input is in fuzz/artifacts/$target/" >&2
        exit 1
    fi
    rm -f "$output"
    passed=$((passed + 1))
done
# The plain closing line CI reads: every target ran clean.
echo "fuzz: $passed passed, 0 failed"
