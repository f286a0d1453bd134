# Tests non-ASCII strings: len, indexing, slicing, ord/chr, upper/lower, printing.
s = "héllo wörld"
print(s, len(s), s[1], s[-4], s[1:5], s.upper(), s.title())
jp = "日本語テキスト"
print(jp, len(jp), jp[0], jp[-1], jp[2:4], jp[::-1])
emoji = "hi 🐍🎉!"
print(emoji, len(emoji), emoji[3], emoji[4], repr(emoji[3:5]))
print(ord("é"), ord("日"), ord("🐍"), chr(233), chr(26085), chr(128013))
print("é" == "\u00e9", "é" < "z", "z" < "é", "日" > "本")
print(repr("日本"), repr("naïve"), str("ß".upper()), "ÉCOLE".lower())
print("café".find("é"), "日本語" * 2, "über".capitalize(), "ǅ".lower())
for ch in "aé日🐍":
    print(ch, ord(ch), hex(ord(ch)))
print("|" + "é".center(5) + "|", "|" + "日本".rjust(4, "*") + "|")
print("αβγ".isalpha(), "١٢٣".isdigit(), "   ".isspace(), "Ω".isupper())
