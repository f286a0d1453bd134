# Tests sys.exit inside a with body: __exit__ sees SystemExit, does not suppress, and the message goes to stderr.
import sys

class Guard:
    def __enter__(self):
        print("guard on")
        return self

    def __exit__(self, et, ev, tb):
        print("guard off, saw", et.__name__, "code", ev.code)
        return False

with Guard():
    print("working")
    sys.exit("fatal: giving up inside with")
print("unreachable")
