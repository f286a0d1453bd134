# Tests __exit__ returning True to suppress exceptions, selective suppression, and falsy return values.
class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = []

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught.append(f"{et.__name__}({ev})")
            return True
        return False

print("-- suppressed: code after the with runs")
s = Suppress(ValueError, KeyError)
with s:
    int("abc")
    print("unreachable")
print("after 1")
with s:
    {}["k"]
print("after 2")
print(s.caught)

print("-- not in the list: propagates")
try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("propagated:", e)

print("-- subclass of a suppressed type")
class MyErr(ValueError):
    pass
s2 = Suppress(ValueError)
with s2:
    raise MyErr("sub")
print(s2.caught)

print("-- truthy non-bool return value also suppresses")
class Truthy:
    def __enter__(self):
        return None
    def __exit__(self, *a):
        return "yes"
with Truthy():
    raise RuntimeError("hidden")
print("suppressed by a truthy string")

print("-- falsy return value does not")
class Falsy:
    def __enter__(self):
        return None
    def __exit__(self, *a):
        return 0
try:
    with Falsy():
        raise RuntimeError("visible")
except RuntimeError as e:
    print("propagated:", e)

print("-- suppression inside a loop")
results = []
for v in ["1", "x", "3", "", "5"]:
    with Suppress(ValueError):
        results.append(int(v))
print(results)
