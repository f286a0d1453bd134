# Tests a traceback from a bound method stored in a list and called later through a callback dispatcher.
class Sensor:
    def __init__(self, name, readings):
        self.name = name
        self.readings = readings

    def latest(self):
        return self.readings[-1]

def poll(callbacks):
    for cb in callbacks:
        print("reading:", cb())

sensors = [Sensor("t1", [20, 21]), Sensor("t2", [])]
poll([s.latest for s in sensors])
