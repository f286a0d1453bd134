# Malformed: '(' of a call never closed.
name = "a"
print("hello", name
x = 2
