# Tests uncaught ValueError from int() on a non-numeric string.
inputs = ["1", "22", "abc"]
total = 0
for s in inputs:
    total += int(s)
    print("running total", total)
