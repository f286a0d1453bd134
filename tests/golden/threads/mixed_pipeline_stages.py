# Tests a three-stage pipeline of threads, each stage started after the previous joins.
import threading

data = {"values": [1, 2, 3, 4]}

class Stage(threading.Thread):
    def __init__(self, label, fn):
        super().__init__(name="stage-" + label)
        self.fn = fn

    def run(self):
        out = []
        for v in data["values"]:
            out.append(self.fn(v))
        data["values"] = out
        data[self.name] = list(out)

stages = [Stage("double", lambda v: v * 2), Stage("inc", lambda v: v + 1), Stage("square", lambda v: v * v)]
for s in stages:
    s.start()
    s.join()
    print(s.name, data[s.name])
print("final:", data["values"])
