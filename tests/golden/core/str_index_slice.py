# Tests string indexing and slicing with negative indices and steps.
s = "abcdefghij"
print(s[0], s[9], s[-1], s[-10])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[2:8:-1] == "")
print(s[100:], s[-100:3], s[3:100], s[5:2], s[-1:-4:-1])
print(s[0:10:3], s[-2::-3], s[::10], s[::-10])
print(repr(s[10:]), len(s[4:6]))
print("x"[0], "x"[-1], ""[:], ""[5:9])
t = "Hello, World"
print(t[t.find(",") + 2:], t[:t.index(",")])
try:
    print(s[10])
except IndexError as e:
    print("IndexError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
