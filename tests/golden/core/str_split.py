# Tests str.split/rsplit: whitespace runs, explicit separators, maxsplit, edge cases.
print("a b  c   d".split())
print("  leading and trailing  ".split())
print("\t tabs\nand\r\nnewlines \x0b".split())
print("a,b,,c,".split(","))
print("a, b, c".split(", "))
print("a b c d".split(" ", 1), "a b c d".split(maxsplit=2))
print("a b c d".rsplit(" ", 1), "a b c d".rsplit(maxsplit=2))
print("a,b,c".rsplit(",", 1), "a,b,c".split(",", 0), "a,b,c".split(",", -1))
print("".split(), "".split(","), "   ".split(), " ".split(" "))
print("abc".split("abc"), "xxabcxx".split("abc"), "aaa".split("a"))
print("one::two::three".split("::"), "no-separator".split("|"))
print("  a  b  ".split(None, 1), "  a  b  ".rsplit(None, 1))
words = "the quick brown fox".split()
print(len(words), words[-1], "-".join(words))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
