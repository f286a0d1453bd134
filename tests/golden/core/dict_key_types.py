# Tests dict keys of different types, numeric key equality (1 == 1.0 == True) and unhashable keys.
d = {}
d[1] = "int one"
d[1.0] = "float one"
d[True] = "bool true"
print(d, len(d))
d[0] = "zero"
d[False] = "false"
d[-0.0] = "negzero"
print(d)
d[(1, 2)] = "tuple"
d["1"] = "string"
d[None] = "none"
d[(1, (2, 3))] = "nested tuple"
print(d[1, 2], d[(1, (2, 3))], d[None], d["1"], d[1])
print(list(d.keys()))
try:
    d[[1, 2]] = "list"
except TypeError as e:
    print("TypeError:", e)
try:
    d[{"a": 1}] = 0
except TypeError as e:
    print("TypeError:", e)
try:
    print(d[(1, [2])])
except TypeError as e:
    print("TypeError:", e)
