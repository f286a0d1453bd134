# Tests arithmetic special methods on a Vector: __add__, __sub__, __mul__, __rmul__, __neg__, __eq__.
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, Vector):
            return self.x * k.x + self.y * k.y
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def length(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

a = Vector(1, 2)
b = Vector(3, -4)

print("-- add/sub")
print(a + b, a - b, b - a)
print("-- scalar and dot products")
print(a * 3, 3 * a, a * 0.5, a * b)
print("-- negation")
print(-a, -(-a), b.length(), Vector(0, 0).length())
print("-- combined expression with precedence")
print(a + b * 2 - -a)
print(2 * (a + b) == a * 2 + b * 2)
print("-- operands are not mutated")
c = a
c = c + b
print(a, c, c is a)
print("-- chained operations in a loop")
pos = Vector(0, 0)
for step in [Vector(1, 0), Vector(0, 1), Vector(-2, 5)]:
    pos = pos + step
print(pos)
