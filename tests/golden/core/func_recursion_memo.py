# Tests memoized recursion with a dict, counting calls, and big (but 64-bit) results.
memo = {}
calls = 0
def fib(n):
    global calls
    calls += 1
    if n in memo:
        return memo[n]
    result = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = result
    return result
print(fib(90), calls)
print(fib(50), calls)
def paths(r, c, cache):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key not in cache:
        cache[key] = paths(r - 1, c, cache) + paths(r, c - 1, cache)
    return cache[key]
print(paths(2, 2, {}), paths(10, 10, {}), paths(16, 16, {}))
def binom(n, k, cache={}):
    if k == 0 or k == n:
        return 1
    if (n, k) not in cache:
        cache[(n, k)] = binom(n - 1, k - 1) + binom(n - 1, k)
    return cache[(n, k)]
print(binom(10, 5), binom(60, 30))
