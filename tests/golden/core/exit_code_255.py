# Tests the largest conventional exit status, 255.
import sys
print("exiting 255")
sys.exit(255)
