# Tests __iadd__ mutating in place vs falling back to __add__ (rebinding), and aliasing effects.
class Bucket:
    def __init__(self, items):
        self.items = list(items)

    def __iadd__(self, other):
        print("  __iadd__")
        self.items.extend(other.items)
        return self

    def __add__(self, other):
        print("  __add__")
        return Bucket(self.items + other.items)

    def __repr__(self):
        return f"Bucket({self.items})"

class Immutable:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        print("  Immutable.__add__")
        return Immutable(self.n + other)

    def __repr__(self):
        return f"Immutable({self.n})"

print("-- __iadd__ mutates; alias sees it")
a = Bucket([1])
alias = a
a += Bucket([2, 3])
print(a, alias, a is alias)

print("-- plain + creates a new object")
b = a + Bucket([4])
print(a, b, b is a)

print("-- no __iadd__: falls back to __add__ and rebinds")
x = Immutable(1)
y = x
x += 5
print(x, y, x is y)

print("-- __iadd__ on attributes and list elements")
class Holder:
    def __init__(self):
        self.b = Bucket([])
h = Holder()
h.b += Bucket(["attr"])
lst = [Bucket([0])]
lst[0] += Bucket([9])
print(h.b, lst)

print("-- __iadd__ returning something else rebinds to that")
class Odd:
    def __iadd__(self, other):
        return "replaced"
o = Odd()
o += 1
print(o)
