# Tests tracing a recursive function: call depth, f_back names and return values.
import sys

log = []
depth = [0]

def tracer(frame, event, arg):
    if event == "call":
        depth[0] += 1
        log.append(f"call depth {depth[0]} from {frame.f_back.f_code.co_name} line {frame.f_lineno}")
    elif event == "return":
        log.append(f"return {arg} depth {depth[0]} line {frame.f_lineno}")
        depth[0] -= 1
    elif event == "line":
        log.append(f"  line {frame.f_lineno}")
    return tracer

def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

sys.settrace(tracer)
r = fact(3)
sys.settrace(None)
print("fact(3) =", r)
for entry in log:
    print(entry)
