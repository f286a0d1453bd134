# Tests strict alternation between two threads using two Events.
import threading

ping = threading.Event()
pong = threading.Event()
ROUNDS = 4

def player():
    for i in range(ROUNDS):
        ping.wait()
        ping.clear()
        print(f"  pong {i}")
        pong.set()

t = threading.Thread(target=player)
t.start()
for i in range(ROUNDS):
    print(f"ping {i}")
    ping.set()
    pong.wait()
    pong.clear()
t.join()
print("rounds done:", ROUNDS)
