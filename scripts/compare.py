#!/usr/bin/env python3
"""Side-by-side comparison of `vm run` and CPython on scripts/bench/.

Table 1 (speed): every workload under both interpreters alternately (one
warm-up, then --runs timed runs each), checking that both print the same
thing: medians, the ratio and the geometric mean.

Table 2 (trace overhead): the same workloads under CPython plain and under
CPython with the article's KThread `sys.settrace` line tracer armed
(scripts/bench/cpython/traced_cpython.py), next to ours without a hook
and with a counting host trace hook on line events and on every
instruction (the `run_traced` example); `vm run` is timed too, to show
the hook-less example is the same process. Medians, traced/plain ratios,
geometric means; every traced run must print what the plain one prints.

Table 3 (kill latency): p50/p99/max from kill to the run returning, ours
(the `kill_latency` example) and CPython's KThread and
`PyThreadState_SetAsyncExc` (scripts/bench/cpython/latency_cpython.py), in
a busy loop and in sleep.

    python3 scripts/compare.py            # table 1
    python3 scripts/compare.py --runs 9   # more runs on a noisy machine
    python3 scripts/compare.py --only fib,sieve
    python3 scripts/compare.py --table 2 --runs 5
    python3 scripts/compare.py --table 3 --latency-runs 1000
    python3 scripts/compare.py --all --svg target/plots   # all three, and SVG charts

Whole-process wall time is measured (start-up included), the way a user
timing `vm run script.py` against `python3 script.py` would see it.
`--svg DIR` writes bar charts of table 2's overheads (overhead.svg) and the
distribution of table 3's kill latencies (kill_latency.svg) for the tables
that ran.
"""

import argparse
import datetime
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "scripts" / "bench"
VM = ROOT / "target" / "release" / "vm"
EXAMPLES = ROOT / "target" / "release" / "examples"
RUN_TRACED = EXAMPLES / "run_traced"
KILL_LATENCY = EXAMPLES / "kill_latency"
TRACED_CPYTHON = BENCH / "cpython" / "traced_cpython.py"
LATENCY_CPYTHON = BENCH / "cpython" / "latency_cpython.py"


def pick_python():
    # Debian's optimised build is the fastest CPython on the target machines;
    # the pyenv shim on PATH adds ~50 ms per start and is ~25% slower.
    for cand in ("/usr/bin/python3.11", "/usr/local/bin/python3.11"):
        if os.access(cand, os.X_OK):
            return cand
    return sys.executable


def build_vm(examples=()):
    cmd = ["cargo", "build", "--release", "--quiet", "-p", "killer", "--bin", "vm"]
    for e in examples:
        cmd += ["--example", e]
    subprocess.run(cmd, cwd=ROOT, check=True)


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


def machine_note(python, runs):
    """Which python, when, and how busy the machine was: the figures mean
    little without it on a shared machine."""
    version = subprocess.run([python, "-VV"], capture_output=True, text=True).stdout.strip()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (f"CPython: `{python}` ({version}); tables 1 and 2: {runs} runs each after a warm-up, "
            f"alternating, medians.\n"
            f"Measured {now}; nproc {os.cpu_count()}; load average {load}.\n")


def ratio_cell(r):
    return f"{r:.2f}x"


