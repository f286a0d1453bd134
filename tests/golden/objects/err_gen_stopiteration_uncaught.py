# Tests an uncaught StopIteration from next() on an exhausted generator at module level.
def two():
    yield "first"
    yield "second"

g = two()
print(next(g))
print(next(g))
print(next(g))
