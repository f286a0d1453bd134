# Malformed: consecutive underscores in a number literal (1__0).
a = 1_0
b = 1__0
print(a, b)
