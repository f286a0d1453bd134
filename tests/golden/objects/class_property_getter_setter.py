# Tests @property with getter and setter: validation, derived values, and caught errors from the setter.
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = 0
        self.balance = balance

    @property
    def balance(self):
        print("  (get balance)")
        return self._balance

    @balance.setter
    def balance(self, value):
        print(f"  (set balance {value})")
        if value < 0:
            raise ValueError(f"negative balance: {value}")
        self._balance = value

    @property
    def rich(self):
        return self._balance >= 1000

print("-- getter and setter")
a = Account("ann", 50)
print(a.balance)
a.balance = 2000
print(a.balance, a.rich)

print("-- augmented assignment uses both")
a.balance += 5
print(a._balance)

print("-- setter validation")
try:
    a.balance = -1
except ValueError as e:
    print("ValueError:", e)
print(a._balance)

print("-- read-only property")
try:
    a.rich = False
except AttributeError as e:
    print("AttributeError:", e)

print("-- property object on the class")
print(type(Account.balance).__name__)

class Celsius:
    def __init__(self, c):
        self.c = c

    @property
    def f(self):
        return self.c * 9 / 5 + 32

    @f.setter
    def f(self, value):
        self.c = (value - 32) * 5 / 9

print("-- derived property with setter")
t = Celsius(100)
print(t.c, t.f)
t.f = 32
print(t.c, t.f)
t.f = 212
print(t.c, t.f)
