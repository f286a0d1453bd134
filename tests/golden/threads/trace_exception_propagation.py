# Tests exception events as an error propagates through several traced frames.
import sys

events = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == "exception":
        events.append(f"exception {name}:{frame.f_lineno} {arg[0].__name__}({arg[1]})")
    elif event == "return":
        events.append(f"return {name}:{frame.f_lineno} {arg!r}")
    else:
        events.append(f"{event} {name}:{frame.f_lineno}")
    return tracer

def level3(d):
    return d["key"]

def level2(d):
    value = level3(d)
    return value

def level1():
    try:
        return level2({})
    except KeyError as e:
        return "handled " + str(e)

sys.settrace(tracer)
print(level1())
sys.settrace(None)
for e in events:
    print(e)
