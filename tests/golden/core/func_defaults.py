# Tests default parameter values, overriding by position and keyword, None defaults.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Di", greeting="Yo"))
def power(base, exp=2):
    return base ** exp
print(power(3), power(3, 3), power(exp=0, base=9))
def describe(x, label=None):
    if label is None:
        label = "value"
    return f"{label}={x!r}"
print(describe(5), describe("s", "name"), describe([], label="list"))
LIMIT = 10
def capped(v, limit=LIMIT):
    return min(v, limit)
LIMIT = 99
print(capped(50), capped(50, LIMIT))
