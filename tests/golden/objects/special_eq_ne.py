# Tests __eq__ (and derived !=), explicit __ne__, comparisons against other types, and list operations using ==.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return self.x == other.x and self.y == other.y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

print("-- == and derived !=")
print(Point(1, 2) == Point(1, 2), Point(1, 2) == Point(2, 1))
print(Point(1, 2) != Point(1, 2), Point(1, 2) != Point(2, 1))

print("-- comparison with other types falls back to identity")
print(Point(1, 2) == (1, 2), Point(1, 2) != "p", None == Point(0, 0))

print("-- list operations use __eq__")
pts = [Point(0, 0), Point(1, 1), Point(2, 2), Point(1, 1)]
print(Point(1, 1) in pts, Point(5, 5) in pts)
print(pts.index(Point(2, 2)), pts.count(Point(1, 1)))
pts.remove(Point(1, 1))
print(pts)
print([Point(1, 2)] == [Point(1, 2)], (Point(0, 0),) == (Point(0, 1),))

print("-- explicit __ne__")
class Weird:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print(f"  __eq__({self.v}, {other.v})")
        return self.v == other.v
    def __ne__(self, other):
        print(f"  __ne__({self.v}, {other.v})")
        return "ne-result"
print(Weird(1) == Weird(1))
print(Weird(1) != Weird(1))

print("-- __eq__ returning non-bool")
class Loose:
    def __eq__(self, other):
        return "yes"
print(Loose() == 1, bool(Loose() == 1), Loose() != 1)

print("-- defining __eq__ makes instances unhashable")
try:
    d = {Point(0, 0): 1}
except TypeError as e:
    print("TypeError:", e)
