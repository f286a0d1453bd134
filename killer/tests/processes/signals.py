import multiprocessing
import time

def spin():
    while True:
        pass

def sleeper():
    print("sleeping")
    time.sleep(30)

p = multiprocessing.Process(target=spin, name="spinner")
p.start()
p.join(0.05)
print(p.name, p.is_alive(), p.exitcode)
p.terminate()
p.join()
print(p.name, p.is_alive(), p.exitcode)

q = multiprocessing.Process(target=sleeper)
q.start()
time.sleep(0.2)
q.kill()
q.join()
print(q.name, q.is_alive(), q.exitcode)
q.terminate()
q.kill()
print("signals after the end are ignored", q.exitcode)
