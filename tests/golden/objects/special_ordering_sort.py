# Tests __lt__/__le__/__gt__/__ge__, sorting lists of instances, max/min, and sort stability.
class Version:
    def __init__(self, text):
        self.text = text
        self.parts = tuple(int(p) for p in text.split("."))

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __gt__(self, other):
        return self.parts > other.parts

    def __ge__(self, other):
        return self.parts >= other.parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __repr__(self):
        return f"V{self.text}"

a = Version("1.2.0")
b = Version("1.10.0")
c = Version("1.2")

print("-- operators")
print(a < b, a <= b, a > b, a >= b, a == b)
print(c < a, c <= a, c == a, b >= b)

print("-- sorting")
vs = [Version(t) for t in ["2.0", "1.10.1", "1.2", "1.9", "0.9.9", "1.10"]]
print(sorted(vs))
print(sorted(vs, reverse=True))
vs.sort()
print(vs)

print("-- max and min")
print(max(vs), min(vs))
print(max(a, b, c), min(a, b, c))
print(max([Version("3.1"), Version("3.0.5")]))

print("-- chained comparisons")
print(Version("1.0") < Version("1.5") < Version("2.0"))
print(Version("1.0") < Version("2.5") < Version("2.0"))

print("-- stability: equal keys keep original order")
class Item:
    def __init__(self, prio, name):
        self.prio = prio
        self.name = name
    def __lt__(self, other):
        return self.prio < other.prio
    def __repr__(self):
        return f"{self.name}{self.prio}"
items = [Item(2, "a"), Item(1, "b"), Item(2, "c"), Item(1, "d"), Item(0, "e")]
print(sorted(items))
print(min(items), max(items))
