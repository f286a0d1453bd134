# Tests lexicographic comparison of lists and tuples.
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9, 9])
print([1, 2] == [1, 2], [1, 2] <= [1, 2], [1, [2, 3]] < [1, [2, 4]])
print((1, "a") < (1, "b"), (2,) > (1, 100), () < (0,), (1, 2) >= (1, 2))
print(["a", "b"] < ["a", "c"], ["b"] > ["abc"], [1.5] > [1])
print(max([[1, 2], [1, 3], [0, 9]]), min([(2, "x"), (1, "z"), (1, "y")]))
print([1, 2] != (1, 2), [[]] == [[]], [None] == [None])
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print("TypeError:", e)
try:
    [1] < (1,)
except TypeError as e:
    print("TypeError:", e)
