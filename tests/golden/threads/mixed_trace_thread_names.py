# Tests per-thread tracing: each worker traces itself and tags events with its name.
import sys
import threading

logs = {}

def make_tracer(log):
    def tracer(frame, event, arg):
        if frame.f_code.co_name == "step":
            log.append((threading.current_thread().name, event, frame.f_lineno))
            return tracer
        return None
    return tracer

def step(x):
    y = x + 1
    return y * 2

def worker(label):
    log = []
    logs[label] = log
    sys.settrace(make_tracer(log))
    step(len(label))
    sys.settrace(None)

a = threading.Thread(target=worker, args=("alpha",), name="A")
b = threading.Thread(target=worker, args=("be",), name="B")
a.start()
b.start()
a.join()
b.join()
for label in ["alpha", "be"]:
    for entry in logs[label]:
        print(label, entry)
print("main untraced:", sys.gettrace() is None)
