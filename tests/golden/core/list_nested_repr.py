# Tests repr/str of nested lists, tuples and dicts, and shared references.
inner = [1, 2]
outer = [inner, inner, (inner, "s"), {"k": inner}]
print(outer)
inner.append(3)
print(outer)
print([[], [[]], [[], []]], [(), ((),), ((), ())])
print([1.0, -0.0, None, True, "q'", 'q"'], [{"a": (1, [2, {"b": None}])}])
matrix = [[1, 2, 3], [4, 5, 6]]
print(matrix, len(matrix), len(matrix[0]), matrix[1][2])
print(str([1, "1"]), repr(["\n"]), [(1, 2), [3, (4,)]])
