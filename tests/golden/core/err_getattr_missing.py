# Tests uncaught AttributeError from getattr() without a default.
print(getattr("x", "upper")())
print(getattr(5, "nope", "default"))
getattr(5, "foo")
