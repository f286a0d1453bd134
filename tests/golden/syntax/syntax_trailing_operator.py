# Malformed: binary operator with no right operand at end of line.
a = 1
b = a +
print(b)
