# Tests keyword arguments in calls to user functions and builtins, and ordering.
def box(width, height, fill="#", border=True):
    return f"{width}x{height} fill={fill} border={border}"
print(box(2, 3))
print(box(height=1, width=4))
print(box(5, 6, border=False))
print(box(1, 2, "*", False))
print(box(7, height=8, fill="."))
def trace(a, b):
    return a - b
def noisy(label, v):
    print("  eval", label)
    return v
print(trace(b=noisy("b", 1), a=noisy("a", 10)))
print(sorted([3, 1, 2], reverse=True), print("kw", "args", sep="+", end="!\n"))
print(int("11", base=2), dict(one=1, two=2))
