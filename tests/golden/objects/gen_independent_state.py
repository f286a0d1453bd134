# Tests that generator objects keep independent local state, interleaved stepping, and closures over arguments.
def counter(name, step):
    n = 0
    while True:
        n += step
        yield f"{name}:{n}"

a = counter("a", 1)
b = counter("b", 10)
print("-- interleaved")
print(next(a), next(b), next(a), next(b), next(a))

print("-- round robin scheduler")
def task(name, n):
    for i in range(n):
        yield f"{name} step {i}"
    return name

queue = [task("x", 2), task("y", 3), task("z", 1)]
finished = []
while queue:
    t = queue.pop(0)
    try:
        print(next(t))
        queue.append(t)
    except StopIteration as e:
        finished.append(e.value)
print("finished order:", finished)

print("-- generator created in a method keeps the instance")
class Bank:
    def __init__(self):
        self.balance = 0
    def deposits(self, amounts):
        for a in amounts:
            self.balance += a
            yield self.balance
bank = Bank()
gen = bank.deposits([5, 10, 20])
print(next(gen), bank.balance)
print(list(gen), bank.balance)
