# Tests uncaught ValueError from list.index of a missing value.
colors = ["red", "green", "blue"]
print(colors.index("green"))
print([1, 2].index(5))
