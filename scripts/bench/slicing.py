# Slicing lists and strings: prefixes, suffixes, strides, reversal, slice
# assignment and deletion, string windows.
data = list(range(200))
s = "abcdefghijklmnopqrstuvwxyz" * 4
total = 0
for i in range(120000):
    k = i % 50
    head = data[:k]
    tail = data[-k:]
    mid = data[k:k + 20:2]
    total += len(head) + len(tail) + sum(mid)
    rev = data[::-7]
    total += rev[0] + len(rev)
    w = s[k:k + 10]
    total += len(w) + len(s[::3]) + (w[::-1] < w)
    window = data[10:20]
    window[2:5] = [k, k, k]
    del window[::2]
    total += sum(window)
print(total, s[5:25:3], data[190::3])
