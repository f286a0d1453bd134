# A generator pipeline: a source, filters and maps chained as generators,
# `yield from`, a generator with a return value, and a consumer loop.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x

def squares(xs):
    for x in xs:
        yield x * x

def windows(xs, size):
    buf = []
    for x in xs:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf = buf[1:]

def chained(a, b):
    yield from a
    yield from b

def summed(xs):
    total = 0
    for x in xs:
        total += x
    return total

def driver(xs):
    total = yield from wrapped(xs)
    yield total

def wrapped(xs):
    total = 0
    for x in xs:
        total += x % 7
        yield x
    return total

acc = 0
for w in windows(squares(evens(numbers(600000))), 3):
    acc += w[2] - w[0]
last = None
for v in driver(chained(numbers(50000), evens(numbers(50000)))):
    last = v
print(acc, last, summed(numbers(1000)))
