# Tests dict methods: get keys values items pop popitem setdefault update copy clear.
d = {"x": 1, "y": 2, "z": 3}
print(d.get("x"), d.get("q"), d.get("q", 0), d.get("x", 99))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("y"), d, d.pop("nope", "default"))
print(d.popitem(), d)
print(d.setdefault("x", 100), d.setdefault("w", 5), d.setdefault("v"), d)
d.update({"x": -1, "new": 7})
print(d)
d.update([("pair", 1), ("x", -2)])
print(d)
d.update(kw=3)
print(d)
c = d.copy()
c["x"] = "copy only"
print(d["x"], c["x"], c == d)
print(d.clear(), d, len(d))
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