def trace_table(python, workloads, runs):
    """Table 2. Returns the Markdown and the per-workload overheads (for
    the SVG)."""
    configs = [
        ("py", lambda p: [python, p]),
        ("py_trace", lambda p: [python, TRACED_CPYTHON, p]),
        ("vm_run", lambda p: [VM, "run", p]),
        ("none", lambda p: [RUN_TRACED, "--hook", "none", p]),
        ("line", lambda p: [RUN_TRACED, "--hook", "line", p]),
        ("instr", lambda p: [RUN_TRACED, "--hook", "instruction", p]),
        ("guest", lambda p: [RUN_TRACED, "--hook", "guest", p]),
    ]
    rows, data = [], []
    for path in workloads:
        times = {name: [] for name, _ in configs}
        outputs = {}
        for name, cmd in configs:  # warm-up, and the outputs must agree
            outputs[name] = timed(cmd(path))[1]
        for name, out in outputs.items():
            if out != outputs["py"]:
                sys.exit(f"{path.name}: {name} prints something else than plain CPython")
        for _ in range(runs):
            for name, cmd in configs:
                times[name].append(timed(cmd(path))[0])
        m = {name: statistics.median(ts) for name, ts in times.items()}
        over = {"settrace": m["py_trace"] / m["py"], "line": m["line"] / m["none"],
                "instruction": m["instr"] / m["none"], "guest": m["guest"] / m["none"]}
        data.append((path.stem, over))
        rows.append((path.stem, m, over))
        print(f"  {path.stem}: CPython settrace {over['settrace']:.2f}x, vm line {over['line']:.2f}x, "
              f"vm instruction {over['instruction']:.2f}x, vm guest settrace {over['guest']:.2f}x", file=sys.stderr)
    g = {k: statistics.geometric_mean([o[k] for _, o in data])
         for k in ("settrace", "line", "instruction", "guest")}
    lines = [
        "| workload | CPython | CPython + settrace | overhead | vm run | vm, no hook | vm + line hook | overhead "
        "| vm + instruction hook | overhead | vm + guest settrace | overhead |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, m, o in rows:
        lines.append(
            f"| {name} | {fmt_s(m['py'])} | {fmt_s(m['py_trace'])} | {ratio_cell(o['settrace'])} "
            f"| {fmt_s(m['vm_run'])} | {fmt_s(m['none'])} | {fmt_s(m['line'])} | {ratio_cell(o['line'])} "
            f"| {fmt_s(m['instr'])} | {ratio_cell(o['instruction'])} "
            f"| {fmt_s(m['guest'])} | {ratio_cell(o['guest'])} |")
    lines.append(f"| **geometric mean** | | | **{ratio_cell(g['settrace'])}** | | | | **{ratio_cell(g['line'])}** "
                 f"| | **{ratio_cell(g['instruction'])}** | | **{ratio_cell(g['guest'])}** |")
    lines.append("")
    lines.append("Overhead: traced / plain medians. CPython + settrace: the article's KThread line tracer "
                 "armed on every frame (scripts/bench/cpython/traced_cpython.py). vm: the `run_traced` example "
                 "with a counting host hook on call/line/return/exception events, or on every instruction too, "
                 "against the same example with no hook; vm + guest settrace: the same KThread tracer as guest "
                 "functions, installed with `sys.settrace` semantics from the script's first frame. "
                 "SPEC target for the host hook: at most 3x.")
    return "\n".join(lines), data


def run_json(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n{proc.stderr}")
    return json.loads(proc.stdout)


LONG_BUILTINS = {
    "join": "`\",\".join` of 5M strings",
    "sorted": "`sorted` of 2M ints",
    "repeat": "`[0] * 10**8`",
    "range-list": "`list(range(10**8))`",
}


def latency_table(python, latency_runs, sleep_runs, long_runs):
    """Table 3. Returns the Markdown and the raw series (for the SVG)."""
    print(f"  kill latency: vm, {latency_runs} kills per row...", file=sys.stderr)
    ours = run_json([KILL_LATENCY, "--runs", str(latency_runs), "--json"])
    print(f"  kill latency: vm in long builtins, {long_runs} kills per row...", file=sys.stderr)
    long = run_json([KILL_LATENCY, "--runs", str(long_runs), "--json", "--only", ",".join(LONG_BUILTINS)])
    print(f"  kill latency: CPython, {latency_runs} busy and {sleep_runs} sleep kills per method...",
          file=sys.stderr)
    theirs = run_json([python, LATENCY_CPYTHON, "--runs", str(latency_runs),
                       "--sleep-runs", str(sleep_runs), "--json"])
    us = lambda x: f"{x:,.1f}"
    lines = [
        "| interpreter | kill | situation | from kill to | runs | p50 (µs) | p99 (µs) | max (µs) |",
        "|---|---|---|---|---:|---:|---:|---:|",
    ]
    series = []
    what = {"finally": "first `finally` line", "return": "run returned (join)"}
    ours_kill = {"soft": "`kill()`", "hard": "`kill_hard()`"}
    for s in ours["series"]:
        sit = s["situation"] if s["situation"] != "recursion" else f"recursion ({ours['depth']} frames)"
        sit = "`time.sleep(30)`" if s["situation"] == "sleep" else sit
        lines.append(f"| vm | {ours_kill[s['kill']]} | {sit} | {what[s['to']]} | {s['runs']} "
                     f"| {us(s['p50_us'])} | {us(s['p99_us'])} | {us(s['max_us'])} |")
        series.append((f"vm {ours_kill[s['kill']].strip('`')}, {s['situation']}", s))
    for s in long["series"]:
        lines.append(f"| vm | {ours_kill[s['kill']]} | in {LONG_BUILTINS[s['situation']]} | {what[s['to']]} "
                     f"| {s['runs']} | {us(s['p50_us'])} | {us(s['p99_us'])} | {us(s['max_us'])} |")
    names = {"kthread": "KThread (`sys.settrace`)", "setasyncexc": "`PyThreadState_SetAsyncExc`"}
    for s in theirs["series"]:
        sit = f"`time.sleep({theirs['sleep_s']})` loop" if s["situation"] == "sleep" else s["situation"]
        lines.append(f"| CPython {theirs['version']} | {names[s['method']]} | {sit} | {what[s['to']]} "
                     f"| {s['runs']} | {us(s['p50_us'])} | {us(s['p99_us'])} | {us(s['max_us'])} |")
        series.append((f"CPython {s['method']}, {s['situation']}", s))
    lines.append("")
    lines.append(
        "busy: `while True: x += 1`, killed 1-3 ms after the guest said it was in the loop; "
        "the long builtins likewise, each called in a `while True:` loop. "
        f"sleep: ours wakes from `time.sleep(30)` at once; CPython cannot interrupt a sleep with either "
        f"method (the async exception and the trace function both wait for the sleep to return), so its "
        f"threads sleep {theirs['sleep_s']} s at a time and are killed at a random instant of it: the "
        f"latency is the rest of the sleep, and grows with the sleep. Every sample is a kill that landed "
        f"(the `finally` ran, or for `kill_hard()` did not, and the run ended). "
        "SPEC target, kill to return: p99 < 100 µs busy (long builtins included, issue 6), "
        "< 200 µs sleep. "
        f"{sum(s['early'] for s in ours['series'] + long['series'] if s['to'] == 'return')} of our kills landed before the "
        "guest had left `ready()` (the OS had not run it within the settle time) and were measured again.")
    return "\n".join(lines), series


# --- SVG charts (stdlib only: the SVG text is written here) ---------------

COLORS = ["#4477aa", "#ee6677", "#228833"]
LATENCY_COLORS = {
    ("vm", "busy"): "#4477aa", ("vm", "sleep"): "#228833", ("vm", "recursion"): "#66ccee",
    ("kthread", "busy"): "#ee6677", ("kthread", "sleep"): "#ccbb44",
    ("setasyncexc", "busy"): "#aa3377", ("setasyncexc", "sleep"): "#000000",
}


def svg_text(x, y, s, size=11, anchor="start", extra=""):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" {extra}>{s}</text>'


def overhead_svg(data):
    """Grouped horizontal bars: per workload, CPython settrace, vm line
    hook, vm instruction hook overheads; a dashed line at the 3x target."""
    modes = [("settrace", "CPython + KThread settrace"), ("line", "vm + host line hook"),
             ("instruction", "vm + host instruction hook")]
    left, top, bar, gap, width = 110, 50, 9, 8, 520
    rows = len(data)
    height = top + rows * (len(modes) * bar + gap) + 50
    vmax = max(max(o.values()) for _, o in data)
    vmax = math.ceil(max(vmax, 3.5))
    sx = lambda v: left + v / vmax * width
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 40}" height="{height}" '
           f'font-family="sans-serif">',
           '<rect width="100%" height="100%" fill="white"/>',
           svg_text(left, 18, "Trace overhead per workload (traced / plain, whole-process medians)", 13,
                    extra='font-weight="bold"')]
    for i, (_, label) in enumerate(modes):
        x = left + i * 175
        out.append(f'<rect x="{x}" y="28" width="10" height="10" fill="{COLORS[i]}"/>')
        out.append(svg_text(x + 14, 37, label, 10))
    for v in range(0, vmax + 1):
        x = sx(v)
        out.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 40}" stroke="#eee"/>')
        out.append(svg_text(x, height - 26, f"{v}x", 10, "middle"))
    for r, (name, over) in enumerate(data):
        y0 = top + r * (len(modes) * bar + gap)
        out.append(svg_text(left - 6, y0 + len(modes) * bar / 2 + 4, name, 11, "end"))
        for i, (key, _) in enumerate(modes):
            y = y0 + i * bar
            out.append(f'<rect x="{left}" y="{y}" width="{sx(over[key]) - left:.1f}" height="{bar - 1}" '
                       f'fill="{COLORS[i]}"><title>{name} {key}: {over[key]:.2f}x</title></rect>')
    x3 = sx(3)
    out.append(f'<line x1="{x3:.1f}" y1="{top - 4}" x2="{x3:.1f}" y2="{height - 40}" stroke="black" '
               f'stroke-dasharray="4 3"/>')
    out.append(svg_text(x3 + 3, height - 42, "SPEC target for host hooks: 3x", 10))
    out.append(svg_text(left + width / 2, height - 8, "overhead (x)", 11, "middle"))
    out.append("</svg>")
    return "\n".join(out)


