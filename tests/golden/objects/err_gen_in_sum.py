# Tests a traceback from a generator expression consumed by sum(): the <genexpr> frame is shown.
class Item:
    def __init__(self, name, price):
        self.name = name
        self.price = price

items = [Item("a", 10), Item("b", 20), Item("c", None)]
print(sum(i.price * 2 for i in items[:2]))
print(sum(i.price * 2 for i in items))
