# Tests a Thread without a target (run does nothing) and target returning a value.
import threading

t = threading.Thread()
print("name:", t.name)
t.start()
t.join()
print("finished:", not t.is_alive())

def returns_value():
    return 42

r = threading.Thread(target=returns_value)
print("name:", r.name)
r.start()
r.join()
print("return value discarded, alive:", r.is_alive())

n = threading.Thread(target=None, name="nothing")
n.start()
n.join()
print(n.name, "done")
