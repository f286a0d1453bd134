# Tests the TypeError messages for bad calls involving *args, **kwargs, methods and constructors (all caught).
def show(label, fn):
    try:
        fn()
        print(label, "no error")
    except TypeError as e:
        print(label, "->", e)

def f(a, b):
    return a + b

def g(a, *, k):
    return a

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def move(self, dx, dy=0):
        return self

    @staticmethod
    def origin():
        return Point(0, 0)

p = Point(1, 2)
show("too many *", lambda: f(*[1, 2, 3]))
show("too few *", lambda: f(*[1]))
show("dup via **", lambda: f(1, **{"a": 2}))
show("unexpected via **", lambda: f(1, 2, **{"c": 3}))
show("** non-string key", lambda: f(**{1: 2}))
show("** not a mapping", lambda: f(**[1, 2]))
show("* not iterable", lambda: f(*5))
show("kwonly missing", lambda: g(1))
show("kwonly positional", lambda: g(1, 2))
show("init missing", lambda: Point(1))
show("init too many", lambda: Point(1, 2, 3))
show("init unexpected", lambda: Point(1, 2, z=3))
show("method too many", lambda: p.move(1, 2, 3))
show("method missing", lambda: p.move())
show("method kw dup", lambda: p.move(1, dx=2))
show("static given arg", lambda: Point.origin(1))
show("unbound no self", lambda: Point.move())
show("repeated ** key", lambda: f(**{"a": 1}, **{"a": 2}))
