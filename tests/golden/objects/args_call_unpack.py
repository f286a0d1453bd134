# Tests unpacking at call sites: f(*lst), f(**d), several unpackings in one call, mixing with literals.
def f(a, b, c=0, d=0):
    return f"a={a} b={b} c={c} d={d}"

print("-- *list and *tuple")
print(f(*[1, 2]))
print(f(*(1, 2, 3)))
print(f(*"xy"))
print(f(*range(4)))

print("-- **dict")
print(f(**{"a": 1, "b": 2}))
print(f(**{"d": 4, "b": 2, "a": 1}))

print("-- mixing")
print(f(1, *[2, 3]))
print(f(*[1], *[2], d=9))
print(f(1, **{"b": 2}, c=3))
print(f(*[1, 2], **{"c": 3, "d": 4}))
print(f(**{"a": 1}, **{"b": 2}))

print("-- unpacking into builtins")
nums = [5, 3, 8]
print(max(*nums), min(*nums, 1))
print(*nums)
print(*nums, sep="|")
print(*"abc", *[1, 2], sep=",")
kw = {"sep": "-", "end": "!\n"}
print("x", "y", **kw)

print("-- unpacking a generator and a dict's keys")
print(f(*(i * i for i in range(2))))
print(f(*{"p": 1, "q": 2}))

print("-- building lists/tuples/dicts with unpacking")
print([*nums, *"ab"], (*nums,), {**{"a": 1}, "b": 2, **{"a": 3}})
