# Tests __radd__ making sum() work on instances (0 + v), plus mixing ints and instances on both sides.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        print(f"  __add__({self!r}, {other!r})")
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        print(f"  __radd__({self!r}, {other!r})")
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __repr__(self):
        return f"Money({self.cents})"

wallet = [Money(100), Money(250), Money(5)]

print("-- sum() starts with 0 + first item")
print(sum(wallet))

print("-- sum with a Money start value")
print(sum(wallet, Money(1000)))

print("-- int on the left")
print(7 + Money(3))
print("-- int on the right")
print(Money(3) + 7)

print("-- sum of empty list is the start")
print(sum([], Money(0)), sum([]))

print("-- unsupported right operand")
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" + Money(1)
except TypeError as e:
    print("TypeError:", e)
