# Tests generator expressions: laziness, single use, nesting, feeding each other, and parenthesis rules.
print("-- lazy evaluation")
def loud(x):
    print(f"  computing {x}")
    return x * x
g = (loud(x) for x in range(3))
print("created")
print(next(g))
print(list(g))

print("-- first iterable evaluated immediately")
def source():
    print("  source called")
    return [1, 2]
g = (x for x in source())
print("after creation")
print(list(g))

print("-- chaining generator expressions")
nums = range(10)
evens = (n for n in nums if n % 2 == 0)
squares = (n * n for n in evens)
print(list(squares))

print("-- nested loops")
print(list((a, b) for a in "xy" for b in (1, 2)))

print("-- sole argument needs no extra parentheses")
print(sum(x for x in range(5)), "-".join(str(x) for x in range(3)))

print("-- iterating twice shows single use")
g = (c for c in "ab")
print([c for c in g], [c for c in g])

print("-- generator over a mutated list sees changes before consumption")
data = [1, 2]
g = (d * 10 for d in data)
data.append(3)
print(list(g))
