# Tests acquire(blocking=False) on free and held locks, from main and a worker.
import threading

lock = threading.Lock()
print("free, non-blocking:", lock.acquire(blocking=False))
print("held, non-blocking:", lock.acquire(blocking=False))
print("held, acquire(False):", lock.acquire(False))
print("still locked:", lock.locked())

seen = []

def worker():
    seen.append(lock.acquire(blocking=False))
    seen.append(lock.locked())

t = threading.Thread(target=worker)
t.start()
t.join()
print("worker while main holds:", seen)
lock.release()
seen.clear()
t = threading.Thread(target=worker)
t.start()
t.join()
print("worker after release:", seen)
print("main sees worker's hold:", lock.locked())
lock.release()
print("released by main:", lock.locked())
