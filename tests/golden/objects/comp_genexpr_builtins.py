# Tests generator expressions passed to sum, any, all, list, sorted, max, min, tuple, dict and str.join.
nums = [4, 8, 15, 16, 23, 42]
words = ["delta", "alpha", "charlie", "bravo"]

print("-- sum")
print(sum(n * n for n in nums), sum(n for n in nums if n % 2))
print(sum((n for n in range(5)), 100))

print("-- any / all")
print(any(n > 40 for n in nums), any(n < 0 for n in nums))
print(all(n > 0 for n in nums), all(n % 2 == 0 for n in nums))
print(any(x for x in []), all(x for x in []))

print("-- list, tuple, sorted")
print(list(n // 2 for n in nums))
print(tuple(w[0] for w in words))
print(sorted(len(w) for w in words))
print(sorted((w for w in words), key=len, reverse=True))

print("-- max / min with key")
print(max(len(w) for w in words), min(w[::-1] for w in words))
print(max((w for w in words), key=lambda w: w[-1]))
print(max((n for n in nums if n > 100), default="none"))

print("-- join and dict")
print("-".join(w.upper() for w in words))
print(dict((w, len(w)) for w in words))

print("-- short circuit: any stops early")
def noisy(n):
    print("  checking", n)
    return n > 10
print(any(noisy(n) for n in nums))
print(all(noisy(n) for n in nums))

print("-- generator object is single-use")
g = (n for n in range(3))
print(list(g), list(g), type(g).__name__)

print("-- over objects")
class Box:
    def __init__(self, w):
        self.w = w
boxes = [Box(3), Box(9), Box(1)]
print(sum(b.w for b in boxes), max(b.w for b in boxes), sorted(b.w for b in boxes))
