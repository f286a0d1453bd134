# Malformed: 'for' block body is not indented.
items = [1, 2, 3]
for item in items:
print(item)
