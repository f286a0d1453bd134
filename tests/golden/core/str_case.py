# Tests case conversion methods: upper lower title capitalize swapcase.
samples = ["hello world", "HELLO", "mIxEd CaSe", "o'neil's book", "x1y2 z3", "", "123abc", "tHE eND."]
for s in samples:
    print(repr(s), "|", s.upper(), "|", s.lower(), "|", s.title(), "|", s.capitalize(), "|", s.swapcase())
print("straße".upper(), "İ".lower() == "i̇", "ǆ".title())
print("hello-world_foo bar".title(), "they're bill's".title())
