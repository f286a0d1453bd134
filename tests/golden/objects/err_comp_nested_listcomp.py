# Tests a traceback from a nested list comprehension (two <listcomp> frames) with a module-level caller.
grid = [["1", "2", "3"], ["4", "five", "6"]]
print([[int(c) for c in row] for row in grid[:1]])
numbers = [[int(c) for c in row] for row in grid]
