# Tests the uncaught TypeError when iterating over an instance that has no __iter__ or __getitem__.
class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

b = Bag(1, 2, 3)
print(len(b))
for x in b:
    print(x)
