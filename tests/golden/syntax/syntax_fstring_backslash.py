# Malformed: backslash inside the expression part of an f-string (3.11 rule).
words = ["a", "b"]
print(f"{'\n'.join(words)}")
