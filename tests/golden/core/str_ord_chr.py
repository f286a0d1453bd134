# Tests ord() and chr() round trips over ASCII and non-ASCII, and their errors.
for c in "Az09 ~":
    print(repr(c), ord(c), chr(ord(c)))
print(chr(65), chr(97), chr(48), chr(10) == "\n", chr(0x1F600), chr(1114111) == "\U0010ffff")
shifted = ""
for c in "hal":
    shifted += chr(ord(c) + 1)
print(shifted)
print(ord("a") - ord("A"), chr(ord("q") - 32))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(1114112)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
