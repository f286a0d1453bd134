# Tests a traceback passing through `yield from` delegation into a sub-generator method that raises.
class Reader:
    def __init__(self, chunks):
        self.chunks = chunks

    def chunk_items(self, chunk):
        for item in chunk:
            yield 100 // item

    def all_items(self):
        for chunk in self.chunks:
            yield from self.chunk_items(chunk)

r = Reader([[1, 2], [4, 0, 5]])
total = 0
for v in r.all_items():
    total += v
    print("running total", total)
