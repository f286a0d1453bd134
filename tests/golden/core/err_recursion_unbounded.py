# Tests RecursionError traceback with the "Previous line repeated N more times" summary.
def countdown(n):
    if n == -1:
        return 0
    return countdown(n + 1)

print("starting")
countdown(0)
