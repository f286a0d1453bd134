# Malformed: 'def' header without a trailing colon.
def add(a, b)
    return a + b
print(add(1, 2))
