# Tests "with lock:" acquiring and releasing, including on exceptions and return.
import threading

lock = threading.Lock()

with lock:
    print("inside with:", lock.locked())
print("after with:", lock.locked())

try:
    with lock:
        print("about to raise, locked:", lock.locked())
        raise ValueError("inside")
except ValueError as e:
    print("caught", e, "locked:", lock.locked())

def early_return(n):
    with lock:
        if n > 0:
            return "positive"
        return "other"

print(early_return(1), lock.locked())
print(early_return(-1), lock.locked())

for i in range(3):
    with lock:
        if i == 1:
            continue
        print("loop", i, lock.locked())
print("end:", lock.locked())
