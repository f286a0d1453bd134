# Tests subclassing threading.Thread and overriding run(), with super().__init__().
import threading

class Summer(threading.Thread):
    def __init__(self, numbers):
        super().__init__()
        self.numbers = numbers
        self.total = None

    def run(self):
        total = 0
        for n in self.numbers:
            total += n
        self.total = total

class Greeter(threading.Thread):
    def __init__(self, who):
        threading.Thread.__init__(self, name="greeter-" + who)
        self.who = who
        self.message = ""

    def run(self):
        self.message = f"hello {self.who} from {threading.current_thread().name}"

s = Summer([1, 2, 3, 4])
print("total before:", s.total)
s.start()
s.join()
print("total after:", s.total)
print("summer name:", s.name)

g = Greeter("bob")
g.start()
g.join()
print(g.message)
print("is a Thread:", isinstance(g, threading.Thread))
