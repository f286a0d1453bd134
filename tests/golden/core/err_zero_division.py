# Tests uncaught ZeroDivisionError traceback with caret markers under the division.
values = [10, 5, 0]
total = 0
for v in values:
    print("dividing by", v)
    total += 100 / v
print("unreachable", total)
