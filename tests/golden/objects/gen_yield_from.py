# Tests yield from: delegating to sub-generators, lists and ranges, recursion, and the return value of yield from.
def inner(tag):
    yield f"{tag}1"
    yield f"{tag}2"
    return f"{tag}-done"

def outer():
    r1 = yield from inner("a")
    print("  inner a returned", r1)
    r2 = yield from inner("b")
    print("  inner b returned", r2)
    yield from [r1, r2]
    yield from range(2)
    return "outer-done"

print("-- delegation")
print(list(outer()))

print("-- return value of the outer generator")
g = outer()
while True:
    try:
        next(g)
    except StopIteration as e:
        print("outer returned", e.value)
        break

print("-- recursive flatten")
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))

print("-- send passes through yield from")
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
def wrapper():
    result = yield from acc()
    yield f"final {result}"
w = wrapper()
next(w)
print(w.send(5), w.send(10), w.send(None))

print("-- tree traversal with yield from")
class Node:
    def __init__(self, v, *kids):
        self.v = v
        self.kids = kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
tree = Node(1, Node(2, Node(3)), Node(4, Node(5), Node(6)))
print(list(tree), sum(tree))
