# Tests return semantics: implicit None, bare return, multiple values as tuple, early exit.
def implicit():
    x = 1
def bare():
    return
def multi():
    return 1, "two", [3]
def maybe(n):
    if n > 0:
        return "positive"
print(implicit(), bare(), multi(), maybe(1), maybe(-1))
a, b, c = multi()
print(a, b, c)
r = multi()
print(type(r).__name__, len(r), r[1])
def swap(x, y):
    return y, x
print(swap(1, 2), swap("a", "b"))
def nested_return():
    for i in range(10):
        while True:
            if i == 3:
                return i * 100
            break
    return -1
print(nested_return())
