#!/usr/bin/env python3
"""Regenerate (or check) the golden outputs of the differential test corpus.

Layout
------
    tests/golden/<suite>/NAME.py       a test program (CPython is the oracle)
    tests/golden/<suite>/NAME.stdout   exact bytes CPython wrote to stdout
    tests/golden/<suite>/NAME.stderr   exact bytes CPython wrote to stderr, with
                                       every "<absolute program dir>/" replaced
                                       by the literal text "$DIR/"
    tests/golden/<suite>/NAME.status   exit status as decimal text + "\\n"

Every ``*.py`` file below a suite directory (a subdirectory of this script's
directory) is a program, except files inside a directory named ``_lib``.

Each program is run as ``<python> NAME.py`` with the program's directory as the
working directory (so ``sys.argv[0]`` is the bare file name), stdin connected
to /dev/null, a 20 second timeout, and an environment where every inherited
``PYTHON*`` variable is removed and these are set::

    PYTHONHASHSEED=0  PYTHONIOENCODING=utf-8  PYTHONDONTWRITEBYTECODE=1

Usage
-----
    python3 tests/golden/regen.py                 # regenerate everything
    python3 tests/golden/regen.py core            # one suite (a directory)
    python3 tests/golden/regen.py core/x_y.py     # specific programs
    python3 tests/golden/regen.py --check         # verify, change nothing
    python3 tests/golden/regen.py --python /usr/bin/python3.11

The interpreter must report version 3.11.x; anything else is refused with
exit status 2 (a patch release other than 3.11.7, the one the committed
goldens come from, only draws a warning).  ``--check`` exits 1 if any golden file is missing or differs
from what the interpreter produces now.  Only the standard library is used.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys

GOLDEN_ROOT = os.path.dirname(os.path.abspath(__file__))
REQUIRED_VERSION = (3, 11)
# The committed goldens were produced with this exact release.  Other 3.11.x
# patch releases are accepted but can differ in small ways (for example 3.11.2
# draws the caret under "//" in tracebacks differently), so we warn.
REFERENCE_VERSION = (3, 11, 7)
TIMEOUT_SECONDS = 20
DIR_PLACEHOLDER = b"$DIR/"
SUFFIXES = ("stdout", "stderr", "status")
SKIP_DIRS = {"_lib", "__pycache__"}


def fail(msg, status=2):
    print("regen.py: error: " + msg, file=sys.stderr)
    sys.exit(status)


def probe_interpreter(python):
    """Return (executable, version_tuple, version_string) of `python`."""
    code = (
        "import sys; print(sys.executable); "
        "print('.'.join(map(str, sys.version_info[:3]))); "
        "print(sys.version.replace('\\n', ' '))"
    )
    try:
        out = subprocess.run(
            [python, "-c", code],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=60,
            check=True,
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError) as exc:
        fail("cannot run interpreter %r: %s" % (python, exc))
    lines = out.splitlines()
    if len(lines) < 3:
        fail("unexpected output probing %r: %r" % (python, out))
    executable, short, full = lines[0], lines[1], lines[2]
    version = tuple(int(part) for part in short.split("."))
    return executable or python, version, full


def is_program(path):
    return path.endswith(".py") and os.path.basename(path) != "regen.py"


def discover(directory):
    """All program paths below `directory`, sorted, skipping _lib dirs."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(root, name)
            if is_program(path):
                found.append(os.path.abspath(path))
    return found


def collect(targets):
    """Resolve command-line targets (default: every suite) to program paths."""
    if not targets:
        programs = []
        for entry in sorted(os.listdir(GOLDEN_ROOT)):
            suite = os.path.join(GOLDEN_ROOT, entry)
            if os.path.isdir(suite) and entry not in SKIP_DIRS and not entry.startswith("."):
                programs.extend(discover(suite))
        return programs
    programs = []
    for target in targets:
        candidates = [target, os.path.join(GOLDEN_ROOT, target)]
        path = next((c for c in candidates if os.path.exists(c)), None)
        if path is None:
            fail("no such program or suite: %s" % target)
        if os.path.isdir(path):
            programs.extend(discover(path))
        elif is_program(path):
            programs.append(os.path.abspath(path))
        else:
            fail("not a .py program: %s" % target)
    # keep order, drop duplicates
    return list(dict.fromkeys(programs))


