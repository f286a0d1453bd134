# Tests the uncaught TypeError from sending a non-None value to a just-started generator.
def accumulate():
    total = 0
    while True:
        x = yield total
        total += x

acc = accumulate()
next(acc)
print(acc.send(5))
print(acc.send(7))
fresh = accumulate()
fresh.send(1)
