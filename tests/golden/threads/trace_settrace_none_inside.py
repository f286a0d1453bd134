# Tests sys.settrace(None) called from inside a traced function: later events stop.
import sys

events = []

def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer

def helper():
    return 7

def stopper():
    a = helper()
    sys.settrace(None)
    b = helper()
    return a + b

sys.settrace(tracer)
r = stopper()
print("result:", r, "gettrace:", sys.gettrace())
for e in events:
    print(e)
