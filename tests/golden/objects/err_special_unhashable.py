# Tests the uncaught TypeError when an instance defining __eq__ (but not __hash__) is used as a dict key.
class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

print(Key(1) == Key(1))
cache = {}
cache[Key(1)] = "one"
