# Tests the uncaught TypeError when __add__ returns NotImplemented and no __radd__ exists.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

a = Vec(1, 2)
print(a + Vec(3, 4))
total = a + 5
