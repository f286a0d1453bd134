# Tests divmod() and round() with ints, floats, ndigits (banker's rounding).
print("-- divmod --")
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(0, 3))
q, r = divmod(100, 7)
print(q, r)
print("-- round to int --")
for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.4999, 2.5001, -2.6):
    print(v, round(v), type(round(v)).__name__)
print("-- round with ndigits --")
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(2.5, 0))
print(round(1234.5678, -2), round(1234, -2), round(1250, -2), round(1350, -2))
print(round(-1234, -1), round(5, 2), type(round(5, 2)).__name__)
print(round(0.125, 2), round(0.375, 2), round(-0.0), round(1e15))
