# Tests strict turn-taking between three threads using one Lock each as a baton.
import threading

N = 3
batons = []
for i in range(N):
    lk = threading.Lock()
    lk.acquire()
    batons.append(lk)
log = []
ROUNDS = 2

def runner(i):
    for r in range(ROUNDS):
        batons[i].acquire()
        log.append(f"round {r} thread {i} ({threading.current_thread().name})")
        batons[(i + 1) % N].release()

threads = []
for i in range(N):
    threads.append(threading.Thread(target=runner, args=(i,), name=f"r{i}"))
for t in threads:
    t.start()
batons[0].release()
for t in threads:
    t.join()
for line in log:
    print(line)
print("baton 0 free again:", not batons[0].locked())
