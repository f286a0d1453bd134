# Tests generators with try/finally abandoned by break, then explicitly closed, and finally after exhaustion.
def numbers(tag):
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print(f"  finally in {tag}")

print("-- break then close")
g = numbers("g1")
for n in g:
    if n == 3:
        print("  breaking at", n)
        break
print("after loop, generator still suspended")
print("next value:", next(g))
g.close()
print("after close")

print("-- exhaustion runs finally")
def finite():
    try:
        yield "x"
        yield "y"
    finally:
        print("  finite finally")
for v in finite():
    print(" ", v)
print("after finite loop")

print("-- finally with an exception raised by the consumer while suspended")
g = numbers("g2")
try:
    for n in g:
        if n == 1:
            raise ValueError("consumer failed")
except ValueError as e:
    print("caught", e)
g.close()

print("-- return inside the loop body of the consumer")
def first_over(limit):
    gen = numbers("g3")
    for n in gen:
        if n > limit:
            gen.close()
            return n
print(first_over(2))
