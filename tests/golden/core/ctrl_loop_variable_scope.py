# Tests that loop variables persist after loops and that empty loops don't bind them.
for i in range(5):
    pass
print("i after loop:", i)
for i in range(0):
    pass
print("i unchanged by empty loop:", i)
for fresh in []:
    pass
try:
    print(fresh)
except NameError as e:
    print("NameError:", e)
total = 0
for i in range(3):
    i = i * 100
    total += i
print("rebinding loop var doesn't affect iteration:", total, i)
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
    print("saw", x)
print(lst)
