# Tests generator.close() running the generator's finally block, and closing unstarted/finished generators.
def resource(name):
    print(f"  open {name}")
    try:
        for i in range(10):
            yield f"{name}-{i}"
    finally:
        print(f"  close {name}")

print("-- close after partial consumption")
g = resource("a")
print(next(g), next(g))
g.close()
print("closed")
print(next(g, "nothing more"))

print("-- close on a generator that never started: no finally")
g = resource("b")
g.close()
print(next(g, "nothing"))

print("-- close on a finished generator")
g = resource("c")
for _ in range(10):
    next(g)
print(next(g, "end"))
g.close()

print("-- GeneratorExit can be observed")
def watcher():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("  GeneratorExit received")
        raise
    finally:
        print("  watcher finally")
w = watcher()
next(w)
w.close()

print("-- closing twice is harmless")
w.close()
print("ok")

print("-- yielding during close is an error")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
