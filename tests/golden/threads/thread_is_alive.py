# Tests Thread.is_alive() before start, while blocked on an Event, and after join.
import threading

go = threading.Event()
started = threading.Event()

def worker():
    started.set()
    go.wait()

t = threading.Thread(target=worker)
print("before start:", t.is_alive())
t.start()
started.wait()
print("while blocked:", t.is_alive())
go.set()
t.join()
print("after join:", t.is_alive())

def quick():
    pass

q = threading.Thread(target=quick)
q.start()
q.join()
print("quick after join:", q.is_alive())
print("main alive:", threading.current_thread().is_alive())
