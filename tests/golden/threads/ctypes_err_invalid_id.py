# Tests an uncaught ValueError from an async-raise helper given a finished thread's id.
import ctypes
import inspect
import threading

def async_raise(tid, exctype):
    if not inspect.isclass(exctype):
        raise TypeError("Only types can be raised (not instances)")
    res = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(tid), ctypes.py_object(exctype))
    if res == 0:
        raise ValueError("invalid thread id")
    return res

def noop():
    pass

t = threading.Thread(target=noop)
t.start()
t.join()
print("thread finished, raising into it anyway")
async_raise(t.ident, RuntimeError)
print("not reached")
