# Tests tuples: literals incl. singleton, concatenation, repetition, index/count, hashing as keys.
t = (1, 2, 3)
single = (5,)
also_single = 5,
empty = ()
print(t, single, also_single, empty, (1), ((1,),), len(empty), len(single))
print(t + (4,), t * 2, (0,) * 3, t[1], t[-1], t[::-1], 2 in t)
print(t.index(3), t.count(2), (1, 1, 1).count(1), ("a", "b").index("b"))
print(tuple([1, 2]), tuple("hi"), tuple(range(3)), tuple(), tuple({"a": 1}))
pt = (3, 4)
x, y = pt
print(x, y, pt == (3, 4), pt < (3, 5), (1, 2) == [1, 2])
nested = (1, [2, 3], (4, 5))
nested[1].append(99)
print(nested)
d = {(0, 0): "origin", (1, 2): "point"}
print(d[(1, 2)], d[0, 0], (1, 2) in d)
try:
    t.index(42)
except ValueError as e:
    print("ValueError:", e)
