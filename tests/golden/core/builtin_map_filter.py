# Tests map() and filter() with lambdas, builtins and None, consumed via list().
print(list(map(lambda x: x * x, [1, 2, 3])), list(map(str, range(4))), list(map(len, ["a", "bb", ""])))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(int, "123")))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(lambda s: s.isdigit(), ["1", "a", "22"])))
m = map(abs, [-1, -2])
print(list(m), list(m))
def double(x):
    return x * 2
print(sum(map(double, range(5))), max(map(len, ["aa", "b", "cccc"])))
print(list(map(lambda p: p[0] + p[1], zip([1, 2], [3, 4]))))
