# Tests an uncaught exception in the main thread while a (filtering) trace is active.
import sys

names = ("check", "validate")

def tracer(frame, event, arg):
    if frame.f_code.co_name not in names:
        return None
    if event == "exception":
        print("trace:", event, frame.f_code.co_name, frame.f_lineno, arg[0].__name__)
    else:
        print("trace:", event, frame.f_code.co_name, frame.f_lineno)
    return tracer

def check(value):
    if value < 0:
        raise ValueError(f"negative: {value}")
    return value

def validate(values):
    total = 0
    for v in values:
        total += check(v)
    return total

sys.settrace(tracer)
print("sum:", validate([1, 2]))
validate([3, -4])
print("not reached")
