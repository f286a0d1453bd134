# Tests raising exception classes vs instances and the resulting args/str.
try:
    raise ValueError
except ValueError as e:
    print("class:", repr(e), e.args, "[" + str(e) + "]")
try:
    raise ValueError()
except ValueError as e:
    print("empty instance:", repr(e), e.args)
try:
    raise ValueError("msg", 1)
except ValueError as e:
    print("instance:", repr(e), e.args, str(e))
try:
    raise KeyboardInterrupt
except BaseException as e:
    print("KeyboardInterrupt caught as BaseException:", repr(e))
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise "string"
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print("raise from caught:", e)
try:
    raise ValueError("c") from None
except ValueError as e:
    print("raise from None caught:", e)
