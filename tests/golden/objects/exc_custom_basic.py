# Tests a user exception subclassing Exception: raise/except as, e.args, str(e), repr(e), type name.
class MyError(Exception):
    pass

print("-- raise and catch")
try:
    raise MyError("something failed")
except MyError as e:
    print("caught:", e)
    print("args:", e.args)
    print("str:", str(e))
    print("repr:", repr(e))
    print("type:", type(e).__name__, type(e) is MyError)

print("-- no arguments")
try:
    raise MyError
except MyError as e:
    print(repr(e), e.args, repr(str(e)))

print("-- several arguments")
try:
    raise MyError("code", 42, [1, 2])
except MyError as e:
    print(e)
    print(repr(e), e.args[1])

print("-- non-string argument")
e = MyError(404)
print(str(e), repr(e), e.args)

print("-- caught as Exception")
try:
    raise MyError("generic")
except Exception as e:
    print(type(e).__name__, e, isinstance(e, MyError))

print("-- in containers")
print([MyError("a"), MyError("b", 1)])

print("-- variable is cleared after except")
try:
    raise MyError("x")
except MyError as err:
    pass
try:
    print(err)
except NameError as ne:
    print("NameError:", ne)
