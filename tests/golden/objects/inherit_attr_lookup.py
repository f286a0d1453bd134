# Tests attribute lookup through the inheritance chain: instance, class, base classes, and hasattr on classes.
class Base:
    color = "red"
    size = 1

    def who(self):
        return "Base.who"

class Mid(Base):
    size = 2

class Leaf(Mid):
    def who(self):
        return "Leaf.who"

x = Leaf()

print("-- found at different levels")
print(x.color, x.size, x.who())

print("-- changing the base affects subclasses without overrides")
Base.color = "blue"
Base.size = 100
print(Leaf.color, Leaf.size, Mid.size)

print("-- instance shadows everything")
x.size = 9
print(x.size, Leaf.size)

print("-- adding to a subclass does not affect the base")
Mid.color = "green"
print(Leaf.color, Base.color, Mid().color)

print("-- subclass relations")
print(issubclass(Leaf, Base), issubclass(Base, Leaf), isinstance(x, Mid))

print("-- hasattr walks the chain")
print(hasattr(Leaf, "color"), hasattr(Leaf, "who"), hasattr(Leaf, "missing"))
