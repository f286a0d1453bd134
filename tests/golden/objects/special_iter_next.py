# Tests a custom iterator class with __iter__/__next__ used by for, list(), sum(), zip, enumerate and next().
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print("-- for loop")
for n in Countdown(3):
    print(n)

print("-- list and sum")
print(list(Countdown(5)), sum(Countdown(100)))

print("-- manual next")
it = Countdown(2)
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration caught")

print("-- iterator is consumed once")
c = Countdown(3)
print(list(c), list(c))

print("-- iter() returns the same object")
c = Countdown(1)
print(iter(c) is c)

print("-- builtins consuming iterators")
print(list(zip(Countdown(3), "abc")))
print(list(enumerate(Countdown(2))))
print(max(Countdown(4)), min(Countdown(4)), sorted(Countdown(4)))
print(tuple(Countdown(3)), ",".join(str(x) for x in Countdown(3)))
print(list(map(lambda x: x * x, Countdown(3))))

print("-- break then continue with the same iterator")
c = Countdown(6)
for n in c:
    if n == 4:
        break
print("after break:", list(c))

print("-- unpacking")
a, b, c3 = Countdown(3)
print(a, b, c3)
