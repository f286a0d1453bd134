# Tests the `as` value: __enter__ may return self, another object, None, or a tuple that is unpacked.
class Opener:
    def __init__(self, name):
        self.name = name
        self.lines = []

    def __enter__(self):
        return self.lines

    def __exit__(self, *exc):
        print(f"closing {self.name} with {len(self.lines)} lines")

class NoneMgr:
    def __enter__(self):
        pass

    def __exit__(self, et, ev, tb):
        pass

class PairMgr:
    def __enter__(self):
        return ("left", "right")

    def __exit__(self, et, ev, tb):
        return None

print("-- enter returns a different object")
o = Opener("log")
with o as lines:
    lines.append("one")
    lines.append("two")
    print(lines is o.lines)
print(o.lines)

print("-- enter returns None")
with NoneMgr() as x:
    print("x is", x)

print("-- tuple unpacking target")
with PairMgr() as (a, b):
    print(a, b)

print("-- attribute and subscript targets")
class Holder:
    pass
h = Holder()
d = {}
with PairMgr() as h.pair:
    pass
with PairMgr() as d["k"]:
    pass
print(h.pair, d)

print("-- the as variable survives the block")
with Opener("tmp") as kept:
    kept.append("x")
print(kept)
