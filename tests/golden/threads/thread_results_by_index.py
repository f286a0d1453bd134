# Tests many workers writing results into a dict; main prints after joining all.
import threading

results = {}

def square_sum(idx, n):
    total = 0
    for k in range(n):
        total += k * k
    results[idx] = total

threads = []
for i in range(8):
    t = threading.Thread(target=square_sum, args=(i, i * 10))
    threads.append(t)
for t in threads:
    t.start()
for t in threads:
    t.join()
for i in range(8):
    print(i, results[i])
print("count:", len(results))
print("names:", threads[0].name, threads[7].name)
