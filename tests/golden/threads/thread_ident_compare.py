# Tests Thread.ident and threading.get_ident(), compared but never printed.
import threading

box = {}

def worker():
    box["get_ident"] = threading.get_ident()
    box["cur_ident"] = threading.current_thread().ident

t = threading.Thread(target=worker)
print("ident before start is None:", t.ident is None)
t.start()
t.join()
print("ident after join is int:", type(t.ident) is int)
print("worker get_ident == t.ident:", box["get_ident"] == t.ident)
print("worker current_thread().ident == t.ident:", box["cur_ident"] == t.ident)
main_ident = threading.get_ident()
print("main get_ident == main thread ident:", main_ident == threading.current_thread().ident)
print("worker ident differs from main:", t.ident != main_ident)
print("get_ident stable in main:", threading.get_ident() == main_ident)
ident_saved = t.ident
print("ident unchanged after join:", t.ident == ident_saved)
