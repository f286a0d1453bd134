# Tests the AttributeError traceback when assigning to a property without a setter.
class Circle:
    def __init__(self, r):
        self.r = r

    @property
    def diameter(self):
        return 2 * self.r

c = Circle(5)
print(c.diameter)
c.r = 6
print(c.diameter)
c.diameter = 20
