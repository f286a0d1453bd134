# Tests sys.exit(3): exit status 3 with empty stderr.
import sys
def main():
    print("main running")
    return 3
sys.exit(main())
