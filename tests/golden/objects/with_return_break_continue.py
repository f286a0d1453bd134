# Tests that __exit__ still runs when the body leaves via return, break or continue.
class Log:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        print(f"  enter {self.tag}")
        return self

    def __exit__(self, et, ev, tb):
        print(f"  exit {self.tag}")

def find(items, target):
    with Log("find"):
        for i, v in enumerate(items):
            if v == target:
                return i
        return -1

print("-- return inside with")
print(find("abc", "b"))
print(find("abc", "z"))

print("-- return value computed before exit")
def value():
    with Log("value") as lg:
        print("  computing")
        return lg.tag.upper()
print(value())

print("-- break inside with inside a loop")
for i in range(5):
    with Log(f"loop{i}"):
        if i == 2:
            print("  breaking")
            break
print("after loop")

print("-- continue inside with")
for i in range(3):
    with Log(f"c{i}"):
        if i % 2 == 0:
            continue
        print("  odd", i)

print("-- loop inside with, break leaves only the loop")
with Log("outer"):
    for i in range(10):
        if i == 1:
            break
    print("  still inside")

print("-- return from nested withs")
def nested():
    with Log("n1"):
        with Log("n2"):
            return "nested result"
print(nested())

print("-- return overridden by finally in the function")
def tricky():
    try:
        with Log("t"):
            return "from with"
    finally:
        print("  finally")
print(tricky())
