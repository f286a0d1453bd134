# Tests the traceback's last line for an exception raised with an empty string message.
def fail():
    raise RuntimeError("")

fail()
