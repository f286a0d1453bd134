# Tests line events through if/elif/else branches and a conditional expression.
import sys

log = []

def tracer(frame, event, arg):
    log.append(f"{event}:{frame.f_lineno}")
    return tracer

def classify(n):
    if n < 0:
        kind = "neg"
    elif n == 0:
        kind = "zero"
    else:
        kind = "pos"
    parity = "even" if n % 2 == 0 else "odd"
    return kind + "/" + parity

results = []
for n in [-3, 0, 5]:
    sys.settrace(tracer)
    results.append(classify(n))
    sys.settrace(None)
    print(n, results[-1], " ".join(log))
    log.clear()
