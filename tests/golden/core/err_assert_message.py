# Tests uncaught AssertionError with an f-string message.
expected = [1, 2, 3]
actual = [1, 2, 4]
print("comparing")
assert actual == expected, f"expected {expected}, got {actual}"
