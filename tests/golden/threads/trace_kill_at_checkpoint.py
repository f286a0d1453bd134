# Tests a killing trace that raises a normal exception at a fixed line: uncaught in the thread.
import sys
import threading

class Killed(Exception):
    pass

looping = threading.Event()
state = {"killed": False}

def global_trace(frame, event, arg):
    if frame.f_code.co_name == "loop":
        return local_trace
    return None

def local_trace(frame, event, arg):
    if event == "line" and frame.f_lineno == 27 and state["killed"]:
        raise Killed("stopped at checkpoint")
    return local_trace

def loop():
    n = 0
    while True:
        n += 1
        if n == 5:
            looping.set()
        n = n % 1000

def worker():
    sys.settrace(global_trace)
    loop()

t = threading.Thread(target=worker, name="checkpointed")
t.start()
looping.wait()
state["killed"] = True
t.join()
print("alive:", t.is_alive())
print("main not traced:", sys.gettrace() is None)
