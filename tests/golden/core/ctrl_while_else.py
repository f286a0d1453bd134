# Tests while loops with else (runs when no break), break skipping else, continue.
n = 0
while n < 3:
    print("n =", n)
    n += 1
else:
    print("while-else ran, n =", n)
n = 10
while n > 0:
    if n == 7:
        print("breaking at", n)
        break
    n -= 1
else:
    print("not printed")
print("after break n =", n)
i = 0
while i < 6:
    i += 1
    if i % 2:
        continue
    print("even", i)
else:
    print("else after continue loop")
while False:
    print("never")
else:
    print("else of a loop that never ran")
