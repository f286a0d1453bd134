# Tests enumerate (with start) and zip (unequal lengths, zero/one/three iterables, pairing).
print(list(enumerate("abc")), list(enumerate(["x", "y"], start=10)), list(enumerate([], 5)))
print(list(enumerate((7, 8), -1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1, 2])), list(zip(range(3), "xyz", [True, False, None])))
pairs = [(1, "one"), (2, "two"), (3, "three")]
nums, names = list(zip([1, 2], [3, 4]))
print(nums, names)
for i, (n, name) in enumerate(pairs):
    print(i, n, name)
keys = ["a", "b", "c"]
vals = [1, 2, 3]
print(dict(zip(keys, vals)))
total = 0
for a, b in zip(vals, vals[1:]):
    total += a * b
print(total)
