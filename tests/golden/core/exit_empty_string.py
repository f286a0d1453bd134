# Tests sys.exit("") : an empty message still means failure (status 1), stderr gets a blank line.
import sys
print("exiting with empty string")
sys.exit("")
