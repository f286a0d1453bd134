# Tests call/line/return events and line numbers for a straight-line function.
import sys

events = []

def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer

def add(a, b):
    c = a + b
    d = c * 2
    return d

def no_body():
    pass

sys.settrace(tracer)
r = add(1, 2)
no_body()
sys.settrace(None)
print("result:", r)
for e in events:
    print(e)
