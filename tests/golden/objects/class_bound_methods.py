# Tests bound methods as values: stored in variables, lists, dicts, passed to functions, called later.
class Counter:
    def __init__(self, name):
        self.name = name
        self.count = 0

    def incr(self, by=1):
        self.count += by
        return self.count

    def report(self):
        return f"{self.name}={self.count}"

print("-- stored in a variable")
a = Counter("a")
inc = a.incr
inc()
inc()
inc(5)
print(a.report())

print("-- bound method remembers its instance")
b = Counter("b")
b_inc = b.incr
a_inc = a.incr
b_inc(10)
a_inc(1)
print(a.report(), b.report())

print("-- __name__ and __qualname__ of a bound method")
print(b_inc.__name__, b_inc.__qualname__)

print("-- passed to a function and called later")
def call_n_times(fn, n):
    results = []
    for _ in range(n):
        results.append(fn())
    return results
c = Counter("c")
print(call_n_times(c.incr, 4))
print(c.report())

print("-- list and dict of bound methods")
counters = [Counter("x"), Counter("y"), Counter("z")]
incs = [k.incr for k in counters]
for i, f in enumerate(incs):
    f(i + 1)
reports = {k.name: k.report for k in counters}
for name in reports:
    print(name, reports[name]())

print("-- bound method used as a key function")
def score_key(k):
    return -k.count
counters.sort(key=score_key)
print([k.report() for k in counters])

print("-- map over bound methods")
print(list(map(lambda f: f(), [k.report for k in counters])))

print("-- equality of bound methods")
print(a.incr == a.incr, a.incr == b.incr)

print("-- unbound function from the class")
fn = Counter.incr
print(fn(a, 100), a.report())
print(Counter.incr.__name__, Counter.incr.__qualname__)
