# Tests bare except: catching everything including SystemExit and KeyboardInterrupt.
import sys
try:
    sys.exit(2)
except:
    print("bare except caught sys.exit")
try:
    raise KeyboardInterrupt
except:
    print("bare except caught KeyboardInterrupt")
try:
    1 / 0
except ValueError:
    print("wrong")
except:
    print("bare except as fallback after specific clause")
def f():
    try:
        return [][1]
    except:
        return "default"
print(f())
try:
    try:
        raise MemoryError("pretend")
    except:
        print("caught, re-raising")
        raise
except MemoryError as e:
    print("outer got", repr(e))
