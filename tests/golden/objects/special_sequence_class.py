# Tests a sequence-like class combining __len__, __getitem__, __setitem__, __contains__, __iter__ and __eq__.
class Row:
    def __init__(self, *values):
        self._values = list(values)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, i):
        if isinstance(i, str):
            raise TypeError(f"Row indices must be integers, not {type(i).__name__}")
        return self._values[i]

    def __setitem__(self, i, v):
        self._values[i] = v

    def __contains__(self, v):
        return v in self._values

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        return isinstance(other, Row) and self._values == other._values

    def __repr__(self):
        return "Row" + repr(tuple(self._values))

r = Row(3, 1, 4, 1, 5)
print("-- len/getitem/setitem")
print(len(r), r[0], r[-1])
r[1] = 9
print(r)
print("-- contains and iteration")
print(9 in r, 2 in r, list(r), sum(r), sorted(r))
print("-- equality")
print(r == Row(3, 9, 4, 1, 5), r == Row(3), r == [3, 9, 4, 1, 5])
print("-- builtins on the class")
print(max(r), min(r), list(reversed(list(r))), dict(zip("abcde", r)))
print("-- errors from inside methods")
try:
    r["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    r[10] = 0
except IndexError as e:
    print("IndexError:", e)
