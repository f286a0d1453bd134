# Tests uncaught OverflowError from float exponentiation, after a non-error inf.
print(1e308 * 10)
print(2.0 ** 1000)
print(2.0 ** 10000)
