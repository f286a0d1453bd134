# Tests global trace returning None (frame untraced) and a local trace returning None.
import sys

events = []

def local_once(frame, event, arg):
    events.append(("once", event, frame.f_code.co_name, frame.f_lineno))
    return None

def local_all(frame, event, arg):
    events.append(("all", event, frame.f_code.co_name, frame.f_lineno))
    return local_all

def global_trace(frame, event, arg):
    name = frame.f_code.co_name
    events.append(("global", event, name, frame.f_lineno))
    if name == "skipped":
        return None
    if name == "partial":
        return local_once
    return local_all

def skipped():
    x = 1
    return x

def partial():
    y = 2
    y += 3
    return y

def full():
    return skipped() + partial()

sys.settrace(global_trace)
r = full()
sys.settrace(None)
print("result:", r)
for e in events:
    print(e)
