# Tests sys.exit in a finally block replacing an in-flight exception: status 3, no traceback.
import sys
def risky():
    try:
        print("about to divide")
        return 1 / 0
    finally:
        print("finally: exiting instead")
        sys.exit(3)
risky()
