# Tests a producer/consumer over a list guarded by a Lock, with Events for signalling.
import threading

buffer = []
lock = threading.Lock()
item_ready = threading.Event()
slot_free = threading.Event()
consumed = []

def producer(items):
    for item in items:
        slot_free.wait()
        slot_free.clear()
        with lock:
            buffer.append(item)
        item_ready.set()

def consumer(count):
    for _ in range(count):
        item_ready.wait()
        item_ready.clear()
        with lock:
            item = buffer.pop(0)
        consumed.append(item * 10)
        slot_free.set()

items = [3, 1, 4, 1, 5, 9, 2, 6]
p = threading.Thread(target=producer, args=(items,), name="producer")
c = threading.Thread(target=consumer, args=(len(items),), name="consumer")
c.start()
p.start()
slot_free.set()
p.join()
c.join()
print("consumed:", consumed)
print("buffer empty:", buffer == [])
print(p.name, p.is_alive(), c.name, c.is_alive())
