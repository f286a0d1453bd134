# Tests a shared counter incremented by four threads under a Lock.
import threading

lock = threading.Lock()
state = {"count": 0}
per_thread = {}

def worker(name, n):
    mine = 0
    for _ in range(n):
        with lock:
            state["count"] += 1
        mine += 1
    with lock:
        per_thread[name] = mine

threads = []
for i in range(4):
    threads.append(threading.Thread(target=worker, args=(f"t{i}", 500 + i)))
for t in threads:
    t.start()
for t in threads:
    t.join()
print("count:", state["count"])
for k in sorted(per_thread):
    print(k, per_thread[k])
print("lock free:", not lock.locked())
