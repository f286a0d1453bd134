# Tests typical dict patterns: word frequency, grouping, max by value, nested updates.
text = "the cat and the hat and the bat sat on the mat"
freq = {}
for w in text.split():
    freq[w] = freq.get(w, 0) + 1
print(freq)
best = max(freq, key=lambda w: freq[w])
print("most common:", best, freq[best])
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
print(by_len)
ranking = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for word, count in ranking[:4]:
    print(f"{word:<4}{count:>3}")
matrix = {}
for r in range(3):
    matrix[r] = {}
    for c in range(3):
        matrix[r][c] = r * c
print(matrix)
print(matrix[2][2], sum(matrix[1].values()))
