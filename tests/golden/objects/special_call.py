# Tests __call__: callable instances with state, used as callbacks, key functions and in map().
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0

    def __call__(self, x):
        self.calls += 1
        return x * self.factor

class Accumulator:
    def __init__(self):
        self.total = 0

    def __call__(self, *values, reset=False):
        if reset:
            self.total = 0
        for v in values:
            self.total += v
        return self.total

print("-- calling instances")
double = Multiplier(2)
print(double(5), double(10), double.calls)

print("-- in map and sorted")
triple = Multiplier(3)
print(list(map(triple, [1, 2, 3])), triple.calls)
neg = Multiplier(-1)
print(sorted([3, 1, 2], key=neg))

print("-- varargs and keywords")
acc = Accumulator()
print(acc(1, 2, 3), acc(4), acc(reset=True), acc(10, reset=True))

print("-- stored and passed as a callback")
def apply_all(fns, x):
    return [f(x) for f in fns]
print(apply_all([double, triple, neg, abs], -7))

print("-- returning a callable from __call__")
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, m):
        return Adder(self.n + m)
    def __repr__(self):
        return f"Adder({self.n})"
print(Adder(1)(2)(3)(4))
