# Tests string comparison (lexicographic by code point), in/not in, min/max of strings.
print("apple" < "banana", "apple" < "Apple", "Z" < "a", "abc" < "abd", "ab" < "abc")
print("" < "a", "a" <= "a", "b" >= "a", "abc" == "abc", "abc" != "ABC")
print("10" < "9", "a" * 3 == "aaa", "é" > "e", "🐍" > "z")
words = ["pear", "Apple", "banana", "apple", "Banana", "cherry"]
print(min(words), max(words), sorted(words))
print(min(words, key=len), max(words, key=len), sorted(words, key=lambda w: w.lower()))
print("ell" in "hello", "hello" in "hello", "" in "", "lo!" in "hello", "H" not in "hello")
print(max("b", "ab", "abc"), min("zz", "z"), max("Hello"), min("Hello"))
