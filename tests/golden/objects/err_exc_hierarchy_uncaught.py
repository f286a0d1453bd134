# Tests an uncaught leaf exception of a three-level hierarchy escaping an except clause for a sibling.
class AppError(Exception):
    pass

class StorageError(AppError):
    pass

class DiskFull(StorageError):
    def __init__(self, needed):
        super().__init__(f"need {needed} more bytes")
        self.needed = needed

class NetworkError(AppError):
    pass

def save(size):
    if size > 100:
        raise DiskFull(size - 100)
    return size

try:
    print(save(10))
    print(save(500))
except NetworkError:
    print("network problem")
