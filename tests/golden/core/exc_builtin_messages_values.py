# Tests str(e) of ValueError/IndexError/KeyError/AttributeError/etc. from builtins (caught).
cases = [
    lambda: int("abc"),
    lambda: int("12", 2),
    lambda: int("1e3"),
    lambda: float("x"),
    lambda: float("1,5"),
    lambda: chr(-1),
    lambda: [1, 2].index(5),
    lambda: (1, 2).index(3),
    lambda: "abc".index("z"),
    lambda: [].remove(0),
    lambda: [1, 2][10],
    lambda: (1,)[-2],
    lambda: "abc"[3],
    lambda: range(3)[5],
    lambda: {}.pop("k"),
    lambda: {"a": 1}["b"],
    lambda: "abc".foo,
    lambda: [].push,
    lambda: (5).real_part,
    lambda: {}.add,
    lambda: None.x,
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: 1.5 // 0.0,
    lambda: divmod(1, 0),
    lambda: 0 ** -1,
    lambda: 0.0 ** -2,
    lambda: 2.0 ** 10000,
    lambda: 10.0 ** 400,
    lambda: int(float("inf")),
    lambda: max([]),
    lambda: [1, 2, 3][::0],
    lambda: "a".center(2, ""),
    lambda: round(1.5, None) + None,
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
