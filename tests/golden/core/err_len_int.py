# Tests uncaught TypeError from len() of an int.
items = [[1, 2], "ab", "", 5]
for it in items:
    print(repr(it), len(it))
