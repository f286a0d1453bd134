# Tests that sys.settrace affects only the calling thread: a worker thread is not traced.
import sys
import threading

traced = []
names = ("helper", "in_worker")

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name in names:
        traced.append((threading.current_thread().name, event, name))
        return tracer
    return None

def in_worker():
    return "worker result"

def helper():
    return "main result"

box = []

def worker():
    box.append(in_worker())
    box.append(sys.gettrace() is None)

sys.settrace(tracer)
t = threading.Thread(target=worker, name="untraced-worker")
t.start()
t.join()
main_result = helper()
sys.settrace(None)
print("worker results:", box)
print("main result:", main_result)
for e in traced:
    print(e)
