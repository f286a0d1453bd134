# Tests class-level constants accessed through self, through the class name, and overridden in subclasses.
class Temperature:
    FREEZING = 0
    BOILING = 100
    UNITS = "C"
    LABELS = ("cold", "warm", "hot")

    def __init__(self, degrees):
        self.degrees = degrees

    def label(self):
        if self.degrees <= Temperature.FREEZING:
            return self.LABELS[0]
        if self.degrees >= self.BOILING:
            return self.LABELS[2]
        return self.LABELS[1]

    def show(self):
        return f"{self.degrees}{self.UNITS} ({self.label()})"

class Fahrenheit(Temperature):
    FREEZING = 32
    BOILING = 212
    UNITS = "F"

    def label(self):
        if self.degrees <= self.FREEZING:
            return self.LABELS[0]
        if self.degrees >= self.BOILING:
            return self.LABELS[2]
        return self.LABELS[1]

print("-- base constants")
print(Temperature.FREEZING, Temperature.BOILING, Temperature.UNITS)
for d in [-5, 0, 20, 100, 150]:
    print(Temperature(d).show())

print("-- subclass overrides")
print(Fahrenheit.FREEZING, Fahrenheit.UNITS, Fahrenheit.LABELS)
for d in [10, 32, 70, 212]:
    print(Fahrenheit(d).show())

print("-- constants computed from other constants")
class Grid:
    WIDTH = 4
    HEIGHT = 3
    CELLS = WIDTH * HEIGHT
    ROW = [0] * WIDTH
    NAMES = [f"c{i}" for i in range(3)]
print(Grid.CELLS, Grid.ROW, Grid.NAMES)

print("-- constant lookup order: instance, class")
t = Temperature(50)
t.UNITS = "K?"
print(t.show(), Temperature(50).show())
