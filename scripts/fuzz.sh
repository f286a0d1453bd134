#!/usr/bin/env bash
# Runs one cargo-fuzz target (parse, compile or run) for a while, seeded
# with every golden test program and example script.
#
#   scripts/fuzz.sh TARGET [SECONDS]        # default 60 s
#   scripts/fuzz.sh --smoke                 # every target briefly (CI)
#
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 unlocks them on the
# stable toolchain. One process at a time (libFuzzer's default without
# -jobs): the machines have two cores. Crashes land in fuzz/artifacts/TARGET/;
# minimize them with `cargo fuzz tmin TARGET FILE` and keep them as
# regression tests in tests/fuzz_regressions.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz (cargo install cargo-fuzz)" >&2
    cargo install --locked cargo-fuzz
fi

seed() {
    local corpus="fuzz/corpus/$1"
    mkdir -p "$corpus"
    # Content-addressed names: re-seeding never duplicates a program.
    find tests/golden scripts -name '*.py' ! -name regen.py -print0 |
        while IFS= read -r -d '' f; do
            cp -n "$f" "$corpus/seed-$(sha1sum "$f" | cut -c1-16)"
        done
}

run_target() {
    local target=$1 secs=$2
    seed "$target"
    # -timeout: a single input running this long is a hang (the run target
    # has a 200 ms deadline, so anything near 10 s is a kill that did not
    # land). -rss_limit_mb: the heap limit is 32 MiB, so 2 GiB is a leak or
    # an allocation that escaped the limit.
    # cargo fuzz passes fuzz/corpus/TARGET itself.
    cargo fuzz run "$target" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
        -max_len=8192 -print_final_stats=1 -dict=fuzz/python.dict
}

if [[ ${1:-} == --smoke ]]; then
    # CI: about 30 s per target after the build, well under two minutes.
    for t in parse compile run; do
        run_target "$t" "${FUZZ_SMOKE_SECONDS:-30}"
    done
    exit 0
fi

target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS] | --smoke}
run_target "$target" "${2:-60}"