def latency_svg(series):
    """CDFs of kill latency (to the run returning) on a log axis: ours in
    each situation, soft and hard, and CPython's two methods."""
    picked = [(label, s) for label, s in series if s["to"] == "return"]
    left, top, width, height = 70, 40, 560, 300
    lo, hi = 1.0, 1e6
    sx = lambda us: left + (math.log10(max(us, lo)) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * width
    sy = lambda q: top + (1 - q) * height
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 300}" '
           f'height="{top + height + 50}" font-family="sans-serif">',
           '<rect width="100%" height="100%" fill="white"/>',
           svg_text(left, 20, "Kill latency, kill to the run returning: cumulative distribution", 13,
                    extra='font-weight="bold"')]
    for e in range(0, 7):
        x = sx(10 ** e)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + height}" stroke="#eee"/>')
        label = ["1 µs", "10 µs", "100 µs", "1 ms", "10 ms", "100 ms", "1 s"][e]
        out.append(svg_text(x, top + height + 15, label, 10, "middle"))
    for q in (0, 0.25, 0.5, 0.75, 1):
        y = sy(q)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + width}" y2="{y:.1f}" stroke="#eee"/>')
        out.append(svg_text(left - 5, y + 4, f"{q:g}", 10, "end"))
    for target in (100, 200):
        x = sx(target)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + height}" stroke="black" '
                   f'stroke-dasharray="3 3"/>')
    out.append(svg_text(sx(100) - 3, top + 12, "targets: 100 / 200 µs", 9, "end"))
    for i, (label, s) in enumerate(picked):
        xs = s["samples_us"]
        n = len(xs)
        # At most ~300 points per curve: the shape, not every sample.
        step = max(1, n // 300)
        idx = sorted(set(list(range(0, n, step)) + [n - 1]))
        pts = [f"{sx(xs[0]):.1f},{sy(0):.1f}"] + [f"{sx(xs[j]):.1f},{sy((j + 1) / n):.1f}" for j in idx]
        # Colour by who and where, dashes by how: ours solid (soft) or
        # dotted (hard), CPython dashed.
        color = LATENCY_COLORS.get((s.get("method", "vm"), s["situation"]), "#888888")
        dash = ""
        if "method" in s:
            dash = ' stroke-dasharray="7 3"'
        elif s["kill"] == "hard":
            dash = ' stroke-dasharray="2 2"'
        out.append(f'<polyline fill="none" stroke="{color}" stroke-width="1.6"{dash} points="{" ".join(pts)}">'
                   f'<title>{label}</title></polyline>')
        y = top + 6 + 16 * i
        out.append(f'<line x1="{left + width + 15}" y1="{y}" x2="{left + width + 40}" y2="{y}" '
                   f'stroke="{color}" stroke-width="2"{dash}/>')
        out.append(svg_text(left + width + 45, y + 4, f"{label} (n={n})", 10))
    out.append(svg_text(left - 45, top + height / 2, "fraction of kills", 11, "middle",
                        extra=f'transform="rotate(-90 {left - 45} {top + height / 2})"'))
    out.append(svg_text(left + width / 2, top + height + 35, "latency (log scale)", 11, "middle"))
    out.append("</svg>")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="timed runs per interpreter (default 5)")
    ap.add_argument("--only", help="comma-separated workload names")
    ap.add_argument("--python", help="CPython to compare against (default: fastest 3.11 found)")
    ap.add_argument("--no-build", action="store_true", help="use the existing target/release binaries")
    ap.add_argument("--table", type=int, choices=(1, 2, 3), action="append",
                    help="which table: 1 speed (default), 2 trace overhead, 3 kill latency; repeatable")
    ap.add_argument("--all", action="store_true", help="all three tables")
    ap.add_argument("--latency-runs", type=int, default=1000,
                    help="table 3: kills per row, ours and CPython's busy loop (default 1000)")
    ap.add_argument("--long-runs", type=int, default=200,
                    help="table 3: our kills per row inside long builtins (default 200)")
    ap.add_argument("--sleep-runs", type=int, default=50,
                    help="table 3: CPython kills per method in sleep, each up to 0.2 s (default 50)")
    ap.add_argument("--svg", metavar="DIR", help="write SVG charts of tables 2 and 3 (those that ran) to DIR")
    args = ap.parse_args()

    tables = [1, 2, 3] if args.all else sorted(set(args.table or [1]))
    python = args.python or pick_python()
    if not args.no_build:
        build_vm([e for t, e in ((2, "run_traced"), (3, "kill_latency")) if t in tables])
    workloads = sorted(BENCH.glob("*.py"))
    if args.only:
        wanted = set(args.only.split(","))
        workloads = [w for w in workloads if w.stem in wanted]

    version = subprocess.run([python, "-VV"], capture_output=True, text=True).stdout.strip()
    print(f"Timing {python} ({version}) against {VM.relative_to(ROOT)}, "
          f"{args.runs} alternating runs each after a warm-up.\n", file=sys.stderr)
    print(machine_note(python, args.runs))
    overheads, latencies = None, None
    for t in tables:
        if t == 1:
            print("### Table 1: speed, `vm run` vs CPython\n")
            print(speed_table(python, workloads, args.runs))
        elif t == 2:
            print("### Table 2: trace overhead\n")
            md, overheads = trace_table(python, workloads, args.runs)
            print(md)
        else:
            print("### Table 3: kill latency\n")
            md, latencies = latency_table(python, args.latency_runs, args.sleep_runs, args.long_runs)
            print(md)
        print()
        sys.stdout.flush()
    if args.svg:
        out = Path(args.svg)
        out.mkdir(parents=True, exist_ok=True)
        if overheads:
            (out / "overhead.svg").write_text(overhead_svg(overheads))
            print(f"wrote {out / 'overhead.svg'}", file=sys.stderr)
        if latencies:
            (out / "kill_latency.svg").write_text(latency_svg(latencies))
            print(f"wrote {out / 'kill_latency.svg'}", file=sys.stderr)
        if not overheads and not latencies:
            print("--svg: nothing to plot (the charts come from tables 2 and 3)", file=sys.stderr)


if __name__ == "__main__":
    main()
