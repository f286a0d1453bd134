# Tests several threads waiting on one Event, released at once, results sorted after join.
import threading

gate = threading.Event()
lock = threading.Lock()
arrived = []
done = []

def waiter(i):
    with lock:
        arrived.append(i)
    ok = gate.wait()
    with lock:
        done.append((i, ok))

threads = []
for i in range(5):
    t = threading.Thread(target=waiter, args=(i,))
    threads.append(t)
    t.start()
print("gate set?", gate.is_set())
gate.set()
for t in threads:
    t.join()
arrived.sort()
done.sort()
print("arrived:", arrived)
print("done:", done)
