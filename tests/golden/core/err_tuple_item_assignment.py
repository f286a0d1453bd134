# Tests uncaught TypeError from assigning to a tuple item.
point = (1, 2)
print("point", point)
point[0] = 5
