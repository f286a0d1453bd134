# Tests polymorphic dispatch over a list of objects of different subclasses of a common base.
class Employee:
    raise_pct = 3

    def __init__(self, name, salary):
        self.name = name
        self.salary = salary

    def pay(self):
        return self.salary

    def title(self):
        return "employee"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    def give_raise(self):
        self.salary += self.salary * self.raise_pct // 100

class Manager(Employee):
    raise_pct = 10

    def __init__(self, name, salary, reports):
        super().__init__(name, salary)
        self.reports = reports

    def pay(self):
        return super().pay() + 100 * len(self.reports)

    def title(self):
        return f"manager of {len(self.reports)}"

class Intern(Employee):
    raise_pct = 0

    def pay(self):
        return self.salary // 2

    def title(self):
        return "intern"

staff = [Employee("ann", 1000), Intern("ivan", 800)]
staff.append(Manager("mia", 2000, staff[:]))

print("-- dispatch")
for e in staff:
    print(e, e.title(), e.pay())

print("-- total payroll", sum(e.pay() for e in staff))

print("-- raises use per-class constants")
for e in staff:
    e.give_raise()
print([(e.name, e.salary) for e in staff])

print("-- sorted by pay")
print(sorted(staff, key=lambda e: e.pay()))
print(max(staff, key=Employee.pay))
