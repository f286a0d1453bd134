#!/usr/bin/env bash
# CI smoke run of every fuzz target (parse, compile, run): about 20 s each
# after the build, well within two minutes; fails on any crash, hang or
# leak. .ci/run calls it; scripts/fuzz.sh runs longer campaigns.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SMOKE_SECONDS=${FUZZ_SMOKE_SECONDS:-20} exec scripts/fuzz.sh --smoke
