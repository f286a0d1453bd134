# Tests f-string self-documenting expressions with = (spacing, conversions, specs).
x = 10
name = "py"
items = [1, 2]
print(f"{x=}")
print(f"{x = }")
print(f"{x=:>5}|")
print(f"{name=}")
print(f"{name=!s}")
print(f"{x + 1=}")
print(f"{items[0]=} {len(items)=}")
print(f"{x * 2.5=:.2f}")
print(f"{x=}, {name=}")
print(f"{None=} {x > 5=}")
