# Tests int() conversions from strings (with bases), floats and bools.
print(int("42"), int(" 42 "), int("-17"), int("+8"), int("0"), int("  -0  "))
print(int("ff", 16), int("FF", 16), int("777", 8), int("1010", 2), int("z", 36))
print(int("0x1f", 16), int("0b101", 0), int("0o17", 0), int("123", 0), int("1_000"))
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(1e18), int(2.5e3))
print(int(True), int(False), int(), int(7))
print(float("1.5"), float(" 2 "), float("-3e2"), float(10), float(True))
print(str(int("0010")), int("\t\n15\n"))
try:
    int("12a")
except ValueError as e:
    print("ValueError:", e)
try:
    int("")
except ValueError as e:
    print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1.5")
except ValueError as e:
    print("ValueError:", e)
