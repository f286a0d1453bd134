# Malformed: characters after a line-continuation backslash.
total = 1 + \ 2
print(total)
