# Tests sys.exit with a float: it is printed to stderr like a message and the status is 1.
import sys
ratio = 3 / 2
print("ratio", ratio)
sys.exit(ratio)
