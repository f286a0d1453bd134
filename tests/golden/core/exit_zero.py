# Tests sys.exit(0) from inside a loop: status 0 and output up to that point.
import sys
for i in range(10):
    print("i =", i)
    if i == 3:
        sys.exit(0)
