# Tests a traceback from the middle stage of a three-stage generator pipeline, showing every generator frame.
def numbers():
    for n in [8, 4, 2, 0, 5]:
        yield n

def inverses(src):
    for n in src:
        yield 16 // n

def labelled(src):
    for i, v in enumerate(src):
        yield f"#{i}: {v}"

for line in labelled(inverses(numbers())):
    print(line)
