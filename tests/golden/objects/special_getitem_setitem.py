# Tests __getitem__/__setitem__/__delitem__ with int, negative, string and tuple keys on a custom container.
class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = [[0] * w for _ in range(h)]

    def __getitem__(self, key):
        r, c = key
        return self.cells[r][c]

    def __setitem__(self, key, value):
        r, c = key
        self.cells[r][c] = value

    def __delitem__(self, key):
        r, c = key
        self.cells[r][c] = 0

    def __repr__(self):
        return "\n".join(" ".join(str(v) for v in row) for row in self.cells)

print("-- tuple keys")
g = Grid(4, 3)
g[0, 0] = 1
g[1, 2] = 5
g[2, -1] = 9
print(g[1, 2], g[2, 3], g[0, 0])
print(g)

print("-- augmented assignment uses get then set")
g[1, 2] += 10
print(g[1, 2])

print("-- del")
del g[1, 2]
print(g[1, 2])

class Registry:
    def __init__(self):
        self.data = {}
        self.log = []

    def __getitem__(self, key):
        self.log.append(("get", key))
        return self.data[key.lower()]

    def __setitem__(self, key, value):
        self.log.append(("set", key))
        self.data[key.lower()] = value

    def __delitem__(self, key):
        self.log.append(("del", key))
        del self.data[key.lower()]

print("-- string keys, case-insensitive")
r = Registry()
r["Apple"] = 1
r["BANANA"] = 2
print(r["apple"], r["banana"])
del r["APPLE"]
print(r.data)
try:
    r["apple"]
except KeyError as e:
    print("KeyError:", e)
print(r.log)

print("-- IndexError from inside __getitem__")
class Seq:
    def __getitem__(self, i):
        return [10, 20, 30][i]
s = Seq()
print(s[0], s[-1])
try:
    s[5]
except IndexError as e:
    print("IndexError:", e)
