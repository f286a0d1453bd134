# Tests that waiting on an already-set Event returns True immediately in workers.
import threading

e = threading.Event()
e.set()
answers = []

def worker(n):
    answers.append((n, e.wait(), e.wait(0.01), e.is_set()))

for n in range(3):
    t = threading.Thread(target=worker, args=(n,))
    t.start()
    t.join()
for a in answers:
    print(a)
e.clear()
print("after clear wait(0):", e.wait(0))
