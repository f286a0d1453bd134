# Tests an uncaught ThreadError raised inside a worker thread.
import threading

lock = threading.Lock()

def double_release():
    lock.acquire()
    lock.release()
    print("first release ok")
    lock.release()

t = threading.Thread(target=double_release, name="releaser")
t.start()
t.join()
print("main continues, locked:", lock.locked())
