# Tests uncaught KeyError whose key is a tuple: message shows the tuple repr.
grid = {(0, 0): "a", (0, 1): "b"}
print(grid[(0, 1)])
print(grid[1, 1])
