# Tests a worker whose Event.wait(timeout) expires, reported back to main.
import threading

never = threading.Event()
report = []

def worker():
    r = never.wait(0.02)
    report.append(("timed out", r))
    r = never.wait(timeout=0.01)
    report.append(("again", r))

t = threading.Thread(target=worker, name="timeouter")
t.start()
t.join()
print(t.name, report)
print("never set:", never.is_set())
