# Tests reusing Events across rounds with clear(), worker reporting each round.
import threading

start_round = threading.Event()
end_round = threading.Event()
shared = {"round": 0, "value": 0}
log = []

def worker():
    while True:
        start_round.wait()
        start_round.clear()
        r = shared["round"]
        if r < 0:
            log.append("worker exits")
            end_round.set()
            return
        shared["value"] = r * r
        log.append(f"worker did round {r}")
        end_round.set()

t = threading.Thread(target=worker)
t.start()
for r in [1, 2, 3, -1]:
    shared["round"] = r
    start_round.set()
    end_round.wait()
    end_round.clear()
    print("round", r, "value", shared["value"], "is_set:", start_round.is_set(), end_round.is_set())
t.join()
for line in log:
    print(line)
