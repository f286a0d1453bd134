# Tests nested with statements and `with a, b:` ordering, with exceptions unwinding in reverse order.
class M:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"enter {self.name}")
        return self.name

    def __exit__(self, et, ev, tb):
        print(f"exit {self.name} ({et.__name__ if et else None})")
        return self.suppress

print("-- nested statements")
with M("outer") as o:
    with M("inner") as i:
        print("body", o, i)

print("-- multiple items in one with")
with M("a") as a, M("b") as b, M("c") as c:
    print("body", a, b, c)

print("-- exception unwinds in reverse order")
try:
    with M("x"), M("y"):
        raise ValueError("boom")
except ValueError:
    print("caught")

print("-- inner suppresses, outer sees nothing")
with M("out"), M("in", suppress=True):
    raise KeyError("gone")
print("continued")

print("-- outer suppresses what inner lets through")
with M("out2", suppress=True):
    with M("in2"):
        raise KeyError("caught by outer")
print("continued again")

print("-- second manager's __enter__ fails: first still exits")
class BadEnter:
    def __enter__(self):
        print("BadEnter.__enter__ raising")
        raise RuntimeError("cannot enter")
    def __exit__(self, *a):
        print("never called")
try:
    with M("first"), BadEnter():
        print("unreachable")
except RuntimeError as e:
    print("RuntimeError:", e)
