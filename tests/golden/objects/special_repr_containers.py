# Tests that lists, tuples and dicts of instances print elements with __repr__, including sorting and join.
class Card:
    RANKS = "23456789TJQKA"

    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit

    def __repr__(self):
        return f"Card({self.rank!r}, {self.suit!r})"

    def __str__(self):
        return self.rank + self.suit

hand = [Card("K", "h"), Card("3", "s"), Card("A", "d"), Card("T", "c")]

print("-- list prints reprs")
print(hand)
print("-- str of elements via join")
print(" ".join(str(c) for c in hand))
print(" ".join(map(str, hand)))
print("-- tuple and dict")
print(tuple(hand[:2]))
print({c.suit: c for c in hand})
print({str(c): [c] for c in hand[:2]})
print("-- sorted with a key")
print(sorted(hand, key=lambda c: Card.RANKS.index(c.rank)))
print("-- single element tuple and nested")
print((hand[0],), [[hand[1]], (hand[2], None)])
print("-- repr of the list itself")
print(repr(hand[:1]), str(hand[:1]))
