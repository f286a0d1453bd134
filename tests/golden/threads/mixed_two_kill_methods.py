# Tests stopping one worker with a killing trace and another with an async exception.
import ctypes
import sys
import threading

class Stop(Exception):
    pass

ready_a = threading.Event()
ready_b = threading.Event()
state = {"kill_a": False}
log = []

def trace_global(frame, event, arg):
    if frame.f_code.co_name == "loop_a":
        return trace_local
    return None

def trace_local(frame, event, arg):
    if state["kill_a"] and event == "line":
        raise SystemExit()
    return trace_local

def loop_a():
    i = 0
    try:
        while True:
            i += 1
            if i == 3:
                ready_a.set()
    finally:
        log.append("a: finally")

def worker_a():
    sys.settrace(trace_global)
    loop_a()

def worker_b():
    j = 0
    try:
        while True:
            j += 1
            if j == 3:
                ready_b.set()
    except Stop:
        log.append("b: got Stop")

a = threading.Thread(target=worker_a, name="A")
b = threading.Thread(target=worker_b, name="B")
a.start()
b.start()
ready_a.wait()
state["kill_a"] = True
a.join()
log.append("main: A joined")
ready_b.wait()
print("async result:", ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(b.ident), ctypes.py_object(Stop)))
b.join()
log.append("main: B joined")
print(log, a.is_alive(), b.is_alive())
