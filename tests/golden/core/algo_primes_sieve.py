# Tests a sieve of Eratosthenes with list slice assignment and counting.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            is_prime[p * p::p] = [False] * len(range(p * p, n + 1, p))
        p += 1
    primes = []
    for i, flag in enumerate(is_prime):
        if flag:
            primes.append(i)
    return primes
ps = sieve(100)
print(ps)
print(len(sieve(10000)), sieve(10000)[-1], sum(sieve(1000)))
twins = []
for a, b in zip(ps, ps[1:]):
    if b - a == 2:
        twins.append((a, b))
print(twins)
