# Tests CPython's default thread names: "Thread-N (target)" and the shared counter.
import threading

def worker():
    pass

def helper():
    pass

class Plain(threading.Thread):
    def run(self):
        pass

print(threading.current_thread().name)
t1 = threading.Thread(target=worker)
print(t1.name)
t2 = threading.Thread(target=helper)
print(t2.name)
named = threading.Thread(target=worker, name="custom")
print(named.name)
t3 = threading.Thread(target=lambda: None)
print(t3.name)
t4 = threading.Thread()
print(t4.name)
p = Plain()
print(p.name)
p2 = Plain(name="plain-named")
print(p2.name)
t5 = threading.Thread(target=worker)
print(t5.name)
for t in [t1, t2, named, t3, t4, p, p2, t5]:
    t.start()
for t in [t1, t2, named, t3, t4, p, p2, t5]:
    t.join()
print("names unchanged:", t1.name, "|", t5.name)
t1.name = "renamed"
print(t1.name)
