# Tests the KThread pattern: a Thread subclass whose trace raises SystemExit once killed.
import sys
import threading

in_loop = threading.Event()

class KThread(threading.Thread):
    def __init__(self, target, name):
        threading.Thread.__init__(self, target=target, name=name)
        self.killed = False

    def start(self):
        self._run_backup = self.run
        self.run = self._run
        threading.Thread.start(self)

    def _run(self):
        sys.settrace(self.globaltrace)
        self._run_backup()
        self.run = self._run_backup

    def globaltrace(self, frame, event, arg):
        if event == "call":
            return self.localtrace
        return None

    def localtrace(self, frame, event, arg):
        if self.killed:
            if event == "line":
                raise SystemExit()
        return self.localtrace

    def kill(self):
        self.killed = True

def func():
    n = 0
    try:
        while True:
            n += 1
            if n == 50:
                in_loop.set()
    finally:
        print("func cleanup, reached 50:", n >= 50)

t = KThread(target=func, name="killable")
t.start()
in_loop.wait()
print("alive before kill:", t.is_alive())
t.kill()
t.join()
print("alive after kill:", t.is_alive())
print("killed flag:", t.killed)
print("main thread untraced:", sys.gettrace() is None)
