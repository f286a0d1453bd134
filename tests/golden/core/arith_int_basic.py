# Tests basic integer arithmetic: + - * unary ops, precedence and parentheses.
print("-- add/sub/mul --")
a = 17
b = 5
print(a + b, a - b, a * b)
print(b - a, -a * b, a * -b)
print(0 + 0, 0 - 0, 0 * 12345)
print("-- unary --")
print(-a, +a, -(-a), ~a, ~-a, -~a)
print(- - - 3, + - + 4)
print("-- precedence --")
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 + 4 * 5)
print(10 - 4 - 3, 10 - (4 - 3))
print(2 * 3 ** 2, (2 * 3) ** 2, -2 ** 2, (-2) ** 2)
print(1 + 2 * 3 - 4 // 2 % 3)
print("-- big but in 64-bit range --")
big = 4611686018427387904
print(big, big - 1 + big)
print(3037000499 * 3037000499)
print(-9223372036854775807 - 1)
print(1000000007 * 1000000007)
print("-- literals --")
print(1_000_000, 0x_ff, 0o777, 0b1010_1010, 0XAB, 0O17, 0B11)
