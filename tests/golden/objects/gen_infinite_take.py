# Tests infinite generators consumed with hand-written take/take_while/drop helpers (no itertools).
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out

def take_while(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x

def drop(n, it):
    it = iter(it)
    for _ in range(n):
        next(it)
    return it

def cycle(items):
    while True:
        for x in items:
            yield x

print("-- take")
print(take(5, naturals()), take(10, fib()))
print("-- take_while")
print(list(take_while(lambda x: x < 100, fib())))
print("-- drop then take")
print(take(3, drop(10, naturals())))
print("-- cycle")
print(take(7, cycle("abc")))
print("-- primes by trial division")
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found):
            found.append(n)
            yield n
print(take(15, primes()))
print("-- first fib over a million")
for i, f in enumerate(fib()):
    if f > 1000000:
        print(i, f)
        break
