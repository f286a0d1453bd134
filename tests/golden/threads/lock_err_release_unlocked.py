# Tests an uncaught RuntimeError from releasing an unlocked Lock.
import threading

lock = threading.Lock()

def critical(n):
    with lock:
        total = n * 2
    return total

print(critical(21))
print("locked:", lock.locked())
lock.release()
print("not reached")
