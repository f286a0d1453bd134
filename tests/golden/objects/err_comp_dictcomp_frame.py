# Tests a traceback from inside a dict comprehension calling a method: <dictcomp> frame then the method.
class Catalog:
    def __init__(self, prices):
        self.prices = prices

    def price_of(self, name):
        return self.prices[name]

cat = Catalog({"pen": 2, "ink": 5})
print({n: cat.price_of(n) for n in ["pen", "ink"]})
order = ["pen", "paper", "ink"]
print({n: cat.price_of(n) for n in order})
