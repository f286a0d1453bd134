# Tests two failing workers whose tracebacks are ordered by joining between them.
import threading

def first():
    items = [1, 2, 3]
    print("first indexing")
    return items[10]

def second(d):
    print("second lookup")
    return d["missing"]

t1 = threading.Thread(target=first)
t1.start()
t1.join()
t2 = threading.Thread(target=second, args=({"present": 1},), name="lookup")
t2.start()
t2.join()
print("both finished:", t1.is_alive(), t2.is_alive())
