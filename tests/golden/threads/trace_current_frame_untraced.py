# Tests that settrace inside a function does not trace that function, only later calls.
import sys

events = []

def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer

def callee(n):
    return n * 3

def installer():
    x = 1
    sys.settrace(tracer)
    x += 1
    y = callee(x)
    x += y
    return x

r = installer()
print("after installer, gettrace is tracer:", sys.gettrace() is tracer)
s = callee(5)
sys.settrace(None)
print("results:", r, s)
for e in events:
    print(e)
