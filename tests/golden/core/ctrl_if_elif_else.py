# Tests if/elif/else chains, nested ifs, truthiness of conditions and one-line bodies.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in (-5, 0, 7, 42, 1000):
    print(n, classify(n))
x = 15
if x % 3 == 0:
    if x % 5 == 0:
        print("divisible by 15")
    else:
        print("divisible by 3 only")
if []: print("empty list is truthy?!")
elif {}: print("empty dict is truthy?!")
else: print("both empty containers are falsy")
if x: pass
if not x: print("unreachable")
else: print("x is", x)
if x > 10 and x < 20 or x == 0:
    print("in range")
