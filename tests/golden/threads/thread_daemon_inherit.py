# Tests that a thread created inside a daemon thread is daemon by default.
import threading

info = {}

def child():
    info["child_daemon"] = threading.current_thread().daemon

def parent():
    c = threading.Thread(target=child)
    info["child_daemon_before_start"] = c.daemon
    c.start()
    c.join()
    c2 = threading.Thread(target=child, daemon=False)
    info["explicit_false"] = c2.daemon

def normal_parent():
    c = threading.Thread(target=child)
    info["normal_child"] = c.daemon

p = threading.Thread(target=parent, daemon=True)
p.start()
p.join()
n = threading.Thread(target=normal_parent)
n.start()
n.join()
for key in ["child_daemon_before_start", "child_daemon", "explicit_false", "normal_child"]:
    print(key, info[key])
