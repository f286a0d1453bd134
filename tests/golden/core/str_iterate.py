# Tests iterating over strings with for, enumerate, reversed, zip, and building results.
s = "Hello"
for ch in s:
    print(ch, end=" ")
print()
for i, ch in enumerate(s):
    print(i, ch, end="; ")
print()
print(list(reversed(s)), list(s), tuple("ab"))
vowels = 0
for ch in "Programming in Python":
    if ch.lower() in "aeiou":
        vowels += 1
print("vowels:", vowels)
out = ""
for a, b in zip("abc", "123"):
    out += a + b
print(out)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
