# Method calls on str, list and dict: split, join, strip, replace, upper,
# startswith, find, append, pop, index, get, setdefault-style counting.
text = "  The quick brown fox jumps over the lazy dog; the dog sleeps.  "
counts = {}
kept = []
total = 0
for i in range(40000):
    line = text.strip().lower()
    for word in line.replace(";", " ").replace(".", " ").split():
        counts[word] = counts.get(word, 0) + 1
        if word.startswith("d") or word.endswith("x"):
            kept.append(word.upper())
    total += line.find("lazy") + line.count("o")
    if len(kept) > 64:
        kept = kept[32:]
        kept.reverse()
    stack = [i, i + 1, i + 2]
    stack.append(stack.pop() * 2)
    stack.insert(0, stack.index(i + 1))
    total += stack[-1] - stack[0]
keys = sorted(counts.keys())
print(len(keys), total, "-".join(kept[:4]), counts["the"], list(counts.items())[:3])
