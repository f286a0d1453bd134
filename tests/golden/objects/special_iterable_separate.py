# Tests an iterable whose __iter__ returns a fresh iterator object, allowing repeated and nested iteration.
class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __iter__(self):
        return DeckIterator(self.cards)

    def __len__(self):
        return len(self.cards)

class DeckIterator:
    def __init__(self, cards):
        self.cards = cards
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= len(self.cards):
            raise StopIteration
        card = self.cards[self.i]
        self.i += 1
        return card

d = Deck(["A", "K", "Q"])

print("-- repeatable")
print(list(d), list(d))

print("-- nested iteration over the same iterable")
pairs = []
for x in d:
    for y in d:
        if x != y:
            pairs.append(x + y)
print(pairs)

print("-- independent iterators")
i1 = iter(d)
i2 = iter(d)
print(next(i1), next(i1), next(i2), type(i1).__name__)

print("-- changes to the underlying list are seen")
d.cards.append("J")
print(list(d), len(d))

print("-- a generator-based __iter__")
class Squares:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i * i
sq = Squares(5)
print(list(sq), sum(sq), [x for x in sq if x % 2])
