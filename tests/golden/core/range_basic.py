# Tests range(): arguments, negative steps, len, indexing, slicing, membership, repr, errors.
print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 5)), list(range(5, 0)), list(range(-3, 3)), list(range(3, -3, -2)))
r = range(1, 20, 4)
print(r, len(r), r[0], r[-1], r[2], 9 in r, 10 in r, r[1:3], r[::-1])
print(range(3), range(0, 5), range(1, 2, 3), len(range(0, -10, -1)), len(range(10 ** 18)))
print(range(4) == range(0, 4), range(0) == range(5, 5), list(reversed(range(4))))
print(sum(range(101)), max(range(7)), min(range(3, 9)), r.index(13), r.count(5))
for i in range(3):
    print("i =", i)
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[5]
except IndexError as e:
    print("IndexError:", e)
