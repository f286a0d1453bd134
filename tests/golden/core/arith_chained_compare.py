# Tests chained comparisons: evaluation order, single evaluation, short circuit.
def v(name, value):
    print("eval", name)
    return value

print("-- all true --")
print(v("a", 1) < v("b", 2) < v("c", 3))
print("-- first false short-circuits --")
print(v("a", 5) < v("b", 2) < v("c", 3))
print("-- middle evaluated once --")
print(v("a", 1) < v("b", 2) > v("c", 0))
print("-- mixed ops --")
x = 5
print(1 < x <= 5, 1 < x < 5, 0 == 0 < 1, 3 != 4 != 3, 1 < 3 > 2 == 2)
print(1 <= 1.0 <= True, "a" < "b" < "c" < "ba")
print(1 < 2 < 3 < 4 < 5 < 4)
print(x is not None is not False)
print(1 in [1, 2] in [[1, 2], 3])
