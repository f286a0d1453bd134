# Tests forwarding *args and **kwargs through wrapper functions and methods, including super() calls.
def trace(fn):
    def wrapper(*args, **kwargs):
        print(f"  call {fn.__name__} args={args} kwargs={kwargs}")
        return fn(*args, **kwargs)
    return wrapper

@trace
def area(w, h=1, *, unit="cm"):
    return f"{w * h}{unit}"

print("-- wrapper forwards everything")
print(area(3))
print(area(3, 4))
print(area(w=2, h=5, unit="m"))

print("-- double wrapping")
inner = trace(trace(lambda *a, **k: (len(a), sorted(k))))
print(inner(1, 2, z=0, y=1))

print("-- forwarding through super()")
class Base:
    def __init__(self, name, *tags, **meta):
        self.name = name
        self.tags = tags
        self.meta = meta

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, tags={self.tags}, meta={self.meta})"

class Child(Base):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("child", True)
        super().__init__(*args, **kwargs)

print(Child("c"))
print(Child("c", "t1", "t2", color="red"))
print(Child(name="n", child=False))

print("-- partial application by hand")
def partial(fn, *pre, **prekw):
    def call(*args, **kwargs):
        merged = dict(prekw)
        merged.update(kwargs)
        return fn(*pre, *args, **merged)
    return call
def fmt(a, b, c, sep=" "):
    return sep.join([a, b, c])
p = partial(fmt, "x", sep="+")
print(p("y", "z"), p("1", "2", sep="/"))
