# Tests exceptions raised inside generators (caught by the consumer), and the generator being finished afterwards.
class BadRecord(Exception):
    pass

def records(rows):
    for i, row in enumerate(rows):
        if "=" not in row:
            raise BadRecord(f"row {i}: {row!r}")
        yield row.split("=")

print("-- error part way through")
g = records(["a=1", "b=2", "oops", "c=3"])
got = []
try:
    for k, v in g:
        got.append(k)
except BadRecord as e:
    print("BadRecord:", e)
print(got)

print("-- the generator is finished after raising")
print(next(g, "finished"))

print("-- error from a nested call inside the generator")
def parse_ints(items):
    for s in items:
        yield int(s)
try:
    print(sum(parse_ints(["1", "2", "x"])))
except ValueError as e:
    print("ValueError:", e)

print("-- generator catches its own errors and keeps going")
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a // b
        except ZeroDivisionError:
            yield None
print(list(safe_div([(10, 2), (1, 0), (9, 3)])))

print("-- StopIteration raised inside a generator becomes RuntimeError")
def leaky():
    yield 1
    next(iter([]))
    yield 2
try:
    print(list(leaky()))
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__)
