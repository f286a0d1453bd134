# Tests strip/lstrip/rstrip with default whitespace and explicit char sets.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyzhizyx".strip("xyz"), "abcba".strip("ab"))
print("www.example.com".lstrip("w."), "file.txt.bak".rstrip(".bak"))
print(repr("".strip()), repr("   ".strip()), repr("abc".strip("")))
print("0042".lstrip("0"), "1.500".rstrip("0"), "--x--".strip("-"))
print("abc".strip("abc") == "", "  mid  dle  ".strip())
print(repr("\u00a0nbsp\u00a0".strip()), "...?!".rstrip("!?."))
