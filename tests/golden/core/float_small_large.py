# Tests printing of very small and very large floats and their products.
values = [5e-324, 2.2250738585072014e-308, 1e-310, 1e-7, 1e-6, 0.000001, 123e-9,
          1e15, 9999999999999998.0, 1e16, 1.7976931348623157e308, 4.9e-324 / 2]
for v in values:
    print(repr(v), str(v), v > 0)
print(1e308 * 10, -1e308 * 10, 1e-323 / 10, 2.0 ** 1023, 2.0 ** -1074, 2.0 ** -1075)
print(1.7976931348623157e308 + 1e292, 0.1 ** 400)
print(2 ** 1023.0 * 2, 1e200 * 1e200, -(1e200 * 1e200))
