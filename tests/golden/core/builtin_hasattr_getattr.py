# Tests hasattr/getattr on builtin objects and callable() on various values.
print(hasattr("abc", "upper"), hasattr("abc", "nope"), hasattr([], "append"), hasattr({}, "keys"))
print(getattr("abc", "upper")(), getattr([3, 1, 2], "count")(1), getattr(5, "nope", "fallback"))
up = getattr("MiXed", "lower")
print(up())
e = ValueError("boom", 2)
print(getattr(e, "args"), hasattr(e, "args"))
print(callable(len), callable(print), callable(5), callable("s"), callable(lambda: 0), callable(str))
def f():
    return 1
print(callable(f), callable(f()), callable(None))
try:
    getattr(5, "nope")
except AttributeError as e:
    print("AttributeError:", e)
