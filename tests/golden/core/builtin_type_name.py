# Tests type(x) is T comparisons and type(x).__name__ for core values.
for v in [1, 2.0, "s", [1], (1,), {1: 2}, None, False, range(1), ValueError("e")]:
    print(repr(v), type(v).__name__)
print(type(1) is int, type(True) is int, type(True) is bool, type(1.0) is float)
print(type("x") is str, type([]) is list, type(()) is tuple, type({}) is dict)
print(type(1) == type(2), type(1) is type(1.0), type(None).__name__)
def kind(x):
    if type(x) is int:
        return "integer"
    if type(x) is str:
        return "string"
    return "other:" + type(x).__name__
print(kind(3), kind("a"), kind(3.5), kind([]), kind(True))
