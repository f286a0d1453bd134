# Tests __hash__ with __eq__ so equal instances work as the same dict key; counting and grouping.
class Pos:
    def __init__(self, r, c):
        self.r = r
        self.c = c

    def __eq__(self, other):
        return isinstance(other, Pos) and (self.r, self.c) == (other.r, other.c)

    def __hash__(self):
        return self.r * 1000 + self.c

    def __repr__(self):
        return f"Pos({self.r}, {self.c})"

print("-- equal instances find the same entry")
board = {Pos(0, 0): "rook", Pos(0, 4): "king"}
print(board[Pos(0, 4)], Pos(0, 0) in board, Pos(1, 1) in board)

print("-- overwriting with an equal key keeps the first key object")
board[Pos(0, 0)] = "queen"
print(board, len(board))

print("-- counting")
visits = {}
for r, c in [(1, 2), (3, 4), (1, 2), (1, 2), (3, 4), (5, 5)]:
    p = Pos(r, c)
    visits[p] = visits.get(p, 0) + 1
print(visits)

print("-- get, pop, del with fresh instances")
print(visits.get(Pos(5, 5)), visits.get(Pos(9, 9), "none"))
print(visits.pop(Pos(3, 4)))
del visits[Pos(1, 2)]
print(visits)

print("-- hash collisions still compare with __eq__")
class Bad:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __hash__(self):
        return 1
    def __repr__(self):
        return f"Bad({self.v})"
d = {Bad(1): "one", Bad(2): "two", Bad(1): "uno"}
print(d, d[Bad(2)])

print("-- __hash__ = None makes it unhashable")
class NoHash:
    __hash__ = None
try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError:", e)
