# Tests frame.f_trace_opcodes = True: opcode events arrive (only counted, never printed).
import sys

counts = {"opcode": 0, "line": 0, "call": 0, "return": 0}
flags = []

def local(frame, event, arg):
    counts[event] += 1
    return local

def global_trace(frame, event, arg):
    counts[event] += 1
    flags.append(frame.f_trace_opcodes)
    if frame.f_code.co_name == "with_opcodes":
        frame.f_trace_opcodes = True
    return local

def with_opcodes(n):
    total = 0
    for i in range(n):
        total += i
    return total

def without_opcodes():
    return 1

sys.settrace(global_trace)
r1 = without_opcodes()
sys.settrace(None)
print("without: no opcode events:", counts["opcode"] == 0, "calls:", counts["call"])
sys.settrace(global_trace)
r2 = with_opcodes(3)
sys.settrace(None)
print("results:", r1, r2)
print("opcode events seen:", counts["opcode"] > 0)
print("more opcode events than line events:", counts["opcode"] > counts["line"])
print("calls:", counts["call"], "returns:", counts["return"])
print("f_trace_opcodes default:", flags)
