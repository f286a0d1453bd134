# Tests NameError with a "Did you mean" suggestion for a misspelled variable.
count = 0
for i in range(3):
    count += i
print("count", count)
print(coutn)
