# Tests uncaught TypeError: 'int' object is not subscriptable on a nested subscript.
data = [1, [2, 3]]
print(data[1][0])
print([1][0][0])
