# Tests the uncaught ValueError when __len__ returns a negative number.
class Weird:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

print(len(Weird(3)), bool(Weird(0)))
print(len(Weird(-1)))
