# Tests startswith/endswith with strings, tuples and start/end positions.
s = "filename.tar.gz"
print(s.startswith("file"), s.startswith("name"), s.startswith(""), s.endswith(".gz"))
print(s.endswith((".zip", ".gz")), s.startswith(("x", "y")), s.endswith(()))
print(s.startswith("name", 4), s.startswith("name", 4, 6), s.endswith("tar", 0, 12))
print(s.endswith("file", 0, 4), "".startswith(""), "".endswith("a"), "abc".startswith("abcd"))
for name in ["a.py", "b.txt", "c.PY", "readme"]:
    print(name, name.lower().endswith(".py"))
