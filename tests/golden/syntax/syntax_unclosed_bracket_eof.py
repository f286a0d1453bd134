# Malformed: '[' never closed before end of file.
x = 1
items = [1, 2,
         3, 4
print(items)
