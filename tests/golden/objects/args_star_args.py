# Tests *args in function definitions: empty, many, combined with positional params and defaults.
def collect(*args):
    return args

def head_tail(first, *rest):
    return first, rest

def total(start=0, *nums):
    return start + sum(nums)

def describe(label, *items, sep=", "):
    return label + ": " + sep.join(str(i) for i in items)

print("-- args is a tuple")
print(collect(), collect(1), collect(1, "two", [3]))
print(type(collect(1, 2)).__name__, len(collect(*range(5))))

print("-- positional before *args")
print(head_tail(1), head_tail(1, 2, 3))

print("-- defaults combined with *args")
print(total(), total(5), total(5, 1, 2, 3))

print("-- keyword after *args")
print(describe("nums", 1, 2, 3))
print(describe("nums", 1, 2, 3, sep="-"))
print(describe("none"))

print("-- iterating args")
def maximum(*values):
    best = None
    for v in values:
        if best is None or v > best:
            best = v
    return best
print(maximum(3, 9, 2), maximum(), maximum("b", "a"))

print("-- lambda with *args")
f = lambda *a: len(a)
print(f(), f(1, 2, 3))

print("-- methods with *args")
class Logger:
    def __init__(self):
        self.lines = []
    def log(self, fmt, *values):
        self.lines.append(fmt.format(*values))
        return self
lg = Logger()
lg.log("a={} b={}", 1, 2).log("plain").log("{}-{}-{}", "x", "y", "z")
print(lg.lines)
