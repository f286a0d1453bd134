# Malformed: 'continue' outside any loop (inside a function).
def f(x):
    if x:
        continue
    return x
