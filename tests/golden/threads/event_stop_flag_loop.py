# Tests a worker polling a stop Event in a loop with sleep; output does not depend on timing.
import threading
import time

stop = threading.Event()
running = threading.Event()
state = {"iterations": 0, "stopped": False}

def worker():
    while not stop.is_set():
        state["iterations"] += 1
        running.set()
        time.sleep(0.01)
    state["stopped"] = True

t = threading.Thread(target=worker)
t.start()
running.wait()
print("worker is running:", t.is_alive())
stop.set()
t.join()
print("worker stopped:", state["stopped"])
print("at least one iteration:", state["iterations"] >= 1)
print("alive:", t.is_alive())
