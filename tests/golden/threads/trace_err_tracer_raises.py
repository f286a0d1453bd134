# Tests an uncaught exception raised by a trace function on a line event.
import sys

def tracer(frame, event, arg):
    if event == "line" and frame.f_code.co_name == "target":
        raise ValueError(f"trace refused line {frame.f_lineno}")
    return tracer

def target():
    x = 1
    return x

def caller():
    return target()

sys.settrace(tracer)
print("calling")
caller()
print("not reached")
