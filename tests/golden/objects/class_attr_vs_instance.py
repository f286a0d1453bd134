# Tests class attributes vs instance attributes: shadowing, deletion, mutation through the class.
class Config:
    level = 1
    tags = []
    name = "default"

    def describe(self):
        return f"{self.name}:{self.level}"

a = Config()
b = Config()

print("-- both read the class attribute")
print(a.level, b.level, Config.level)

print("-- instance assignment shadows")
a.level = 5
print(a.level, b.level, Config.level)

print("-- changing the class attribute affects non-shadowed instances")
Config.level = 9
print(a.level, b.level, Config.level)

print("-- deleting the instance attribute reveals the class one")
del a.level
print(a.level, hasattr(a, "level"))

print("-- mutable class attribute is shared")
a.tags.append("x")
b.tags.append("y")
print(a.tags, b.tags, Config.tags, a.tags is b.tags)

print("-- rebinding on instance stops sharing")
a.tags = ["own"]
a.tags.append("z")
print(a.tags, b.tags, Config.tags)

print("-- methods see shadowed values")
b.name = "bee"
print(a.describe(), b.describe())
Config.name = "changed"
print(a.describe(), b.describe())

print("-- new class attribute added later is visible")
Config.extra = 42
print(a.extra, b.extra)

print("-- augmented assignment on instance creates instance attribute")
class Tally:
    total = 0
t1 = Tally()
t2 = Tally()
t1.total += 3
print(t1.total, t2.total, Tally.total)
Tally.total += 10
print(t1.total, t2.total, Tally.total)
