# Tests a traceback from inside a list comprehension: CPython 3.11 shows a <listcomp> frame.
def ratios(values, base):
    return [base / v for v in values]

print(ratios([1, 2, 4], 8))
print(ratios([5, 0, 1], 10))
