#!/usr/bin/env python3
"""Differential fuzzer: random expression programs run under `vm run` and
under CPython 3.11, stdout, stderr and exit status compared.

    python3 scripts/difffuzz.py [--count N] [--seed S] [--python PATH] [--vm PATH]

Each program evaluates a batch of generated expressions over ints, floats,
strings and lists (arithmetic, comparisons, boolean operators, indexing,
slicing, f-strings with format specs, common builtins), each under
`try/except`, printing `repr` of the value or the exception's type and
message. Values outside the 64-bit int range are expected to differ (the
documented deviation: the VM raises OverflowError), so a program whose
CPython output mentions an int that large is skipped, and so is one where
CPython says the VM's deviation message would be right.

A mismatch is written to fuzz/diff/NAME.py with both outputs beside it;
the exit status is the number of mismatches (capped at 100). Needs a
release build of `vm` (cargo build --release) and python3.11.
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

INTS = ["0", "1", "-1", "2", "7", "-13", "255", "1000", "10**18", "2**62",
        "9223372036854775807", "(-9223372036854775807 - 1)", "3037000499"]
FLOATS = ["0.5", "-0.0", "1e300", "3.25", "1e-7", "2.5", "0.1", "float('inf')",
          "float('nan')", "123456.789", "-1.5"]
STRS = ["''", "'ab'", "'héllo'", "'x y'", "'3'", "'a,b,c'", "'  pad  '", "'ABC'"]
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^",
          "==", "!=", "<", "<=", ">", ">=", "and", "or", "in", "not in"]
FUNCS = ["len", "str", "repr", "int", "float", "abs", "bool", "sorted", "list",
         "hex", "min", "max", "sum", "round", "tuple", "reversed_list", "ord", "chr"]
SPECS = ["", ">8", "<6", "^7", "+", ".2f", ".3e", ".3g", "x", "#x", "08.3f", ",",
         "_", "b", "%", ".1%", "*^9", "=+8", "10.4", ".0f", "e", "o", "c", "s", "r"]
METHODS = ["upper()", "lower()", "strip()", "split(',')", "replace('a', 'zz')",
           "startswith('a')", "find('b')", "join(['1', '2'])", "count('a')",
           "title()", "center(9, '*')", "zfill(6)", "isdigit()", "swapcase()"]

BIG = re.compile(r"-?\d{19,}")


def leaf(r):
    k = r.random()
    if k < 0.4:
        return r.choice(INTS) if r.random() < 0.5 else str(r.randint(-50, 50))
    if k < 0.6:
        return r.choice(FLOATS)
    if k < 0.8:
        return r.choice(STRS)
    if k < 0.9:
        return "[" + ", ".join(leaf(r) for _ in range(r.randint(0, 3))) + "]"
    return r.choice(["True", "False", "None", "x", "s", "l"])


def expr(r, depth):
    if depth <= 0 or r.random() < 0.25:
        return leaf(r)
    k = r.random()
    a = expr(r, depth - 1)
    if k < 0.45:
        return f"({a} {r.choice(BINOPS)} {expr(r, depth - 1)})"
    if k < 0.52:
        return f"({a} < {expr(r, depth - 1)} <= {expr(r, depth - 1)})"
    if k < 0.58:
        return f"(-{a})" if r.random() < 0.5 else f"(not {a})"
    if k < 0.64:
        return f"({a} if {expr(r, depth - 1)} else {expr(r, depth - 1)})"
    if k < 0.72:
        b = expr(r, depth - 1)
        return r.choice([f"{a}[{b}]", f"{a}[{b}:]", f"{a}[:{b}]", f"{a}[::-1]"])
    if k < 0.80:
        # f-strings hold leaves only: 3.11 allows no nesting of the same quotes.
        spec = r.choice(SPECS)
        inner = leaf(r)
        conv = r.choice(["", "", "!r", "!s"])
        return f'f"<{{{inner}{conv}{":" + spec if spec else ""}}}>"'
    if k < 0.90:
        f = r.choice(FUNCS)
        if f == "reversed_list":
            return f"list(reversed({a}))"
        return f"{f}({a})"
    if k < 0.95:
        return f"{r.choice(STRS)}.{r.choice(METHODS)}"
    return f"[{a}, {expr(r, depth - 1)}] * {r.randint(0, 3)}"


def program(r, n):
    lines = ["x = 7", "s = 'abc'", "l = [1, 2.5, 'z']"]
    for _ in range(n):
        e = expr(r, r.randint(1, 4))
        lines.append("try:")
        lines.append(f"    print(repr({e}))")
        lines.append("except Exception as exc:")
        lines.append("    print(type(exc).__name__, exc)")
    return "\n".join(lines) + "\n"


def run(cmd, path):
    try:
        p = subprocess.run(cmd + [os.path.basename(path)], cwd=os.path.dirname(path),
                           capture_output=True, timeout=20, stdin=subprocess.DEVNULL,
                           env=dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8"))
        return p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p.returncode
    except subprocess.TimeoutExpired:
        return "", "TIMEOUT", -1


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=200, help="programs to run")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--exprs", type=int, default=20, help="expressions per program")
    ap.add_argument("--python", default="/usr/bin/python3.11")
    ap.add_argument("--vm", default=os.path.join(root, "target/release/vm"))
    args = ap.parse_args()
    if not os.path.exists(args.python):
        print(f"difffuzz: {args.python} not found; pass --python", file=sys.stderr)
        return 2
    if not os.path.exists(args.vm):
        print(f"difffuzz: {args.vm} not found; run cargo build --release", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    r = random.Random(seed)
    outdir = os.path.join(root, "fuzz", "diff")
    mismatches = skipped = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.count):
            src = program(r, args.exprs)
            path = os.path.join(tmp, "prog.py")
            with open(path, "w") as f:
                f.write(src)
            want = run([args.python], path)
            if BIG.search(want[0]) or "OverflowError" in want[0]:
                skipped += 1  # beyond 64 bits: the documented deviation
                continue
            got = run([args.vm, "run"], path)
            if got != want:
                mismatches += 1
                os.makedirs(outdir, exist_ok=True)
                name = f"seed{seed}-{i}"
                with open(os.path.join(outdir, name + ".py"), "w") as f:
                    f.write(src)
                for tag, (o, e, st) in (("cpython", want), ("vm", got)):
                    with open(os.path.join(outdir, f"{name}.{tag}"), "w") as f:
                        f.write(f"status {st}\n--- stdout\n{o}--- stderr\n{e}")
                wl, gl = want[0].splitlines(), got[0].splitlines()
                first = next((j for j in range(min(len(wl), len(gl))) if wl[j] != gl[j]),
                             min(len(wl), len(gl)))
                print(f"MISMATCH {name}: line {first + 1}: cpython {wl[first:first + 1]} "
                      f"vm {gl[first:first + 1]}")
    ran = args.count - skipped
    print(f"difffuzz: seed {seed}: {ran} programs compared ({args.exprs} expressions each), "
          f"{skipped} skipped (ints beyond 64 bits), {mismatches} mismatches")
    return min(mismatches, 100)


if __name__ == "__main__":
    sys.exit(main())
