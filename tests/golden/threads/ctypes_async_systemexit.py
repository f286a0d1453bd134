# Tests an async SystemExit in a worker: finally runs, the thread ends silently.
import ctypes
import threading

in_loop = threading.Event()
log = []

def worker():
    count = 0
    try:
        while True:
            count += 1
            if count == 10:
                in_loop.set()
    finally:
        log.append("worker finally")

t = threading.Thread(target=worker, name="spinner")
t.start()
in_loop.wait()
res = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(t.ident), ctypes.py_object(SystemExit))
print("result:", res)
t.join()
print(t.name, "alive:", t.is_alive())
print(log)
print("main exits normally")
