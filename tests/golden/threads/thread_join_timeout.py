# Tests join(timeout) on a thread that is still blocked, then a full join.
import threading

release = threading.Event()
log = []

def worker():
    release.wait()
    log.append("worker finished")

t = threading.Thread(target=worker)
t.start()
r = t.join(0.05)
print("join(0.05) returned:", r)
print("alive after timed join:", t.is_alive())
r = t.join(timeout=0.01)
print("join(timeout=0.01) returned:", r)
print("still alive:", t.is_alive())
print("log so far:", log)
release.set()
t.join()
print("alive after join():", t.is_alive())
print("log:", log)
r = t.join(0.01)
print("join on finished thread:", r, t.is_alive())
