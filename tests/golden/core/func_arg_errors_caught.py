# Tests TypeError messages for wrong call arguments to user functions (all caught).
def f(a, b):
    return a + b
def g(a, b=2, c=3):
    return a + b + c
def h():
    return 0
tests = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, z=3),
    lambda: f(1, a=2),
    lambda: g(),
    lambda: g(1, 2, 3, 4),
    lambda: h(1),
    lambda: g(1, c=1, d=2),
    lambda: f(b=1),
]
for t in tests:
    try:
        t()
        print("no error?")
    except TypeError as e:
        print("TypeError:", e)
lam = lambda x, y=1: x * y
try:
    lam()
except TypeError as e:
    print("TypeError:", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)
try:
    len([1], [2])
except TypeError as e:
    print("TypeError:", e)
