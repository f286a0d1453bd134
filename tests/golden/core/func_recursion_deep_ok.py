# Tests recursion close to (but below) the default limit and recovery after RecursionError.
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(950))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print("recovered:", depth(500))
try:
    forever(0)
except RuntimeError as e:
    print("caught as RuntimeError:", type(e).__name__)
