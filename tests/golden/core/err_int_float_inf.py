# Tests uncaught OverflowError converting float infinity to int.
big = 1e308 * 10
print(big)
print(int(big))
