# Malformed: extra closing bracket at the end of an expression.
values = [1, 2, 3]
x = values[0]]
