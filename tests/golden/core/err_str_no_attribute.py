# Tests uncaught AttributeError for a missing str method.
s = "abc"
print(s.upper())
print(s.foo())
