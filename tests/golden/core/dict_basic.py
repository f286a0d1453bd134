# Tests dict literals, lookup, insertion, update of existing keys, len, in, del.
d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"], "a" in d, "z" in d, "z" not in d, 1 in d)
del d["b"]
print(d)
d["b"] = 20
print(d)
empty = {}
print(empty, len(empty), {} == dict(), {"x": 1} == {"x": 1.0})
d2 = {"k": "first", "k": "second"}
print(d2)
counts = {}
for word in "a b a c b a".split():
    if word in counts:
        counts[word] += 1
    else:
        counts[word] = 1
print(counts)
print({1: "int", "1": "str", 1.5: "float", None: "none", (1, 2): "tuple", True: "bool?"})
