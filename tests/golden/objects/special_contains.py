# Tests __contains__ for `in`/`not in`, and the fallback to __iter__ when __contains__ is missing.
class Range2:
    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi

    def __contains__(self, x):
        print(f"  __contains__({x})")
        return self.lo <= x < self.hi

class Evens:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        print("  __iter__")
        return iter(range(0, self.n, 2))

print("-- __contains__")
r = Range2(10, 20)
print(5 in r, 10 in r, 19 in r, 20 not in r)

print("-- __contains__ result converted to bool")
class Truthy:
    def __contains__(self, x):
        return x
print(3 in Truthy(), 0 in Truthy(), "" in Truthy(), [1] in Truthy())

print("-- fallback to iteration")
e = Evens(10)
print(4 in e, 5 in e, 8 not in e)

print("-- in a comprehension filter")
print([x for x in range(8, 23, 3) if x in Range2(12, 21)])
