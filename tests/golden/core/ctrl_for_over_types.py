# Tests for loops over range, list, tuple, str, dict, dict.items(), nested containers.
for i in range(3):
    print("range", i)
for x in [1.5, "two", None]:
    print("list", x)
for x in ("t1", "t2"):
    print("tuple", x)
for ch in "hé!":
    print("str", ch)
d = {"one": 1, "two": 2}
for k in d:
    print("dict key", k)
for k, v in d.items():
    print("items", k, v)
for v in d.values():
    print("values", v)
for a, b in [(1, 2), (3, 4)]:
    print("pairs", a + b)
for x in []:
    print("never")
print("loop vars keep last values:", x, k, v)
for i in range(10, 0, -4):
    print("down", i)
