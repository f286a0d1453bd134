# Tests uncaught IndexError for an out-of-range list subscript.
x = [10, 20, 30]
print("x =", x, "len", len(x))
print(x[2])
print(x[10])
