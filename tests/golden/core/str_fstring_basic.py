# Tests f-strings: expressions, conversions !r/!s, quotes, escaped braces, nesting.
name = "World"
n = 7
items = [1, 2, 3]
d = {"key": "value"}
print(f"Hello, {name}!")
print(f"{n} squared is {n * n}, half is {n / 2}")
print(f"{name!r} {name!s} {items!r} {'str'!r}")
print(f"{{braces}} {{{n}}} {{}}")
print(f"{items[0]} {items[-1]} {d['key']} {len(items)}")
print(f"{'yes' if n > 5 else 'no'} {n > 5 and 'big'} {n % 2 == 0}")
print(f"{None} {True} {3.0} {[1, 'a']} {(1,)}")
print(f"nested {f'inner {n}'} done", f"{'a' + 'b'}")
print(f"{n:{'>'}{5}}|", f"{'x':{'^'}{'5'}}|")
w = 10
p = 3
print(f"[{3.14159:{w}.{p}f}]", f"[{name:{w}}]", f"[{name:>{w}}]")
print(f"""triple {n}
line two {name}""")
print(F"upper F {n}", rf"raw \n {n}", fr"raw2 \t {name}")
print(f"{'é'!r} {'日本':>4}|")
