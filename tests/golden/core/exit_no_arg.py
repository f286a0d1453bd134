# Tests sys.exit() with no argument: status 0, nothing on stderr, later code not run.
import sys
print("before exit")
sys.exit()
print("after exit")
