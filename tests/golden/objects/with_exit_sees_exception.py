# Tests that __exit__ receives the exception type and value (not suppressing), and the exception propagates.
class Watch:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"[{self.name}] enter")
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            print(f"[{self.name}] exit cleanly")
        else:
            print(f"[{self.name}] exit with {exc_type.__name__}: {exc_value}")
            print(f"[{self.name}] same object: {isinstance(exc_value, exc_type)}, tb present: {tb is not None}")
        return False

class Boom(Exception):
    pass

print("-- clean")
with Watch("w1"):
    print("working")

print("-- builtin exception")
try:
    with Watch("w2"):
        print("about to divide")
        1 / 0
        print("unreachable")
except ZeroDivisionError as e:
    print("caught after exit:", e)

print("-- user exception with args")
try:
    with Watch("w3"):
        raise Boom("kaboom", 3)
except Boom as e:
    print("caught after exit:", e.args)

print("-- exception from a function called in the body")
def inner():
    return {}["nope"]
try:
    with Watch("w4"):
        inner()
except KeyError as e:
    print("caught after exit: KeyError", e)
