# Tests dict insertion order preservation across delete, reinsert, update and pop.
d = {}
for k in ["delta", "alpha", "charlie", "bravo"]:
    d[k] = len(k)
print(list(d))
del d["alpha"]
d["alpha"] = 0
print(list(d))
d["delta"] = 99
print(d)
d.pop("charlie")
d["charlie"] = 1
print(d)
d.update({"bravo": 2, "echo": 3})
print(d)
print(d.popitem(), d.popitem(), list(d))
n = {}
for i in range(10, 0, -1):
    n[i * 7 % 11] = i
print(n)
print(list(n.keys()) == sorted(n.keys()))
