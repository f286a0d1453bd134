# Tests list error messages (caught): pop empty/out of range, remove missing, index missing.
lst = []
try:
    lst.pop()
except IndexError as e:
    print("IndexError:", e)
lst = [1, 2]
try:
    lst.pop(5)
except IndexError as e:
    print("IndexError:", e)
try:
    lst.remove(9)
except ValueError as e:
    print("ValueError:", e)
try:
    lst.index("x")
except ValueError as e:
    print("ValueError:", e)
try:
    lst[2] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    print(lst[-3])
except IndexError as e:
    print("IndexError:", e)
try:
    del lst[7]
except IndexError as e:
    print("IndexError:", e)
print(lst)
