# Tests min()/max() with key=, default=, ties (first wins), and empty-sequence errors.
words = ["kiwi", "fig", "banana", "plum", "date"]
print(min(words, key=len), max(words, key=len), max(words, key=lambda w: w[-1]))
print(max([], default=0), min([], key=len, default="none"), max([5], default=0))
print(max([1, 3, 3.0, 2]), max([3.0, 3, 1]), min([(1, "b"), (1, "a")]))
print(max({"a": 3, "b": 9, "c": 1}), max({"a": 3, "b": 9, "c": 1}.items(), key=lambda kv: kv[1]))
print(min(5, 3, key=lambda v: -v), max("a", "B", key=lambda c: c.lower()))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(())
except ValueError as e:
    print("ValueError:", e)
try:
    max(1)
except TypeError as e:
    print("TypeError:", e)
