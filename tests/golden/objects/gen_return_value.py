# Tests a generator's `return value` surfacing as StopIteration.value, and a bare return ending iteration.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"

print("-- return value via StopIteration")
g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "| args:", e.args)

print("-- a for loop ignores the return value")
print(list(countdown(3)))

print("-- bare return")
def early(items):
    for x in items:
        if x is None:
            return
        yield x
print(list(early([1, 2, None, 3])))
g = early([None])
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, e.args)

print("-- return before any yield")
def nothing():
    return 42
    yield
try:
    next(nothing())
except StopIteration as e:
    print("value:", e.value)

print("-- collecting yields and return value manually")
def with_summary(values):
    count = 0
    for v in values:
        count += 1
        yield v * 10
    return {"count": count}

g = with_summary([1, 2, 3])
items = []
while True:
    try:
        items.append(next(g))
    except StopIteration as stop:
        summary = stop.value
        break
print(items, summary)
