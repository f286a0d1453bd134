# Tests PyThreadState_SetAsyncExc returning 0 for the id of a finished thread.
import ctypes
import threading

def noop():
    pass

t = threading.Thread(target=noop)
t.start()
t.join()
dead_id = t.ident
res = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(dead_id), ctypes.py_object(ValueError))
print("finished thread id:", res)
res = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(dead_id), None)
print("clearing finished thread id:", res)
print("type of result:", type(res).__name__)
