# Malformed: Python 2 backtick repr syntax.
x = 42
s = `x`
print(s)
