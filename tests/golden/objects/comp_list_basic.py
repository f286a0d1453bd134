# Tests list comprehensions: mapping, filtering, conditional expressions, strings, and method calls on objects.
nums = [3, -1, 4, -1, 5, -9, 2, 6]

print("-- map and filter")
print([n * n for n in nums])
print([n for n in nums if n > 0])
print([n * 2 for n in nums if n % 2 == 0 if n > 0])

print("-- conditional expression in the element")
print(["neg" if n < 0 else "pos" for n in nums])
print([abs(n) if n < 0 else -n for n in nums[:4]])

print("-- over strings and ranges")
print([c.upper() for c in "hello" if c != "l"])
print([i for i in range(20) if i % 3 == 0])
print([str(i) * i for i in range(4)])

print("-- over objects")
class Item:
    def __init__(self, name, price):
        self.name = name
        self.price = price
    def discounted(self, pct):
        return self.price * (100 - pct) // 100
items = [Item("pen", 120), Item("book", 900), Item("cup", 450)]
print([it.name for it in items if it.price > 200])
print([it.discounted(10) for it in items])
print([(it.name, it.price) for it in sorted(items, key=lambda i: i.price)])

print("-- tuple unpacking in the loop")
pairs = [(1, "a"), (2, "b"), (3, "c")]
print([s * n for n, s in pairs])
print([f"{i}:{v}" for i, v in enumerate("xyz", start=1)])
print([a + b for a, b in zip([1, 2, 3], [10, 20, 30])])

print("-- empty results")
print([x for x in []], [x for x in range(5) if x > 10])
