# Tests finding a thread's id through threading._active (method 4) while it runs and after.
import threading

started = threading.Event()
finish = threading.Event()

def find_id(obj):
    for tid, t in threading._active.items():
        if t is obj:
            return tid
    return None

def worker():
    started.set()
    finish.wait()

w = threading.Thread(target=worker)
print("before start found:", find_id(w))
w.start()
started.wait()
tid = find_id(w)
print("running: found id equals ident:", tid == w.ident)
print("main found id equals get_ident:", find_id(threading.current_thread()) == threading.get_ident())
finish.set()
w.join()
print("after join found:", find_id(w))
