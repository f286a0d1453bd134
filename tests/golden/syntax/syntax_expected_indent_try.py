# Malformed: 'try' block body is not indented.
value = "12"
try:
n = int(value)
except ValueError:
    n = 0
print(n)