def child_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_program(python, program, env):
    """Run one program; return ({suffix: bytes}, error_message_or_None)."""
    directory, name = os.path.split(program)
    try:
        proc = subprocess.run(
            [python, name],
            cwd=directory,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return None, "timed out after %d s" % TIMEOUT_SECONDS
    if proc.returncode < 0:
        return None, "killed by signal %d" % -proc.returncode
    stderr = proc.stderr
    # Replace the absolute directory (both spellings, if a symlink is involved;
    # the longer one first so one is never a prefix-match of the other).
    spellings = {os.path.abspath(directory), os.path.realpath(directory)}
    for spelling in sorted(spellings, key=len, reverse=True):
        stderr = stderr.replace(os.fsencode(spelling + os.sep), DIR_PLACEHOLDER)
    outputs = {
        "stdout": proc.stdout,
        "stderr": stderr,
        "status": ("%d\n" % proc.returncode).encode("ascii"),
    }
    return outputs, None


def golden_path(program, suffix):
    return program[: -len(".py")] + "." + suffix


def read_bytes(path):
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def find_orphans(programs):
    """Golden files whose program is gone (only in directories we looked at)."""
    dirs = sorted({os.path.dirname(p) for p in programs})
    orphans = []
    for directory in dirs:
        for name in sorted(os.listdir(directory)):
            stem, dot, suffix = name.rpartition(".")
            if dot and suffix in SUFFIXES:
                if not os.path.exists(os.path.join(directory, stem + ".py")):
                    orphans.append(os.path.join(directory, name))
    return orphans


def rel(path):
    return os.path.relpath(path, GOLDEN_ROOT)


def main():
    parser = argparse.ArgumentParser(
        description="Regenerate or check golden outputs using CPython 3.11 as the oracle."
    )
    parser.add_argument("targets", nargs="*", help="program paths or suite directories (default: all)")
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 on any difference")
    parser.add_argument("--python", default="python3", help="interpreter to use (default: python3)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="parallel runs")
    args = parser.parse_args()

    executable, version, full = probe_interpreter(args.python)
    print("regen.py: using %s -> %s (Python %s)" % (args.python, executable, full))
    if version[:2] != REQUIRED_VERSION:
        fail("goldens must come from CPython %d.%d.x, but %s is %s"
             % (REQUIRED_VERSION + (executable, ".".join(map(str, version)))))
    if version[:3] != REFERENCE_VERSION:
        print("regen.py: warning: committed goldens come from %s; %s may differ in details"
              % (".".join(map(str, REFERENCE_VERSION)), ".".join(map(str, version))))

    programs = collect(args.targets)
    if not programs:
        fail("no programs found")
    env = child_env()

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda p: run_program(executable, p, env), programs))

    errors, changed, unchanged = [], [], 0
    for program, (outputs, error) in zip(programs, results):
        if error is not None:
            errors.append("%s: %s" % (rel(program), error))
            continue
        for suffix in SUFFIXES:
            path = golden_path(program, suffix)
            old = read_bytes(path)
            new = outputs[suffix]
            if old == new:
                unchanged += 1
                continue
            changed.append((path, "missing" if old is None else "differs"))
            if not args.check:
                with open(path, "wb") as fh:
                    fh.write(new)

    for path, how in changed:
        verb = how if args.check else ("created" if how == "missing" else "updated")
        print("  %-8s %s" % (verb, rel(path)))
    for orphan in find_orphans(programs):
        print("  warning: golden file without a program: %s" % rel(orphan))
    for error in errors:
        print("  ERROR    %s" % error, file=sys.stderr)

    print("regen.py: %d programs, %d golden files %s, %d unchanged, %d errors"
          % (len(programs), len(changed),
             "out of date" if args.check else "written", unchanged, len(errors)))
    if errors:
        return 1
    if args.check:
        if changed:
            print("regen.py: goldens are OUT OF DATE; run tests/golden/regen.py to update")
            return 1
        print("regen.py: all goldens up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
