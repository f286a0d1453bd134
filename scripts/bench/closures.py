# Closures and lambdas: counters with nonlocal, adders built in a loop,
# functions passed to sorted/map-like helpers, a closure-based accumulator.
def make_counter():
    count = 0
    def step(by):
        nonlocal count
        count += by
        return count
    return step

def make_adder(n):
    return lambda x: x + n

def apply_all(fs, x):
    for f in fs:
        x = f(x)
    return x

adders = [make_adder(k) for k in range(8)]
counter = make_counter()
acc = 0
for i in range(150000):
    acc = apply_all(adders, i) % 1000003 + counter(i % 3)
    compose = lambda y, f=adders[i % 8]: f(f(y))
    acc += compose(i)
pairs = [(i * 7919 % 101, i) for i in range(2000)]
ordered = sorted(pairs, key=lambda p: (p[0], -p[1]))
print(acc, counter(0), ordered[:3], ordered[-1])
