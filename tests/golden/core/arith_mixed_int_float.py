# Tests mixed int/float arithmetic: result types and values.
i = 7
f = 2.5
print(i + f, i - f, i * f, i / f, i // f, i % f, i ** 2.0)
print(f + i, f - i, f * i, f / i, f // i, f % i)
for v in (i + f, i * 2, i * 2.0, i // 2, i // 2.0, i / 1, abs(-i), abs(-f)):
    print(repr(v), type(v).__name__)
print(1 + 1.0 == 2, 2.0 * 3 == 6, 0.5 + 0.5 == 1)
print(3 * 0.1, 0.1 * 3, 0.3 == 0.1 * 3)
print(1e3 + 1, 1e15 + 1, 1e16 + 1)
print(True + 0.5, False * 2.5)
