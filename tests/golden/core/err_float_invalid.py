# Tests uncaught ValueError from float() of a non-numeric string.
print(float("2.5"))
print(float(" -1e3 "))
print(float("x"))
