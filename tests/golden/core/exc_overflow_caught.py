# Tests OverflowError from float operations (caught) vs inf results that are not errors.
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e, e.args)
try:
    1.1 ** 100000
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
print("1e308 * 10 =", 1e308 * 10, "(no error)")
print("float('1e400') =", float("1e400"))
try:
    raise OverflowError("custom")
except ArithmeticError as e:
    print("caught as ArithmeticError:", repr(e))
