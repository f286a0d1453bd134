# Tests default arguments combined with *args and **kwargs, and mutable default pitfalls in methods.
def f(a, b=10, *rest, c=100, **kw):
    return (a, b, rest, c, kw)

print("-- defaults fill in")
print(f(1))
print(f(1, 2))
print(f(1, 2, 3, 4))
print(f(1, c=5))
print(f(1, 2, 3, c=5, d=6))

print("-- defaults are evaluated once")
def append_to(x, target=[]):
    target.append(x)
    return target
print(append_to(1), append_to(2), append_to(3, []))

class Cart:
    def __init__(self, items=None, *extra):
        self.items = list(items) if items is not None else []
        self.items.extend(extra)

    def add(self, *items, qty=1):
        for it in items:
            self.items.extend([it] * qty)
        return self

print("-- constructor defaults with *extra")
print(Cart().items, Cart(["a"]).items, Cart(["a"], "b", "c").items)
print(Cart().add("x", "y", qty=2).add("z").items)

print("-- default referring to an earlier global")
N = 5
def g(n=N):
    return n
N = 6
print(g(), N)
