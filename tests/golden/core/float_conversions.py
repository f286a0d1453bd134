# Tests float() from strings/ints and int() truncation of floats.
print(float("3.14"), float("  -2.5e-3  "), float("1_0.5"), float("10"), float(".5"), float("5."))
print(float(2 ** 53), float(-17), float(False), float("1e500"), float("-1e500"))
print(int(2.9999), int(-2.9999), int(1e15), int(123456789.987), int(-1e18))
print(int(float("1e10")), int(0.0), int(-0.0), int(9.999999999999999e17))
print(type(float("1")).__name__, type(int(1.0)).__name__)
print(3.0 == 3, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
try:
    float("1.2.3")
except ValueError as e:
    print("ValueError:", e)
try:
    float("")
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("-inf"))
except OverflowError as e:
    print("OverflowError:", e)
