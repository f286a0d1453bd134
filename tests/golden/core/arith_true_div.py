# Tests true division: int/int always gives float, including exact results.
print(6 / 3, 7 / 2, -7 / 2, 1 / 3, 2 / 3)
print(0 / 5, -0 / 5, 0 / -5)
print(10 / 4, 1 / 8, 1 / 7)
print(9007199254740993 / 1)
print(4611686018427387904 / 3)
print(1 / 1e-300, 1e-300 / 1e10)
print(True / 2, 3 / True)
x = 22
x /= 7
print(x, type(x).__name__)
print(-1 / 3, 100 / -8)
