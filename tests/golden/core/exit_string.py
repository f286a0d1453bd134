# Tests sys.exit("bye"): message printed to stderr, exit status 1.
import sys
print("stdout line")
sys.exit("bye")
