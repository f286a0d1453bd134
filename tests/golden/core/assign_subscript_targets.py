# Tests assignment to subscripts: list items, nested items, dict keys, in tuple targets.
grid = [[0, 0, 0], [0, 0, 0]]
grid[0][1] = 5
grid[-1][-1] = 9
print(grid)
d = {}
d["a"] = d["b"] = 1
d["a"] += 10
print(d)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
i = 0
i, lst[i] = 1, "x"
print(i, lst)
nested = {"k": [1, {"z": 0}]}
nested["k"][1]["z"] = "deep"
nested["k"][0] -= 5
print(nested)
counter = {"hits": 0}
for _ in range(4):
    counter["hits"] += 1
print(counter)
t = ([1], [2])
t[0].append(1)
t[1][0] *= 10
print(t)
