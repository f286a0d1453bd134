# Tests sorted() on various iterables and reversed() on sequences.
print(sorted([3, 1, 2]), sorted("banana"), sorted((2.5, -1, 0)), sorted({"z": 1, "a": 2}))
print(sorted(range(5), reverse=True), sorted(["b", "A", "a", "B"]), sorted([]))
print(sorted(["apple", "Fig", "kiwi"], key=len), sorted([-4, 3, -2, 1], key=abs, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1,))), list(reversed(range(3))))
print(list(reversed([])), "".join(reversed("racecar")) == "racecar")
r = reversed([10, 20, 30])
print(next(r), next(r), list(r), list(r))
