#!/usr/bin/env python3
"""Side-by-side comparison of `vm run` and CPython on scripts/bench/.

Runs every workload under both interpreters alternately (one warm-up, then
--runs timed runs each), checks that both print the same thing, and prints a
Markdown table of medians, the ratio and the geometric mean.

    python3 scripts/compare.py            # speed table
    python3 scripts/compare.py --runs 9   # more runs on a noisy machine
    python3 scripts/compare.py --only fib,sieve

Whole-process wall time is measured (start-up included), the way a user
timing `vm run script.py` against `python3 script.py` would see it.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "scripts" / "bench"
VM = ROOT / "target" / "release" / "vm"


def pick_python():
    # Debian's optimised build is the fastest CPython on the target machines;
    # the pyenv shim on PATH adds ~50 ms per start and is ~25% slower.
    for cand in ("/usr/bin/python3.11", "/usr/local/bin/python3.11"):
        if os.access(cand, os.X_OK):
            return cand
    return sys.executable


def build_vm():
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "-p", "killer", "--bin", "vm"],
        cwd=ROOT,
        check=True,
    )


def timed(cmd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n{proc.stderr.decode()}")
    return elapsed, proc.stdout


def fmt_s(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.3f} s"


def speed_table(python, workloads, runs):
    rows, ratios = [], []
    for path in workloads:
        ours_cmd = [VM, "run", path]
        theirs_cmd = [python, path]
        _, ours_out = timed(ours_cmd)
        _, theirs_out = timed(theirs_cmd)
        if ours_out != theirs_out:
            sys.exit(f"{path.name}: vm and CPython print different output")
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(timed(ours_cmd)[0])
            theirs.append(timed(theirs_cmd)[0])
        o, t = statistics.median(ours), statistics.median(theirs)
        ratios.append(t / o)
        rows.append((path.stem, t, o, t / o))
        print(f"  {path.stem}: CPython {fmt_s(t)}, vm {fmt_s(o)}, {t / o:.2f}x", file=sys.stderr)
    geomean = statistics.geometric_mean(ratios)
    lines = [
        "| workload | CPython (median) | vm (median) | speed-up |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {n} | {fmt_s(t)} | {fmt_s(o)} | {r:.2f}x |" for n, t, o, r in rows]
    lines.append(f"| **geometric mean** | | | **{geomean:.2f}x** |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="timed runs per interpreter (default 5)")
    ap.add_argument("--only", help="comma-separated workload names")
    ap.add_argument("--python", help="CPython to compare against (default: fastest 3.11 found)")
    ap.add_argument("--no-build", action="store_true", help="use the existing target/release/vm")
    args = ap.parse_args()

    python = args.python or pick_python()
    if not args.no_build:
        build_vm()
    workloads = sorted(BENCH.glob("*.py"))
    if args.only:
        wanted = set(args.only.split(","))
        workloads = [w for w in workloads if w.stem in wanted]

    version = subprocess.run([python, "-VV"], capture_output=True, text=True).stdout.strip()
    print(f"Timing {python} ({version}) against {VM.relative_to(ROOT)}, "
          f"{args.runs} alternating runs each after a warm-up.\n", file=sys.stderr)
    print(f"CPython: `{python}` ({version}); {args.runs} runs each, alternating, medians.\n")
    print(speed_table(python, workloads, args.runs))


if __name__ == "__main__":
    main()
