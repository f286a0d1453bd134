# Tests exception events and line numbers through try/except/else.
import sys

events = []

def tracer(frame, event, arg):
    if event == "exception":
        events.append((event, frame.f_lineno, arg[0].__name__, str(arg[1])))
    else:
        events.append((event, frame.f_lineno))
    return tracer

def parse(text):
    try:
        value = int(text)
    except ValueError:
        value = -1
    else:
        value = value * 10
    return value

sys.settrace(tracer)
a = parse("4")
sys.settrace(None)
print("parse('4') =", a)
for e in events:
    print(e)
events.clear()
sys.settrace(tracer)
b = parse("x")
sys.settrace(None)
print("parse('x') =", b)
for e in events:
    print(e)
