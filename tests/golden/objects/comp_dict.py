# Tests dict comprehensions: from lists, with conditions, inverting, nested, and key collisions.
words = ["apple", "banana", "cherry", "avocado", "blueberry"]

print("-- basic")
print({w: len(w) for w in words})
print({i: i * i for i in range(6)})

print("-- with condition")
print({w: w.upper() for w in words if w.startswith("a")})

print("-- key collisions keep the last value")
print({w[0]: w for w in words})

print("-- inverting a dict")
codes = {"a": 1, "b": 2, "c": 3}
print({v: k for k, v in codes.items()})

print("-- grouping via nested comprehension")
firsts = sorted({w[0]: None for w in words})
print({f: [w for w in words if w[0] == f] for f in firsts})

print("-- from zip and enumerate")
print({k: v for k, v in zip("xyz", range(3))})
print({i: ch for i, ch in enumerate("hey")})

print("-- values computed by a function")
def classify(n):
    return "even" if n % 2 == 0 else "odd"
print({n: classify(n) for n in range(5)})

print("-- dict of lists of objects")
class P:
    def __init__(self, name, team):
        self.name = name
        self.team = team
    def __repr__(self):
        return self.name
people = [P("ann", "red"), P("bob", "blue"), P("cy", "red")]
print({t: [p for p in people if p.team == t] for t in ["red", "blue", "green"]})
