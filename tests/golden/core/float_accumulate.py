# Tests float accumulation error and sum() of floats vs exact ints.
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, round(total, 10) == 1.0)
print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum(range(5), 0.5))
acc = 1.0
for i in range(60):
    acc /= 2
print(acc, acc * 2 ** 60)
x = 1.0
steps = 0
while x + 1.0 != x:
    x *= 2
    steps += 1
print(steps, x)
avg = sum([3, 4, 4]) / 3
print(avg, f"{avg:.3f}", round(avg, 2))
