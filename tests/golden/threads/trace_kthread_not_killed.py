# Tests a killable traced thread that finishes on its own before being killed.
import sys
import threading

class KThread(threading.Thread):
    def __init__(self, steps):
        super().__init__()
        self.steps = steps
        self.killed = False
        self.lines = []

    def run(self):
        sys.settrace(self.globaltrace)
        self.result = self.work()
        sys.settrace(None)

    def globaltrace(self, frame, event, arg):
        if event == "call":
            return self.localtrace
        return None

    def localtrace(self, frame, event, arg):
        if event == "line":
            self.lines.append(frame.f_lineno)
            if self.killed:
                raise SystemExit()
        return self.localtrace

    def work(self):
        total = 0
        for i in range(self.steps):
            total += i
        return total

t = KThread(3)
t.start()
t.join()
print(t.name, "result:", t.result)
print("line events:", t.lines)
t.killed = True
print("killing a finished thread changes nothing:", t.is_alive())
