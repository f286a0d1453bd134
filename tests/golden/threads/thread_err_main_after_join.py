# Tests an uncaught exception in the main thread after all workers finished.
import threading

totals = []

def add(n):
    totals.append(n * 2)

threads = []
for i in range(3):
    threads.append(threading.Thread(target=add, args=(i,)))
for t in threads:
    t.start()
for t in threads:
    t.join()
totals.sort()
print("totals:", totals)
expected = {"x": 1}
print("looking up key")
print(expected[totals[1]])
