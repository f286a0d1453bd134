# Tests the traceback of an exception raised in __init__ (frame shown as `in __init__`), via a super() chain.
class Shape:
    def __init__(self, sides):
        if sides < 3:
            raise ValueError(f"a shape needs at least 3 sides, got {sides}")
        self.sides = sides

class Polygon(Shape):
    def __init__(self, name, sides):
        self.name = name
        super().__init__(sides)

shapes = []
for name, sides in [("triangle", 3), ("square", 4), ("line", 2)]:
    shapes.append(Polygon(name, sides))
    print("made", name)
