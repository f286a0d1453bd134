# Tests thread names for subclasses: default "Thread-N", explicit names, renaming.
import threading

class Worker(threading.Thread):
    def __init__(self, label, name=None):
        super().__init__(name=name)
        self.label = label
        self.seen = None

    def run(self):
        self.seen = threading.current_thread().name

w1 = Worker("first")
w2 = Worker("second", name="second-thread")
w3 = Worker("third")
print(w1.name, "|", w2.name, "|", w3.name)
w3.name = "renamed-before-start"
for w in [w1, w2, w3]:
    w.start()
    w.join()
    print(w.label, "saw", w.seen)

def target():
    pass

t = threading.Thread(target=target)
print("next default name:", t.name)
t.start()
t.join()
