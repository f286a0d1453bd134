# Tests str() and repr() of every core value type, including nested containers.
values = [None, True, False, 0, -12, 3.5, -0.0, 1e100, "text", "it's", [], [1, "a"], (), (1,),
          (1, "b", None), {}, {"k": [1, (2, 3)]}, range(3), range(1, 10, 2), [[[]]], ([], {})]
for v in values:
    print(str(v), "|", repr(v))
print(str(), repr(str()), len(str(12345)))
