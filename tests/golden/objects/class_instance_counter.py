# Tests class-level state updated through the class name from __init__, and instance ids assigned from it.
class Ticket:
    next_id = 1
    issued = []

    def __init__(self, holder):
        self.id = Ticket.next_id
        Ticket.next_id += 1
        self.holder = holder
        Ticket.issued.append(self)

    def __repr__(self):
        return f"Ticket#{self.id}({self.holder})"

    @classmethod
    def count(cls):
        return len(cls.issued)

    @classmethod
    def reset(cls):
        cls.next_id = 1
        cls.issued = []

print("-- issuing")
for name in ["ann", "bob", "cy"]:
    print(Ticket(name))
print(Ticket.count(), Ticket.next_id)
print(Ticket.issued)

print("-- instances see the class state")
t = Ticket.issued[0]
print(t.next_id, t.count())

print("-- reset")
Ticket.reset()
print(Ticket.count(), Ticket(("dee")), Ticket.issued)
