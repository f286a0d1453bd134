# Tests line events of while loops at the back edge, with break and continue.
import sys

events = []

def tracer(frame, event, arg):
    if event == "line":
        events.append(frame.f_lineno)
    else:
        events.append(event)
    return tracer

def countdown(n):
    while n > 0:
        n -= 1
    return n

def skip_odd(limit):
    i = 0
    found = []
    while True:
        i += 1
        if i > limit:
            break
        if i % 2:
            continue
        found.append(i)
    return found

sys.settrace(tracer)
countdown(3)
r = skip_odd(4)
sys.settrace(None)
print(r)
print(events)
