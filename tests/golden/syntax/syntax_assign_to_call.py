# Malformed: assignment to a function call (f() = 3).
def f():
    return 1
f() = 3
