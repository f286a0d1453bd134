# Tests iter() and next(), including defaults and StopIteration (caught).
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
s = iter("ab")
print(next(s), next(s))
try:
    next(s)
except StopIteration as e:
    print("StopIteration caught", repr(e), e.args)
d = iter({"k1": 1, "k2": 2})
print(next(d), list(d))
r = iter(range(5))
next(r)
print(list(r))
it2 = iter([10, 20, 30, 40])
for x in it2:
    print("loop got", x, "and skipped", next(it2, None))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
