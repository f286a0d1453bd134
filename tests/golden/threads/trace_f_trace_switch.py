# Tests reading frame.f_trace and assigning it from a trace function to switch tracers.
import sys

events = []

def second(frame, event, arg):
    events.append(("second", event, frame.f_lineno))
    return second

def first(frame, event, arg):
    events.append(("first", event, frame.f_lineno, frame.f_trace is first))
    if event == "line" and frame.f_lineno == 22:
        frame.f_trace = second
    return frame.f_trace

def global_trace(frame, event, arg):
    events.append(("global", event, frame.f_code.co_name))
    return first

def work():
    a = 1
    b = 2
    c = 3
    return a + b + c

sys.settrace(global_trace)
r = work()
sys.settrace(None)
print("result:", r)
for e in events:
    print(e)
