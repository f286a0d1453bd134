# Tests line events of try/finally on normal exit, on return and on exceptions.
import sys

events = []

def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer

def normal():
    x = 1
    try:
        x += 1
    finally:
        x += 10
    return x

def early():
    try:
        return "from try"
    finally:
        events.append("-- finally body")

def failing():
    try:
        raise KeyError("k")
    finally:
        events.append("-- cleanup")

sys.settrace(tracer)
print(normal())
print(early())
try:
    failing()
except KeyError as e:
    print("caught", e)
sys.settrace(None)
for e in events:
    print(e)
