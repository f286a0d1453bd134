# Malformed: 'if' block body is not indented.
x = 5
if x > 3:
print("big")
print("done")
