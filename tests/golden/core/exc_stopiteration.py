# Tests StopIteration from next() on exhausted iterators (caught) and next() defaults.
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration:", repr(e), e.args, "[" + str(e) + "]")
print(next(it, "default"))
try:
    raise StopIteration("value")
except StopIteration as e:
    print(repr(e), e.args)
empty = iter("")
print(next(empty, None))
def take(iterator, n):
    out = []
    for _ in range(n):
        try:
            out.append(next(iterator))
        except StopIteration:
            out.append("<end>")
            break
    return out
print(take(iter(range(3)), 5), take(iter("abcdef"), 2))
