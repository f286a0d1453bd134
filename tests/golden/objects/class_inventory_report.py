# Tests a small inventory system: classes with properties, class methods, sorting and formatted reports.
class Product:
    TAX = 20

    def __init__(self, sku, name, price_cents, qty):
        self.sku = sku
        self.name = name
        self.price_cents = price_cents
        self.qty = qty

    @property
    def value(self):
        return self.price_cents * self.qty

    @property
    def price_with_tax(self):
        return self.price_cents * (100 + self.TAX) // 100

    @classmethod
    def from_line(cls, line):
        sku, name, price, qty = line.split(",")
        return cls(sku, name, int(price), int(qty))

    def __repr__(self):
        return f"Product({self.sku!r})"

class Inventory:
    def __init__(self):
        self.products = []

    def add(self, p):
        self.products.append(p)
        return self

    def low_stock(self, threshold=5):
        return [p for p in self.products if p.qty < threshold]

    def total_value(self):
        return sum(p.value for p in self.products)

    def report(self):
        lines = []
        for p in sorted(self.products, key=lambda p: (-p.value, p.sku)):
            lines.append(f"{p.sku:<6}{p.name:<10}{p.qty:>4} x {p.price_cents / 100:>7.2f} = {p.value / 100:>9.2f}")
        lines.append(f"{'TOTAL':<30}{self.total_value() / 100:>12.2f}")
        return "\n".join(lines)

data = """A1,widget,250,40
B7,gadget,1999,3
C3,doohickey,75,120
D4,gizmo,4999,1"""

inv = Inventory()
for line in data.splitlines():
    inv.add(Product.from_line(line))
print(inv.report())
print("low stock:", inv.low_stock())
print("with tax:", [(p.sku, p.price_with_tax) for p in inv.products])
