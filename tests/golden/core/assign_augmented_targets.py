# Tests augmented assignment on subscripts and in-place list += visible through aliases.
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 3
print(lst)
d = {"n": 1, "s": "a"}
d["n"] **= 5
d["s"] += "bc"
print(d)
calls = []
def idx():
    calls.append("idx")
    return 1
arr = [0, 0, 0]
arr[idx()] += 5
print(arr, calls)
a = [1]
b = a
a += [2]
print(b)
a = a + [3]
print(a, b)
s = "x"
for i in range(3):
    s += str(i)
print(s)
