# Tests that strings are immutable: item assignment/deletion raise TypeError (caught).
s = "hello"
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
t = s
s += " world"
print(s, "|", t)
print("H" + s[1:])
