# Tests returning NotImplemented: reflected method tried next, and the TypeError messages when both decline.
class Meters:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        print(f"  Meters.__add__({type(other).__name__})")
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        return NotImplemented

    def __mul__(self, other):
        print(f"  Meters.__mul__({type(other).__name__})")
        if isinstance(other, int):
            return Meters(self.v * other)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Meters):
            return self.v < other.v
        return NotImplemented

    def __repr__(self):
        return f"{self.v}m"

class Feet:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        print(f"  Feet.__radd__({type(other).__name__})")
        if isinstance(other, Meters):
            return Meters(other.v + self.v * 3 // 10)
        return NotImplemented

print("-- handled directly")
print(Meters(2) + Meters(3), Meters(2) * 4)

print("-- left declines, right's __radd__ handles")
print(Meters(10) + Feet(10))

print("-- both decline")
cases = [
    ("Meters(1) + 5", lambda: Meters(1) + 5),
    ("5 + Meters(1)", lambda: 5 + Meters(1)),
    ("Meters(1) * Meters(2)", lambda: Meters(1) * Meters(2)),
    ("Meters(1) - Meters(2)", lambda: Meters(1) - Meters(2)),
    ("Feet(1) + Feet(2)", lambda: Feet(1) + Feet(2)),
    ("-Meters(1)", lambda: -Meters(1)),
    ("Meters(1) < 3", lambda: Meters(1) < 3),
    ("3 > Meters(1)", lambda: 3 > Meters(1)),
    ("Meters(1) >= Meters(2)", lambda: Meters(1) >= Meters(2)),
    ("Meters(1) + None", lambda: Meters(1) + None),
    ("[1] + Meters(1)", lambda: [1] + Meters(1)),
]
for label, fn in cases:
    try:
        print(fn())
    except TypeError as e:
        print(f"{label}: TypeError: {e}")

print("-- == with NotImplemented falls back to identity")
class Picky:
    def __eq__(self, other):
        return NotImplemented
p = Picky()
print(p == p, p == Picky(), p != Picky())
