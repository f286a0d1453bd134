# Tests method overriding, calling the base version via super().method(), and base methods calling overridden ones.
class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def describe(self):
        return f"{self.name} area={self.area()}"

    def label(self):
        return "shape"

class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side

    def area(self):
        return self.side * self.side

    def label(self):
        return "square<" + super().label() + ">"

class Cube(Square):
    def __init__(self, side):
        super().__init__(side)
        self.name = "cube"

    def area(self):
        return 6 * super().area()

    def label(self):
        return "cube<" + super().label() + ">"

print("-- template method calls the override")
for s in [Shape("blob"), Square(3), Cube(2)]:
    print(s.describe(), "|", s.label())

print("-- calling base implementation explicitly")
c = Cube(2)
print(Square.area(c), Shape.area(c), c.area())

print("-- override only some methods")
class Circle(Shape):
    def area(self):
        return 3
print(Circle("circle").describe(), Circle("c").label())
