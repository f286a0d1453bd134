# Tests threading.current_thread() in the main thread and inside workers.
import threading

seen = {}

def worker(key):
    cur = threading.current_thread()
    seen[key] = cur.name

def check_identity(box):
    box.append(threading.current_thread())

main = threading.current_thread()
print("main name:", main.name)
print("is main object stable:", threading.current_thread() is main)

a = threading.Thread(target=worker, args=("a",))
b = threading.Thread(target=worker, args=("b",), name="bee")
a.start()
a.join()
b.start()
b.join()
print("a saw:", seen["a"])
print("b saw:", seen["b"])

box = []
c = threading.Thread(target=check_identity, args=(box,), name="checker")
c.start()
c.join()
print("worker current_thread is the Thread object:", box[0] is c)
print("worker current_thread is not main:", box[0] is not main)
print("main still:", threading.current_thread().name)
