# Tests that the 'as' name is deleted after the except block ends.
e = "before"
try:
    raise ValueError("inside")
except ValueError as e:
    print("in handler:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
saved = None
try:
    1 / 0
except ZeroDivisionError as exc:
    saved = exc
print("saved survives:", repr(saved))
def f():
    try:
        raise KeyError("k")
    except KeyError as inner:
        pass
    return inner
try:
    f()
except UnboundLocalError as err:
    print("UnboundLocalError:", err)
