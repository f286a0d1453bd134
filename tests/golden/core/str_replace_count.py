# Tests str.replace with count and empty patterns, and str.count.
s = "one two one two one"
print(s.replace("one", "1"), "|", s.replace("one", "1", 2), "|", s.replace("one", "1", 0))
print(s.replace("three", "3"), "|", s.replace(" ", ""), "|", s.replace("o", "0", -1))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"))
print("aaaa".replace("aa", "b"), "aaa".replace("a", "aa"), "banana".replace("ana", "_"))
print("x".replace("x", ""), repr("xxx".replace("x", "")))
print("banana".count("a"), "banana".count("an"), "banana".count("ana"), "banana".count("b", 1))
