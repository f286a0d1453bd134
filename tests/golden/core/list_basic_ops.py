# Tests list basics: literals, + and * operators, len, in, index/count, equality.
a = [1, 2, 3]
b = [4, 5]
print(a + b, a * 2, 2 * b, [] * 5, [0] * 4, a * 0, a * -1)
print(len(a), len([]), len([[1, 2], [3]]), 2 in a, 9 in a, 9 not in a)
print(a.index(2), a.count(2), [1, 1, 2, 1].count(1), [[1], [1]].count([1]))
print(a == [1, 2, 3], a != [1, 2], a == (1, 2, 3), [] == [], [1, [2]] == [1, [2]])
c = [[0] * 2] * 3
c[0][0] = 9
print(c)
d = [None] * 3
d[1] = "x"
print(d, list("abc"), list(range(4)), list((1, 2)), list({"k": 1, "j": 2}))
print(a[0], a[-1], a[1:], a[::-1], [a, b])
