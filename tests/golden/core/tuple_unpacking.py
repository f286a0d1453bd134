# Tests tuple/list unpacking: simple, nested, starred in every position, loop targets.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *mid, tail = (1, 2)
print(head, mid, tail)
x, *y, z = range(6)
print(x, y, z)
[p, q], r = "pq", "r"
print(p, q, r)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
for n, *others in [(1, 2, 3), (4,)]:
    print(n, others)
(m,) = [42]
print(m)
s1, s2, s3 = "xyz"
print(s3, s2, s1)
k1, k2 = {"one": 1, "two": 2}
print(k1, k2)
