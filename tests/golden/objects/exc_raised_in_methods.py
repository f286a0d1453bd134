# Tests exceptions raised inside methods (including nested method calls and __init__) and caught by callers.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.shortfall = needed - available

class Account:
    def __init__(self, owner, balance):
        if balance < 0:
            raise ValueError(f"{owner}: initial balance {balance} is negative")
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        self._check(amount)
        self.balance -= amount
        return self.balance

    def _check(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)

    def transfer(self, other, amount):
        self.withdraw(amount)
        other.balance += amount

a = Account("ann", 100)
b = Account("bob", 20)

print("-- success")
print(a.withdraw(30))

print("-- raised two calls deep")
try:
    a.withdraw(500)
except InsufficientFunds as e:
    print("InsufficientFunds:", e, "shortfall", e.shortfall)
print(a.balance)

print("-- raised three calls deep, state unchanged")
try:
    b.transfer(a, 50)
except InsufficientFunds as e:
    print("transfer failed:", e)
print(a.balance, b.balance)

print("-- raised in __init__")
try:
    c = Account("cy", -5)
except ValueError as e:
    print("ValueError:", e)

print("-- finally inside a method still runs")
class Resource:
    def use(self, fail):
        try:
            print("  using")
            if fail:
                raise RuntimeError("use failed")
            return "ok"
        finally:
            print("  released")
r = Resource()
print(r.use(False))
try:
    r.use(True)
except RuntimeError as e:
    print("RuntimeError:", e)
