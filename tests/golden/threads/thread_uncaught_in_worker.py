# Tests an uncaught exception in a target function: traceback on stderr, main continues.
import threading

log = []

def divide(a, b):
    log.append("dividing")
    return a // b

def worker():
    log.append("worker start")
    divide(10, 0)
    log.append("not reached")

t = threading.Thread(target=worker)
t.start()
t.join()
print("log:", log)
print("alive:", t.is_alive())
print("main continues normally")
