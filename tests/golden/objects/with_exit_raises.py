# Tests exceptions raised inside __exit__: replacing a body exception (with context) or raised on clean exit.
class FailingExit:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print(f"{self.name}.__exit__ got {et.__name__ if et else None}")
        raise RuntimeError(f"{self.name} cleanup failed")

print("-- clean body, __exit__ raises")
try:
    with FailingExit("a"):
        print("body ok")
except RuntimeError as e:
    print("caught:", e, "| context:", e.__context__)

print("-- body raises, __exit__ raises: new exception wins, old is context")
try:
    with FailingExit("b"):
        raise ValueError("body failed")
except RuntimeError as e:
    print("caught:", e)
    print("context:", type(e.__context__).__name__, e.__context__)
except ValueError:
    print("never: ValueError is replaced")

print("-- outer manager sees the exception from the inner __exit__")
class Observer:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("observer saw", et.__name__, ev)
        return True
with Observer():
    with FailingExit("c"):
        pass
print("observer suppressed it")

print("-- __exit__ raising while handling a return")
def f():
    with FailingExit("d"):
        return "never returned"
try:
    print(f())
except RuntimeError as e:
    print("caught:", e)
