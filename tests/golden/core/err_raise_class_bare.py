# Tests uncaught exception raised as a class (no message): just the type name.
def stop():
    raise RuntimeError

print("about to stop")
stop()
