# Malformed: double-quoted string not closed, in the middle of a call.
x = 1
print("value is, x)
y = 2
