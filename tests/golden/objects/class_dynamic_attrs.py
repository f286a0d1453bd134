# Tests attributes added to instances after construction, per-instance differences, and AttributeError caught.
class Box:
    def __init__(self):
        self.items = []

b1 = Box()
b2 = Box()

print("-- add attributes dynamically")
b1.color = "red"
b1.size = 3
print(b1.color, b1.size, hasattr(b2, "color"))

print("-- attributes holding functions are not bound")
b1.fn = lambda x: x * 2
print(b1.fn(21))

print("-- missing attribute")
try:
    print(b2.color)
except AttributeError as e:
    print("AttributeError:", e)

print("-- attribute values can be anything")
b2.child = Box()
b2.child.items.append("nested")
b2.child.child = b1
print(b2.child.items, b2.child.child.color)

print("-- setting via a loop of names")
for name, value in [("w", 1), ("h", 2), ("d", 3)]:
    setattr(b1, name, value)
print(b1.w * b1.h * b1.d)

print("-- deleting")
del b1.color
print(hasattr(b1, "color"), getattr(b1, "color", "none"))
