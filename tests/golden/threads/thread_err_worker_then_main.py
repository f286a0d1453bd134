# Tests a failing worker followed by an uncaught exception in the main thread.
import threading

def worker(name):
    print("worker", name)
    raise KeyError(name)

t = threading.Thread(target=worker, args=("k1",))
t.start()
t.join()
print("worker done, alive:", t.is_alive())

class Broken:
    def __init__(self):
        self.items = []

    def first(self):
        return self.items[0]

b = Broken()
print("calling first")
b.first()
