# Tests while True with break/continue, Collatz sequences and loop counters.
def collatz(n):
    steps = 0
    path = [n]
    while True:
        if n == 1:
            break
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
        path.append(n)
    return steps, path
for start in (1, 6, 7, 27):
    steps, path = collatz(start)
    print(start, steps, path[:8], max(path))
n = 0
while True:
    n += 1
    if n < 5:
        continue
    print("stopped at", n)
    break
