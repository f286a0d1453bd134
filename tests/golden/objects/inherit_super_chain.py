# Tests a four-level super() chain where each level contributes to a result and to a log list.
class A:
    def __init__(self):
        self.log = ["A"]

    def build(self, x):
        return [("A", x)]

    def name(self):
        return "A"

class B(A):
    def __init__(self):
        super().__init__()
        self.log.append("B")

    def build(self, x):
        return super().build(x + 1) + [("B", x)]

    def name(self):
        return "B>" + super().name()

class C(B):
    def __init__(self):
        super().__init__()
        self.log.append("C")

    def build(self, x):
        return super().build(x * 2) + [("C", x)]

class D(C):
    def __init__(self):
        super().__init__()
        self.log.append("D")

    def build(self, x):
        r = super().build(x)
        r.append(("D", x))
        return r

    def name(self):
        return "D>" + super().name()

print("-- init chain")
for cls in [A, B, C, D]:
    print(cls.__name__, cls().log)

print("-- method chain skipping a level (C has no name())")
print(D().name(), C().name())

print("-- build chain")
print(D().build(5))
print(C().build(1))

print("-- super inside a loop")
class E(D):
    def name(self):
        parts = []
        for i in range(2):
            parts.append(super().name())
        return "|".join(parts)
print(E().name())
