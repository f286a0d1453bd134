# Tests a killable thread subclass whose run() installs the trace and calls a loop method.
import sys
import threading

class Killable(threading.Thread):
    def __init__(self, label):
        super().__init__(name=label)
        self.killed = False
        self.looping = threading.Event()
        self.log = []

    def run(self):
        sys.settrace(self.global_trace)
        try:
            self.loop()
        except SystemExit:
            self.log.append("SystemExit reached run")
            self.log.append("trace removed: " + str(sys.gettrace() is None))
            raise

    def global_trace(self, frame, event, arg):
        if event == "call" and frame.f_code.co_name == "loop":
            return self.local_trace
        return None

    def local_trace(self, frame, event, arg):
        if self.killed and event == "line":
            raise SystemExit()
        return self.local_trace

    def loop(self):
        count = 0
        while True:
            count += 1
            if count == 10:
                self.looping.set()

workers = [Killable("k1"), Killable("k2")]
for w in workers:
    w.start()
for w in workers:
    w.looping.wait()
    w.killed = True
    w.join()
    print(w.name, "alive:", w.is_alive(), "log:", w.log)
print("done")
