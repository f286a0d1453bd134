# Tests classic recursion: factorial, fibonacci, ackermann, gcd, power set size, hanoi.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src, moves)
print("factorials:")
for i in (0, 1, 5, 10, 20):
    print(i, fact(i))
print("fib", fib(0), fib(1), fib(10), fib(20))
print("ack", ack(0, 0), ack(1, 2), ack(2, 3), ack(3, 3))
print("gcd", gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(270, 192))
moves = []
hanoi(4, "A", "C", "B", moves)
print("hanoi", len(moves), moves[:7])
def depth(lst):
    if not isinstance(lst, list):
        return 0
    best = 0
    for x in lst:
        best = max(best, depth(x))
    return best + 1
print("depth", depth([]), depth([1, [2, [3, [4]]], [5]]))
def count_down(n):
    if n < 0:
        return
    print(n, end=" ")
    count_down(n - 1)
count_down(5)
print()
print("deep", fact(1) + sum(map(lambda k: 0, range(3))), len(str(fact(20))))
def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print("sum_to(900) =", sum_to(900))
