# Tests uncaught TypeError from range() with a float argument.
n = 3 / 2
print("n =", n)
for i in range(n):
    print(i)
