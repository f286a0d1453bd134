# Tests generators in for loops, list(), sum(), zip, enumerate, unpacking, and `in` on a generator.
def evens(limit):
    n = 0
    while n < limit:
        yield n
        n += 2

def chars(s):
    for ch in s:
        yield ch

print("-- for loop")
for e in evens(7):
    print(e, end=" ")
print()

print("-- builtins")
print(list(evens(10)), sum(evens(10)), max(evens(10)), sorted(evens(5), reverse=True))
print(list(zip(evens(100), chars("abc"))))
print(list(enumerate(chars("xy"))))
print(dict(zip(chars("ab"), evens(4))))

print("-- unpacking")
a, b, c = evens(6)
print(a, b, c)
first, *rest = chars("hello")
print(first, rest)

print("-- in consumes up to the match")
g = evens(20)
print(6 in g, next(g))
print(5 in g, next(g, "empty"))

print("-- generator as a method")
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def walk(self, depth=0):
        yield depth, self.value
        for child in self.children:
            for item in child.walk(depth + 1):
                yield item

t = Tree("root", [Tree("a", [Tree("a1"), Tree("a2")]), Tree("b")])
for depth, value in t.walk():
    print("  " * depth + value)
print([v for d, v in t.walk() if d == 2])
