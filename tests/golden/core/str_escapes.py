# Tests string escape sequences and how print/repr render them.
s = "tab:\there\nnewline done"
print(s)
print(repr(s))
print("back\\slash", 'single \' quote', "double \" quote", 'mixed "q" \'s\'')
print("\x41\x42\x43", "\u00e9\u00e8", "\101\102", "bell\a".replace("\a", "<BEL>"))
print(len("\n"), len("\\n"), len("\x00"), len("\u00e9"), len("\t\t"))
print(repr("\x00\x01\x1f\x7f"), repr("\r\n"), repr("\x0b\x0c"))
print("line1\
 continued")
print("a\
b", len("a\
b"))
print(repr("\u200b"), repr("\xa0"), repr("\xe9"), repr("\u2028"))
print(ord("\n"), ord("\t"), ord("\\"), ord("\x7f"), ord("\0"))
