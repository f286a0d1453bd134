# Tests an uncaught exception raised in an overridden run() of a Thread subclass.
import threading

class Failing(threading.Thread):
    def __init__(self, value):
        super().__init__()
        self.value = value

    def run(self):
        print("run with", self.value)
        if self.value > 1:
            raise ValueError(f"value too big: {self.value}")
        print("ok", self.value)

a = Failing(1)
a.start()
a.join()
b = Failing(5)
b.start()
b.join()
print("after failing thread:", b.is_alive())
c = Failing(0)
c.name = "named-failing"
c.value = 9
c.start()
c.join()
print("end of main")
