# Tests an async exception stopping a worker, then an uncaught error in the main thread.
import ctypes
import threading

class Halt(Exception):
    pass

spinning = threading.Event()
log = []

def spinner():
    k = 0
    try:
        while True:
            k += 1
            if k == 7:
                spinning.set()
    except Halt:
        log.append("spinner halted")

t = threading.Thread(target=spinner)
t.start()
spinning.wait()
ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(t.ident), ctypes.py_object(Halt))
t.join()
print(log)
summary = {"halted": len(log)}
print("summary:", summary)
raise Halt("main thread raises too: " + str(summary["halted"]))
