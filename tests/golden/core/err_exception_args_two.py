# Tests the traceback's last line for an exception with several args (tuple form).
print("raising")
raise ValueError("bad value", 42, [1, 2])
