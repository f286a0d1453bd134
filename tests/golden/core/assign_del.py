# Tests del on names, list items, dict keys, slices and multiple targets.
x = 10
y = 20
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
print(y)
lst = list(range(8))
del lst[0]
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)
a = b = 1
del a, b
p = [1, [2, 3]]
del p[1][0]
print(p)
q = 5
del q
q = 6
print(q)
