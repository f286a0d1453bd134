# Exceptions raised and caught in a loop: builtin errors from failing
# operations, raise/except of a user class, try/finally on every path.
class Invalid(Exception):
    pass

def parse(token):
    if token == "":
        raise Invalid("empty")
    return int(token)

table = {"a": 1, "b": 2}
tokens = ["1", "x", "", "42", "-7", "3.5", ""]
ok = bad = empty = missing = cleanups = 0
for i in range(150000):
    token = tokens[i % 7]
    try:
        ok += parse(token)
    except Invalid:
        empty += 1
    except ValueError as e:
        bad += len(e.args)
    finally:
        cleanups += 1
    try:
        ok += table["c" if i % 3 == 0 else "a"]
    except KeyError:
        missing += 1
    try:
        ok += 10 // (i % 5)
    except ZeroDivisionError:
        bad += 1
print(ok, bad, empty, missing, cleanups)
