# Tests the uncaught TypeError when a constructor is called with too few arguments (Class.__init__ in message).
class Rectangle:
    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height

print(Rectangle(2, 3).area())
sizes = [(4, 5), (6,)]
for s in sizes:
    print(Rectangle(*s).area())
