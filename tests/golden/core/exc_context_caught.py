# Tests exceptions raised inside except/finally blocks and caught by an outer handler.
def convert(s):
    try:
        return int(s)
    except ValueError:
        raise TypeError("conversion failed for " + repr(s))
for s in ("12", "zz"):
    try:
        print(convert(s))
    except TypeError as e:
        print("TypeError:", e)
def cleanup_fails():
    try:
        return 1 / 0
    finally:
        raise RuntimeError("finally replaced the error")
try:
    cleanup_fails()
except RuntimeError as e:
    print("RuntimeError:", e)
except ZeroDivisionError:
    print("not reached")
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise ValueError("b") from None
except ValueError as e:
    print("suppressed context:", e)
