# Tests reflected comparisons: a > b tries b.__lt__ when a lacks __gt__, and tracing which method runs.
class Only_lt:
    def __init__(self, v):
        self.v = v

    quiet = False

    def __lt__(self, other):
        if not Only_lt.quiet:
            print(f"  {self.v}.__lt__({other.v})")
        return self.v < other.v

    def __repr__(self):
        return f"L{self.v}"

x = Only_lt(1)
y = Only_lt(2)

print("-- direct")
print(x < y)
print("-- reflected: x > y becomes y < x")
print(x > y)
print(y > x)

print("-- sort only needs __lt__ (tracing off)")
Only_lt.quiet = True
print(sorted([Only_lt(3), Only_lt(1), Only_lt(2)]), max([Only_lt(5), Only_lt(7)]))
Only_lt.quiet = False

print("-- __le__ missing and no reflection possible")
try:
    x <= y
except TypeError as e:
    print("TypeError:", e)

print("-- comparison with an int")
class Num:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if isinstance(other, Num):
            return self.v < other.v
        if isinstance(other, int):
            return self.v < other
        return NotImplemented
    def __gt__(self, other):
        if isinstance(other, int):
            return self.v > other
        return NotImplemented
print(Num(3) < 5, Num(3) > 5, 5 > Num(3), 5 < Num(3))
try:
    Num(1) < "s"
except TypeError as e:
    print("TypeError:", e)
