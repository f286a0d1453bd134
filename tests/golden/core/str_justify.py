# Tests center/ljust/rjust/zfill with widths, fill characters, odd padding.
for w in (0, 3, 6, 7, 10):
    print("|" + "abc".center(w) + "|" + "abc".ljust(w, ".") + "|" + "abc".rjust(w, "-") + "|")
print("|" + "ab".center(5, "*") + "|" + "abc".center(6, "*") + "|" + "a".center(4) + "|")
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "12345".zfill(3), "".zfill(2))
print("-".zfill(3), "3.14".zfill(7), "-0.5".zfill(6))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
