# Tests the daemon flag: default, kwarg, attribute, and exit with a blocked daemon.
import threading

forever = threading.Event()
started = threading.Event()

def blocker():
    started.set()
    forever.wait()
    print("never printed")

def noop():
    pass

t = threading.Thread(target=noop)
print("default daemon:", t.daemon)
t.start()
t.join()

d = threading.Thread(target=blocker, daemon=True)
print("kwarg daemon:", d.daemon)

e = threading.Thread(target=noop)
e.daemon = True
print("attribute daemon:", e.daemon)
e.start()
e.join()

f = threading.Thread(target=noop, daemon=False)
print("explicit False:", f.daemon)

print("main thread daemon:", threading.current_thread().daemon)
d.start()
started.wait()
print("daemon alive:", d.is_alive())
print("main exits while daemon is blocked")
