# Tests functions as values: stored in lists/dicts, passed and returned, higher-order helpers.
def double(x):
    return x * 2
def negate(x):
    return -x
pipeline = [double, negate, double, abs]
v = 3
for fn in pipeline:
    v = fn(v)
print(v)
def apply_n(fn, n, x):
    for _ in range(n):
        x = fn(x)
    return x
print(apply_n(double, 10, 1), apply_n(lambda s: s + "!", 3, "hi"))
dispatch = {"len": len, "upper": lambda s: s.upper(), "rev": lambda s: s[::-1]}
for cmd in ("len", "upper", "rev"):
    print(cmd, dispatch[cmd]("abc"))
def choose(flag):
    if flag:
        return double
    return negate
print(choose(True)(21), choose(False)(21))
alias = double
print(alias is double, alias(4), callable(alias))
def my_map(fn, items):
    out = []
    for it in items:
        out.append(fn(it))
    return out
print(my_map(str, [1, 2]), my_map(len, ["ab", "c"]))
