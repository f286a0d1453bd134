# Tests uncaught KeyError with an integer key inside a function.
squares = {1: 1, 2: 4, 3: 9}

def lookup(n):
    return squares[n]

for n in (1, 2, 3, 4):
    print(n, lookup(n))
