# Tests list slicing with positive/negative bounds and steps, and slice copies.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[-5:-2])
print(a[::2], a[1::3], a[::-1], a[::-3], a[8:1:-2], a[1:8:-1])
print(a[100:], a[-100:2], a[5:5], a[6:2], a[::100])
b = a[:]
b[0] = "changed"
print(a[0], b[0], a[:] == a, a[:] is a)
nested = [[1, 2], [3, 4], [5, 6]]
print(nested[1:], nested[::-1][0], nested[0][::-1], nested[-1][-1])
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-2], t[:0], t[-2:], type(t[1:3]).__name__)
