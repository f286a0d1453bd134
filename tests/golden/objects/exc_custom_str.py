# Tests custom __str__ (and __repr__) on exceptions and how print/str/repr/f-strings show them.
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem

    def __str__(self):
        return f"{self.field}: {self.problem}"

class Quiet(Exception):
    def __str__(self):
        return ""

class Fancy(Exception):
    def __repr__(self):
        return "Fancy<" + ",".join(map(str, self.args)) + ">"

try:
    raise ValidationError("age", "must be positive")
except ValidationError as e:
    print("-- custom __str__")
    print(e)
    print(str(e), "|", repr(e), "|", e.args)
    print(f"error: {e}", [e])

try:
    raise Quiet("hidden")
except Quiet as e:
    print("-- empty __str__")
    print(repr(str(e)), e.args, repr(e))

try:
    raise Fancy(1, 2)
except Fancy as e:
    print("-- custom __repr__ only")
    print(e, repr(e), [e])

print("-- collecting errors and reporting")
errors = []
for field, value in [("name", ""), ("age", -3), ("email", "x@y")]:
    try:
        if not value:
            raise ValidationError(field, "is empty")
        if isinstance(value, int) and value < 0:
            raise ValidationError(field, f"{value} < 0")
    except ValidationError as e:
        errors.append(e)
print(len(errors))
for e in errors:
    print(" *", e)
