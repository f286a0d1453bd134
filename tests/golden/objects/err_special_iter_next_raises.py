# Tests a traceback from a custom iterator's __next__ raising a non-StopIteration error during a for loop.
class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.pos >= len(self.data):
            raise StopIteration
        item = self.data[self.pos]
        self.pos += 1
        return item.strip()

for line in Reader(["  a ", "b  ", 3, "d"]):
    print(repr(line))
