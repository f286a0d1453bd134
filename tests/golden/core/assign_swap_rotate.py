# Tests tuple-based swapping and rotation, and evaluation order of right side first.
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
x = [1, 2, 3, 4]
x[0], x[-1] = x[-1], x[0]
print(x)
i, j = 0, 1
i, j = j, i + j
i, j = j, i + j
i, j = j, i + j
print(i, j)
fib = [0, 1]
for _ in range(10):
    fib.append(fib[-1] + fib[-2])
print(fib)
s = "abc"
s = s[1:] + s[:1]
print(s)
