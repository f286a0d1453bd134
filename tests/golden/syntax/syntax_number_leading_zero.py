# Malformed: decimal literal with a leading zero (012).
a = 0
b = 012
print(b)
