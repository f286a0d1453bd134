# Tests the uncaught StopIteration carrying a generator's return value (shown after the colon).
def job():
    yield "working"
    return "result-42"

g = job()
print(next(g))
next(g)
