# Tests inherited classmethods and staticmethods where cls is the calling subclass; registry per class.
class Shape:
    sides = 0
    made = []

    def __init__(self, size):
        self.size = size

    @classmethod
    def unit(cls):
        obj = cls(1)
        cls.made.append(cls.__name__)
        return obj

    @classmethod
    def many(cls, *sizes):
        return [cls(s) for s in sizes]

    @staticmethod
    def kind():
        return "shape"

    def __repr__(self):
        return f"{type(self).__name__}({self.size}, sides={self.sides})"

class Triangle(Shape):
    sides = 3

class Square(Shape):
    sides = 4

    @staticmethod
    def kind():
        return "square"

print("-- unit constructors")
print(Shape.unit(), Triangle.unit(), Square.unit())
print(Shape.made)

print("-- many")
print(Triangle.many(1, 2, 3))
print(Square.many())

print("-- staticmethod override")
print(Shape.kind(), Triangle.kind(), Square.kind(), Square(2).kind())
