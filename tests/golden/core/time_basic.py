# Tests time.sleep/time/monotonic/perf_counter used only in deterministic ways.
import time
t1 = time.time()
m1 = time.monotonic()
p1 = time.perf_counter()
time.sleep(0.001)
time.sleep(0)
t2 = time.time()
m2 = time.monotonic()
p2 = time.perf_counter()
print(t2 >= t1, m2 >= m1, p2 > p1)
print(type(t1).__name__, type(m1).__name__, type(p1).__name__)
print(t1 > 1600000000, (p2 - p1) >= 0.0005, isinstance(time.time(), float))
print(time.sleep(0.0001))
start = time.perf_counter()
total = 0
for i in range(1000):
    total += i
elapsed = time.perf_counter() - start
print(total, elapsed >= 0, elapsed < 5)
