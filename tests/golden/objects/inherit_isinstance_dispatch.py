# Tests isinstance-based dispatch in a hierarchy, order of checks, and issubclass on the classes.
class Expr:
    pass

class Num(Expr):
    def __init__(self, v):
        self.v = v

class BinOp(Expr):
    def __init__(self, left, right):
        self.left = left
        self.right = right

class Add(BinOp):
    symbol = "+"

class Mul(BinOp):
    symbol = "*"

class Sub(Add):
    symbol = "-"

def evaluate(e):
    if isinstance(e, Num):
        return e.v
    if isinstance(e, Sub):
        return evaluate(e.left) - evaluate(e.right)
    if isinstance(e, Add):
        return evaluate(e.left) + evaluate(e.right)
    if isinstance(e, Mul):
        return evaluate(e.left) * evaluate(e.right)
    raise TypeError("unknown node " + type(e).__name__)

def show(e):
    if isinstance(e, BinOp):
        return f"({show(e.left)} {e.symbol} {show(e.right)})"
    return str(e.v)

tree = Mul(Add(Num(2), Num(3)), Sub(Num(10), Mul(Num(2), Num(4))))
print("-- evaluate")
print(show(tree), "=", evaluate(tree))

print("-- subclass relations")
for cls in [Num, BinOp, Add, Mul, Sub]:
    print(cls.__name__, issubclass(cls, Expr), issubclass(cls, BinOp), issubclass(cls, Add))

print("-- unknown node")
try:
    evaluate(Expr())
except TypeError as e:
    print("TypeError:", e)
