# Tests the traceback of a user exception raised inside a method called from another method.
class OutOfStock(Exception):
    pass

class Inventory:
    def __init__(self):
        self.items = {"apple": 3, "pear": 0}

    def take(self, name, n):
        have = self.items.get(name, 0)
        if have < n:
            raise OutOfStock(f"{name}: wanted {n}, have {have}")
        self.items[name] = have - n
        return self.items[name]

    def order(self, lines):
        for name, n in lines:
            left = self.take(name, n)
            print(f"took {n} {name}, {left} left")

inv = Inventory()
inv.order([("apple", 2), ("apple", 1), ("pear", 1)])
print("unreachable")
