# Tests a worker that catches an async exception and then fails with its own uncaught error.
import ctypes
import threading

class Interrupt(Exception):
    pass

spinning = threading.Event()

def worker():
    interrupted = False
    n = 0
    try:
        while True:
            n += 1
            if n == 30:
                spinning.set()
    except Interrupt:
        interrupted = True
    print("worker interrupted:", interrupted)
    if interrupted:
        raise RuntimeError("worker gave up after interrupt")

t = threading.Thread(target=worker)
t.start()
spinning.wait()
print("set:", ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(t.ident), ctypes.py_object(Interrupt)))
t.join()
print("main done, worker alive:", t.is_alive())
