# Tests RuntimeError from starting twice, joining before start, joining oneself.
import threading

def noop():
    pass

t = threading.Thread(target=noop)
try:
    t.join()
except RuntimeError as e:
    print("join before start:", e)

t.start()
t.join()
try:
    t.start()
except RuntimeError as e:
    print("start twice:", e)

try:
    threading.current_thread().join()
except RuntimeError as e:
    print("join main from main:", e)

box = []

def self_join():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        box.append(str(e))

s = threading.Thread(target=self_join)
s.start()
s.join()
print("join self in worker:", box[0])
print("is RuntimeError a ThreadError:", threading.ThreadError is RuntimeError)
