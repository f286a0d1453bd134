# Tests that SystemExit / sys.exit() inside a thread ends only that thread, silently.
import sys
import threading

log = []

def exits():
    log.append("before exit")
    sys.exit(3)
    log.append("after exit")

def raises_systemexit():
    try:
        raise SystemExit("bye")
    finally:
        log.append("finally ran")

t = threading.Thread(target=exits)
t.start()
t.join()
u = threading.Thread(target=raises_systemexit)
u.start()
u.join()
print(log)
print("main still running; exit status stays 0")
