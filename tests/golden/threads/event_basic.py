# Tests Event set/clear/is_set and wait() returning True once set.
import threading

e = threading.Event()
print("initial:", e.is_set())
e.set()
print("after set:", e.is_set())
print("wait() on set event:", e.wait())
e.set()
print("set twice still:", e.is_set())
e.clear()
print("after clear:", e.is_set())
e.clear()
print("clear twice:", e.is_set())

flags = []

def waiter():
    r = e.wait()
    flags.append(r)
    flags.append(e.is_set())

t = threading.Thread(target=waiter)
t.start()
e.set()
t.join()
print("waiter got:", flags)
