"""How fast each of the article's four methods stops a thread (or process).

Runs unmodified under CPython 3.11 and under `vm run`:

    /usr/bin/python3.11 scripts/article/latency.py [N]
    vm run scripts/article/latency.py -- [N]

For each method it measures, inside the guest with time.perf_counter, the
time from the kill request to join() returning, N times, while the target
spins in a busy loop and while it sleeps. A method that cannot interrupt a
sleep on this interpreter (a probe finds out: a kill during time.sleep(3)
that has not landed after 0.5 s) is measured with the target sleeping in
10 ms steps instead, and the table says so. It also measures what method
3's tracer costs while armed: loop iterations per second in a thread with
and without the KThread tracer installed. Prints a Markdown table.
"""
import ctypes
import inspect
import multiprocessing
import sys
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 30
STEP = 0.01


# ---------------------------------------------------------------- method 3
# The article's KThread, verbatim in substance.
class KThread(threading.Thread):
    def __init__(self, *args, **keywords):
        threading.Thread.__init__(self, *args, **keywords)
        self.killed = False

    def start(self):
        self.__run_backup = self.run
        self.run = self.__run
        threading.Thread.start(self)

    def __run(self):
        sys.settrace(self.globaltrace)
        self.__run_backup()
        self.run = self.__run_backup

    def globaltrace(self, frame, why, arg):
        if why == 'call':
            return self.localtrace
        return None

    def localtrace(self, frame, why, arg):
        if self.killed:
            if why == 'line':
                raise SystemExit()
        return self.localtrace

    def kill(self):
        self.killed = True


# ---------------------------------------------------------------- method 4
def _async_raise(tid, exctype):
    if not inspect.isclass(exctype):
        raise TypeError("Only types can be raised (not instances)")
    res = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(tid),
                                                     ctypes.py_object(exctype))
    if res == 0:
        raise ValueError("invalid thread id")
    elif res != 1:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, 0)
        raise SystemError("PyThreadState_SetAsyncExc failed")


class AsyncThread(threading.Thread):
    def terminate(self):
        _async_raise(self.ident, SystemExit)


# ---------------------------------------------------------------- targets
flag = [False]
running = threading.Event()


def busy():
    running.set()
    while not flag[0]:
        pass


def sleeper(step):
    def body():
        running.set()
        while not flag[0]:
            time.sleep(step)
    return body


def spin_forever():
    running.set()
    while True:
        pass


def sleep_forever(step):
    def body():
        running.set()
        while True:
            time.sleep(step)
    return body


# ---------------------------------------------------------------- one kill
class Method:
    """Starts a target, stops it, measures request -> join()."""

    def __init__(self, name):
        self.name = name

    def thread(self, target):
        return threading.Thread(target=target)

    def stop(self, t):
        raise NotImplementedError

    def once(self, target):
        flag[0] = False
        running.clear()
        t = self.thread(target)
        t.daemon = True
        t.start()
        running.wait()
        time.sleep(0.002)
        t0 = time.perf_counter()
        self.stop(t)
        t.join()
        return time.perf_counter() - t0

    def can_interrupt_sleep(self, sleep_target):
        flag[0] = False
        running.clear()
        t = self.thread(sleep_target(3.0))
        t.daemon = True
        t.start()
        running.wait()
        time.sleep(0.002)
        self.stop(t)
        t.join(0.5)
        interrupted = not t.is_alive()
        flag[0] = True
        return interrupted


class Flag(Method):
    def stop(self, t):
        flag[0] = True


class Trace(Method):
    def thread(self, target):
        return KThread(target=target)

    def stop(self, t):
        t.kill()


class AsyncExc(Method):
    def thread(self, target):
        return AsyncThread(target=target)

    def stop(self, t):
        t.terminate()


class Terminate(Method):
    # The target runs in a child process; it never looks at `flag`.
    def once(self, target):
        p = multiprocessing.Process(target=target)
        p.start()
        time.sleep(0.05)
        t0 = time.perf_counter()
        p.terminate()
        p.join()
        return time.perf_counter() - t0

    def can_interrupt_sleep(self, sleep_target):
        return True


def us(x):
    return "%d" % round(x * 1e6)


def stats(xs):
    xs = sorted(xs)
    p50 = xs[(len(xs) - 1) // 2]
    p99 = xs[min(len(xs) - 1, int(0.99 * len(xs)))]
    return "%s | %s | %s" % (us(p50), us(p99), us(xs[-1]))


def rate(make, seconds=0.3):
    """Loop iterations per second in a thread made by `make`."""
    result = []

    def count():
        n = 0
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            for i in range(1000):
                pass
            n += 1000
        result.append(n / seconds)

    t = make(count)
    t.start()
    t.join()
    return result[0]


def main():
    impl = "vm" if "killable-vm" in sys.version else "CPython %d.%d" % sys.version_info[:2]
    print("Kill latency on %s, N = %d (request to join() returning, microseconds)" % (impl, N))
    print()
    print("| method | busy p50 | busy p99 | busy max | sleep p50 | sleep p99 | sleep max | sleep measured in |")
    print("|---|---|---|---|---|---|---|---|")
    methods = [
        (Flag("1: exit flag"), busy, sleeper),
        (Trace("3: KThread (settrace)"), busy, sleeper),
        (AsyncExc("4: SetAsyncExc (ctypes)"), spin_forever, sleep_forever),
        (Terminate("2: Process.terminate"), spin_forever, sleep_forever),
    ]
    for m, busy_target, sleep_target in methods:
        reps = N if not isinstance(m, Terminate) else max(5, N // 3)
        b = [m.once(busy_target) for _ in range(reps)]
        if m.can_interrupt_sleep(sleep_target):
            step, where = 10.0, "time.sleep(10)"
        else:
            step, where = STEP, "sleep(0.01) steps: cannot interrupt a sleep"
        s = [m.once(sleep_target(step)) for _ in range(reps)]
        print("| %s | %s | %s | %s |" % (m.name, stats(b), stats(s), where))
    plain = rate(lambda f: threading.Thread(target=f))
    armed = rate(lambda f: KThread(target=f))
    print()
    print("Method 3 armed (KThread tracer installed, not killed): %.2f M loop iterations/s "
          "vs %.2f M without: %.1fx slower" % (armed / 1e6, plain / 1e6, plain / armed))


main()
