# Tests returning from inside nested loops and from inside while True.
def find(grid, target):
    for r, row in enumerate(grid):
        for c, val in enumerate(row):
            if val == target:
                return (r, c)
    return None
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(find(grid, 6), find(grid, 1), find(grid, 10))
def first_square_over(limit):
    n = 0
    while True:
        n += 1
        if n * n > limit:
            return n
print(first_square_over(50), first_square_over(0))
def check(values):
    for v in values:
        if v < 0:
            return "negative found"
        if v == 0:
            continue
    else:
        return "all non-negative"
print(check([1, 0, 2]), check([1, -1]), check([]))
