# Tests the arg of return events: return values, implicit None, and None on exceptions.
import sys

returns = []

def tracer(frame, event, arg):
    if event == "return":
        returns.append((frame.f_code.co_name, frame.f_lineno, arg))
    return tracer

def gives_tuple():
    return (1, "a")

def implicit():
    x = 5

def conditional(flag):
    if flag:
        return "yes"
    return "no"

def raises():
    raise RuntimeError("nope")

sys.settrace(tracer)
gives_tuple()
implicit()
conditional(True)
conditional(False)
try:
    raises()
except RuntimeError:
    pass
sys.settrace(None)
for r in returns:
    print(r)
