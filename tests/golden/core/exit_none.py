# Tests sys.exit(None): same as success, status 0.
import sys
print("exiting with None")
sys.exit(None)
