# Tests catching SystemExit in a wrapper and raising a new one with a derived code: status 12.
import sys
def worker():
    print("worker exiting with 2")
    sys.exit(2)
def supervisor():
    try:
        worker()
    except SystemExit as e:
        print("supervisor saw code", e.code)
        raise SystemExit(e.code + 10)
supervisor()
