# Tests classes created inside functions (a class factory) whose methods close over function locals.
def make_counter_class(start, step):
    class Counter:
        def __init__(self):
            self.value = start

        def next(self):
            self.value += step
            return self.value

        def __repr__(self):
            return f"Counter(start={start}, step={step}, value={self.value})"
    return Counter

print("-- two generated classes")
ByOne = make_counter_class(0, 1)
ByTen = make_counter_class(100, 10)
a = ByOne()
b = ByTen()
print(a.next(), a.next(), b.next(), b.next())
print(a, b)

print("-- distinct class objects with the same name")
print(ByOne.__name__, ByTen.__name__, ByOne is ByTen)
print(isinstance(a, ByOne), isinstance(a, ByTen))
print(ByOne.__qualname__)

print("-- subclassing a generated class")
class Fast(ByTen):
    def next(self):
        super().next()
        return super().next()
f = Fast()
print(f.next(), f.next(), f)

print("-- method closure sees later changes to nonlocal state")
def registry():
    items = []
    class Reg:
        def add(self, x):
            items.append(x)
            return len(items)
    return Reg(), items
r, items = registry()
r.add("a")
r.add("b")
print(items)
