# Tests worker threads pulling tasks from a shared list under a Lock until it is empty.
import threading

tasks = list(range(1, 21))
lock = threading.Lock()
results = {}
handled = {}

def worker(name):
    count = 0
    while True:
        with lock:
            if not tasks:
                break
            task = tasks.pop()
        value = task * task - 1
        with lock:
            results[task] = value
        count += 1
    with lock:
        handled[name] = count

threads = []
for i in range(3):
    threads.append(threading.Thread(target=worker, args=(f"w{i}",)))
for t in threads:
    t.start()
for t in threads:
    t.join()
total = 0
for k in sorted(results):
    total += results[k]
print("results:", len(results), "total:", total)
print("first and last:", results[1], results[20])
count_sum = 0
for name in handled:
    count_sum += handled[name]
print("tasks handled in all:", count_sum, "workers reported:", len(handled))
print("tasks left:", tasks)
