# Tests line events of a with-block using a Lock, including exit on exception.
import sys
import threading

lock = threading.Lock()
events = []

def tracer(frame, event, arg):
    if event == "exception":
        events.append((event, frame.f_lineno, arg[0].__name__))
    else:
        events.append((event, frame.f_lineno))
    return tracer

def guarded(n):
    with lock:
        n += 1
        n *= 2
    return n

def guarded_fail():
    try:
        with lock:
            raise ValueError("inside")
    except ValueError:
        return lock.locked()

sys.settrace(tracer)
a = guarded(1)
b = guarded_fail()
sys.settrace(None)
print("results:", a, b)
for e in events:
    print(e)
