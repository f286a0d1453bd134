# Tests @staticmethod: called through the class and through instances, used by other methods.
class Geometry:
    @staticmethod
    def square(x):
        return x * x

    @staticmethod
    def hyp2(a, b):
        return Geometry.square(a) + Geometry.square(b)

    @staticmethod
    def describe():
        return "geometry helpers"

    def __init__(self, side):
        self.side = side

    def area(self):
        return self.square(self.side)

print("-- through the class")
print(Geometry.square(7), Geometry.hyp2(3, 4), Geometry.describe())

print("-- through an instance")
g = Geometry(5)
print(g.square(3), g.describe(), g.area())

print("-- static method as a value")
f = Geometry.square
print(f(9), list(map(Geometry.square, [1, 2, 3])))
h = g.hyp2
print(h(6, 8))

print("-- in a subclass")
class Geometry3(Geometry):
    @staticmethod
    def square(x):
        return x * x * 10
print(Geometry3(2).area(), Geometry3.hyp2(1, 1))

print("-- sorting with a static method key")
class Keys:
    @staticmethod
    def by_len_then_alpha(s):
        return (len(s), s)
words = ["pear", "fig", "banana", "kiwi", "apple"]
print(sorted(words, key=Keys.by_len_then_alpha))
