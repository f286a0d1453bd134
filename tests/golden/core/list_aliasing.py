# Tests list aliasing vs copying, is/==, mutation through aliases and function args.
a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
e = a.copy()
a.append(4)
print(a, b, c, d, e)
print(a is b, a is c, a == b, c == d == e)
def add_item(lst, item):
    lst.append(item)
    lst = ["rebound"]
    return lst
r = add_item(a, 5)
print(a, r)
grid = [[0, 0], [0, 0]]
row = grid[0]
row[1] = 7
print(grid)
shallow = grid[:]
shallow[1][0] = 8
shallow[0] = "new"
print(grid, shallow)
