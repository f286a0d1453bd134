# Tests str.join with lists, tuples, strings, dict keys and the TypeError for non-str items.
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " - ".join(("one", "two")))
print("+".join("abc"), "|".join([]), repr("".join([])), "::".join(["solo"]))
print(", ".join({"k1": 1, "k2": 2}), "\n".join(["line1", "line2"]))
nums = [1, 2, 3]
strs = []
for n in nums:
    strs.append(str(n))
print("/".join(strs), "".join(reversed("stressed")))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    ",".join(["a", None, "c"])
except TypeError as e:
    print("TypeError:", e)
try:
    "-".join(5)
except TypeError as e:
    print("TypeError:", e)
