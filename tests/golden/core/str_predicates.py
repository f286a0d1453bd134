# Tests is* predicate methods on many inputs including empty strings.
samples = ["abc", "ABC", "Abc", "123", "abc123", "   ", "", "\t\n", "a b", "½", "²", "Ab1 ", "ÉTÉ"]
for s in samples:
    print(repr(s).ljust(10), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
print("A1".isupper(), "a1".islower(), "1".isupper(), "1".islower())
