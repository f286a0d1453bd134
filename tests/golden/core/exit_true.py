# Tests sys.exit(True): True is the int 1, so status 1 and nothing on stderr.
import sys
print("exit True")
sys.exit(True)
