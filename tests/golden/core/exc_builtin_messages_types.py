# Tests str(e) of TypeErrors raised by builtin operations (all caught).
five = 5
text = "s"
nothing = None
pair = (1, 2)
one = [1]
cases = [
    lambda: None + 1,
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [1] + (2,),
    lambda: "x" * "y",
    lambda: [1] * 1.5,
    lambda: 1 < "a",
    lambda: [] > {},
    lambda: None < None,
    lambda: len(5),
    lambda: five(),
    lambda: text(),
    lambda: [1][0][0],
    lambda: nothing[0],
    lambda: pair[None],
    lambda: one["a"],
    lambda: {}[[]],
    lambda: -"a",
    lambda: ~1.5,
    lambda: int(None),
    lambda: int([1]),
    lambda: float(None),
    lambda: sorted([1, "a"]),
    lambda: ",".join([1, 2]),
    lambda: range(1.5),
    lambda: "abc".find(1),
    lambda: 1 in 5,
    lambda: "a" in ["a"] in "abc",
    lambda: abs("x"),
    lambda: 3 % "x",
    lambda: "%d" % [],
    lambda: hex(1.0),
    lambda: chr("a"),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except TypeError as e:
        print(i, "TypeError:", e)
