# Tests sys.exit called inside an except handler: no traceback is printed, status 2.
import sys
def parse(s):
    try:
        return int(s)
    except ValueError:
        print("invalid input:", repr(s))
        sys.exit(2)
print(parse("5"))
print(parse("five"))
