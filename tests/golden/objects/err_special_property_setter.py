# Tests a traceback through a property setter that raises a custom exception on invalid input.
class InvalidAge(Exception):
    pass

class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age

    @property
    def age(self):
        return self._age

    @age.setter
    def age(self, value):
        if value < 0:
            raise InvalidAge(f"{self.name}: age {value} is negative")
        self._age = value

p = Person("ann", 30)
p.age = 31
print(p.name, p.age)
p.age = -1
