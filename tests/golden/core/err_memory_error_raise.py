# Tests an uncaught MemoryError raised explicitly (no message).
def allocate(n):
    if n > 1000:
        raise MemoryError
    return n

print(allocate(10))
allocate(10 ** 6)
