# Tests find/rfind/index/rindex/count, including -1 and ValueError.
s = "abracadabra"
print(s.find("a"), s.find("bra"), s.find("z"), s.find(""), s.find("a", 4), s.find("a", 4, 5))
print(s.rfind("a"), s.rfind("bra"), s.rfind("z"), s.rfind(""), s.rfind("a", 0, 4))
print(s.index("cad"), s.rindex("abra"), s.index("a", -3), s.find("a", -100))
print(s.count("a"), s.count("bra"), s.count("z"), s.count(""), s.count("a", 3))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "".count(""), "".find(""))
print("a" in s, "cad" in s, "dac" in s, "" in s, "A" not in s)
try:
    s.index("xyz")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("q")
except ValueError as e:
    print("ValueError:", e)
