#!/usr/bin/env bash
# Builds the `vm` command as one static executable (glibc linked in, no
# shared libraries to map at start-up): a smaller start-up footprint than
# the default dynamically linked build (README, "Performance": peak RSS on
# an empty script about 3.0 MiB against about 4.0 MiB) and nothing to
# install beside it. Same code, same optimisation settings.
#
#   scripts/build-static.sh          # -> target/static/<triple>/release/vm
#
# `--target` is what confines the static flag to the executable: without
# it, cargo would apply it to the proc-macros the build loads too, which
# cannot be static. Needs glibc's static archive (libc.a, in libc6-dev,
# which the default build needs anyway for its C runtime objects).
set -euo pipefail
cd "$(dirname "$0")/.."
triple=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static" \
    cargo build --release -p killer --bin vm --target "$triple" --target-dir target/static
echo "target/static/$triple/release/vm"
