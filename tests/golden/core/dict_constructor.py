# Tests dict() constructor forms: kwargs, list of pairs, zip, copying, mixed.
print(dict(a=1, b=2))
print(dict([("x", 1), ("y", 2), ("x", 3)]))
print(dict(zip("abc", range(3))))
print(dict({"k": "v"}), dict(), dict([]))
print(dict([(1, "one")], two=2))
print(dict([[1, 2], (3, 4), "ab"]))
src = {"p": [1]}
cp = dict(src)
cp["p"].append(2)
cp["q"] = 0
print(src, cp)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
