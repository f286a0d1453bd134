# Tests palindromes, anagrams, caesar cipher, run-length encoding and word capitalization.
def is_palindrome(s):
    cleaned = ""
    for ch in s.lower():
        if ch.isalnum():
            cleaned += ch
    return cleaned == cleaned[::-1]
for s in ["A man, a plan, a canal: Panama", "hello", "", "Was it a car or a cat I saw?"]:
    print(repr(s), is_palindrome(s))
def is_anagram(a, b):
    return sorted(a.replace(" ", "").lower()) == sorted(b.replace(" ", "").lower())
print(is_anagram("Listen", "Silent"), is_anagram("abc", "abd"), is_anagram("Dormitory", "dirty room"))
def caesar(text, shift):
    out = ""
    for ch in text:
        if "a" <= ch.lower() <= "z":
            base = ord("A") if ch.isupper() else ord("a")
            out += chr((ord(ch) - base + shift) % 26 + base)
        else:
            out += ch
    return out
enc = caesar("Hello, World! xyz", 3)
print(enc, caesar(enc, -3))
def rle(s):
    if not s:
        return ""
    out = []
    prev, count = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f"{count}{prev}")
            prev, count = ch, 1
    out.append(f"{count}{prev}")
    return "".join(out)
print(rle("aaabccddddde"), rle("a"), repr(rle("")))
