# Tests catching SystemExit, inspecting code, then re-raising with bare raise (status 7).
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught exit with code", e.code)
    raise
