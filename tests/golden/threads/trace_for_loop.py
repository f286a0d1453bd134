# Tests line events of a for loop, including the loop header on every iteration.
import sys

events = []

def tracer(frame, event, arg):
    events.append((event, frame.f_lineno))
    return tracer

def total(items):
    s = 0
    for x in items:
        s += x
    return s

def with_else(items):
    for x in items:
        if x > 5:
            break
    else:
        return "no break"
    return "break"

sys.settrace(tracer)
a = total([1, 2, 3])
b = with_else([1, 2])
c = with_else([7])
sys.settrace(None)
print(a, b, c)
for e in events:
    print(e)
