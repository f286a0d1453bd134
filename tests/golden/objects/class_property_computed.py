# Tests read-only computed properties, properties in subclasses, and properties used inside methods.
class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    @property
    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)

    @property
    def is_square(self):
        return self.w == self.h

    def describe(self):
        return f"{self.w}x{self.h} area={self.area} perim={self.perimeter} square={self.is_square}"

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)

    @property
    def side(self):
        return self.w

print("-- computed each time")
r = Rect(3, 4)
print(r.area, r.perimeter, r.is_square)
r.w = 10
print(r.area, r.perimeter)
print(r.describe())

print("-- inherited properties")
s = Square(5)
print(s.side, s.area, s.is_square)
print(s.describe())

print("-- properties in expressions and containers")
shapes = [Rect(1, 2), Square(3), Rect(2, 2)]
print([x.area for x in shapes])
print(sum(x.perimeter for x in shapes))
print(max(shapes, key=lambda x: x.area).describe())

print("-- getattr works on properties")
print(getattr(s, "area"), hasattr(s, "side"), hasattr(r, "side"))
