# Tests round(), pow() and divmod() argument combinations and result types.
for x in (7, -7, 7.0, -7.5):
    for y in (2, -2, 2.5):
        print(x, y, divmod(x, y), pow(x, 2), round(x / y, 3))
print(pow(2, 3, 5), pow(-2, 3, 5), pow(2, 0, 1), pow(10, 18, 1000000007))
print(round(7), round(7.7), round(-7.5), round(8.5), round(7.25, 1), round(7.35, 1))
print(type(round(7.7)).__name__, type(round(7.7, 0)).__name__, type(divmod(7.0, 2)[0]).__name__)
