# Tests a traceback through a property getter (frame named after the property) that raises.
class Temperature:
    def __init__(self, readings):
        self.readings = readings

    @property
    def average(self):
        return sum(self.readings) / len(self.readings)

t = Temperature([20, 22, 24])
print(t.average)
empty = Temperature([])
print("about to read average")
print(empty.average)
