# Tests a trace function that raises: the error reaches the traced code and tracing is removed.
import sys

events = []

class TraceBoom(Exception):
    pass

def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno))
    if event == "line" and frame.f_lineno == 22:
        raise TraceBoom("stop at 22")
    return tracer

def work():
    a = 1
    b = 2
    return a + b

def work2():
    x = 10
    y = 20
    return x + y

sys.settrace(tracer)
print("first:", work())
try:
    work2()
except TraceBoom as e:
    print("caught:", e)
print("gettrace is None:", sys.gettrace() is None)
print("untraced:", work())
sys.settrace(None)
for e in events:
    print(e)
