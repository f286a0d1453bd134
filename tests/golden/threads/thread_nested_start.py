# Tests a worker thread that starts and joins its own child threads.
import threading

log = []
lock = threading.Lock()

def leaf(tag):
    with lock:
        log.append("leaf " + tag + " in " + threading.current_thread().name)

def middle():
    kids = []
    for tag in ["x", "y"]:
        kids.append(threading.Thread(target=leaf, args=(tag,)))
    for k in kids:
        k.start()
        k.join()
    with lock:
        log.append("middle saw names " + kids[0].name + ", " + kids[1].name)

m = threading.Thread(target=middle)
print("middle name:", m.name)
m.start()
m.join()
for line in log:
    print(line)
after = threading.Thread(target=leaf, args=("z",))
print("next name:", after.name)
after.start()
after.join()
print(log[-1])
