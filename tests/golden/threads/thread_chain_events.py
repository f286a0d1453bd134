# Tests ordering five workers through a chain of Events (each waits for the previous).
import threading

N = 5
events = []
for i in range(N + 1):
    events.append(threading.Event())

def worker(i):
    events[i].wait()
    print(f"worker {i} ({threading.current_thread().name})")
    events[i + 1].set()

threads = []
for i in range(N - 1, -1, -1):
    t = threading.Thread(target=worker, args=(i,), name=f"w{i}")
    threads.append(t)
    t.start()

print("all started, releasing worker 0")
events[0].set()
events[N].wait()
print("chain finished")
for t in threads:
    t.join()
alive = []
for t in threads:
    alive.append(t.is_alive())
print("alive:", alive)
