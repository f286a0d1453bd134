# Tests sys.exit("message") called while handling another exception: only the message is printed.
import sys
config = {"name": "demo"}
try:
    port = config["port"]
except KeyError as e:
    print("missing key", e)
    sys.exit(f"fatal: no port configured (missing {e})")
print("unreachable")
