# Tests uncaught ValueError from chr() with a negative code point.
for n in (65, 97, -1):
    print(n, chr(n))
