# Tests the order of __enter__, body and __exit__ prints, and __exit__ arguments when no exception occurs.
class Tracer:
    def __init__(self, name):
        self.name = name
        print(f"init {name}")

    def __enter__(self):
        print(f"enter {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}: {exc_type}, {exc}, {tb}")
        return False

print("-- simple")
with Tracer("a"):
    print("body a")
print("after a")

print("-- as target is the __enter__ return value")
with Tracer("b") as t:
    print("body b, t.name =", t.name)

print("-- the manager can be created beforehand")
m = Tracer("c")
print("created")
with m:
    print("body c")
with m:
    print("body c again")

print("-- body with a loop")
with Tracer("d"):
    for i in range(3):
        print("step", i)
print("done")
