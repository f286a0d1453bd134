import multiprocessing
import sys

def ok():
    print("ok runs")

def code3():
    sys.exit(3)

def message():
    sys.exit("went wrong")

def boom(x, y=0):
    print("boom", x, y)
    raise ValueError("boom %d" % (x + y))

for target, args, kwargs in [(ok, (), {}), (code3, (), {}), (message, (), {}),
                             (boom, (1,), {"y": 2})]:
    p = multiprocessing.Process(target=target, args=args, kwargs=kwargs)
    print(p.name, p.pid, p.exitcode, p.is_alive(), p.daemon)
    p.start()
    p.join()
    print(p.name, p.exitcode, p.is_alive(), type(p.pid).__name__)
