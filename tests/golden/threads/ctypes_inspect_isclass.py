# Tests inspect.isclass on classes, exception types, instances and functions.
import inspect
import threading

class Mine:
    pass

class MyError(Exception):
    pass

def f():
    pass

cases = [
    ("Mine", Mine),
    ("Mine()", Mine()),
    ("MyError", MyError),
    ("MyError()", MyError("x")),
    ("SystemExit", SystemExit),
    ("int", int),
    ("3", 3),
    ("function", f),
    ("lambda", lambda: 1),
    ("threading.Thread", threading.Thread),
    ("None", None),
    ("'str'", "str"),
]
for label, obj in cases:
    print(label, inspect.isclass(obj))
