# Tests sys.gettrace() before, during and after sys.settrace, from inside traced code.
import sys

def tracer(frame, event, arg):
    return tracer

def other(frame, event, arg):
    return None

seen = []

def probe():
    seen.append(sys.gettrace() is tracer)

print("initial is None:", sys.gettrace() is None)
sys.settrace(tracer)
print("after settrace is tracer:", sys.gettrace() is tracer)
probe()
print("seen inside traced call:", seen)
sys.settrace(other)
print("replaced:", sys.gettrace() is other, sys.gettrace() is tracer)
sys.settrace(None)
print("after settrace(None):", sys.gettrace())
