# Tests a worker thread installing its own trace; the main thread stays untraced.
import sys
import threading

events = []

def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer

def compute(n):
    total = 0
    for i in range(n):
        total += i
    return total

def worker():
    sys.settrace(tracer)
    r = compute(2)
    sys.settrace(None)
    events.append(("result", r))

t = threading.Thread(target=worker)
t.start()
t.join()
print("main gettrace:", sys.gettrace())
print("main compute:", compute(3))
for e in events:
    print(e)
