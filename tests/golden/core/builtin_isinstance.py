# Tests isinstance() with builtin types, tuples of types, and bool/int subclassing.
values = [0, 1.5, "s", [], (), {}, None, True, range(2)]
for v in values:
    print(repr(v), isinstance(v, int), isinstance(v, float), isinstance(v, str),
          isinstance(v, (list, tuple)), isinstance(v, dict), isinstance(v, (int, float)))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool))
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), LookupError))
print(isinstance(KeyError(), (TypeError, IndexError)), isinstance(SystemExit(), Exception))
print(isinstance(3, ()), isinstance(range(3), range))
