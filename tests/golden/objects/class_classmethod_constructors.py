# Tests @classmethod alternate constructors, cls in subclasses, and class-level counters via cls.
class Date:
    created = 0

    def __init__(self, y, m, d):
        self.y = y
        self.m = m
        self.d = d
        type(self).bump()

    @classmethod
    def bump(cls):
        cls.created += 1

    @classmethod
    def from_string(cls, s):
        y, m, d = s.split("-")
        return cls(int(y), int(m), int(d))

    @classmethod
    def from_tuple(cls, t):
        return cls(*t)

    @classmethod
    def epoch(cls):
        return cls(1970, 1, 1)

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"

class Holiday(Date):
    created = 0

    def __init__(self, y, m, d, name="holiday"):
        super().__init__(y, m, d)
        self.name = name

    def __repr__(self):
        return super().__repr__() + f"[{self.name}]"

print("-- alternate constructors")
print(Date.from_string("2024-02-29"))
print(Date.from_tuple((1999, 12, 31)))
print(Date.epoch())

print("-- cls is the subclass when called through it")
h = Holiday.from_string("2023-12-25")
print(h, type(h).__name__)
print(Holiday.epoch())

print("-- called through an instance")
print(h.from_tuple((2000, 1, 1)))

print("-- per-class counters through cls")
print(Date.created, Holiday.created)

print("-- classmethod bound to the class")
m = Holiday.from_string
print(m("2020-1-2"), m.__qualname__)
print(Holiday.created)
