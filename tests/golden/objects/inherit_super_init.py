# Tests zero-argument super().__init__ in single-inheritance chains, with extra attributes per level.
class Vehicle:
    def __init__(self, wheels, name="vehicle"):
        print(f"  Vehicle.__init__({wheels}, {name!r})")
        self.wheels = wheels
        self.name = name

    def describe(self):
        return f"{self.name} with {self.wheels} wheels"

class Car(Vehicle):
    def __init__(self, brand):
        print(f"  Car.__init__({brand!r})")
        super().__init__(4, name="car")
        self.brand = brand

class SportsCar(Car):
    def __init__(self, brand, top_speed):
        print(f"  SportsCar.__init__({brand!r}, {top_speed})")
        super().__init__(brand)
        self.top_speed = top_speed

class Bike(Vehicle):
    pass

print("-- base")
v = Vehicle(3)
print(v.describe())

print("-- one level")
c = Car("volvo")
print(c.describe(), c.brand)

print("-- two levels")
s = SportsCar("ferrari", 320)
print(s.describe(), s.brand, s.top_speed)

print("-- inherited __init__")
b = Bike(2, "bike")
print(b.describe())

print("-- subclass without calling super().__init__")
class Broken(Vehicle):
    def __init__(self):
        self.extra = 1
x = Broken()
print(x.extra, hasattr(x, "wheels"))
