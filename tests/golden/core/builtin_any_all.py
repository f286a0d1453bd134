# Tests any() and all() including empty iterables and short-circuit over iterators.
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any("a"), all(""))
print(any([None, "", 0.0]), all([1, "x", [0]]), any(map(lambda x: x > 2, [1, 2, 3])))
def noisy(x):
    print("  checking", x)
    return x > 1
print(any(map(noisy, [0, 5, 9])))
print(all(map(noisy, [3, 0, 9])))
nums = [2, 4, 6, 7]
print(all(map(lambda n: n % 2 == 0, nums)), any(map(lambda n: n % 2 == 1, nums)))
