# Tests the article's thread_with_exception: get_id via threading._active, raise SystemExit.
import ctypes
import threading

class thread_with_exception(threading.Thread):
    def __init__(self, name):
        threading.Thread.__init__(self)
        self.name = name
        self.running = threading.Event()
        self.log = []

    def run(self):
        try:
            n = 0
            while True:
                n += 1
                if n == 20:
                    self.running.set()
        finally:
            self.log.append("ended " + self.name)

    def get_id(self):
        for id, thread in threading._active.items():
            if thread is self:
                return id

    def raise_exception(self):
        thread_id = self.get_id()
        res = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(thread_id), ctypes.py_object(SystemExit))
        if res > 1:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(thread_id), 0)
            print("Exception raise failure")
        return res

t1 = thread_with_exception("Thread 1")
t1.start()
t1.running.wait()
print("get_id matches ident:", t1.get_id() == t1.ident)
print("raise_exception returned:", t1.raise_exception())
t1.join()
print(t1.log)
print("alive:", t1.is_alive())
print("get_id after join:", t1.get_id())
