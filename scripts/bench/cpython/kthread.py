"""The article's KThread (method 3, scripts/article/method3_trace.py),
as published apart from style: a thread that installs a `sys.settrace`
global tracer in `run()`, whose local tracer raises SystemExit at the next
line event once `kill()` has set `killed`. Shared by traced_cpython.py
(what arming it costs) and latency_cpython.py (how fast its kill lands).
"""

import sys
import threading


class KThread(threading.Thread):
    """A threading.Thread with a kill() method."""

    def __init__(self, *args, **keywords):
        threading.Thread.__init__(self, *args, **keywords)
        self.killed = False

    def start(self):
        self.__run_backup = self.run
        self.run = self.__run
        threading.Thread.start(self)

    def __run(self):
        sys.settrace(self.globaltrace)
        self.__run_backup()
        self.run = self.__run_backup

    def globaltrace(self, frame, why, arg):
        if why == "call":
            return self.localtrace
        return None

    def localtrace(self, frame, why, arg):
        if self.killed:
            if why == "line":
                raise SystemExit()
        return self.localtrace

    def kill(self):
        self.killed = True
