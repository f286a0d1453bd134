# Tests string + concatenation and * repetition (including zero, negative, bool).
print("ab" + "cd", "" + "x", "x" + "", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2)
print(repr("" * 10), "-" * 20, "=" * True, "=" * False + "|")
s = ""
for i in range(5):
    s = s + str(i)
    s += ","
print(s)
line = "+" + "-" * 8 + "+"
print(line)
print("|" + " " * 8 + "|")
print(line)
print(("ab" * 2 + "c") * 2, len("xyz" * 100))
