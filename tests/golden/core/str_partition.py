# Tests partition/rpartition on found, missing and repeated separators.
print("key=value".partition("="), "key=value=more".partition("="), "novalue".partition("="))
print("key=value=more".rpartition("="), "novalue".rpartition("="), "=x".partition("="))
print("a.b.c".rpartition("."), "".partition("x"), "abc".partition("abc"))
head, sep, tail = "user@example.com".partition("@")
print(head, sep, tail)
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError:", e)
