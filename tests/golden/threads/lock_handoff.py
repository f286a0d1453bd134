# Tests a Lock held by main blocking a worker until main releases it.
import threading

lock = threading.Lock()
log = []
waiting = threading.Event()

def worker():
    waiting.set()
    lock.acquire()
    log.append("worker acquired")
    lock.release()

lock.acquire()
t = threading.Thread(target=worker)
t.start()
waiting.wait()
log.append("main releasing")
lock.release()
t.join()
print(log)

# a lock acquired in one thread may be released by another
def grab():
    lock.acquire()

g = threading.Thread(target=grab)
g.start()
g.join()
print("held after grabber ended:", lock.locked())
lock.release()
print("released by main:", lock.locked())
