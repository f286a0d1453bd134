# Tests the uncaught AttributeError for a misspelled instance attribute (with a "Did you mean" hint).
class Player:
    def __init__(self, name):
        self.name = name
        self.score = 0

    def win(self):
        self.score += 1

p = Player("ann")
p.win()
print(p.name, p.score)
print(p.scroe)
