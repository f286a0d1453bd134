"""Kill latency of CPython's two in-process ways to stop a thread.

    /usr/bin/python3.11 scripts/bench/cpython/latency_cpython.py [--runs N] [--sleep-runs N] [--json]

The article's method 3, KThread (a `sys.settrace` line tracer that raises
SystemExit once `killed` is set), and method 4,
`ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, SystemExit)`, each kill a
thread in two situations:

- busy: `while True: x += 1`, killed 1 to 3 ms after the thread said it
  was in the loop;
- sleep: `while True: time.sleep(SLEEP)`, killed at a random instant of the
  first sleep. Neither method can interrupt a sleep: the async exception
  is only looked at when the sleep returns to the eval loop, and the trace
  function only runs at the next line event after it. So the latency is the
  rest of the sleep, whatever its length; SLEEP is 0.2 s to keep the runs
  short, and a `time.sleep(30)` would take up to 30 s.

Latency is from just before the kill request to `join()` returning (and,
in the JSON, to the thread's `finally` block running). A kill only counts
when the thread's `finally` ran and the thread is gone. Stdlib only;
`scripts/compare.py --table 3` reads `--json`. Kept out of scripts/bench/
itself: every .py file there is a workload.
"""

import argparse
import ctypes
import json
import random
import sys
import threading
import time

# Next to this file: python puts the script's directory on sys.path.
from kthread import KThread

SLEEP = 0.2


class AsyncExcThread(threading.Thread):
    """Method 4: SystemExit raised in the thread with PyThreadState_SetAsyncExc."""

    def kill(self):
        res = ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_long(self.ident), ctypes.py_object(SystemExit))
        if res != 1:
            if res > 1:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(self.ident), None)
            raise RuntimeError(f"PyThreadState_SetAsyncExc returned {res}")


def busy(ready, fin):
    try:
        x = 0
        ready.set()
        while True:
            x += 1
    finally:
        fin.append(time.perf_counter())


def sleepy(ready, fin):
    try:
        ready.set()
        while True:
            time.sleep(SLEEP)
    finally:
        fin.append(time.perf_counter())


METHODS = {"kthread": KThread, "setasyncexc": AsyncExcThread}
SITUATIONS = {"busy": busy, "sleep": sleepy}


def one_kill(method, situation, rng):
    ready, fin = threading.Event(), []
    t = METHODS[method](target=SITUATIONS[situation], args=(ready, fin), daemon=True)
    t.start()
    if not ready.wait(30):
        raise RuntimeError(f"{method}/{situation}: the thread never started")
    if situation == "busy":
        time.sleep(rng.uniform(0.001, 0.003))
    else:
        # Anywhere in the first sleep: the latency is what is left of it.
        time.sleep(rng.uniform(0.001, SLEEP - 0.001))
    sent = time.perf_counter()
    t.kill()
    t.join(SLEEP * 50)
    returned = time.perf_counter()
    if t.is_alive() or not fin:
        raise RuntimeError(f"{method}/{situation}: the kill did not land")
    return (fin[0] - sent) * 1e6, (returned - sent) * 1e6


def percentile(sorted_xs, q):
    # Nearest rank, as the Rust side computes it.
    n = len(sorted_xs)
    rank = min(max(int(-(-q * n // 1)), 1), n)
    return sorted_xs[rank - 1]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=1000, help="kills per method in the busy loop (default 1000)")
    ap.add_argument("--sleep-runs", type=int, default=50,
                    help=f"kills per method in sleep (default 50; each waits up to {SLEEP} s)")
    ap.add_argument("--json", action="store_true", help="machine-readable output, raw samples included")
    args = ap.parse_args()

    rng = random.Random(0x5EED)
    series = []
    for situation, runs in (("busy", args.runs), ("sleep", args.sleep_runs)):
        samples = {m: ([], []) for m in METHODS}
        for _ in range(runs):
            # Alternate the methods so drift on a noisy machine hits both.
            for method in METHODS:
                fin, ret = one_kill(method, situation, rng)
                samples[method][0].append(fin)
                samples[method][1].append(ret)
        for method in METHODS:
            for to, xs in (("finally", samples[method][0]), ("return", samples[method][1])):
                xs.sort()
                series.append({
                    "method": method, "situation": situation, "to": to, "runs": len(xs),
                    "p50_us": percentile(xs, 0.5), "p99_us": percentile(xs, 0.99), "max_us": xs[-1],
                    "samples_us": [round(x, 3) for x in xs],
                })

    if args.json:
        json.dump({"python": sys.executable, "version": sys.version.split()[0],
                   "sleep_s": SLEEP, "switch_interval_s": sys.getswitchinterval(), "series": series},
                  sys.stdout)
        print()
        return
    print(f"CPython {sys.version.split()[0]} ({sys.executable}); sleep situation: time.sleep({SLEEP}) in a loop\n")
    print("| method | situation | from kill to | runs | p50 (µs) | p99 (µs) | max (µs) |")
    print("|---|---|---|---:|---:|---:|---:|")
    for s in series:
        print(f"| {s['method']} | {s['situation']} | {s['to']} | {s['runs']} | "
              f"{s['p50_us']:.1f} | {s['p99_us']:.1f} | {s['max_us']:.1f} |")


if __name__ == "__main__":
    main()
