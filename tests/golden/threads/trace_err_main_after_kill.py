# Tests a KThread killed through its trace, followed by an uncaught error in the main thread.
import sys
import threading

class KThread(threading.Thread):
    def __init__(self):
        super().__init__(name="victim")
        self.killed = False
        self.inside = threading.Event()
        self.cleaned = False

    def run(self):
        sys.settrace(self.globaltrace)
        self.body()

    def globaltrace(self, frame, event, arg):
        if event == "call" and frame.f_code.co_name == "body":
            return self.localtrace
        return None

    def localtrace(self, frame, event, arg):
        if self.killed and event == "line":
            raise SystemExit()
        return self.localtrace

    def body(self):
        try:
            while True:
                self.inside.set()
        finally:
            self.cleaned = True

k = KThread()
k.start()
k.inside.wait()
k.killed = True
k.join()
print("cleaned:", k.cleaned, "alive:", k.is_alive())
results = {"victim": k.cleaned}
print(results["killer"])
