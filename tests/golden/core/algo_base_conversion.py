# Tests converting integers to arbitrary bases and back, compared with bin/oct/hex/int.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
def to_base(n, base):
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = ""
    while n:
        n, r = divmod(n, base)
        out = DIGITS[r] + out
    return sign + out
for n in (0, 5, 255, -255, 1000000, 9223372036854775807):
    row = []
    for base in (2, 8, 16, 36):
        s = to_base(n, base)
        row.append(s if len(s) < 20 else s[:8] + "...")
        assert int(s, base) == n
    print(n, row)
print(to_base(255, 2) == bin(255)[2:], to_base(255, 16) == hex(255)[2:], to_base(64, 8) == oct(64)[2:])
