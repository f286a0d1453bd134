# Tests gcd/lcm, prime factorization and perfect numbers with while loops.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a // gcd(a, b) * b
def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors
print(gcd(1071, 462), gcd(-12, 18), gcd(0, 0), lcm(4, 6), lcm(21, 6))
l = 1
for i in range(1, 21):
    l = lcm(l, i)
print("lcm(1..20) =", l)
for n in (2, 12, 97, 360, 1001, 65536, 999999937, 600851475143):
    print(n, factorize(n))
perfect = []
for n in range(2, 1000):
    s = 1
    d = 2
    while d * d <= n:
        if n % d == 0:
            s += d
            if d != n // d:
                s += n // d
        d += 1
    if s == n:
        perfect.append(n)
print("perfect:", perfect)
