# Tests an _async_raise helper using inspect.isclass and the return value checks.
import ctypes
import inspect
import threading

def _async_raise(tid, exctype):
    if not inspect.isclass(exctype):
        raise TypeError("Only types can be raised (not instances)")
    res = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(tid), ctypes.py_object(exctype))
    if res == 0:
        raise ValueError("invalid thread id")
    elif res != 1:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(tid), None)
        raise SystemError("PyThreadState_SetAsyncExc failed")

busy = threading.Event()
log = []

def worker():
    i = 0
    try:
        while True:
            i += 1
            if i == 5:
                busy.set()
    except KeyboardInterrupt:
        log.append("worker got KeyboardInterrupt")

t = threading.Thread(target=worker)
t.start()
busy.wait()
try:
    _async_raise(t.ident, KeyboardInterrupt())
except TypeError as e:
    print("TypeError:", e)
_async_raise(t.ident, KeyboardInterrupt)
t.join()
print(log)
try:
    _async_raise(t.ident, KeyboardInterrupt)
except ValueError as e:
    print("ValueError:", e)
