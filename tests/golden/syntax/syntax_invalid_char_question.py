# Malformed: a lone '?' (C-style ternary) is not valid.
x = 4
y = x > 3 ? 1 : 0
print(y)
