# Malformed: stray '=' token in an assignment (x = = 1).
a = 0
x = = 1
print(x)
