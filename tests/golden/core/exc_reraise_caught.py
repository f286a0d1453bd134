# Tests bare raise re-raising the active exception to an outer handler.
def process(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        print("  logging division problem for", x)
        raise
for x in (5, 0):
    try:
        print("result", process(x))
    except ZeroDivisionError as e:
        print("outer caught:", e)
try:
    try:
        raise ValueError("original")
    except ValueError as e:
        err = e
        raise
except ValueError as e2:
    print(e2 is err, e2)
def reraise_other():
    try:
        raise KeyError("x")
    except KeyError as e:
        saved = e
    raise saved
try:
    reraise_other()
except KeyError as e:
    print("saved exception re-raised:", repr(e))
