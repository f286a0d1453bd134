# Tests catching SystemExit from sys.exit with various codes and reading e.code.
import sys
for arg in (None, 0, 3, "bye", -1, [1, 2], True):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "-> code", repr(e.code), "args", e.args)
try:
    sys.exit()
except SystemExit as e:
    print("no arg -> code", repr(e.code), "args", e.args)
try:
    raise SystemExit(5)
except SystemExit as e:
    print("raise SystemExit(5) ->", e.code, str(e), repr(e))
try:
    raise SystemExit("a", 2)
except SystemExit as e:
    print("two args ->", e.code, e.args)
try:
    raise SystemExit
except SystemExit as e:
    print("bare class ->", e.code)
print("still running")
