# Tests sys.exit with a non-int, non-str object: its str() goes to stderr, status 1.
import sys
errors = ["missing name", "bad age"]
print(len(errors), "errors")
sys.exit(errors)
