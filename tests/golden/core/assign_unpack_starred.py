# Tests starred assignment targets and unpacking errors (caught) with exact messages.
a, *b = [1, 2, 3]
print(a, b)
*a, b = (1,)
print(a, b)
a, *b, c = "hello"
print(a, b, c)
(a, b), *rest = [(1, 2), 3, 4]
print(a, b, rest)
a, [b, *c] = 1, [2, 3, 4]
print(a, b, c)
for first, *others in ["abc", "d"]:
    print(first, others)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = {"x": 1}
except ValueError as e:
    print("ValueError:", e)
