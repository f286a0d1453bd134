# Tests PyThreadState_SetAsyncExc raising a custom exception in a busy worker loop.
import ctypes
import threading

class Interrupt(Exception):
    pass

in_loop = threading.Event()
log = []

def worker():
    n = 0
    try:
        while True:
            n += 1
            if n == 100:
                in_loop.set()
    except Interrupt as e:
        log.append("caught " + type(e).__name__ + " " + repr(e))
    finally:
        log.append("finally ran")
    log.append("worker returns normally")

t = threading.Thread(target=worker)
t.start()
in_loop.wait()
res = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(t.ident), ctypes.py_object(Interrupt))
print("threads affected:", res)
t.join()
print("alive:", t.is_alive())
for line in log:
    print(line)
