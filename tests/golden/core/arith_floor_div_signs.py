# Tests Python's floor division and modulo sign rules for ints and floats.
print("-- int // --")
for a in (7, -7):
    for b in (2, -2):
        print(a, "//", b, "=", a // b)
print("-- int % --")
for a in (7, -7):
    for b in (2, -2):
        print(a, "%", b, "=", a % b)
print("-- identity a == (a//b)*b + a%b --")
pairs = [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (3, 7), (-3, 7)]
for a, b in pairs:
    q = a // b
    r = a % b
    print(a, b, q, r, q * b + r == a)
print("-- float // and % --")
print(7.5 // 2, -7.5 // 2, 7.5 // -2, -7.5 // -2)
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(-1 % 3.0, 1 % -3.0, -0.5 // 1, 0.5 // -1)
print(5 // 0.5, 5 % 0.5, 1 // 0.1, 1 % 0.1)
print("-- mixed --")
print(9 // 2.0, 9 % 2.0, -9 // 2.0, -9 % 2.0)
print(True // 2, 5 // True, -5 % True)
