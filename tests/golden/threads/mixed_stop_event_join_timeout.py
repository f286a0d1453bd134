# Tests a periodic worker stopped by an Event, with join(timeout) before and after stopping.
import threading
import time

stop = threading.Event()
first_tick = threading.Event()
ticks = []

def ticker():
    while not stop.wait(0.01):
        ticks.append(1)
        first_tick.set()

t = threading.Thread(target=ticker, daemon=True)
t.start()
first_tick.wait()
t.join(0.02)
print("alive after short join:", t.is_alive())
stop.set()
t.join(5)
print("alive after stop:", t.is_alive())
print("ticked:", len(ticks) > 0)
print("stop is set:", stop.is_set())
