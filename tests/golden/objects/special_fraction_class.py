# Tests a Fraction class combining arithmetic, comparison, __eq__/__hash__, __str__/__repr__ and __bool__.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

class Frac:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("zero denominator")
        if den < 0:
            num, den = -num, -den
        g = gcd(num, den) or 1
        self.num = num // g
        self.den = den // g

    @staticmethod
    def _coerce(x):
        if isinstance(x, Frac):
            return x
        if isinstance(x, int):
            return Frac(x)
        return None

    def __add__(self, other):
        o = Frac._coerce(other)
        if o is None:
            return NotImplemented
        return Frac(self.num * o.den + o.num * self.den, self.den * o.den)

    __radd__ = __add__

    def __sub__(self, other):
        o = Frac._coerce(other)
        if o is None:
            return NotImplemented
        return Frac(self.num * o.den - o.num * self.den, self.den * o.den)

    def __mul__(self, other):
        o = Frac._coerce(other)
        if o is None:
            return NotImplemented
        return Frac(self.num * o.num, self.den * o.den)

    __rmul__ = __mul__

    def __neg__(self):
        return Frac(-self.num, self.den)

    def __eq__(self, other):
        o = Frac._coerce(other)
        if o is None:
            return NotImplemented
        return self.num == o.num and self.den == o.den

    def __hash__(self):
        return self.num * 1000003 + self.den

    def __lt__(self, other):
        o = Frac._coerce(other)
        return self.num * o.den < o.num * self.den

    def __bool__(self):
        return self.num != 0

    def __str__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"

    def __repr__(self):
        return f"Frac({self.num}, {self.den})"

half = Frac(1, 2)
third = Frac(1, 3)
print("-- arithmetic")
print(half + third, half - third, half * third, -half)
print(half + 1, 1 + half, 2 * third, third * 3)
print("-- normalisation")
print(repr(Frac(6, -8)), Frac(10, 5), Frac(0, 7), repr(Frac(0, -7)))
print("-- comparison and equality")
print(half == Frac(2, 4), half == third, Frac(4, 2) == 2, half != 1)
print(sorted([half, third, Frac(3, 4), Frac(-1, 5)]))
print(max(half, third), min([Frac(5, 3), Frac(3, 5)]))
print("-- hashing: equal fractions are one key")
d = {Frac(1, 2): "half"}
d[Frac(2, 4)] = "still half"
print(d, d[Frac(3, 6)])
print("-- truthiness")
print(bool(Frac(0)), bool(half), [str(f) for f in [Frac(0), half] if f])
print("-- sum of a harmonic series")
total = sum(Frac(1, n) for n in range(1, 7))
print(total, repr(total))
print("-- errors")
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    half + 0.5
except TypeError as e:
    print("TypeError:", e)
