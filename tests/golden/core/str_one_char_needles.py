# One-character needles take a faster search path: the results must not
# change, with ASCII and non-ASCII text, bounds and counts.
texts = ["a,b,,c,", ",", "", "héllo wörld ö", "naïve café; naïve", "xxxx", "日本語,日本,語"]
needles = [",", "o", "ö", "x", "語", ";", "é", "zz", "ab"]
for t in texts:
    for n in needles:
        print(repr(t), repr(n), t.find(n), t.rfind(n), t.count(n), n in t)
        print("  ", t.split(n), t.split(n, 1), t.rsplit(n, 1))
        print("  ", t.replace(n, "<>"), t.replace(n, "", 1), t.partition(n), t.rpartition(n))
        print("  ", t.find(n, 2), t.find(n, 1, -1), t.rfind(n, 0, 3), t.count(n, 1), t.count(n, -3, -1))
        print("  ", t.startswith(n), t.endswith(n), t.startswith(n, 1), t.endswith(n, 0, -1))
try:
    "abc".index("ö")
except ValueError as e:
    print("ValueError:", e)
