# Tests len() of every container kind and truthiness in if/while.
for v in ["", "abc", "日本", [], [1, [2, 3]], (), (1,), {}, {"a": 1, "b": 2}, range(7), range(5, 1)]:
    state = "truthy" if v else "falsy"
    print(repr(v), len(v), state)
for v in [0, 0.0, -0.0, 1, -1, 0.001, None, True, False]:
    if v:
        print(repr(v), "is truthy")
    else:
        print(repr(v), "is falsy")
items = [3, 2, 1]
while items:
    print("popping", items.pop())
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
