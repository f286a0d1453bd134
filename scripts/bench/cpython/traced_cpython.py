"""Runs a workload under CPython with the article's KThread line tracer armed.

    /usr/bin/python3.11 scripts/bench/cpython/traced_cpython.py WORKLOAD.py [ARGS...]

The workload runs in a KThread (method 3 of the article,
/work/shared/article/method3_trace.py, `kill` never called): the thread
installs `sys.settrace(globaltrace)` before it calls its target, so every
frame the workload enters gets a `call` event and the local tracer, which
then sees every `line` event and checks `killed`. This is the cost every
KThread pays whether or not it is ever killed; `scripts/compare.py
--table 2` times it against the plain `python WORKLOAD.py`. The output is
the workload's own, unchanged; an uncaught exception prints its traceback
and exits 1, as the plain run would.

Kept out of scripts/bench/ itself: every .py file there is a workload.
"""

import sys
import traceback

# Next to this file: python puts the script's directory on sys.path.
from kthread import KThread


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: traced_cpython.py WORKLOAD.py [ARGS...]")
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        code = compile(f.read(), path, "exec")
    # The workload sees itself as the script being run, as `python FILE` does.
    sys.argv = sys.argv[1:]
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    failed = []

    def target():
        try:
            exec(code, namespace)
        except BaseException:  # reported below, as CPython would at top level
            failed.append(traceback.format_exc())

    t = KThread(target=target)
    t.start()
    t.join()
    if failed:
        sys.stdout.flush()
        sys.stderr.write(failed[0])
        sys.exit(1)


if __name__ == "__main__":
    main()
