# Tests nested loops with break/continue affecting only the innermost loop, and flags.
for i in range(4):
    for j in range(4):
        if j == i:
            continue
        if j > 2:
            break
        print(i, j, end=" | ")
    print()
found = None
for i in range(1, 10):
    for j in range(1, 10):
        if i * j == 42:
            found = (i, j)
            break
    if found:
        break
print("found", found)
count = 0
i = 0
while i < 5:
    j = 0
    while j < 5:
        j += 1
        if (i + j) % 3 == 0:
            continue
        count += 1
    i += 1
print("count", count)
