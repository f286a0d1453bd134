# Malformed: the same keyword argument passed twice.
def f(a, b=0):
    return a + b
f(a=1, a=2)
