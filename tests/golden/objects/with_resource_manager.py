# Tests a realistic resource manager: acquisition counts, rollback on error, and reuse across calls.
class Transaction:
    active = 0

    def __init__(self, db):
        self.db = db
        self.pending = {}

    def __enter__(self):
        Transaction.active += 1
        return self

    def set(self, key, value):
        if value is None:
            raise ValueError(f"None for {key}")
        self.pending[key] = value

    def __exit__(self, et, ev, tb):
        Transaction.active -= 1
        if et is None:
            self.db.update(self.pending)
            print(f"  commit {sorted(self.pending)}")
        else:
            print(f"  rollback {sorted(self.pending)} because {et.__name__}: {ev}")
        return et is ValueError

db = {}
print("-- successful transaction")
with Transaction(db) as t:
    t.set("a", 1)
    t.set("b", 2)
    print("  active:", Transaction.active)
print(db, Transaction.active)

print("-- failing transaction is rolled back and ValueError suppressed")
with Transaction(db) as t:
    t.set("c", 3)
    t.set("d", None)
    t.set("e", 5)
print(db, Transaction.active)

print("-- other errors propagate after rollback")
try:
    with Transaction(db) as t:
        t.set("f", 6)
        t.missing_method()
except AttributeError as e:
    print("AttributeError:", e)
print(db, Transaction.active)

print("-- nested transactions")
with Transaction(db) as outer:
    outer.set("x", 1)
    with Transaction(db) as inner:
        inner.set("y", 2)
        print("  active:", Transaction.active)
print(db)
