# Tests caret placement for an error in the middle of a long line of operations.
a, b, c, d = 12, 7, 0, 3
print("a, b, c, d =", a, b, c, d)
result = a * b + (a - b) * d + a // d + (b + d) * (a + b) - (a * d) // c + a * a * b - d * d * d + 1000
print(result)
