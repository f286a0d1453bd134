# Tests events of nested calls, with frame.f_back names and indentation by depth.
import sys

lines = []
depth = [0]

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == "call":
        lines.append("  " * depth[0] + f"call {name} from {frame.f_back.f_code.co_name} @{frame.f_lineno}")
        depth[0] += 1
    elif event == "return":
        depth[0] -= 1
        lines.append("  " * depth[0] + f"return {name} -> {arg!r} @{frame.f_lineno}")
    else:
        lines.append("  " * depth[0] + f"{event} {name} @{frame.f_lineno}")
    return tracer

def inner(x):
    return x + 1

def middle(x):
    y = inner(x)
    return inner(y) * 2

def outer():
    a = middle(1)
    b = middle(a)
    return a + b

sys.settrace(tracer)
result = outer()
sys.settrace(None)
print("result:", result)
for line in lines:
    print(line)
