# Tests acquire(timeout=...) succeeding on a free lock and failing on a held one.
import threading

lock = threading.Lock()
print("free with timeout:", lock.acquire(timeout=0.05))
print("held with timeout 0.01:", lock.acquire(timeout=0.01))
print("held with timeout 0:", lock.acquire(timeout=0))
print("blocking=True, timeout=0.01:", lock.acquire(True, 0.01))

results = []
holding = threading.Event()

def worker():
    results.append(lock.acquire(timeout=0.02))
    holding.set()
    results.append(lock.acquire(timeout=2))
    lock.release()

t = threading.Thread(target=worker)
t.start()
holding.wait()
lock.release()
t.join()
print("worker results:", results)
print("locked at end:", lock.locked())
try:
    lock.acquire(blocking=False, timeout=1)
except ValueError as e:
    print("ValueError:", e)
