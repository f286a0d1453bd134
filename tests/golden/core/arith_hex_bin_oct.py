# Tests hex(), bin(), oct() including negatives and zero, plus round trips.
for n in (0, 1, 7, 8, 255, 256, -1, -255, 4096, 9223372036854775807):
    print(n, hex(n), bin(n) if n < 5000 and n > -5000 else "-", oct(n))
print(int(hex(48879), 16), int(bin(42), 2), int(oct(511), 8))
print(hex(True), bin(False))
print(f"{255:x} {255:X} {255:#x} {5:b} {5:08b} {8:o} {8:#o}")
