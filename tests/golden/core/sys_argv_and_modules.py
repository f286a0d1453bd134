# Tests import sys / import time basics: sys.argv contents and module attribute presence.
import sys
import time
print(sys.argv, type(sys.argv).__name__, len(sys.argv))
print(hasattr(sys, "exit"), hasattr(time, "sleep"), hasattr(time, "nonexistent_attr"))
print(callable(sys.exit), callable(time.time))
