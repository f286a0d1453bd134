# Tests the uncaught AttributeError for a misspelled method name called from inside another method.
class Report:
    def __init__(self, rows):
        self.rows = rows

    def total(self):
        return sum(self.rows)

    def render(self):
        return f"total={self.totl()}"

r = Report([1, 2, 3])
print(r.total())
print(r.render())
