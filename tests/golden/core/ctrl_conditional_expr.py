# Tests conditional expressions, nesting, laziness of the untaken branch.
def loud(v):
    print("  evaluated", v)
    return v
for n in (-2, 0, 3):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, sign)
print(loud("yes") if True else loud("no"))
print(loud("yes") if False else loud("no"))
x = 5
y = x * 2 if x > 3 else x / 2
print(y, (1 if x else 0) + 10, ("even" if x % 2 == 0 else "odd"))
lbl = "many" if x > 1 else "one"
print(f"{x} item{'s' if x != 1 else ''}", lbl)
