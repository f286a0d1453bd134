# Tests uncaught TypeError calling an int (shadowed name).
total = 5
print("total is", total)
x = total(3)
