import multiprocessing

class Worker(multiprocessing.Process):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def run(self):
        print("worker", self.n, self.name, multiprocessing.current_process().name)

print(multiprocessing.current_process().name)
ws = [Worker(i) for i in range(3)]
for w in ws:
    w.start()
    w.join()
print([w.exitcode for w in ws])
try:
    ws[0].start()
except AssertionError as e:
    print("AssertionError:", e)
d = multiprocessing.Process(target=print, args=("daemon",), daemon=True)
print(d.daemon)
d.start()
d.join()
try:
    d.daemon = False
except AssertionError as e:
    print("AssertionError:", e)
