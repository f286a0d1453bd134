# Tests releasing an unlocked Lock: RuntimeError / threading.ThreadError.
import threading

lock = threading.Lock()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

lock.acquire()
lock.release()
try:
    lock.release()
except threading.ThreadError as e:
    print("ThreadError:", e, type(e).__name__)

print("ThreadError is RuntimeError:", threading.ThreadError is RuntimeError)

msgs = []

def worker():
    try:
        lock.release()
    except RuntimeError as e:
        msgs.append(str(e))

t = threading.Thread(target=worker)
t.start()
t.join()
print("worker:", msgs)
print("locked:", lock.locked())
