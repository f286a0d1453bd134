# Tests type(x).__name__, type(x) is C, x.__class__, and creating new instances via type(x)().
class Base:
    def __init__(self, v=0):
        self.v = v

    def clone(self):
        return type(self)(self.v)

    def kind(self):
        return type(self).__name__

class Derived(Base):
    pass

b = Base(1)
d = Derived(2)

print("-- type names")
print(type(b).__name__, type(d).__name__)
print(b.kind(), d.kind())
print(b.__class__.__name__, d.__class__.__name__)

print("-- identity checks")
print(type(b) is Base, type(d) is Base, type(d) is Derived)
print(d.__class__ is Derived, type(d) == Derived, type(d) != Base)
print(type(b) is type(Base()), type(b) is type(d))

print("-- clone keeps the dynamic type")
c = d.clone()
print(type(c).__name__, c.v, c is d)

print("-- __class__ used to construct")
e = b.__class__(7)
print(type(e).__name__, e.v)

print("-- type of a class")
print(type(Base).__name__, type(type(b)).__name__)

print("-- type names of builtins")
for value in [1, 1.5, "s", [1], (1,), {"a": 1}, None, True, range(3)]:
    print(type(value).__name__, end=" ")
print()

print("-- repr of classes")
print(Base, Derived)
print(repr(type(d)), str(type(b)))
print([Base, Derived])
print(int, str, type(None))
