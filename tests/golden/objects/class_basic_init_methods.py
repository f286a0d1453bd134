# Tests a basic class: __init__, instance attributes, methods with arguments and return values.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def move_in_place(self, dx, dy):
        self.x += dx
        self.y += dy

    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2

    def as_tuple(self):
        return (self.x, self.y)

print("-- construct")
p = Point(1, 2)
print(p.x, p.y, p.as_tuple())

print("-- method returning new instance")
q = p.moved(3, 4)
print(p.as_tuple(), q.as_tuple())

print("-- method mutating self")
p.move_in_place(10, -10)
print(p.as_tuple())
print("none returned:", p.move_in_place(0, 0))

print("-- method with another instance")
print(Point(0, 0).dist2(Point(3, 4)))

print("-- attributes assigned from outside")
p.x = 100
p.label = "P"
print(p.as_tuple(), p.label)

print("-- calling through the class")
print(Point.as_tuple(q))
Point.move_in_place(q, 1, 1)
print(q.as_tuple())

print("-- many instances are independent")
pts = [Point(i, i * i) for i in range(4)]
for pt in pts:
    pt.move_in_place(1, 0)
print([pt.as_tuple() for pt in pts])
