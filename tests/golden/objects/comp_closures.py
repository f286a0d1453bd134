# Tests closures created inside comprehensions (late binding), binding via default args, and calling later.
print("-- late binding: all lambdas see the final value")
fns = [lambda: i for i in range(3)]
print([f() for f in fns])

print("-- capture with a default argument")
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])

print("-- capture via a factory function")
def make_adder(n):
    return lambda x: x + n
adders = [make_adder(n) for n in range(1, 4)]
print([a(10) for a in adders])

print("-- dict of closures")
ops = {name: (lambda k: lambda x: x * k)(k) for name, k in [("double", 2), ("triple", 3)]}
print(ops["double"](7), ops["triple"](7))

print("-- closure over a function local used in a comprehension")
def multipliers(base):
    return [lambda x, m=m: x * m * base for m in range(3)]
print([f(2) for f in multipliers(5)])

print("-- comprehension inside a closure")
def make_filter(threshold):
    def filt(values):
        return [v for v in values if v > threshold]
    return filt
above3 = make_filter(3)
print(above3([1, 5, 3, 8]), make_filter(0)([-1, 0, 1]))

print("-- bound methods collected in a comprehension")
class Acc:
    def __init__(self, n):
        self.n = n
    def add(self, x):
        return self.n + x
methods = [Acc(n).add for n in range(3)]
print([m(100) for m in methods])
