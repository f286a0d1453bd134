# Tests Lock acquire/release/locked in a single thread.
import threading

lock = threading.Lock()
print("locked initially:", lock.locked())
print("acquire():", lock.acquire())
print("locked:", lock.locked())
lock.release()
print("after release:", lock.locked())
print("acquire(True):", lock.acquire(True))
lock.release()
print("acquire(blocking=True):", lock.acquire(blocking=True))
print("locked:", lock.locked())
lock.release()
print("final:", lock.locked())
