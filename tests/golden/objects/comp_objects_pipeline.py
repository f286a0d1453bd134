# Tests comprehensions over instances calling methods and properties, building new instances and reports.
class Student:
    def __init__(self, name, grades):
        self.name = name
        self.grades = grades

    @property
    def average(self):
        return sum(self.grades) / len(self.grades)

    def passed(self, cutoff=60):
        return self.average >= cutoff

    def __repr__(self):
        return f"Student({self.name!r})"

roster = [Student("ann", [90, 85, 77]), Student("bob", [40, 55, 61]),
          Student("cy", [70, 65, 80]), Student("di", [30, 45, 50])]

print("-- filtering by method")
print([s for s in roster if s.passed()])
print([s.name for s in roster if not s.passed(50)])

print("-- property values")
print([f"{s.average:.2f}" for s in roster])
print({s.name: s.average > 70 for s in roster})

print("-- new instances from a comprehension")
curved = [Student(s.name, [g + 10 for g in s.grades]) for s in roster]
print([(s.name, s.passed()) for s in curved])

print("-- best per list, via max with a generator")
print(max(roster, key=lambda s: s.average), min((s for s in roster), key=lambda s: s.average))

print("-- all grades flattened and ranked")
ranked = sorted(((g, s.name) for s in roster for g in s.grades), reverse=True)
print(ranked[:4])
