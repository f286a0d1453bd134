# Tests Event.wait(timeout) returning False on timeout and True when set.
import threading

e = threading.Event()
print("wait(0.01) unset:", e.wait(0.01))
print("wait(timeout=0) unset:", e.wait(timeout=0))
e.set()
print("wait(0.01) set:", e.wait(0.01))
print("wait(timeout=0) set:", e.wait(timeout=0))
e.clear()
print("wait(0.02) after clear:", e.wait(0.02))

got = []
ready = threading.Event()
go = threading.Event()

def worker():
    got.append(go.wait(0.01))
    ready.set()
    got.append(go.wait(5))

t = threading.Thread(target=worker)
t.start()
ready.wait()
go.set()
t.join()
print("worker results:", got)
