# Tests bitwise operators & | ^ << >> ~ on positive and negative ints.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(bin(a & b), bin(a | b), bin(a ^ b))
print("-- negatives --")
print(-12 & 10, -12 | 10, -12 ^ 10, -12 & -10, -12 | -10)
print(-1 >> 5, -16 >> 2, -17 >> 2, -1 << 4, ~-1, ~0)
print(5 & -1, 5 | -1, 5 ^ -1)
print("-- shifts --")
print(1 << 0, 1 << 10, 1 << 62, 255 >> 4, 255 >> 100, 1 >> 1)
print((1 << 62) >> 61)
print("-- precedence --")
print(1 | 2 ^ 3 & 4, 1 + 2 << 3, 16 >> 2 + 1, 6 & 3 == 2)
x = 0xF0
x &= 0x3C
print(x)
x |= 1
print(x)
x ^= 0xFF
print(x)
x <<= 3
print(x)
x >>= 5
print(x)
