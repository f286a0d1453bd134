# Tests UnboundLocalError (caught): local assigned later in function, and after del.
x = "global"
def f():
    print(x)
    x = "local"
def g(flag):
    if flag:
        y = 1
    return y
def h():
    z = 1
    del z
    return z
for fn, arg in ((f, None), (g, False), (h, None)):
    try:
        if arg is None:
            fn()
        else:
            fn(arg)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
try:
    f()
except NameError as e:
    print("caught as NameError:", type(e).__name__)
print(g(True))
def counter():
    count = 0
    def inc():
        count += 1
        return count
    return inc
try:
    counter()()
except UnboundLocalError as e:
    print("missing nonlocal:", e)
