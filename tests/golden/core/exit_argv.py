# Tests sys.argv (script name only) and exiting with a status derived from it.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0], sys.argv[0].endswith(".py"))
sys.exit(len(sys.argv) + 10)
