# Tests a basic generator: lazy start, next() stepping, prints interleaving, exhaustion and next() default.
def steps():
    print("  started")
    yield 1
    print("  after first yield")
    yield 2
    print("  after second yield")
    yield 3
    print("  finishing")

print("-- creating does not run the body")
g = steps()
print(type(g).__name__)

print("-- stepping")
print(next(g))
print(next(g))
print(next(g))

print("-- exhausted: default value")
print(next(g, "exhausted"))
print(next(g, "still exhausted"))

print("-- exhausted: StopIteration")
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args, e.value)

print("-- independent generator objects")
a = steps()
b = steps()
print(next(a), next(a), next(b))

print("-- yield expression values and local state")
def running_total(values):
    total = 0
    for v in values:
        total += v
        yield total
print(list(running_total([1, 2, 3, 4])))

print("-- generator with no yields reached")
def maybe(flag):
    if flag:
        yield "yes"
print(list(maybe(True)), list(maybe(False)))
