# Tests sum() with ints, floats, start values, lists concatenation and str error.
print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(10), 100), sum((0.5, 0.25)))
print(sum([1, 2.5]), sum([True, True]), sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print(sum([-1, 1, -1]), sum(range(1, 101)) == 5050, sum([0.1] * 3))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
