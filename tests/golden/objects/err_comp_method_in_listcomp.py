# Tests a traceback from a method raising a user exception while called inside a list comprehension in a method.
class Invalid(Exception):
    pass

class Validator:
    def __init__(self, limit):
        self.limit = limit

    def check(self, v):
        if v > self.limit:
            raise Invalid(f"{v} exceeds {self.limit}")
        return v

    def check_all(self, values):
        return [self.check(v) for v in values]

val = Validator(10)
print(val.check_all([1, 5, 10]))
print(val.check_all([3, 11, 2]))
