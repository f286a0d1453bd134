# Tests sort/sorted: stability with key, reverse stability, multi-key via tuples.
people = [("amy", 30), ("bob", 25), ("cid", 30), ("dan", 25), ("eve", 35), ("fay", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ["bb", "a", "ccc", "dd", "e", "fff"]
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted((5, -1, 0)))
print(sorted({"b": 1, "a": 2, "c": 0}), sorted([-3, 2, -1, 0], key=abs))
print(sorted([1.5, 1, True, 0, -0.5]), sorted([[2, 1], [1, 2], [1], []]))
data = [5, 2, 5, 1]
out = sorted(data)
print(data, out, out is data)
