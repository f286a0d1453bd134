# Tests that default values are evaluated once at def time, in order, with side effects.
def make_default(label):
    print("evaluating default", label)
    return label
print("before def")
def f(a=make_default("A"), b=make_default("B")):
    return a + b
print("after def")
print(f(), f("x"), f(b="y"))
n = 1
def g(v=n):
    return v
n = 2
print(g(), n)
