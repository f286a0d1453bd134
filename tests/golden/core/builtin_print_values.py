# Tests print() rendering of None, bools, numbers, -0.0, nested containers and strings.
print(None, True, False)
print(0, -1, 12345678901234, 3.0, -0.0, 1e-9, 1.5e20, 2 ** 0.5)
print([None, True, 1.0], (None,), {"n": None, "t": (True, False)})
print("str in list:", ["a", 'b"c', "d'e"], "bare:", 'b"c', "d'e")
print([[1, [2, [3, [4]]]]], ((((),),),), {"a": {"b": {"c": [1, {"d": ()}]}}})
print(range(0, 3), [range(2)], "é", ["é"], "日本", ["\t"])
print(print("inner"))
print(print("a") is None, print("b", end="|\n"))
