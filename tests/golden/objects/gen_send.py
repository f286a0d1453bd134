# Tests generator.send(): priming with next()/send(None), receiving values, and running averages.
def echo():
    print("  echo started")
    received = None
    while True:
        received = yield f"got {received}"
        if received == "stop":
            return "stopped"

print("-- priming and sending")
g = echo()
print(next(g))
print(g.send("hello"))
print(g.send(42))
print(next(g))
try:
    g.send("stop")
except StopIteration as e:
    print("finished with", e.value)

print("-- send(None) primes like next()")
g = echo()
print(g.send(None))

print("-- averager coroutine")
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

avg = averager()
next(avg)
for v in [10, 20, 60, 10]:
    print(avg.send(v))

print("-- sending a non-None value to a just-started generator")
g = echo()
try:
    g.send("too early")
except TypeError as e:
    print("TypeError:", e)

print("-- accumulating with send and a return value")
def collector():
    items = []
    while True:
        item = yield len(items)
        if item is None:
            return items
        items.append(item)
c = collector()
next(c)
c.send("a")
c.send("b")
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
