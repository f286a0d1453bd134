# Malformed: '**' with nothing after it in a call.
def f(a):
    return a
f(**)
