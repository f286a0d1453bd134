# Malformed: a dict-style colon inside a call's arguments.
def f(a):
    return a
f(a: 1)
