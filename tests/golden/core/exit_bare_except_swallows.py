# Tests a bare except swallowing sys.exit, then a real exit with status 6.
import sys
try:
    sys.exit(1)
except:
    print("swallowed the first exit")
print("continuing")
try:
    sys.exit(6)
finally:
    print("finally before exiting")
