# Malformed: assignment to a literal (1 = x).
x = 2
1 = x
print(x)
