# Tests setting then clearing a pending async exception (None and 0) on a blocked worker.
import ctypes
import threading

class Boom(Exception):
    pass

go = threading.Event()
waiting = threading.Event()
log = []

def worker():
    waiting.set()
    go.wait()
    total = 0
    for i in range(1000):
        total += i
    log.append(f"worker finished normally: {total}")

t = threading.Thread(target=worker)
t.start()
waiting.wait()
tid = ctypes.c_long(t.ident)
r1 = ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, ctypes.py_object(Boom))
r2 = ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, None)
r3 = ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, ctypes.py_object(Boom))
r4 = ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, 0)
print("set, clear(None), set, clear(0):", r1, r2, r3, r4)
go.set()
t.join()
print(log)
