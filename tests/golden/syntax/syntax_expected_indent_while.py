# Malformed: 'while' block body is not indented.
n = 3
while n > 0:
n -= 1
print(n)
