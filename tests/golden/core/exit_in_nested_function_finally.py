# Tests sys.exit inside nested calls: finally blocks run on the way out, status 4.
import sys
def inner():
    try:
        print("inner: exiting")
        sys.exit(4)
    finally:
        print("inner finally")
def outer():
    try:
        inner()
    finally:
        print("outer finally")
outer()
print("not reached")
