# Tests co_name of traced methods, __init__, lambdas and closures.
import sys

calls = []

def tracer(frame, event, arg):
    if event == "call":
        calls.append((frame.f_code.co_name, frame.f_back.f_code.co_name, frame.f_lineno))
    return None

class Counter:
    def __init__(self, start):
        self.value = start

    def bump(self, step):
        self.value += step
        return self

def make_adder(k):
    def add(x):
        return x + k
    return add

double = lambda v: v * 2

sys.settrace(tracer)
c = Counter(1)
c.bump(2).bump(3)
add5 = make_adder(5)
r = double(add5(c.value))
sys.settrace(None)
print("result:", r)
for entry in calls:
    print(entry)
