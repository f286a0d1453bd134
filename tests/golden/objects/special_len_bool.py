# Tests __len__ and __bool__ driving len(), truthiness in if/while/not/and/or, and bool() conversion.
class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def take(self):
        return self.items.pop()

class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        print(f"  __bool__ -> {self.on}")
        return self.on

    def __repr__(self):
        return f"Flag({self.on})"

print("-- __len__")
b = Bag(1, 2, 3)
print(len(b), bool(b), bool(Bag()), not Bag())

print("-- while loop on __len__ truthiness")
while b:
    print("took", b.take(), "left", len(b))

print("-- __bool__")
print(bool(Flag(True)), bool(Flag(False)))
if Flag(False):
    print("wrong")
else:
    print("false branch")

print("-- and/or return the objects")
print(Flag(False) or "fallback")
print(Flag(True) and "second")
print(Flag(True) or "unused")

print("-- __bool__ wins over __len__")
class Both:
    def __len__(self):
        return 0
    def __bool__(self):
        return True
print(bool(Both()), len(Both()))

print("-- objects without either are truthy")
class Plain:
    pass
print(bool(Plain()), not Plain())

print("-- any/all/filter use truthiness")
flags = [Flag(False), Flag(True), Flag(False)]
print(any(flags))
print(len(list(filter(None, [Bag(), Bag(1), Bag(), Bag(2, 3)]))))
